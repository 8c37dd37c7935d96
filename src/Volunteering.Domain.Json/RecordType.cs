using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json;

/// <summary>
/// How one payload type is stored: its stable type name, its current schema version (which every write uses), and a
/// reader for every schema version it can still read. Create one with <see cref="RecordType{T}"/> and register it with
/// <see cref="JsonRecordSerializerBuilder.Register"/>.
/// </summary>
/// <remarks>A type name is never renamed and a schema version, once written, is always readable: adding a field means a
/// new current version whose reader fills the field's default for older records, which keep their own reader.</remarks>
public abstract class RecordType
{
    /// <summary>The longest type name, in characters.</summary>
    public const int MaxTypeNameLength = 64;

    private protected RecordType(string typeName, int currentVersion, Type payloadType)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (!IsValidTypeName(typeName))
        {
            throw new ArgumentException(
                $"A type name is 1 to {MaxTypeNameLength} characters of lower-case ASCII letters, digits, '.' and '-', starting with a letter; got \"{typeName}\".",
                nameof(typeName));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(currentVersion, 1);
        TypeName = typeName;
        CurrentVersion = currentVersion;
        PayloadType = payloadType;
    }

    /// <summary>The stable type name, e.g. <c>ledger.entry</c>.</summary>
    public string TypeName { get; }

    /// <summary>The schema version every write uses, 1 or more.</summary>
    public int CurrentVersion { get; }

    /// <summary>The CLR type of the payload; a payload is matched by its exact runtime type.</summary>
    public Type PayloadType { get; }

    /// <summary>The schema versions this type reads, in ascending order; always includes <see cref="CurrentVersion"/>.</summary>
    public abstract IReadOnlyList<int> ReadableVersions { get; }

    /// <summary>True when a record of <paramref name="schemaVersion"/> can be read.</summary>
    /// <param name="schemaVersion">The stored schema version.</param>
    public abstract bool CanRead(int schemaVersion);

    /// <summary>True for a valid type name: 1 to <see cref="MaxTypeNameLength"/> characters of <c>[a-z0-9.-]</c>,
    /// starting with a letter.</summary>
    /// <param name="typeName">The candidate.</param>
    public static bool IsValidTypeName([NotNullWhen(true)] string? typeName)
    {
        if (string.IsNullOrEmpty(typeName) || typeName.Length > MaxTypeNameLength || !char.IsAsciiLetterLower(typeName[0])) return false;
        foreach (var c in typeName)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')) return false;
        }

        return true;
    }

    /// <summary>A record type written and read through source-generated System.Text.Json metadata. Give the context
    /// strict options (<c>UnmappedMemberHandling = Disallow</c>, <c>AllowDuplicateProperties = false</c>,
    /// <c>RespectNullableAnnotations = true</c>, <c>RespectRequiredConstructorParameters = true</c>), as
    /// <see cref="VolunteeringJsonContext"/> does, so malformed records are refused rather than half-filled.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="typeName">The stable type name.</param>
    /// <param name="currentVersion">The current schema version.</param>
    /// <param name="typeInfo">The metadata; it must write <typeparamref name="T"/> as a JSON object.</param>
    /// <returns>The record type.</returns>
    public static RecordType<T> FromJsonTypeInfo<T>(string typeName, int currentVersion, JsonTypeInfo<T> typeInfo)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new RecordType<T>(
            typeName,
            currentVersion,
            (writer, value) => JsonSerializer.Serialize(writer, value, typeInfo),
            ReaderFromJsonTypeInfo(typeInfo, static (T value) => value));
    }

    /// <summary>A reader that deserializes a stored shape through source-generated metadata and converts it to
    /// <typeparamref name="T"/>: the usual reader for an older schema version.</summary>
    /// <typeparam name="TStored">The type the stored JSON deserializes to (for an old version, a type describing the
    /// old shape).</typeparam>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="typeInfo">The metadata of <typeparamref name="TStored"/>.</param>
    /// <param name="convert">Turns the stored shape into today's value.</param>
    /// <returns>The reader.</returns>
    public static RecordDataReader<T> ReaderFromJsonTypeInfo<TStored, T>(JsonTypeInfo<TStored> typeInfo, Func<TStored, T> convert)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(convert);
        return (ref Utf8JsonReader reader, string path) =>
        {
            var stored = JsonSerializer.Deserialize(ref reader, typeInfo);
            if (stored is null) throw new RecordFormatException("The data must be a JSON object, not null.", path);
            return convert(stored);
        };
    }

    /// <summary><c>type-name v1 (PayloadType)</c>.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{TypeName} v{CurrentVersion} ({PayloadType.Name})");

    /// <summary>Writes the payload as the current version's JSON object.</summary>
    internal abstract void WriteData(Utf8JsonWriter writer, object payload);

    /// <summary>Reads a payload of <paramref name="schemaVersion"/> from the object the reader is on.</summary>
    internal abstract object ReadData(int schemaVersion, ref Utf8JsonReader reader, string path);
}

using System.Globalization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json;

/// <summary>
/// How payloads of type <typeparamref name="T"/> are stored: a type name, the current schema version with its writer
/// and reader, and readers for older versions (<see cref="WithReader"/>). Immutable: <see cref="WithReader"/> returns a
/// new instance.
/// </summary>
/// <typeparam name="T">The payload type, matched exactly (not its subclasses).</typeparam>
/// <example>
/// A type whose version 2 added an optional <c>note</c> field keeps reading version 1:
/// <code>
/// var profile = RecordType.FromJsonTypeInfo("volunteer.profile", 2, MyContext.Default.Profile)
///     .WithReader(1, RecordType.ReaderFromJsonTypeInfo(MyContext.Default.ProfileV1, v1 =&gt; v1.Upgrade()));
/// var serializer = JsonRecordSerializer.CreateBuilder().Register(profile).Build();
/// </code>
/// </example>
public sealed class RecordType<T> : RecordType
    where T : notnull
{
    private readonly RecordDataWriter<T> _writer;
    private readonly RecordDataReader<T>?[] _readers; // indexed by schema version
    private readonly int[] _readableVersions;

    /// <summary>Creates a record type with a writer and a reader for its current version.</summary>
    /// <param name="typeName">The stable type name: 1 to 64 characters of <c>[a-z0-9.-]</c>, starting with a letter
    /// (see <see cref="RecordType.IsValidTypeName"/>). Never rename a type once records of it exist.</param>
    /// <param name="currentVersion">The schema version every write uses, 1 or more.</param>
    /// <param name="writer">Writes a value as the current version's JSON object.</param>
    /// <param name="reader">Reads the current version's JSON object.</param>
    /// <exception cref="ArgumentException">The type name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="currentVersion"/> is below 1.</exception>
    /// <exception cref="ArgumentNullException">The writer or reader is null.</exception>
    public RecordType(string typeName, int currentVersion, RecordDataWriter<T> writer, RecordDataReader<T> reader)
        : base(typeName, currentVersion, typeof(T))
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reader);
        _writer = writer;
        _readers = new RecordDataReader<T>?[currentVersion + 1];
        _readers[currentVersion] = reader;
        _readableVersions = [currentVersion];
    }

    private RecordType(RecordType<T> source, int schemaVersion, RecordDataReader<T> reader)
        : base(source.TypeName, source.CurrentVersion, typeof(T))
    {
        _writer = source._writer;
        _readers = (RecordDataReader<T>?[])source._readers.Clone();
        _readers[schemaVersion] = reader;
        _readableVersions = [.. source._readableVersions, schemaVersion];
        Array.Sort(_readableVersions);
    }

    /// <inheritdoc />
    public override IReadOnlyList<int> ReadableVersions => _readableVersions;

    /// <inheritdoc />
    public override bool CanRead(int schemaVersion) => (uint)schemaVersion < (uint)_readers.Length && _readers[schemaVersion] is not null;

    /// <summary>A copy of this type that can also read records of an older schema version.</summary>
    /// <param name="schemaVersion">The older version: 1 or more, below <see cref="RecordType.CurrentVersion"/>, not
    /// already readable.</param>
    /// <param name="reader">Reads that version's JSON object and returns the value as of today (filling defaults for
    /// fields added since).</param>
    /// <returns>The new record type; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The version is not below the current one, or below 1.</exception>
    /// <exception cref="ArgumentException">The version already has a reader.</exception>
    public RecordType<T> WithReader(int schemaVersion, RecordDataReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(schemaVersion, CurrentVersion);
        if (CanRead(schemaVersion))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{TypeName} already has a reader for schema version {schemaVersion}."), nameof(schemaVersion));
        }

        return new RecordType<T>(this, schemaVersion, reader);
    }

    /// <inheritdoc />
    internal override void WriteData(Utf8JsonWriter writer, object payload) => _writer(writer, (T)payload);

    /// <inheritdoc />
    internal override object ReadData(int schemaVersion, ref Utf8JsonReader reader, string path)
    {
        var read = _readers[schemaVersion]!;
        var depth = reader.CurrentDepth;
        T value;
        try
        {
            value = read(ref reader, path);
        }
        catch (RecordFormatException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            throw RecordErrors.Create(Context(schemaVersion), JsonPath.Rebase(path, ex.Path), ex.Message, ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or InvalidOperationException)
        {
            throw RecordErrors.Create(Context(schemaVersion), path, ex.Message, ex);
        }

        if (value is null) throw RecordErrors.Create(Context(schemaVersion), path, "the reader returned null");
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != depth)
        {
            throw new InvalidOperationException($"The reader of {Context(schemaVersion)} did not stop on the end of the object it was given.");
        }

        return value;
    }

    private string Context(int schemaVersion) => string.Create(CultureInfo.InvariantCulture, $"{TypeName} v{schemaVersion}");
}

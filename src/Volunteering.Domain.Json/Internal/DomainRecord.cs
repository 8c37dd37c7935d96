using System.Collections.Frozen;

namespace Volunteering.Domain.Json.Internal;

/// <summary>Builds a record type for a domain event or value written as one flat JSON object by a
/// <see cref="FieldWriter"/> and read back by a <see cref="FieldReader"/>.</summary>
internal static class DomainRecord
{
    /// <summary>The schema version of every domain-event record type so far.</summary>
    public const int Version1 = 1;

    /// <summary>A version-1 record type.</summary>
    /// <param name="typeName">The stable type name.</param>
    /// <param name="fields">Every field name the object may hold, in the order the writer writes them.</param>
    /// <param name="write">Writes the fields (the object's braces are written around them).</param>
    /// <param name="read">Reads the fields and builds the value.</param>
    public static RecordType<T> Define<T>(string typeName, string[] fields, Action<FieldWriter, T> write, Func<FieldReader, T> read)
        where T : class
    {
        var allowed = fields.ToFrozenSet(StringComparer.Ordinal);
        var context = $"{typeName} v{Version1}";
        return new RecordType<T>(
            typeName,
            Version1,
            (writer, value) =>
            {
                ArgumentNullException.ThrowIfNull(value);
                writer.WriteStartObject();
                write(new FieldWriter(writer, typeName), value);
                writer.WriteEndObject();
            },
            (ref Utf8JsonReader reader, string path) => FieldReader.Read(ref reader, path, context, allowed, read));
    }
}

namespace Volunteering.Domain.Storage;

/// <summary>
/// Turns record payloads and snapshot states into bytes with a type name and schema version, and back. Durable stores
/// take one (the <c>Volunteering.Domain.Json</c> package provides the standard one); the in-memory store needs none.
/// </summary>
public interface IRecordSerializer
{
    /// <summary>Serializes a payload.</summary>
    /// <param name="payload">A payload of a type the serializer knows.</param>
    /// <returns>The type name, schema version and bytes to store.</returns>
    /// <exception cref="NotSupportedException">The payload's type is not known to the serializer.</exception>
    SerializedPayload Serialize(object payload);

    /// <summary>Reads a payload back.</summary>
    /// <param name="typeName">The stored type name.</param>
    /// <param name="schemaVersion">The stored schema version.</param>
    /// <param name="data">The stored bytes.</param>
    /// <returns>The payload, fully built and checked.</returns>
    /// <exception cref="RecordFormatException">The type is unknown, the version unsupported or the bytes malformed; the
    /// message names the field.</exception>
    object Deserialize(string typeName, int schemaVersion, ReadOnlySpan<byte> data);
}

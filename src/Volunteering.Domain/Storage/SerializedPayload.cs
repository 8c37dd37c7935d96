namespace Volunteering.Domain.Storage;

/// <summary>A payload as bytes, with what is needed to read it back.</summary>
/// <param name="TypeName">The stable type name, e.g. <c>ledger.entry</c>.</param>
/// <param name="SchemaVersion">The schema version of <paramref name="Data"/>, 1 or more.</param>
/// <param name="Data">The bytes (UTF-8 JSON for the standard serializer).</param>
public readonly record struct SerializedPayload(string TypeName, int SchemaVersion, ReadOnlyMemory<byte> Data);

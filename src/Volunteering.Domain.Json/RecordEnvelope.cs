namespace Volunteering.Domain.Json;

/// <summary>A record read from a self-describing envelope <c>{"type":…,"schemaVersion":…,"data":{…}}</c>.</summary>
/// <param name="TypeName">The stored type name, e.g. <c>ledger.entry</c>.</param>
/// <param name="SchemaVersion">The schema version the data was written in (it may be older than the type's current
/// version; the payload has been read with that version's reader).</param>
/// <param name="Payload">The payload, fully built and checked.</param>
public readonly record struct RecordEnvelope(string TypeName, int SchemaVersion, object Payload);

namespace Volunteering.Domain.Json;

/// <summary>Writes one value of a record type as the JSON object of the type's current schema version: exactly one
/// object, from <see cref="Utf8JsonWriter.WriteStartObject()"/> to <see cref="Utf8JsonWriter.WriteEndObject"/>.</summary>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="writer">The writer, positioned where the object goes.</param>
/// <param name="value">The value to write.</param>
/// <exception cref="ArgumentException">The value cannot be stored (it would not read back).</exception>
public delegate void RecordDataWriter<in T>(Utf8JsonWriter writer, T value);

namespace Volunteering.Domain.Json;

/// <summary>Reads one value of a record type from the JSON object of one schema version. The reader is on the object's
/// <see cref="JsonTokenType.StartObject"/> and must be left on its matching <see cref="JsonTokenType.EndObject"/>.
/// Build the value only after every field has been read and checked, so nothing half-built escapes.</summary>
/// <typeparam name="T">The payload type.</typeparam>
/// <param name="reader">The reader, on the object's start.</param>
/// <param name="path">The JSON path of the object (<c>$</c> for stored data, <c>$.data</c> inside an envelope), to
/// prefix field names with in errors: <c>path + ".amount"</c>.</param>
/// <returns>The value, fully built and checked.</returns>
/// <exception cref="Storage.RecordFormatException">The object is malformed; <see cref="Storage.RecordFormatException.Path"/>
/// names the field. A <see cref="JsonException"/>, <see cref="FormatException"/>, <see cref="ArgumentException"/>,
/// <see cref="OverflowException"/> or <see cref="InvalidOperationException"/> thrown instead is turned into a
/// <see cref="Storage.RecordFormatException"/> at <paramref name="path"/> (or at the exception's own JSON path).</exception>
public delegate T RecordDataReader<out T>(ref Utf8JsonReader reader, string path);

using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;

namespace Volunteering.Domain.Json.Converters;

/// <summary>An id wrapper over a <see cref="Guid"/> as its 36-character lower-case string
/// (<c>"3f2a1c4e-…"</c>); reading accepts the same form in either case and nothing else.</summary>
/// <typeparam name="T">The id type.</typeparam>
internal abstract class GuidIdJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value)) return FromGuid(value);
        throw new JsonException($"A {typeof(T).Name} must be a GUID string in the 36-character form; got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToGuid(value));
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TryGetGuid(out var value)) return FromGuid(value);
        throw new JsonException($"A {typeof(T).Name} key must be a GUID string in the 36-character form; got \"{JsonPath.RawText(ref reader)}\".");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(ToGuid(value).ToString("D", null));
    }

    protected abstract T FromGuid(Guid value);

    protected abstract Guid ToGuid(T value);
}

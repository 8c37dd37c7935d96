using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Volunteering.Domain.Json.Converters;

/// <summary>An <see cref="Interval"/> as one ISO-8601 string <c>"start/end"</c> of extended ISO instants
/// (<c>"2026-03-03T06:00:00Z/2026-03-03T09:00:00Z"</c>; an open end is left empty), by
/// <c>NodaConverters.IsoIntervalConverter</c>.</summary>
internal sealed class IntervalJsonConverter : JsonConverter<Interval>
{
    public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An interval must be a string \"start/end\" of ISO instants.");
        }

        try
        {
            return NodaConverters.IsoIntervalConverter.Read(ref reader, typeToConvert, options);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new JsonException("An interval must be a string \"start/end\" of ISO instants.", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options)
        => NodaConverters.IsoIntervalConverter.Write(writer, value, options);
}

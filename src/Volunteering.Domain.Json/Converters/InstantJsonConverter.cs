using System.Text.Json.Serialization;
using NodaTime;
using Volunteering.Domain.Json.Internal;

namespace Volunteering.Domain.Json.Converters;

/// <summary>An <see cref="Instant"/> as NodaTime's extended ISO text in UTC (<c>"2026-03-03T06:00:00Z"</c>), the
/// form of <c>NodaConverters.InstantConverter</c>, which handles whatever the fast path does not.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => InstantJson.TryRead(ref reader, out var value)
            ? value
            : throw new JsonException($"Expected {InstantJson.Expected}; got {RecordErrors.Describe(ref reader)}.");

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        InstantJson.WriteValue(writer, value);
    }
}

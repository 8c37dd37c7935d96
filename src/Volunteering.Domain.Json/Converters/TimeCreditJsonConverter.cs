using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="TimeCredit"/> as its integer number of minutes (<c>204</c> for 3h24m).</summary>
internal sealed class TimeCreditJsonConverter : JsonConverter<TimeCredit>
{
    public override TimeCredit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var minutes)) return TimeCredit.FromMinutes(minutes);
        throw new JsonException($"A time credit must be a whole number of minutes; got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, TimeCredit value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Minutes);
    }
}

using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Json.Internal;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="LocalDateTime"/> as NodaTime's extended ISO text <c>"2026-03-03T14:00:00"</c> with up to 9
/// fractional digits and no offset (<see cref="LocalDateTimePattern.ExtendedIso"/>, the form of
/// <c>NodaConverters.LocalDateTimeConverter</c>); only ISO-calendar values are written.</summary>
internal sealed class LocalDateTimeJsonConverter : JsonConverter<LocalDateTime>
{
    private const int MaxTokenBytes = 40 * 6;

    public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= MaxTokenBytes)
        {
            try
            {
                var parsed = LocalDateTimePattern.ExtendedIso.Parse(reader.GetString()!);
                if (parsed.Success) return parsed.Value;
            }
            catch (InvalidOperationException)
            {
                // not valid text: refused below
            }
        }

        throw new JsonException($"A local date and time must be a string in the form 2026-03-03T14:00:00 (no offset); got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Calendar != CalendarSystem.Iso) throw new JsonException($"Only ISO-calendar values are written; got the {value.Calendar.Id} calendar.");
        writer.WriteStringValue(LocalDateTimePattern.ExtendedIso.Format(value));
    }
}

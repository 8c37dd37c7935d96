using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Json.Internal;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="LocalDate"/> as NodaTime's ISO date text <c>"2026-03-03"</c> (<see cref="LocalDatePattern.Iso"/>,
/// the form of <c>NodaConverters.LocalDateConverter</c>); only ISO-calendar dates are written.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    private const int MaxTokenBytes = 16 * 6;

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= MaxTokenBytes)
        {
            try
            {
                var parsed = LocalDatePattern.Iso.Parse(reader.GetString()!);
                if (parsed.Success) return parsed.Value;
            }
            catch (InvalidOperationException)
            {
                // not valid text: refused below
            }
        }

        throw new JsonException($"A date must be a string in the form 2026-03-03 (ISO calendar); got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Calendar != CalendarSystem.Iso) throw new JsonException($"Only ISO-calendar dates are written; got the {value.Calendar.Id} calendar.");
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

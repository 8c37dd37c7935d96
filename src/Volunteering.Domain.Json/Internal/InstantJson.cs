using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Volunteering.Domain.Json.Internal;

/// <summary>Reads and writes instants as NodaTime's extended ISO text (see <see cref="InstantText"/>): the fast codec
/// for the common case, <see cref="NodaConverters.InstantConverter"/> for the rest.</summary>
internal static class InstantJson
{
    /// <summary>No valid instant is longer than this even with every character escaped (30 characters × 6).</summary>
    private const int MaxTokenBytes = InstantText.MaxLength * 6;

    private static readonly JsonSerializerOptions NodaOptions = new();

    /// <summary>A human example for messages.</summary>
    public const string Expected = "an instant string in the form 2026-03-03T06:00:00Z (UTC, up to 9 fractional digits)";

    /// <summary>Writes a property holding the instant.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, Instant value)
    {
        Span<byte> buffer = stackalloc byte[InstantText.MaxLength];
        if (InstantText.TryFormat(value, buffer, out var written))
        {
            writer.WriteString(name, buffer[..written]);
            return;
        }

        writer.WritePropertyName(name);
        NodaConverters.InstantConverter.Write(writer, value, NodaOptions);
    }

    /// <summary>Writes the instant as a value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, Instant value)
    {
        Span<byte> buffer = stackalloc byte[InstantText.MaxLength];
        if (InstantText.TryFormat(value, buffer, out var written))
        {
            writer.WriteStringValue(buffer[..written]);
            return;
        }

        NodaConverters.InstantConverter.Write(writer, value, NodaOptions);
    }

    /// <summary>Reads the instant from the token the reader is on; false when it is not a string or not an instant.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out Instant value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && InstantText.TryParse(reader.ValueSpan, out value)) return true;
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > MaxTokenBytes) return false;
        try
        {
            value = NodaConverters.InstantConverter.Read(ref reader, typeof(Instant), NodaOptions);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            value = default;
            return false;
        }
    }
}

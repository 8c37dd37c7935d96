using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="CurrencyCode"/> as its three upper-case letters (<c>"CNY"</c>).</summary>
internal sealed class CurrencyCodeJsonConverter : JsonConverter<CurrencyCode>
{
    public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => TryRead(ref reader, out var code)
            ? code
            : throw new JsonException($"A currency must be three upper-case letters such as \"CNY\"; got {RecordErrors.Describe(ref reader)}.");

    public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }

    /// <summary>Reads three ASCII letters A–Z from a string token.</summary>
    internal static bool TryRead(ref Utf8JsonReader reader, out CurrencyCode code)
    {
        code = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > 18) return false; // three characters, each at most a 6-byte escape
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (text.Length != 3 || text.AsSpan().ContainsAnyExceptInRange('A', 'Z')) return false;
        code = new CurrencyCode(text);
        return true;
    }
}

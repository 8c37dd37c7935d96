using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Json.Converters;

/// <summary>
/// <see cref="Money"/> as <c>{"fen":163200,"currency":"CNY"}</c>: the integer amount in minor units and the currency
/// code, both required, nothing else. A bare number would lose the currency and a text form such as <c>"¥1,632.00"</c>
/// would hide the integer behind a parser, so money is the one quantity written as a (two-field) object.
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    private static readonly JsonEncodedText FenName = JsonEncodedText.Encode("fen");
    private static readonly JsonEncodedText CurrencyName = JsonEncodedText.Encode("currency");

    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Money must be an object {{\"fen\":…,\"currency\":\"CNY\"}}; got {RecordErrors.Describe(ref reader)}.");
        }

        long? fen = null;
        CurrencyCode? currency = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(FenName.EncodedUtf8Bytes))
            {
                if (fen is not null) throw new JsonException("Money has the property \"fen\" twice.");
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
                {
                    throw new JsonException($"Money's \"fen\" must be a whole number; got {RecordErrors.Describe(ref reader)}.");
                }

                fen = value;
            }
            else if (reader.ValueTextEquals(CurrencyName.EncodedUtf8Bytes))
            {
                if (currency is not null) throw new JsonException("Money has the property \"currency\" twice.");
                reader.Read();
                if (!CurrencyCodeJsonConverter.TryRead(ref reader, out var code))
                {
                    throw new JsonException($"Money's \"currency\" must be three upper-case letters such as \"CNY\"; got {RecordErrors.Describe(ref reader)}.");
                }

                currency = code;
            }
            else
            {
                throw new JsonException($"Money has no property \"{JsonPath.RawText(ref reader)}\"; it has \"fen\" and \"currency\".");
            }
        }

        if (fen is null) throw new JsonException("Money requires \"fen\".");
        if (currency is null) throw new JsonException("Money requires \"currency\".");
        return new Money(fen.Value, currency.Value);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber(FenName, value.Fen);
        writer.WriteString(CurrencyName, value.Currency.Code);
        writer.WriteEndObject();
    }
}

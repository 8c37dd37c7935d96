using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="LedgerEvent"/> in the <c>ledger.entry</c> v1 form (the same bytes the record serializer
/// stores), for use through <see cref="VolunteeringJsonContext"/>.</summary>
internal sealed class LedgerEventJsonConverter : JsonConverter<LedgerEvent>
{
    public override LedgerEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A ledger entry must be a JSON object.");
        }

        try
        {
            return LedgerEntryCodec.Read(ref reader, "$");
        }
        catch (RecordFormatException ex)
        {
            throw new JsonException(ex.Message, ex.Path, null, null, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, LedgerEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        LedgerEntryCodec.Write(writer, value);
    }
}

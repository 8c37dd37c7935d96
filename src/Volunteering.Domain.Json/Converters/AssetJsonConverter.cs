using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Json.Converters;

/// <summary>An <see cref="Asset"/> as its integer code (1 time credit, 2 points, 156 CNY); 0 stands for the default
/// (no asset), which some DTOs hold.</summary>
internal sealed class AssetJsonConverter : JsonConverter<Asset>
{
    public override Asset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) && code >= 0)
        {
            return code == 0 ? default : new Asset(code);
        }

        throw new JsonException($"An asset must be its integer code, 0 or more; got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, Asset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Code);
    }
}

using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Json.Converters;

/// <summary><see cref="Points"/> as an integer number of points.</summary>
internal sealed class PointsJsonConverter : JsonConverter<Points>
{
    public override Points Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)) return Points.FromValue(value);
        throw new JsonException($"Points must be a whole number; got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, Points value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}

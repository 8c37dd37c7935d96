using System.Text.Json.Serialization;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Json.Internal;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="ServiceCategory"/> as its code string (<c>"elder-care"</c>): 1 to 32 characters of
/// <c>[a-z0-9-]</c>. The default (empty) category has no code and is refused both ways.</summary>
internal sealed class ServiceCategoryJsonConverter : JsonConverter<ServiceCategory>
{
    public override ServiceCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= ServiceCategory.MaxLength * 6)
        {
            string? code;
            try
            {
                code = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                code = null;
            }

            if (ServiceCategory.IsValid(code)) return new ServiceCategory(code);
        }

        throw new JsonException($"A service category must be a code of 1 to {ServiceCategory.MaxLength} characters of a-z, 0-9 and '-'; got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, ServiceCategory value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsEmpty) throw new JsonException("The default (empty) service category has no code to write.");
        writer.WriteStringValue(value.Code);
    }
}

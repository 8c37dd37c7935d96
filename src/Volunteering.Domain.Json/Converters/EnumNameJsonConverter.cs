using System.Text.Json.Serialization;
using Volunteering.Domain.Json.Internal;

namespace Volunteering.Domain.Json.Converters;

/// <summary>An enum as its member name (<c>"TransferPosted"</c>), never as a number; reading accepts exactly the
/// declared names (see <see cref="EnumNames{T}"/>).</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class EnumNameJsonConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var names = EnumNames<T>.Instance;
        if (names.TryRead(ref reader, out var value)) return value;
        throw new JsonException(reader.TokenType == JsonTokenType.String
            ? $"\"{JsonPath.RawText(ref reader)}\" is not a {EnumNames<T>.TypeName} name; expected one of {names.NameList}."
            : $"A {EnumNames<T>.TypeName} must be a name string; got {RecordErrors.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!EnumNames<T>.Instance.TryGetName(value, out var name))
        {
            throw new JsonException($"{value} is not a declared {EnumNames<T>.TypeName} member and has no name to write.");
        }

        writer.WriteStringValue(name);
    }
}

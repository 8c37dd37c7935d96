using System.Diagnostics.CodeAnalysis;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Internal;

/// <summary>Builds <see cref="RecordFormatException"/>s whose message starts with the record type and version and
/// whose <see cref="RecordFormatException.Path"/> names the field.</summary>
internal static class RecordErrors
{
    /// <summary>Throws a <see cref="RecordFormatException"/> for the field at <paramref name="path"/>.</summary>
    [DoesNotReturn]
    public static void Throw(string context, string path, string problem, Exception? inner = null)
        => throw Create(context, path, problem, inner);

    /// <summary>Creates a <see cref="RecordFormatException"/> for the field at <paramref name="path"/>.</summary>
    public static RecordFormatException Create(string context, string path, string problem, Exception? inner = null)
        => new(string.Concat(context, ": ", problem), path, inner);

    /// <summary>Describes the token the reader is on, for "expected X, got Y" messages.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => string.Concat("the string \"", JsonPath.RawText(ref reader), "\""),
        JsonTokenType.Number => string.Concat("the number ", JsonPath.RawText(ref reader)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };
}

using System.Buffers;
using System.Text;

namespace Volunteering.Domain.Json.Internal;

/// <summary>Builds the JSON paths that <see cref="Storage.RecordFormatException.Path"/> reports: <c>$</c> for the
/// document, <c>$.amount</c> for a field, <c>$['odd name']</c> for a name that is not a plain identifier.</summary>
internal static class JsonPath
{
    /// <summary>The path of the whole document.</summary>
    public const string Root = "$";

    /// <summary>Names longer than this are shortened in paths and messages, so a hostile 10 MB name never ends up in a
    /// log line.</summary>
    private const int MaxEchoedLength = 64;

    /// <summary>The path of a property of the object at <paramref name="parent"/>.</summary>
    public static string Property(string parent, string name)
    {
        if (IsPlainIdentifier(name)) return string.Concat(parent, ".", name);
        var shown = Shorten(name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        return string.Concat(parent, "['", shown, "']");
    }

    /// <summary>The path of the property whose name the reader is on (decoded leniently: bad UTF-8 shows as U+FFFD).</summary>
    public static string Property(string parent, ref Utf8JsonReader reader) => Property(parent, RawText(ref reader));

    /// <summary>Replaces the leading <c>$</c> of a path relative to a value with that value's own path.</summary>
    public static string Rebase(string parent, string? relative)
    {
        if (string.IsNullOrEmpty(relative) || relative == Root) return parent;
        return relative.StartsWith('$') ? string.Concat(parent, relative.AsSpan(1)) : parent;
    }

    /// <summary>The current token's text as a string for messages: unescaped when possible, shortened, never
    /// throwing.</summary>
    public static string RawText(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (span.Length > MaxEchoedLength * 4) span = span[..(MaxEchoedLength * 4)];
        string text;
        if (reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxEchoedLength * 6)
        {
            try
            {
                text = reader.TokenType == JsonTokenType.PropertyName || reader.TokenType == JsonTokenType.String
                    ? reader.GetString() ?? string.Empty
                    : Encoding.UTF8.GetString(span);
            }
            catch (InvalidOperationException)
            {
                text = Encoding.UTF8.GetString(span);
            }
        }
        else
        {
            text = Encoding.UTF8.GetString(span);
        }

        return Shorten(text);
    }

    /// <summary>Cuts text to a length fit for a message.</summary>
    public static string Shorten(string text) => text.Length <= MaxEchoedLength ? text : string.Concat(text.AsSpan(0, MaxEchoedLength), "…");

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || name.Length > MaxEchoedLength || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }

        return true;
    }
}

using System.Text.Encodings.Web;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The reader and writer settings every record uses.</summary>
internal static class JsonSettings
{
    /// <summary>Deeper than any record needs; caps the work a hostile document can cause.</summary>
    public const int MaxDepth = 32;

    /// <summary>Strict JSON: no comments, no trailing commas, one value per document.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        AllowMultipleValues = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>Compact output. Non-ASCII text (Chinese memos) is written as UTF-8, not as <c>\uXXXX</c> escapes: the
    /// records are data, never embedded in HTML, and the relaxed encoder still escapes quotes and control characters.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        MaxDepth = MaxDepth,
    };
}

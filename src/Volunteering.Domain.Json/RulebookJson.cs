using System.Globalization;
using System.Text;
using NodaTime;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Json;

/// <summary>
/// Loads and writes a love-bank scheme's rules as a JSON rulebook (see <c>docs/rulebook.md</c>): earning, points
/// expiry, the redemption threshold and hold, exchanges between assets, and the time-bank policies. Loading validates
/// everything and reports every problem at once, each with its JSON path and reason; an invalid rulebook gives no
/// rulebook at all, so it can never be half applied. Rulebooks are versioned: <see cref="LoadHistory(ReadOnlySpan{byte})"/>
/// reads versions 1, 2, 3, … with the instants they take effect from.
/// </summary>
/// <example>
/// <code>
/// var result = RulebookJson.Load(File.ReadAllBytes("rulebook.json"));
/// if (!result.IsValid)
/// {
///     foreach (var error in result.Errors) Console.Error.WriteLine(error); // "$.exchanges[1].direction: ..."
///     return;
/// }
///
/// var history = new RulebookHistory(result.Rulebook);
/// </code>
/// </example>
public static class RulebookJson
{
    /// <summary>Loads one rulebook from UTF-8 JSON (a leading byte order mark is allowed).</summary>
    /// <param name="utf8Json">The JSON document: one rulebook object.</param>
    /// <returns>The rulebook, or every problem found; never throws on bad input.</returns>
    public static RulebookLoadResult Load(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new RulebookReader();
        using var document = reader.Parse(utf8Json);
        var rulebook = document is null ? null : reader.Rulebook(document.RootElement, JsonPath.Root, out _, out _);
        return new RulebookLoadResult(rulebook, [.. reader.Errors]);
    }

    /// <summary>Loads one rulebook from JSON text.</summary>
    /// <param name="json">The JSON document: one rulebook object.</param>
    /// <returns>The rulebook, or every problem found; never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static RulebookLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Loads a rulebook's history from UTF-8 JSON: an array of rulebooks, version 1 first, numbered 1, 2, 3, …
    /// without gaps, each taking effect no earlier than the one before.</summary>
    /// <param name="utf8Json">The JSON document: an array of rulebook objects.</param>
    /// <returns>The history, or every problem found in any version and in their order (paths such as
    /// <c>$[2].version</c>); never throws on bad input.</returns>
    public static RulebookHistoryLoadResult LoadHistory(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new RulebookReader();
        using var document = reader.Parse(utf8Json);
        var history = document is null ? null : History(reader, document.RootElement);
        return new RulebookHistoryLoadResult(history, [.. reader.Errors]);
    }

    /// <summary>Loads a rulebook's history from JSON text.</summary>
    /// <param name="json">The JSON document: an array of rulebook objects.</param>
    /// <returns>The history, or every problem found; never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static RulebookHistoryLoadResult LoadHistory(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return LoadHistory(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes a rulebook as indented JSON that <see cref="Load(string)"/> reads back to an equal rulebook:
    /// every field, defaults included, names in the points tables in ordinal order, the points lifetime normalized
    /// (<c>P2W</c> is written <c>P14D</c>).</summary>
    /// <param name="rulebook">The rulebook.</param>
    /// <returns>The JSON text, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rulebook"/> is null.</exception>
    /// <exception cref="ArgumentException">The rulebook holds something a JSON rulebook does not allow (a negative
    /// points value, a second exchange rule for a direction, a bonus with a blank name, an undeclared enum value, a
    /// lifetime above 100 years, ...); the message lists every such problem with its path.</exception>
    public static string Write(LoveBankRulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        var json = RulebookWriter.Write(rulebook);
        Check(Load(json).Errors, nameof(rulebook));
        return Encoding.UTF8.GetString(json);
    }

    /// <summary>Writes a history as an indented JSON array of its versions, oldest first, that
    /// <see cref="LoadHistory(string)"/> reads back to an equal history.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The JSON text, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentException">A version holds something a JSON rulebook does not allow (see
    /// <see cref="Write(LoveBankRulebook)"/>).</exception>
    public static string WriteHistory(RulebookHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var json = RulebookWriter.Write(history);
        Check(LoadHistory(json).Errors, nameof(history));
        return Encoding.UTF8.GetString(json);
    }

    private static void Check(IReadOnlyList<RulebookError> errors, string parameter)
    {
        if (errors.Count == 0) return;
        throw new ArgumentException(
            string.Concat("The rulebook cannot be written as a valid JSON rulebook: ", string.Join("; ", errors)),
            parameter);
    }

    private static RulebookHistory? History(RulebookReader reader, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            reader.Error(JsonPath.Root, $"must be an array of rulebook versions, version 1 first; got {FieldReader.Describe(root)}");
            return null;
        }

        if (root.GetArrayLength() == 0)
        {
            reader.Error(JsonPath.Root, "must hold at least version 1");
            return null;
        }

        var versions = new List<LoveBankRulebook?>();
        (Instant At, string Path)? previous = null;
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$[{i}]");
            versions.Add(reader.Rulebook(item, path, out var version, out var effectiveFrom));
            if (version is { } number && number != i + 1)
            {
                reader.Error(JsonPath.Property(path, "version"), string.Create(
                    CultureInfo.InvariantCulture,
                    $"must be {i + 1}: versions are numbered 1, 2, 3, … in order without gaps; got {number}"));
            }

            if (effectiveFrom is { } from)
            {
                var at = JsonPath.Property(path, "effectiveFrom");
                if (previous is { } before && from < before.At)
                {
                    reader.Error(at, $"takes effect at {InstantText(from)}, before {before.Path} ({InstantText(before.At)}); each version takes effect no earlier than the one before");
                }

                previous = (from, at);
            }

            i++;
        }

        if (reader.Errors.Count > 0) return null;
        return reader.Build(JsonPath.Root, () => versions.Skip(1).Aggregate(new RulebookHistory(versions[0]!), static (h, v) => h.With(v!)));
    }

    private static string InstantText(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}

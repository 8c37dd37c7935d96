using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Volunteering.Cli;

/// <summary>
/// What every chapter of the demo after the time bank's story shares: the output, the story's year, ids derived from
/// the year (the same on every run of one year, new each year), local times in Shanghai, and the step, say and expect
/// lines that make the story read as a checklist. Each unexpected result is counted in <see cref="Failures"/>.
/// </summary>
/// <param name="output">Where the chapter is written.</param>
/// <param name="year">The story's year.</param>
/// <param name="chapter">The chapter's name in derived ids (<c>station</c>, <c>aid</c>, <c>lovebank</c>).</param>
internal abstract class DemoChapter(TextWriter output, int year, string chapter)
{
    protected static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>How many steps did not behave as the story expects.</summary>
    public int Failures { get; private set; }

    protected TextWriter Output => output;

    protected int Year => year;

    /// <summary>An id derived from the chapter, the year and a name.</summary>
    protected Guid Derive(string kind, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"volunteering-demo:{chapter}:{year}:{kind}:{name}")), hash);
        return new Guid(hash[..16]);
    }

    /// <summary>A local time of the story's year in Shanghai.</summary>
    protected Instant Local(int month, int day, int hour, int minute)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    protected void Step(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
    }

    protected void Say(string text) => output.WriteLine("  " + text);

    /// <summary>Writes <c>[ok]</c> when the actual value equals the expected one (sequences item by item), otherwise
    /// <c>[UNEXPECTED]</c> with both, and counts it.</summary>
    protected void Expect<T>(string what, T actual, T expected)
    {
        var ok = actual is IEnumerable items and not string && expected is IEnumerable wanted
            ? items.Cast<object>().SequenceEqual(wanted.Cast<object>())
            : EqualityComparer<T>.Default.Equals(actual, expected);
        if (!ok) Failures++;
        output.WriteLine(ok ? $"  [ok] {what}" : $"  [UNEXPECTED] {what}: got {actual}, expected {expected}");
    }
}

using System.Text;
using Ardalis.GuardClauses;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// Masks identifying numbers for summaries and reports (脱敏). Each hidden character becomes <c>*</c>, so the length
/// stays visible but the hidden characters do not. Characters are UTF-16 code units.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>The masking character.</summary>
    public const char MaskChar = '*';

    /// <summary>Masks an ID number: numbers of 11 characters or more show only their first 6 and last 4
    /// (<c>320102********1234</c>), so at most 10 characters are ever shown; numbers of 3 to 10 characters show only
    /// their last 2 (<c>*******78</c>); numbers of 1 or 2 characters are hidden entirely.</summary>
    /// <param name="idNumber">The number; not null (empty gives empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="idNumber"/> is null.</exception>
    public static string IdNumber(string idNumber)
    {
        Guard.Against.Null(idNumber);
        return idNumber.Length > 10 ? Keep(idNumber, 6, 4) : Keep(idNumber, 0, idNumber.Length > 2 ? 2 : 0);
    }

    /// <summary>Masks a phone number: numbers of 8 characters or more show only their first 3 and last 4
    /// (<c>139****0000</c>); numbers of 3 to 7 characters show only their last 2; numbers of 1 or 2 characters are hidden
    /// entirely.</summary>
    /// <param name="phone">The number; not null (empty gives empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is null.</exception>
    public static string Phone(string phone)
    {
        Guard.Against.Null(phone);
        return phone.Length >= 8 ? Keep(phone, 3, 4) : Keep(phone, 0, phone.Length > 2 ? 2 : 0);
    }

    /// <summary>Masks a person's name for a public notice (公示): a name written without spaces (a Chinese name) keeps
    /// its first character (the surname) and, when it has three characters or more, its last one (<c>王*明</c>,
    /// <c>张*</c>, <c>欧**娜</c>); a name written in words (<c>Wang Fang</c>) keeps the first letter of each word
    /// (<c>W*** F***</c>). Spaces are kept, leading and trailing white space is dropped, and a one-character name is
    /// hidden entirely. Characters are counted as Unicode scalar values, so a rare character outside the Basic
    /// Multilingual Plane is one character and is never split.</summary>
    /// <param name="name">The name; not null (empty or white space gives empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static string Name(string name)
    {
        Guard.Against.Null(name);
        var runes = name.Trim().EnumerateRunes().ToArray();
        if (runes.Length == 0) return string.Empty;
        var wordy = Array.Exists(runes, static r => Rune.IsWhiteSpace(r));
        var builder = new StringBuilder(runes.Length * 2);
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            bool shown;
            if (Rune.IsWhiteSpace(rune)) shown = true;
            else if (wordy) shown = i == 0 || Rune.IsWhiteSpace(runes[i - 1]);
            else shown = runes.Length > 1 && (i == 0 || (runes.Length >= 3 && i == runes.Length - 1));
            if (shown) builder.Append(rune.ToString());
            else builder.Append(MaskChar);
        }

        return builder.ToString();
    }

    private static string Keep(string text, int head, int tail)
        => string.Create(text.Length, (text, head, tail), static (span, state) =>
        {
            var (source, h, t) = state;
            for (var i = 0; i < span.Length; i++) span[i] = i < h || i >= source.Length - t ? source[i] : MaskChar;
        });
}

using NodaTime;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// A fast codec for the one instant form records use, NodaTime's extended ISO pattern
/// (<c>uuuu-MM-ddTHH:mm:ss;FFFFFFFFF'Z'</c>, e.g. <c>2026-03-03T06:00:00Z</c>, <c>2026-03-03T06:00:00.1234567Z</c>):
/// the same text as <c>NodaConverters.InstantConverter</c>, without allocating. It covers the years 0001–9999 in
/// canonical form only; callers fall back to the NodaTime converter for everything else, so what is accepted and what
/// it means is always NodaTime's decision (the tests compare the two on random instants and on edge cases).
/// </summary>
internal static class InstantText
{
    /// <summary>The longest text: <c>9999-12-31T23:59:59.999999999Z</c>.</summary>
    public const int MaxLength = 30;

    private const long NanosecondsPerSecond = 1_000_000_000;
    private const long SecondsPerDay = 86_400;
    private const long NanosecondsPerDay = SecondsPerDay * NanosecondsPerSecond;

    /// <summary>Writes the instant; false (nothing written) when its year is outside 1–9999.</summary>
    public static bool TryFormat(Instant instant, Span<byte> destination, out int written)
    {
        written = 0;
        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        long days = sinceEpoch.Days;
        var nanoOfDay = sinceEpoch.NanosecondOfDay;
        if (nanoOfDay < 0)
        {
            // Before the epoch both parts are truncated towards zero; move to the day that starts before the instant.
            days--;
            nanoOfDay += NanosecondsPerDay;
        }
        CivilFromDays(days, out var year, out var month, out var day);
        if (year is < 1 or > 9999 || destination.Length < MaxLength) return false;

        var secondOfDay = nanoOfDay / NanosecondsPerSecond;
        var fraction = nanoOfDay % NanosecondsPerSecond;
        var hour = (int)(secondOfDay / 3600);
        var minute = (int)(secondOfDay / 60 % 60);
        var second = (int)(secondOfDay % 60);

        Digits4(destination, year);
        destination[4] = (byte)'-';
        Digits2(destination[5..], month);
        destination[7] = (byte)'-';
        Digits2(destination[8..], day);
        destination[10] = (byte)'T';
        Digits2(destination[11..], hour);
        destination[13] = (byte)':';
        Digits2(destination[14..], minute);
        destination[16] = (byte)':';
        Digits2(destination[17..], second);
        var at = 19;
        if (fraction != 0)
        {
            destination[at++] = (byte)'.';
            var digits = 9;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                destination[at + i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            at += digits;
        }

        destination[at++] = (byte)'Z';
        written = at;
        return true;
    }

    /// <summary>Parses the canonical form for years 0001–9999; false for anything else (which the caller hands to
    /// NodaTime to accept or refuse).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length < 20 || text.Length > MaxLength || text.Length == 21 || text[^1] != (byte)'Z') return false;
        if (text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute)
            || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long fraction = 0;
        if (text.Length > 20)
        {
            // ".d{1,9}" between the seconds and the 'Z'.
            if (text[19] != (byte)'.') return false;
            var digits = text[20..^1];
            if (!TryDigits(digits, out var value)) return false;
            fraction = value;
            for (var i = digits.Length; i < 9; i++) fraction *= 10;
        }

        var days = DaysFromCivil(year, month, day);
        var seconds = (days * SecondsPerDay) + (hour * 3600L) + (minute * 60L) + second;
        instant = Instant.FromUnixTimeSeconds(seconds).PlusNanoseconds(fraction);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        foreach (var b in text)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9) return false;
            value = (value * 10) + digit;
        }

        return true;
    }

    private static void Digits2(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    private static void Digits4(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 1000));
        destination[1] = (byte)('0' + (value / 100 % 10));
        destination[2] = (byte)('0' + (value / 10 % 10));
        destination[3] = (byte)('0' + (value % 10));
    }

    private static int DaysInMonth(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : (month is 4 or 6 or 9 or 11 ? 30 : 31);

    // Days since 1970-01-01 in the proleptic Gregorian calendar, and back (the usual era-of-400-years arithmetic).
    private static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    private static void CivilFromDays(long days, out int year, out int month, out int day)
    {
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = (int)((yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0));
    }
}

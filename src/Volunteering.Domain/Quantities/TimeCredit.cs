using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Volunteering.Domain.Quantities;

/// <summary>
/// An amount of time-bank credit (时间银行 hours), held as a whole number of minutes. Immutable; the default value is
/// <see cref="Zero"/>. Negative amounts are allowed (for example a debit or an overdrawn balance).
/// </summary>
/// <remarks>
/// <para>
/// All arithmetic is checked: a result outside the range of <see cref="long"/> minutes throws
/// <see cref="OverflowException"/> and never wraps. Every <see cref="long"/> value, including <see cref="long.MinValue"/>,
/// is representable, formats and parses back exactly; only negating <see cref="long.MinValue"/> minutes overflows.
/// </para>
/// <para>
/// The text form (always culture-invariant) is the shortest exact one of:
/// whole hours, <c>"13h"</c>; hours with one or two decimals when that is exact (minutes a multiple of 3),
/// <c>"13.6h"</c> (816 minutes), <c>"0.5h"</c>, <c>"0.75h"</c>; otherwise hours and minutes, <c>"13h25m"</c>,
/// <c>"0h7m"</c>. Negative amounts are prefixed with <c>"-"</c>, for example <c>"-13.6h"</c>.
/// </para>
/// </remarks>
public readonly struct TimeCredit :
    IEquatable<TimeCredit>,
    IComparable<TimeCredit>,
    IComparable,
    ISpanFormattable,
    ISpanParsable<TimeCredit>
{
    private const int MinutesPerHour = 60;

    /// <summary>Longest text any value formats to ("-153722867280912930h8m" is 22 characters).</summary>
    private const int MaxFormattedLength = 32;


    /// <summary>Creates a credit of the given number of whole minutes.</summary>
    /// <param name="minutes">The amount in minutes; any <see cref="long"/> value, negative allowed.</param>
    public TimeCredit(long minutes) => Minutes = minutes;

    /// <summary>No credit: zero minutes. Equal to <c>default(TimeCredit)</c>.</summary>
    public static TimeCredit Zero => default;

    /// <summary>The amount in whole minutes; negative for a debit.</summary>
    public long Minutes { get; }

    /// <summary>
    /// The amount in hours as a <see cref="decimal"/>. Exact whenever <see cref="Minutes"/> is a multiple of 3 (every
    /// amount whose text form is in hours, e.g. 816 minutes is exactly 13.6); otherwise (e.g. 1 minute) it is the
    /// nearest <see cref="decimal"/> to the true quotient, correct to 28 significant digits.
    /// </summary>
    public decimal TotalHours => Minutes / (decimal)MinutesPerHour;

    /// <summary>True when the amount is exactly zero minutes.</summary>
    public bool IsZero => Minutes == 0;

    /// <summary>True when the amount is strictly below zero.</summary>
    public bool IsNegative => Minutes < 0;

    /// <summary>True when the amount is strictly above zero.</summary>
    public bool IsPositive => Minutes > 0;

    /// <summary>Creates a credit of the given number of whole minutes (same as the constructor).</summary>
    /// <param name="minutes">The amount in minutes; any <see cref="long"/> value, negative allowed.</param>
    /// <returns>The credit.</returns>
    public static TimeCredit FromMinutes(long minutes) => new(minutes);

    /// <summary>Creates a credit of the given number of whole hours (60 minutes each).</summary>
    /// <param name="hours">The amount in hours; negative allowed.</param>
    /// <returns>The credit of <c>hours * 60</c> minutes.</returns>
    /// <exception cref="OverflowException"><paramref name="hours"/> times 60 is outside the range of <see cref="long"/>
    /// (|hours| above roughly 1.5 × 10^17).</exception>
    public static TimeCredit FromHours(long hours) => new(checked(hours * MinutesPerHour));

    /// <summary>The absolute value of this amount.</summary>
    /// <returns>The non-negative credit of the same magnitude.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minutes, whose magnitude is not
    /// representable.</exception>
    public TimeCredit Abs() => Minutes < 0 ? Negate() : this;

    /// <summary>The amount with its sign flipped.</summary>
    /// <returns>The negated credit.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> minutes.</exception>
    public TimeCredit Negate() => new(checked(-Minutes));

    /// <summary>Adds another amount to this one (checked).</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> minutes.</exception>
    public TimeCredit Plus(TimeCredit other) => new(checked(Minutes + other.Minutes));

    /// <summary>Subtracts another amount from this one (checked).</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> minutes.</exception>
    public TimeCredit Minus(TimeCredit other) => new(checked(Minutes - other.Minutes));

    /// <summary>
    /// Scales this amount by a non-negative factor (for example an exchange rate or a weighting) and rounds the result
    /// to whole minutes.
    /// </summary>
    /// <param name="factor">The non-negative multiplier; 0 gives <see cref="Zero"/>.</param>
    /// <param name="rounding">How a result that is not a whole number of minutes is rounded.</param>
    /// <returns>The scaled amount in whole minutes.</returns>
    /// <remarks>The product is computed in <see cref="decimal"/> (28–29 significant digits); results are exact for any
    /// realistic amount and factor.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative, or
    /// <paramref name="rounding"/> is not a defined <see cref="MidpointRounding"/> value.</exception>
    /// <exception cref="OverflowException">The result is outside the range of <see cref="long"/> minutes.</exception>
    public TimeCredit Multiply(decimal factor, MidpointRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        if (!Enum.IsDefined(rounding))
        {
            throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Not a defined MidpointRounding value.");
        }

        var product = Minutes * factor; // decimal arithmetic is always checked
        return new(decimal.ToInt64(Math.Round(product, 0, rounding)));
    }

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="x">The first amount.</param>
    /// <param name="y">The second amount.</param>
    /// <returns><paramref name="x"/> if it is not greater than <paramref name="y"/>, else <paramref name="y"/>.</returns>
    public static TimeCredit Min(TimeCredit x, TimeCredit y) => x.Minutes <= y.Minutes ? x : y;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="x">The first amount.</param>
    /// <param name="y">The second amount.</param>
    /// <returns><paramref name="x"/> if it is not less than <paramref name="y"/>, else <paramref name="y"/>.</returns>
    public static TimeCredit Max(TimeCredit x, TimeCredit y) => x.Minutes >= y.Minutes ? x : y;

    /// <summary>Adds two amounts (checked).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> minutes.</exception>
    public static TimeCredit Add(TimeCredit left, TimeCredit right) => left.Plus(right);

    /// <summary>Subtracts one amount from another (checked).</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> minutes.</exception>
    public static TimeCredit Subtract(TimeCredit left, TimeCredit right) => left.Minus(right);

    /// <summary>Negates an amount (checked).</summary>
    /// <param name="value">The amount to negate.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is <see cref="long.MinValue"/> minutes.</exception>
    public static TimeCredit Negate(TimeCredit value) => value.Negate();

    /// <summary>Adds two amounts (checked).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> minutes.</exception>
    public static TimeCredit operator +(TimeCredit left, TimeCredit right) => left.Plus(right);

    /// <summary>Subtracts one amount from another (checked).</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> minutes.</exception>
    public static TimeCredit operator -(TimeCredit left, TimeCredit right) => left.Minus(right);

    /// <summary>Negates an amount (checked).</summary>
    /// <param name="value">The amount to negate.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is <see cref="long.MinValue"/> minutes.</exception>
    public static TimeCredit operator -(TimeCredit value) => value.Negate();

    /// <summary>True when both amounts have the same number of minutes.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts are equal.</returns>
    public static bool operator ==(TimeCredit left, TimeCredit right) => left.Minutes == right.Minutes;

    /// <summary>True when the amounts differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts differ.</returns>
    public static bool operator !=(TimeCredit left, TimeCredit right) => left.Minutes != right.Minutes;

    /// <summary>True when <paramref name="left"/> is strictly less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator <(TimeCredit left, TimeCredit right) => left.Minutes < right.Minutes;

    /// <summary>True when <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator <=(TimeCredit left, TimeCredit right) => left.Minutes <= right.Minutes;

    /// <summary>True when <paramref name="left"/> is strictly greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator >(TimeCredit left, TimeCredit right) => left.Minutes > right.Minutes;

    /// <summary>True when <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator >=(TimeCredit left, TimeCredit right) => left.Minutes >= right.Minutes;

    /// <summary>Whether this amount has the same number of minutes as <paramref name="other"/>.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TimeCredit other) => Minutes == other.Minutes;

    /// <summary>Whether <paramref name="obj"/> is a <see cref="TimeCredit"/> with the same number of minutes.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => obj is TimeCredit other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(TimeCredit)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => Minutes.GetHashCode();

    /// <summary>Orders amounts by their number of minutes.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative, zero or positive as this amount is less than, equal to or greater than
    /// <paramref name="other"/>.</returns>
    public int CompareTo(TimeCredit other) => Minutes.CompareTo(other.Minutes);

    /// <summary>Orders amounts by their number of minutes; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">A <see cref="TimeCredit"/> or <see langword="null"/>.</param>
    /// <returns>Negative, zero or positive as for <see cref="CompareTo(TimeCredit)"/>; positive for
    /// <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="TimeCredit"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        TimeCredit other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(TimeCredit)}.", nameof(obj)),
    };

    /// <summary>The culture-invariant text form, e.g. <c>"13h"</c>, <c>"13.6h"</c>, <c>"0.75h"</c>, <c>"13h25m"</c>,
    /// <c>"-13.6h"</c>; see the type remarks. <see cref="Parse(string)"/> reads it back exactly.</summary>
    /// <returns>The text form.</returns>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxFormattedLength];
        var ok = TryFormatCore(buffer, out var written);
        Debug.Assert(ok, "The buffer is large enough for every value.");
        return new string(buffer[..written]);
    }

    /// <summary>The culture-invariant text form (see <see cref="ToString()"/>).</summary>
    /// <param name="format">Null, empty or <c>"G"</c>; no other format is supported.</param>
    /// <param name="formatProvider">Ignored: the text form never depends on culture.</param>
    /// <returns>The text form.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        QuantityText.ValidateFormat(format, nameof(TimeCredit));
        return ToString();
    }

    /// <summary>Writes the culture-invariant text form (see <see cref="ToString()"/>) into a span.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written; 0 on failure.</param>
    /// <param name="format">Empty or <c>"G"</c>; no other format is supported.</param>
    /// <param name="provider">Ignored: the text form never depends on culture.</param>
    /// <returns>False when <paramref name="destination"/> is too short.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not supported.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        QuantityText.ValidateFormat(format, nameof(TimeCredit));
        return TryFormatCore(destination, out charsWritten);
    }

    /// <summary>
    /// Parses the text form: <c>"13h"</c>, <c>"13.6h"</c>, <c>"0.75h"</c>, <c>"13h25m"</c> (minutes 0–59),
    /// <c>"25m"</c> (any number of minutes), each optionally prefixed by <c>"-"</c>, with optional surrounding white
    /// space. Decimal hours must come to a whole number of minutes (<c>"0.05h"</c> is 3 minutes; <c>"0.01h"</c> is
    /// rejected). Only ASCII digits, <c>'.'</c> as the decimal point, and lower-case units are accepted, whatever the
    /// current culture.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not in the form above, or is outside the range of
    /// <see cref="long"/> minutes.</exception>
    public static TimeCredit Parse(string text)
    {
        Guard.Against.Null(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Parses the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed amount.</returns>
    /// <exception cref="FormatException">The text is not in the accepted form, or is outside the range of
    /// <see cref="long"/> minutes.</exception>
    public static TimeCredit Parse(ReadOnlySpan<char> text)
        => TryParse(text, out var result)
            ? result
            : throw new FormatException(
                $"'{text}' is not a valid time credit; expected a form such as \"13h\", \"13.6h\", \"13h25m\" or \"25m\".");

    /// <summary>Tries to parse the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse; null gives false.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    /// <returns>False for null, malformed or out-of-range text.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeCredit result)
    {
        if (text is null)
        {
            result = default;
            return false;
        }

        return TryParse(text.AsSpan(), out result);
    }

    /// <summary>Tries to parse the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    /// <returns>False for malformed or out-of-range text.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeCredit result)
    {
        result = default;
        var s = text.Trim();
        var negative = false;
        if (!s.IsEmpty && s[0] == '-')
        {
            negative = true;
            s = s[1..];
        }

        ulong magnitude;
        var h = s.IndexOf('h');
        if (h < 0)
        {
            // "25m": a bare number of minutes.
            if (s.Length < 2 || s[^1] != 'm' || !QuantityText.TryParseDigits(s[..^1], out magnitude))
            {
                return false;
            }
        }
        else
        {
            var hoursText = s[..h];
            var rest = s[(h + 1)..];
            ulong extraMinutes;
            var dot = hoursText.IndexOf('.');
            if (dot >= 0)
            {
                // "13.6h": decimal hours, nothing may follow the 'h'.
                if (!rest.IsEmpty || !TryParseFractionOfHour(hoursText[(dot + 1)..], out extraMinutes))
                {
                    return false;
                }

                hoursText = hoursText[..dot];
            }
            else if (rest.IsEmpty)
            {
                extraMinutes = 0; // "13h"
            }
            else if (rest.Length < 2 || rest[^1] != 'm' || !QuantityText.TryParseDigits(rest[..^1], out extraMinutes)
                || extraMinutes >= MinutesPerHour)
            {
                return false; // "13h25m" requires 0–59 minutes
            }

            if (!QuantityText.TryParseDigits(hoursText, out var hours) || hours > QuantityText.NegativeLimit / MinutesPerHour)
            {
                return false;
            }

            magnitude = (hours * MinutesPerHour) + extraMinutes; // at most 2^63 + 59: no ulong overflow
        }

        if (!QuantityText.TryApplySign(magnitude, negative, out var minutes))
        {
            return false;
        }

        result = new TimeCredit(minutes);
        return true;
    }

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    static TimeCredit IParsable<TimeCredit>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out TimeCredit)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    static bool IParsable<TimeCredit>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TimeCredit result)
        => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    static TimeCredit ISpanParsable<TimeCredit>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out TimeCredit)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    static bool ISpanParsable<TimeCredit>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TimeCredit result)
        => TryParse(s, out result);

    private bool TryFormatCore(Span<char> destination, out int charsWritten)
    {
        var invariant = CultureInfo.InvariantCulture;
        var sign = Minutes < 0 ? "-" : string.Empty;

        // The magnitude as ulong so that long.MinValue formats too.
        var magnitude = Minutes < 0 ? (ulong)(-(Minutes + 1)) + 1 : (ulong)Minutes;
        var hours = magnitude / MinutesPerHour;
        var minutes = (int)(magnitude % MinutesPerHour);

        if (minutes == 0)
        {
            return destination.TryWrite(invariant, $"{sign}{hours}h", out charsWritten);
        }

        if (minutes % 6 == 0)
        {
            // A whole number of tenths of an hour.
            return destination.TryWrite(invariant, $"{sign}{hours}.{minutes / 6}h", out charsWritten);
        }

        if (minutes % 3 == 0)
        {
            // A whole number of hundredths; the last digit is non-zero because minutes is not a multiple of 6.
            return destination.TryWrite(invariant, $"{sign}{hours}.{minutes * 5 / 3:D2}h", out charsWritten);
        }

        return destination.TryWrite(invariant, $"{sign}{hours}h{minutes}m", out charsWritten);
    }

    /// <summary>
    /// The digits after the decimal point of an hour count, converted to whole minutes. Fails unless the fraction is an
    /// exact number of minutes: after dropping trailing zeros at most two digits may remain (a third non-zero digit can
    /// never give whole minutes), and the hundredths must be a multiple of 5/3.
    /// </summary>
    private static bool TryParseFractionOfHour(ReadOnlySpan<char> digits, out ulong minutes)
    {
        minutes = 0;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var significant = digits.TrimEnd('0');
        if (significant.Length > 2)
        {
            return false;
        }

        var hundredths = 0;
        for (var i = 0; i < 2; i++)
        {
            hundredths = (hundredths * 10) + (i < significant.Length ? significant[i] - '0' : 0);
        }

        var sixtyTimes = hundredths * MinutesPerHour;
        if (sixtyTimes % 100 != 0)
        {
            return false;
        }

        minutes = (ulong)(sixtyTimes / 100);
        return true;
    }
}

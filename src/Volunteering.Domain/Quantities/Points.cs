using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Volunteering.Domain.Quantities;

/// <summary>
/// An amount of love-bank points (爱心积分): a whole, possibly negative, number of points. Immutable; the default value
/// is <see cref="Zero"/>.
/// </summary>
/// <remarks>
/// All arithmetic is checked: a result outside the range of <see cref="long"/> throws <see cref="OverflowException"/>
/// and never wraps. Every <see cref="long"/> value, including <see cref="long.MinValue"/>, formats and parses back
/// exactly; only negating <see cref="long.MinValue"/> overflows. The text form is culture-invariant: <c>"120pt"</c>,
/// <c>"-3pt"</c>.
/// </remarks>
public readonly struct Points :
    IEquatable<Points>,
    IComparable<Points>,
    IComparable,
    ISpanFormattable,
    ISpanParsable<Points>
{
    /// <summary>Longest text any value formats to ("-9223372036854775808pt" is 22 characters).</summary>
    private const int MaxFormattedLength = 32;


    /// <summary>Creates an amount of the given number of points.</summary>
    /// <param name="value">The number of points; any <see cref="long"/> value, negative allowed.</param>
    public Points(long value) => Value = value;

    /// <summary>No points. Equal to <c>default(Points)</c>.</summary>
    public static Points Zero => default;

    /// <summary>The number of points; negative for a debit.</summary>
    public long Value { get; }

    /// <summary>True when the amount is exactly zero points.</summary>
    public bool IsZero => Value == 0;

    /// <summary>True when the amount is strictly below zero.</summary>
    public bool IsNegative => Value < 0;

    /// <summary>True when the amount is strictly above zero.</summary>
    public bool IsPositive => Value > 0;

    /// <summary>Creates an amount of the given number of points (same as the constructor).</summary>
    /// <param name="value">The number of points; any <see cref="long"/> value, negative allowed.</param>
    /// <returns>The amount.</returns>
    public static Points FromValue(long value) => new(value);

    /// <summary>The amount with its sign flipped.</summary>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/>.</exception>
    public Points Negate() => new(checked(-Value));

    /// <summary>Adds another amount to this one (checked).</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/>.</exception>
    public Points Plus(Points other) => new(checked(Value + other.Value));

    /// <summary>Subtracts another amount from this one (checked).</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/>.</exception>
    public Points Minus(Points other) => new(checked(Value - other.Value));

    /// <summary>Adds two amounts (checked).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/>.</exception>
    public static Points Add(Points left, Points right) => left.Plus(right);

    /// <summary>Subtracts one amount from another (checked).</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/>.</exception>
    public static Points Subtract(Points left, Points right) => left.Minus(right);

    /// <summary>Negates an amount (checked).</summary>
    /// <param name="value">The amount to negate.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is <see cref="long.MinValue"/> points.</exception>
    public static Points Negate(Points value) => value.Negate();

    /// <summary>Adds two amounts (checked).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/>.</exception>
    public static Points operator +(Points left, Points right) => left.Plus(right);

    /// <summary>Subtracts one amount from another (checked).</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/>.</exception>
    public static Points operator -(Points left, Points right) => left.Minus(right);

    /// <summary>Negates an amount (checked).</summary>
    /// <param name="value">The amount to negate.</param>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is <see cref="long.MinValue"/> points.</exception>
    public static Points operator -(Points value) => value.Negate();

    /// <summary>True when both amounts have the same number of points.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts are equal.</returns>
    public static bool operator ==(Points left, Points right) => left.Value == right.Value;

    /// <summary>True when the amounts differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts differ.</returns>
    public static bool operator !=(Points left, Points right) => left.Value != right.Value;

    /// <summary>True when <paramref name="left"/> is strictly less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator <(Points left, Points right) => left.Value < right.Value;

    /// <summary>True when <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator <=(Points left, Points right) => left.Value <= right.Value;

    /// <summary>True when <paramref name="left"/> is strictly greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator >(Points left, Points right) => left.Value > right.Value;

    /// <summary>True when <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    public static bool operator >=(Points left, Points right) => left.Value >= right.Value;

    /// <summary>Whether this amount has the same number of points as <paramref name="other"/>.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Points other) => Value == other.Value;

    /// <summary>Whether <paramref name="obj"/> is a <see cref="Points"/> with the same number of points.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => obj is Points other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(Points)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Orders amounts by their number of points.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Negative, zero or positive as this amount is less than, equal to or greater than
    /// <paramref name="other"/>.</returns>
    public int CompareTo(Points other) => Value.CompareTo(other.Value);

    /// <summary>Orders amounts by their number of points; <see langword="null"/> sorts first.</summary>
    /// <param name="obj">A <see cref="Points"/> or <see langword="null"/>.</param>
    /// <returns>Negative, zero or positive as for <see cref="CompareTo(Points)"/>; positive for
    /// <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="Points"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Points other => CompareTo(other),
        _ => throw new ArgumentException($"Object must be of type {nameof(Points)}.", nameof(obj)),
    };

    /// <summary>The culture-invariant text form: the number followed by <c>"pt"</c>, e.g. <c>"120pt"</c>,
    /// <c>"-3pt"</c>, <c>"0pt"</c>. <see cref="Parse(string)"/> reads it back exactly.</summary>
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
        QuantityText.ValidateFormat(format, nameof(Points));
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
        QuantityText.ValidateFormat(format, nameof(Points));
        return TryFormatCore(destination, out charsWritten);
    }

    /// <summary>
    /// Parses an optional <c>"-"</c>, one or more ASCII digits, then optionally a unit of <c>"pt"</c> or
    /// <c>"pts"</c> (lower case), which may be preceded by a single space: <c>"120pt"</c>, <c>"120 pt"</c>,
    /// <c>"120pts"</c>, <c>"120"</c>, <c>"-3pt"</c>. Surrounding white space is allowed; nothing else (no
    /// <c>"+"</c>, no group separators, no decimals) is, whatever the current culture.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not in the form above, or is outside the range of
    /// <see cref="long"/>.</exception>
    public static Points Parse(string text)
    {
        Guard.Against.Null(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Parses the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed amount.</returns>
    /// <exception cref="FormatException">The text is not in the accepted form, or is outside the range of
    /// <see cref="long"/>.</exception>
    public static Points Parse(ReadOnlySpan<char> text)
        => TryParse(text, out var result)
            ? result
            : throw new FormatException(
                $"'{text}' is not a valid amount of points; expected a form such as \"120pt\", \"120 pt\" or \"120\".");

    /// <summary>Tries to parse the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse; null gives false.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    /// <returns>False for null, malformed or out-of-range text.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Points result)
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
    public static bool TryParse(ReadOnlySpan<char> text, out Points result)
    {
        result = default;
        var s = text.Trim();
        var negative = false;
        if (!s.IsEmpty && s[0] == '-')
        {
            negative = true;
            s = s[1..];
        }

        if (s.EndsWith("pts", StringComparison.Ordinal))
        {
            s = s[..^3];
        }
        else if (s.EndsWith("pt", StringComparison.Ordinal))
        {
            s = s[..^2];
        }

        if (!s.IsEmpty && s[^1] == ' ')
        {
            s = s[..^1];
        }

        if (!QuantityText.TryParseDigits(s, out var magnitude) || !QuantityText.TryApplySign(magnitude, negative, out var value))
        {
            return false;
        }

        result = new Points(value);
        return true;
    }

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    static Points IParsable<Points>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out Points)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    static bool IParsable<Points>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Points result)
        => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    static Points ISpanParsable<Points>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out Points)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    static bool ISpanParsable<Points>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Points result)
        => TryParse(s, out result);

    private bool TryFormatCore(Span<char> destination, out int charsWritten)
        => destination.TryWrite(CultureInfo.InvariantCulture, $"{Value}pt", out charsWritten);
}

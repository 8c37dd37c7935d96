using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;

namespace Volunteering.Domain.Quantities;

/// <summary>
/// An amount of money in whole minor units (fen, 分, 1/100 yuan, for CNY) of one <see cref="CurrencyCode"/>.
/// Immutable; the default value is <see cref="Zero"/>, zero Chinese yuan.
/// </summary>
/// <remarks>
/// <para>
/// Every currency is treated as having two decimal places: <see cref="Fen"/> is hundredths of the currency's major unit
/// (cents for USD). Amounts in different currencies are never silently combined: adding, subtracting or ordering them
/// throws <see cref="ArgumentException"/> (a programmer error); they are simply unequal.
/// </para>
/// <para>
/// All arithmetic is checked: a result outside the range of <see cref="long"/> throws <see cref="OverflowException"/>
/// and never wraps. Every <see cref="long"/> number of fen, including <see cref="long.MinValue"/>, formats and parses
/// back exactly; only negating <see cref="long.MinValue"/> overflows.
/// </para>
/// <para>
/// The text form is culture-invariant: CNY as <c>"¥1,632.00"</c> / <c>"-¥1,632.00"</c>, other currencies as
/// <c>"USD 1,632.00"</c> / <c>"-USD 5.00"</c>; always grouped in thousands with <c>','</c> and two decimals after
/// <c>'.'</c>.
/// </para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, ISpanFormattable, ISpanParsable<Money>
{
    private const int FenPerYuan = 100;

    /// <summary>Longest text any value formats to ("-USD 92,233,720,368,547,758.08" is 31 characters).</summary>
    private const int MaxFormattedLength = 48;


    private const char YuanSign = '¥';

    /// <summary>Creates an amount of money.</summary>
    /// <param name="fen">The amount in minor units (fen for CNY); any <see cref="long"/> value, negative allowed.</param>
    /// <param name="currency">The currency; <c>default</c> is CNY.</param>
    public Money(long fen, CurrencyCode currency)
    {
        Fen = fen;
        Currency = currency;
    }

    /// <summary>Zero Chinese yuan; equal to <c>default(Money)</c>. Zero in another currency is
    /// <c>Money.FromFen(0, currency)</c>, which is not equal to this.</summary>
    public static Money Zero => default;

    /// <summary>The amount in minor units: fen (1/100 yuan) for CNY, hundredths of the major unit otherwise.</summary>
    public long Fen { get; }

    /// <summary>The currency; CNY unless stated otherwise.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>True when the amount is exactly zero (in any currency).</summary>
    public bool IsZero => Fen == 0;

    /// <summary>True when the amount is strictly below zero.</summary>
    public bool IsNegative => Fen < 0;

    /// <summary>True when the amount is strictly above zero.</summary>
    public bool IsPositive => Fen > 0;

    /// <summary>Creates an amount from minor units.</summary>
    /// <param name="fen">The amount in minor units (fen for CNY); any <see cref="long"/> value, negative allowed.</param>
    /// <param name="currency">The currency; null (the default) means CNY.</param>
    /// <returns>The amount.</returns>
    public static Money FromFen(long fen, CurrencyCode? currency = null) => new(fen, currency ?? CurrencyCode.Cny);

    /// <summary>Creates an amount of Chinese yuan from whole yuan.</summary>
    /// <param name="yuan">The amount in yuan; negative allowed.</param>
    /// <returns>The CNY amount of <c>yuan * 100</c> fen.</returns>
    /// <exception cref="OverflowException"><paramref name="yuan"/> times 100 is outside the range of
    /// <see cref="long"/> (|yuan| above roughly 9.2 × 10^16).</exception>
    public static Money FromYuan(long yuan) => new(checked(yuan * FenPerYuan), CurrencyCode.Cny);

    /// <summary>The amount with its sign flipped, in the same currency.</summary>
    /// <returns>The negated amount.</returns>
    /// <exception cref="OverflowException">The amount is <see cref="long.MinValue"/> fen.</exception>
    public Money Negate() => new(checked(-Fen), Currency);

    /// <summary>Adds another amount of the same currency (checked).</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum, in the common currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> is in a different currency.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> fen.</exception>
    public Money Plus(Money other)
    {
        RequireSameCurrency(other, "add");
        return new(checked(Fen + other.Fen), Currency);
    }

    /// <summary>Subtracts another amount of the same currency (checked).</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference, in the common currency.</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> is in a different currency.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> fen.</exception>
    public Money Minus(Money other)
    {
        RequireSameCurrency(other, "subtract");
        return new(checked(Fen - other.Fen), Currency);
    }

    /// <summary>Adds two amounts of the same currency (checked).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> fen.</exception>
    public static Money Add(Money left, Money right) => left.Plus(right);

    /// <summary>Subtracts one amount from another of the same currency (checked).</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> fen.</exception>
    public static Money Subtract(Money left, Money right) => left.Minus(right);

    /// <summary>Negates an amount (checked).</summary>
    /// <param name="value">The amount to negate.</param>
    /// <returns>The negated amount, in the same currency.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is <see cref="long.MinValue"/> fen.</exception>
    public static Money Negate(Money value) => value.Negate();

    /// <summary>Adds two amounts of the same currency (checked).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="long"/> fen.</exception>
    public static Money operator +(Money left, Money right) => left.Plus(right);

    /// <summary>Subtracts one amount from another of the same currency (checked).</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="long"/> fen.</exception>
    public static Money operator -(Money left, Money right) => left.Minus(right);

    /// <summary>Negates an amount (checked).</summary>
    /// <param name="value">The amount to negate.</param>
    /// <returns>The negated amount, in the same currency.</returns>
    /// <exception cref="OverflowException"><paramref name="value"/> is <see cref="long.MinValue"/> fen.</exception>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>True when both the amount and the currency are the same. Never throws.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>True when the amount or the currency differs. Never throws.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the amounts differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>True when <paramref name="left"/> is strictly less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is less than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is strictly greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The result of the comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Whether <paramref name="other"/> has the same amount and currency. Amounts in different currencies
    /// are unequal (even two zeros); this never throws.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Money other) => Fen == other.Fen && Currency == other.Currency;

    /// <summary>Whether <paramref name="obj"/> is a <see cref="Money"/> with the same amount and currency.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(Money)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Fen, Currency);

    /// <summary>Orders amounts of the same currency by their number of fen.</summary>
    /// <param name="other">The amount to compare with; must be in the same currency.</param>
    /// <returns>Negative, zero or positive as this amount is less than, equal to or greater than
    /// <paramref name="other"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="other"/> is in a different currency.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other, "compare");
        return Fen.CompareTo(other.Fen);
    }

    /// <summary>The culture-invariant text form: <c>"¥1,632.00"</c> and <c>"-¥1,632.00"</c> for CNY,
    /// <c>"USD 1,632.00"</c> and <c>"-USD 5.00"</c> otherwise. <see cref="Parse(string)"/> reads it back
    /// exactly.</summary>
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
        QuantityText.ValidateFormat(format, nameof(Money));
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
        QuantityText.ValidateFormat(format, nameof(Money));
        return TryFormatCore(destination, out charsWritten);
    }

    /// <summary>
    /// Parses the text form, with optional surrounding white space:
    /// an optional <c>"-"</c>; then either <c>"¥"</c> (CNY) or a three-letter upper-case code followed by exactly one
    /// space (<c>"USD "</c>, and <c>"CNY "</c> for CNY); then the amount: ASCII digits, optionally grouped in
    /// thousands with <c>','</c> (if any comma is used, every group after the first must have exactly three digits),
    /// optionally followed by <c>'.'</c> and one or two decimal digits. Examples: <c>"¥1,632.00"</c>,
    /// <c>"¥1632"</c>, <c>"¥5"</c> (500 fen), <c>"-¥0.5"</c>, <c>"CNY 12.30"</c>, <c>"-USD 5.00"</c>. More than two
    /// decimals, a <c>"+"</c> sign, or culture-specific separators are rejected whatever the current culture.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not in the form above, or is outside the range of
    /// <see cref="long"/> fen.</exception>
    public static Money Parse(string text)
    {
        Guard.Against.Null(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Parses the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The parsed amount.</returns>
    /// <exception cref="FormatException">The text is not in the accepted form, or is outside the range of
    /// <see cref="long"/> fen.</exception>
    public static Money Parse(ReadOnlySpan<char> text)
        => TryParse(text, out var result)
            ? result
            : throw new FormatException(
                $"'{text}' is not a valid amount of money; expected a form such as \"¥1,632.00\" or \"USD 5.00\".");

    /// <summary>Tries to parse the text form; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The text to parse; null gives false.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    /// <returns>False for null, malformed or out-of-range text.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money result)
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
    public static bool TryParse(ReadOnlySpan<char> text, out Money result)
    {
        result = default;
        var s = text.Trim();
        var negative = false;
        if (!s.IsEmpty && s[0] == '-')
        {
            negative = true;
            s = s[1..];
        }

        CurrencyCode currency;
        if (!s.IsEmpty && s[0] == YuanSign)
        {
            currency = CurrencyCode.Cny;
            s = s[1..];
        }
        else if (s.Length > 4 && s[3] == ' ' && CurrencyCode.IsValidCode(s[..3]))
        {
            currency = s[..3].SequenceEqual("CNY") ? CurrencyCode.Cny : new CurrencyCode(s[..3].ToString());
            s = s[4..];
        }
        else
        {
            return false;
        }

        if (!TryParseAmount(s, out var magnitude))
        {
            return false;
        }

        if (!QuantityText.TryApplySign(magnitude, negative, out var fen))
        {
            return false;
        }

        result = new Money(fen, currency);
        return true;
    }

    /// <inheritdoc cref="Parse(string)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    static Money IParsable<Money>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out Money)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    static bool IParsable<Money>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result)
        => TryParse(s, out result);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    static Money ISpanParsable<Money>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out Money)" />
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored: parsing never depends on culture.</param>
    /// <param name="result">The parsed amount, or <see cref="Zero"/> on failure.</param>
    static bool ISpanParsable<Money>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Money result)
        => TryParse(s, out result);

    private void RequireSameCurrency(Money other, string operation)
    {
        if (Currency != other.Currency)
        {
            throw new ArgumentException(
                $"Cannot {operation} amounts in different currencies ({Currency} and {other.Currency}).", nameof(other));
        }
    }

    private bool TryFormatCore(Span<char> destination, out int charsWritten)
    {
        var invariant = CultureInfo.InvariantCulture;
        var sign = Fen < 0 ? "-" : string.Empty;

        // The magnitude as ulong so that long.MinValue formats too.
        var magnitude = Fen < 0 ? (ulong)(-(Fen + 1)) + 1 : (ulong)Fen;
        var major = magnitude / FenPerYuan;
        var minor = magnitude % FenPerYuan;

        return Currency.IsCny
            ? destination.TryWrite(invariant, $"{sign}{YuanSign}{major:N0}.{minor:D2}", out charsWritten)
            : destination.TryWrite(invariant, $"{sign}{Currency.Code} {major:N0}.{minor:D2}", out charsWritten);
    }

    /// <summary>
    /// "1,632.00" / "1632" / "5.5" to a magnitude in hundredths; false for malformed grouping, no digits, more than
    /// two decimals, or a magnitude beyond <see cref="ulong"/>.
    /// </summary>
    private static bool TryParseAmount(ReadOnlySpan<char> s, out ulong hundredths)
    {
        hundredths = 0;
        var integerPart = s;
        var fractionPart = ReadOnlySpan<char>.Empty;
        var dot = s.IndexOf('.');
        if (dot >= 0)
        {
            integerPart = s[..dot];
            fractionPart = s[(dot + 1)..];
            if (fractionPart.IsEmpty || fractionPart.Length > 2 || fractionPart.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        if (integerPart.IsEmpty || !char.IsAsciiDigit(integerPart[0]))
        {
            return false;
        }

        var grouped = integerPart.Contains(',');
        var digitsSinceComma = 0;
        var firstGroup = true;
        ulong major = 0;
        foreach (var c in integerPart)
        {
            if (c == ',')
            {
                // The first group has 1-3 digits, every later one exactly 3.
                if (firstGroup ? digitsSinceComma is < 1 or > 3 : digitsSinceComma != 3)
                {
                    return false;
                }

                firstGroup = false;
                digitsSinceComma = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var digit = (ulong)(c - '0');
            if (major > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            major = (major * 10) + digit;
            digitsSinceComma++;
        }

        if (grouped && digitsSinceComma != 3)
        {
            return false; // the last group after a comma must be complete
        }

        ulong minor = 0;
        for (var i = 0; i < 2; i++)
        {
            minor = (minor * 10) + (i < fractionPart.Length ? (ulong)(fractionPart[i] - '0') : 0);
        }

        if (major > (ulong.MaxValue - minor) / FenPerYuan)
        {
            return false;
        }

        hundredths = (major * FenPerYuan) + minor;
        return true;
    }
}

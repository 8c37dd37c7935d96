using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.Quantities;

public class MoneyTests
{
    private static readonly CurrencyCode Usd = new("USD");

    [Theory]
    [InlineData(163200, "¥1,632.00")]
    [InlineData(-163200, "-¥1,632.00")]
    [InlineData(0, "¥0.00")]
    [InlineData(1, "¥0.01")]
    [InlineData(-1, "-¥0.01")]
    [InlineData(50, "¥0.50")]
    [InlineData(99999, "¥999.99")]
    [InlineData(100000, "¥1,000.00")]
    [InlineData(123456789012, "¥1,234,567,890.12")]
    [InlineData(long.MaxValue, "¥92,233,720,368,547,758.07")]
    [InlineData(long.MinValue, "-¥92,233,720,368,547,758.08")]
    public void Formats_and_parses_CNY_examples(long fen, string text)
    {
        var money = Money.FromFen(fen);
        Assert.Equal(text, money.ToString());
        Assert.Equal(money, Money.Parse(text));
        Assert.Equal(money, Money.Parse(text.AsSpan()));
        Assert.True(Money.TryParse(text, out var parsed));
        Assert.Equal(fen, parsed.Fen);
        Assert.Equal(CurrencyCode.Cny, parsed.Currency);
    }

    [Theory]
    [InlineData(163200, "USD 1,632.00")]
    [InlineData(-500, "-USD 5.00")]
    [InlineData(0, "USD 0.00")]
    [InlineData(long.MinValue, "-USD 92,233,720,368,547,758.08")]
    public void Formats_and_parses_other_currency_examples(long cents, string text)
    {
        var money = Money.FromFen(cents, Usd);
        Assert.Equal(text, money.ToString());
        Assert.Equal(money, Money.Parse(text));
        Assert.Equal(Usd, Money.Parse(text).Currency);
    }

    [Fact]
    public void One_thousand_six_hundred_thirty_two_yuan_is_163200_fen()
    {
        Assert.Equal(163200, Money.Parse("¥1,632.00").Fen);
        Assert.Equal(Money.FromFen(163200), Money.FromYuan(1632));
        Assert.Equal("¥1,632.00", Money.FromYuan(1632).ToString());
    }

    [Theory]
    [InlineData("¥5", 500)]
    [InlineData("¥5.5", 550)]
    [InlineData("¥5.05", 505)]
    [InlineData("¥1632", 163200)]
    [InlineData("¥1632.00", 163200)]
    [InlineData("¥1,632", 163200)]
    [InlineData("¥1,234,567.89", 123456789)]
    [InlineData("¥0001", 100)]
    [InlineData("  ¥5.00  ", 500)]
    [InlineData("-¥5", -500)]
    [InlineData("-¥0.00", 0)]
    [InlineData("CNY 12.30", 1230)]
    [InlineData("-CNY 12.30", -1230)]
    [InlineData("CNY 1,632.00", 163200)]
    public void Parses_accepted_CNY_variants(string text, long fen)
    {
        var money = Money.Parse(text);
        Assert.Equal(fen, money.Fen);
        Assert.True(money.Currency.IsCny);
    }

    [Theory]
    [InlineData("USD 5", 500)]
    [InlineData("USD 1632.5", 163250)]
    [InlineData("EUR 0.01", 1)]
    public void Parses_accepted_other_currency_variants(string text, long minor)
        => Assert.Equal(minor, Money.Parse(text).Fen);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("¥")]
    [InlineData("-¥")]
    [InlineData("5")]
    [InlineData("5.00")]
    [InlineData("1,632.00")]
    [InlineData("¥5.001")]
    [InlineData("¥5.000")]
    [InlineData("¥5.")]
    [InlineData("¥.5")]
    [InlineData("¥-5")]
    [InlineData("+¥5")]
    [InlineData("--¥5")]
    [InlineData("¥ 5")]
    [InlineData("¥1.632,00")] // German-style separators
    [InlineData("¥1 632,00")] // French-style separators
    [InlineData("¥1,63")]
    [InlineData("¥16,32")]
    [InlineData("¥1632,000")]
    [InlineData("¥1,,632")]
    [InlineData("¥,632")]
    [InlineData("¥1,632,")]
    [InlineData("¥1,632.0,0")]
    [InlineData("¥5e2")]
    [InlineData("¥٥")] // Arabic-Indic digit
    [InlineData("￥5")] // full-width yen sign
    [InlineData("$5")]
    [InlineData("USD5")]
    [InlineData("USD  5")]
    [InlineData("usd 5")]
    [InlineData("US 5")]
    [InlineData("USDD 5")]
    [InlineData("USD -5")]
    [InlineData("5 USD")]
    [InlineData("¥5 CNY")]
    [InlineData("CNY ¥5")]
    [InlineData("¥92,233,720,368,547,758.08")] // long.MaxValue + 1
    [InlineData("-¥92,233,720,368,547,758.09")] // long.MinValue - 1
    [InlineData("¥999999999999999999999999")]
    [InlineData("¥184467440737095516.15")] // ulong.MaxValue fen
    public void Rejects_invalid_text(string text)
    {
        Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.False(Money.TryParse(text, out var result));
        Assert.Equal(Money.Zero, result);
    }

    [Fact]
    public void Parse_null_throws_ArgumentNullException_and_TryParse_returns_false()
    {
        Assert.Throws<ArgumentNullException>(() => Money.Parse((string)null!));
        Assert.False(Money.TryParse((string?)null, out _));
    }

    [Property]
    public bool Round_trips_small_CNY_values(long fen)
        => Money.Parse(Money.FromFen(fen).ToString()) == Money.FromFen(fen);

    [Property]
    public bool Round_trips_full_range_in_any_currency(DoNotSize<long> fen, byte a, byte b, byte c)
    {
        var currency = new CurrencyCode(string.Concat((char)('A' + (a % 26)), (char)('A' + (b % 26)), (char)('A' + (c % 26))));
        var money = Money.FromFen(fen.Item, currency);
        var parsed = Money.Parse(money.ToString());
        return parsed == money && parsed.Fen == fen.Item && parsed.Currency == currency;
    }

    [Property]
    public bool Ungrouped_text_parses_to_the_same_value(DoNotSize<long> fen)
    {
        var money = Money.FromFen(fen.Item);
        return Money.Parse(money.ToString().Replace(",", string.Empty, StringComparison.Ordinal)) == money;
    }

    [Property]
    public bool Text_agrees_with_decimal_value(DoNotSize<long> fen)
    {
        var text = Money.FromFen(fen.Item).ToString().Replace("¥", string.Empty, StringComparison.Ordinal);
        return decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) == fen.Item / 100m;
    }

    [Property]
    public bool TryFormat_matches_ToString(DoNotSize<long> fen)
    {
        var money = Money.FromFen(fen.Item);
        Span<char> buffer = stackalloc char[64];
        return money.TryFormat(buffer, out var written, default, null)
            && buffer[..written].SequenceEqual(money.ToString())
            && $"{money}" == money.ToString();
    }

    [Fact]
    public void TryFormat_reports_a_too_short_destination()
    {
        Span<char> buffer = stackalloc char[5];
        Assert.False(Money.FromYuan(1632).TryFormat(buffer, out _, default, null));
        Assert.True(Money.FromFen(5).TryFormat(buffer, out var written, default, null));
        Assert.Equal("¥0.05", buffer[..written].ToString());
    }

    [Fact]
    public void Unsupported_format_string_throws()
        => Assert.Throws<FormatException>(() => Money.FromYuan(1).ToString("C", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("en-IN")]
    [InlineData("zh-CN")]
    public void Formatting_and_parsing_ignore_the_current_culture(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);
            Assert.Equal("¥1,234,567.89", Money.FromFen(123456789).ToString());
            Assert.Equal("-USD 5.00", Money.FromFen(-500, Usd).ToString());
            Assert.Equal("¥1,632.00", $"{Money.FromYuan(1632)}");
            Assert.Equal(163200, Money.Parse("¥1,632.00").Fen);
            Assert.Throws<FormatException>(() => Money.Parse("¥1.632,00"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Defaults_and_factories()
    {
        Assert.Equal(default, Money.Zero);
        Assert.True(Money.Zero.IsZero);
        Assert.True(Money.Zero.Currency.IsCny);
        Assert.Equal(CurrencyCode.Cny, Money.FromFen(5).Currency);
        Assert.Equal(Usd, Money.FromFen(5, Usd).Currency);
        Assert.Equal(new Money(5, Usd), Money.FromFen(5, Usd));
        Assert.Equal(-500, Money.FromYuan(-5).Fen);
        Assert.True(Money.FromFen(-1).IsNegative);
        Assert.True(Money.FromFen(1).IsPositive);
        Assert.False(Money.FromFen(1).IsNegative || Money.FromFen(1).IsZero);
    }

    [Fact]
    public void Arithmetic_overflow_throws()
    {
        var max = Money.FromFen(long.MaxValue);
        var min = Money.FromFen(long.MinValue);
        var oneFen = Money.FromFen(1);
        Assert.Throws<OverflowException>(() => max + oneFen);
        Assert.Throws<OverflowException>(() => min - oneFen);
        Assert.Throws<OverflowException>(() => -min);
        Assert.Throws<OverflowException>(() => Money.Negate(min));
        Assert.Throws<OverflowException>(() => Money.FromYuan((long.MaxValue / 100) + 1));
        Assert.Throws<OverflowException>(() => Money.FromYuan((long.MinValue / 100) - 1));
        Assert.Equal(long.MaxValue, (-(min + oneFen)).Fen);
    }

    [Fact]
    public void Combining_different_currencies_throws_ArgumentException()
    {
        var yuan = Money.FromYuan(5);
        var dollars = Money.FromFen(500, Usd);
        Assert.Throws<ArgumentException>(() => yuan + dollars);
        Assert.Throws<ArgumentException>(() => yuan - dollars);
        Assert.Throws<ArgumentException>(() => yuan.CompareTo(dollars));
        Assert.Throws<ArgumentException>(() => yuan < dollars);
        Assert.Throws<ArgumentException>(() => yuan <= dollars);
        Assert.Throws<ArgumentException>(() => yuan > dollars);
        Assert.Throws<ArgumentException>(() => yuan >= dollars);
        Assert.Throws<ArgumentException>(() => Money.Zero + dollars);
        Assert.False(yuan == dollars);
        Assert.True(yuan != dollars);
        Assert.NotEqual(Money.Zero, Money.FromFen(0, Usd));
    }

    [Fact]
    public void Same_currency_arithmetic_keeps_the_currency()
    {
        var sum = Money.FromFen(150, Usd) + Money.FromFen(250, Usd);
        Assert.Equal(Money.FromFen(400, Usd), sum);
        Assert.Equal(Money.FromFen(-100, Usd), Money.FromFen(150, Usd) - Money.FromFen(250, Usd));
        Assert.Equal(Usd, (-sum).Currency);
    }

    [Property]
    public bool Addition_and_subtraction_are_inverse(long a, long b)
    {
        var x = Money.FromFen(a);
        var y = Money.FromFen(b);
        return (x + y - y) == x && (x - y) == (x + -y) && (x + y) == (y + x);
    }

    [Property]
    public bool Equality_and_comparison_are_consistent(long a, long b)
    {
        var x = Money.FromFen(a);
        var y = Money.FromFen(b);
        var c = x.CompareTo(y);
        return (x == y) == (c == 0)
            && (x != y) == (c != 0)
            && x.Equals(y) == (c == 0)
            && x.Equals((object)y) == (c == 0)
            && (x < y) == (c < 0)
            && (x <= y) == (c <= 0)
            && (x > y) == (c > 0)
            && (x >= y) == (c >= 0)
            && Math.Sign(c) == Math.Sign(a.CompareTo(b))
            && (c != 0 || x.GetHashCode() == y.GetHashCode());
    }

    [Property]
    public bool Equal_amounts_in_different_currencies_are_unequal(long fen)
        => Money.FromFen(fen) != Money.FromFen(fen, Usd) && !Money.FromFen(fen).Equals((object)Money.FromFen(fen, Usd));
}

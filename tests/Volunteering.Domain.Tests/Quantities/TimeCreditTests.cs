using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.Quantities;

public class TimeCreditTests
{
    [Theory]
    [InlineData(0, "0h")]
    [InlineData(780, "13h")]
    [InlineData(816, "13.6h")]
    [InlineData(30, "0.5h")]
    [InlineData(45, "0.75h")]
    [InlineData(3, "0.05h")]
    [InlineData(15, "0.25h")]
    [InlineData(6, "0.1h")]
    [InlineData(805, "13h25m")]
    [InlineData(7, "0h7m")]
    [InlineData(1, "0h1m")]
    [InlineData(59, "0h59m")]
    [InlineData(-816, "-13.6h")]
    [InlineData(-7, "-0h7m")]
    [InlineData(-60, "-1h")]
    [InlineData(-45, "-0.75h")]
    [InlineData(long.MaxValue, "153722867280912930h7m")]
    [InlineData(long.MinValue, "-153722867280912930h8m")]
    public void Formats_and_parses_spec_examples(long minutes, string text)
    {
        var credit = TimeCredit.FromMinutes(minutes);
        Assert.Equal(text, credit.ToString());
        Assert.Equal(credit, TimeCredit.Parse(text));
        Assert.Equal(credit, TimeCredit.Parse(text.AsSpan()));
        Assert.True(TimeCredit.TryParse(text, out var parsed));
        Assert.Equal(minutes, parsed.Minutes);
    }

    [Fact]
    public void Thirteen_point_six_hours_is_816_minutes()
    {
        Assert.Equal(816, TimeCredit.Parse("13.6h").Minutes);
        Assert.Equal(13.6m, TimeCredit.FromMinutes(816).TotalHours);
        Assert.Equal(TimeCredit.FromMinutes(816), TimeCredit.FromHours(13) + TimeCredit.FromMinutes(36));
    }

    [Theory]
    [InlineData("25m", 25)]
    [InlineData("90m", 90)]
    [InlineData("0m", 0)]
    [InlineData("-25m", -25)]
    [InlineData("  13h  ", 780)]
    [InlineData("\t13h25m\n", 805)]
    [InlineData("13.60h", 816)]
    [InlineData("0.750h", 45)]
    [InlineData("1.0h", 60)]
    [InlineData("013h", 780)]
    [InlineData("13h0m", 780)]
    [InlineData("-0h", 0)]
    public void Parses_accepted_variants(string text, long minutes)
        => Assert.Equal(TimeCredit.FromMinutes(minutes), TimeCredit.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("h")]
    [InlineData("m")]
    [InlineData("-")]
    [InlineData("13")]
    [InlineData("13H")]
    [InlineData("13 h")]
    [InlineData("13h 25m")]
    [InlineData("+13h")]
    [InlineData("--13h")]
    [InlineData("0.01h")]
    [InlineData("0.001h")]
    [InlineData("0.125h")]
    [InlineData("13,6h")]
    [InlineData(".5h")]
    [InlineData("5.h")]
    [InlineData("1.5h30m")]
    [InlineData("13h60m")]
    [InlineData("13h25")]
    [InlineData("13hm")]
    [InlineData("13h25m5")]
    [InlineData("1h-5m")]
    [InlineData("2m3h")]
    [InlineData("1.5m")]
    [InlineData("١٣h")] // Arabic-Indic digits
    [InlineData("153722867280912931h")] // beyond long.MaxValue minutes
    [InlineData("153722867280912930h8m")] // long.MaxValue + 1
    [InlineData("-153722867280912930h9m")] // long.MinValue - 1
    [InlineData("99999999999999999999999m")]
    [InlineData("99999999999999999999999h")]
    public void Rejects_invalid_text(string text)
    {
        Assert.Throws<FormatException>(() => TimeCredit.Parse(text));
        Assert.False(TimeCredit.TryParse(text, out var result));
        Assert.Equal(TimeCredit.Zero, result);
    }

    [Fact]
    public void Parse_null_throws_ArgumentNullException_and_TryParse_returns_false()
    {
        Assert.Throws<ArgumentNullException>(() => TimeCredit.Parse((string)null!));
        Assert.False(TimeCredit.TryParse((string?)null, out _));
    }

    [Property]
    public bool Round_trips_small_values(long minutes)
        => TimeCredit.Parse(TimeCredit.FromMinutes(minutes).ToString()).Minutes == minutes;

    [Property]
    public bool Round_trips_full_range(DoNotSize<long> minutes)
        => TimeCredit.Parse(TimeCredit.FromMinutes(minutes.Item).ToString()).Minutes == minutes.Item;

    [Property]
    public bool Round_trips_every_minute_of_an_hour(int hours, byte minuteOfHour)
    {
        var minutes = (hours * 60L) + (minuteOfHour % 60);
        var credit = TimeCredit.FromMinutes(minutes);
        return TimeCredit.TryParse(credit.ToString(), out var parsed) && parsed == credit;
    }

    [Property]
    public bool Hour_form_is_used_exactly_when_minutes_are_a_multiple_of_three(DoNotSize<long> minutes)
    {
        var text = TimeCredit.FromMinutes(minutes.Item).ToString();
        return text.EndsWith('m') == (minutes.Item % 3 != 0);
    }

    [Property]
    public bool TotalHours_is_exact_for_multiples_of_three(int n)
    {
        var credit = TimeCredit.FromMinutes(n * 3L);
        return credit.TotalHours * 60m == credit.Minutes
            && decimal.Parse(credit.ToString().TrimEnd('h'), CultureInfo.InvariantCulture) == credit.TotalHours;
    }

    [Property]
    public bool TryFormat_matches_ToString(DoNotSize<long> minutes)
    {
        var credit = TimeCredit.FromMinutes(minutes.Item);
        Span<char> buffer = stackalloc char[64];
        return credit.TryFormat(buffer, out var written, default, null)
            && buffer[..written].SequenceEqual(credit.ToString())
            && $"{credit}" == credit.ToString();
    }

    [Fact]
    public void TryFormat_reports_a_too_short_destination()
    {
        Span<char> buffer = stackalloc char[3];
        Assert.False(TimeCredit.FromMinutes(816).TryFormat(buffer, out _, default, null));
        Assert.True(TimeCredit.FromMinutes(60).TryFormat(buffer, out var written, default, null));
        Assert.Equal("1h", buffer[..written].ToString());
    }

    [Fact]
    public void Unsupported_format_string_throws()
    {
        Assert.Throws<FormatException>(() => TimeCredit.FromMinutes(1).ToString("N2", CultureInfo.InvariantCulture));
        Assert.Equal("0.5h", TimeCredit.FromMinutes(30).ToString("G", CultureInfo.InvariantCulture));
        Assert.Equal("0.5h", TimeCredit.FromMinutes(30).ToString(null, null));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("zh-CN")]
    public void Formatting_and_parsing_ignore_the_current_culture(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);
            Assert.Equal("13.6h", TimeCredit.FromMinutes(816).ToString());
            Assert.Equal("-0.75h", TimeCredit.FromMinutes(-45).ToString());
            Assert.Equal("13.6h", $"{TimeCredit.FromMinutes(816)}");
            Assert.Equal(816, TimeCredit.Parse("13.6h").Minutes);
            Assert.Throws<FormatException>(() => TimeCredit.Parse("13,6h"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Arithmetic_overflow_throws()
    {
        var max = TimeCredit.FromMinutes(long.MaxValue);
        var min = TimeCredit.FromMinutes(long.MinValue);
        var one = TimeCredit.FromMinutes(1);
        Assert.Throws<OverflowException>(() => max + one);
        Assert.Throws<OverflowException>(() => min - one);
        Assert.Throws<OverflowException>(() => -min);
        Assert.Throws<OverflowException>(() => min.Negate());
        Assert.Throws<OverflowException>(() => min.Abs());
        Assert.Throws<OverflowException>(() => TimeCredit.Add(max, one));
        Assert.Throws<OverflowException>(() => TimeCredit.FromHours(long.MaxValue / 60 + 1));
        Assert.Throws<OverflowException>(() => TimeCredit.FromHours(long.MinValue / 60 - 1));
        Assert.Throws<OverflowException>(() => max.Multiply(2m, MidpointRounding.ToEven));
        Assert.Equal(long.MaxValue - 1, (max - one).Minutes);
        Assert.Equal(long.MaxValue, (-(min + one)).Minutes);
    }

    [Fact]
    public void FromHours_multiplies_by_sixty()
    {
        Assert.Equal(780, TimeCredit.FromHours(13).Minutes);
        Assert.Equal(-120, TimeCredit.FromHours(-2).Minutes);
        Assert.Equal(long.MaxValue / 60 * 60, TimeCredit.FromHours(long.MaxValue / 60).Minutes);
    }

    [Fact]
    public void Sign_predicates_and_abs()
    {
        Assert.True(TimeCredit.Zero.IsZero);
        Assert.Equal(default, TimeCredit.Zero);
        Assert.False(TimeCredit.Zero.IsNegative || TimeCredit.Zero.IsPositive);
        Assert.True(TimeCredit.FromMinutes(-1).IsNegative);
        Assert.True(TimeCredit.FromMinutes(1).IsPositive);
        Assert.Equal(TimeCredit.FromMinutes(5), TimeCredit.FromMinutes(-5).Abs());
        Assert.Equal(TimeCredit.FromMinutes(5), TimeCredit.FromMinutes(5).Abs());
        Assert.Equal(TimeCredit.FromMinutes(-5), TimeCredit.FromMinutes(5).Negate());
    }

    [Theory]
    [InlineData(100, "1.5", MidpointRounding.ToEven, 150)]
    [InlineData(5, "0.5", MidpointRounding.ToEven, 2)]
    [InlineData(5, "0.5", MidpointRounding.AwayFromZero, 3)]
    [InlineData(7, "0.5", MidpointRounding.ToEven, 4)]
    [InlineData(-5, "0.5", MidpointRounding.AwayFromZero, -3)]
    [InlineData(-5, "0.5", MidpointRounding.ToZero, -2)]
    [InlineData(10, "0.33", MidpointRounding.ToPositiveInfinity, 4)]
    [InlineData(10, "0.33", MidpointRounding.ToNegativeInfinity, 3)]
    [InlineData(816, "0", MidpointRounding.ToEven, 0)]
    [InlineData(816, "1", MidpointRounding.ToEven, 816)]
    public void Multiply_rounds_to_whole_minutes(long minutes, string factor, MidpointRounding rounding, long expected)
        => Assert.Equal(
            expected,
            TimeCredit.FromMinutes(minutes).Multiply(decimal.Parse(factor, CultureInfo.InvariantCulture), rounding).Minutes);

    [Fact]
    public void Multiply_rejects_negative_factor_and_undefined_rounding()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => TimeCredit.FromMinutes(60).Multiply(-0.5m, MidpointRounding.ToEven));
        Assert.Equal("factor", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeCredit.FromMinutes(60).Multiply(1m, (MidpointRounding)99));
    }

    [Property]
    public bool Multiply_by_whole_factor_equals_repeated_addition(int minutes, byte factor)
    {
        var credit = TimeCredit.FromMinutes(minutes);
        var sum = TimeCredit.Zero;
        for (var i = 0; i < factor; i++)
        {
            sum += credit;
        }

        return credit.Multiply(factor, MidpointRounding.ToEven) == sum;
    }

    [Property]
    public bool Addition_and_subtraction_are_inverse(long a, long b)
    {
        var x = TimeCredit.FromMinutes(a);
        var y = TimeCredit.FromMinutes(b);
        return (x + y - y) == x && (x - y) == (x + -y) && (x + y) == (y + x);
    }

    [Property]
    public bool Equality_and_comparison_are_consistent(long a, long b)
    {
        var x = TimeCredit.FromMinutes(a);
        var y = TimeCredit.FromMinutes(b);
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
            && Math.Sign(y.CompareTo(x)) == -Math.Sign(c)
            && (c != 0 || x.GetHashCode() == y.GetHashCode())
            && Math.Sign(((IComparable)x).CompareTo(y)) == Math.Sign(c);
    }

    [Property]
    public bool Min_and_max_agree_with_comparison(long a, long b)
    {
        var x = TimeCredit.FromMinutes(a);
        var y = TimeCredit.FromMinutes(b);
        return TimeCredit.Min(x, y).Minutes == Math.Min(a, b) && TimeCredit.Max(x, y).Minutes == Math.Max(a, b);
    }

    [Fact]
    public void Non_generic_CompareTo_handles_null_and_rejects_other_types()
    {
        var credit = TimeCredit.FromMinutes(1);
        Assert.True(credit.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => credit.CompareTo((object)1L));
        Assert.False(TimeCredit.FromMinutes(1).Equals((object)1L));
    }

    [Fact]
    public void Implements_generic_parsing()
    {
        Assert.Equal(TimeCredit.FromMinutes(816), ParseGeneric<TimeCredit>("13.6h"));
        Assert.Equal(TimeCredit.FromMinutes(816), ParseSpanGeneric<TimeCredit>("13.6h"));
    }

    private static T ParseGeneric<T>(string text)
        where T : IParsable<T>
        => T.Parse(text, CultureInfo.GetCultureInfo("de-DE"));

    private static T ParseSpanGeneric<T>(string text)
        where T : ISpanParsable<T>
        => T.Parse(text.AsSpan(), CultureInfo.GetCultureInfo("fr-FR"));
}

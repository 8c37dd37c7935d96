using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.Quantities;

public class PointsTests
{
    [Theory]
    [InlineData(120, "120pt")]
    [InlineData(-3, "-3pt")]
    [InlineData(0, "0pt")]
    [InlineData(1234567, "1234567pt")]
    [InlineData(long.MaxValue, "9223372036854775807pt")]
    [InlineData(long.MinValue, "-9223372036854775808pt")]
    public void Formats_and_parses_examples(long value, string text)
    {
        var points = Points.FromValue(value);
        Assert.Equal(text, points.ToString());
        Assert.Equal(points, Points.Parse(text));
        Assert.Equal(points, Points.Parse(text.AsSpan()));
        Assert.True(Points.TryParse(text, out var parsed));
        Assert.Equal(value, parsed.Value);
    }

    [Theory]
    [InlineData("120pt", 120)]
    [InlineData("120 pt", 120)]
    [InlineData("120pts", 120)]
    [InlineData("120 pts", 120)]
    [InlineData("120", 120)]
    [InlineData("-3", -3)]
    [InlineData("-3 pt", -3)]
    [InlineData("  7pt\t", 7)]
    [InlineData("007pt", 7)]
    [InlineData("-0pt", 0)]
    public void Parses_accepted_variants(string text, long value)
        => Assert.Equal(new Points(value), Points.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("pt")]
    [InlineData("-")]
    [InlineData("-pt")]
    [InlineData("+5pt")]
    [InlineData("--5pt")]
    [InlineData("5PT")]
    [InlineData("5 Pt")]
    [InlineData("5  pt")]
    [InlineData("5\tpt")]
    [InlineData("5p")]
    [InlineData("5ptt")]
    [InlineData("5ptpt")]
    [InlineData("5 5pt")]
    [InlineData("1,000pt")]
    [InlineData("1.5pt")]
    [InlineData("- 5pt")]
    [InlineData("5pt-")]
    [InlineData("٥pt")] // Arabic-Indic digit
    [InlineData("9223372036854775808pt")] // long.MaxValue + 1
    [InlineData("-9223372036854775809pt")] // long.MinValue - 1
    [InlineData("99999999999999999999999pt")]
    public void Rejects_invalid_text(string text)
    {
        Assert.Throws<FormatException>(() => Points.Parse(text));
        Assert.False(Points.TryParse(text, out var result));
        Assert.Equal(Points.Zero, result);
    }

    [Fact]
    public void Parse_null_throws_ArgumentNullException_and_TryParse_returns_false()
    {
        Assert.Throws<ArgumentNullException>(() => Points.Parse((string)null!));
        Assert.False(Points.TryParse((string?)null, out _));
    }

    [Property]
    public bool Round_trips_small_values(long value)
        => Points.Parse(new Points(value).ToString()) == new Points(value);

    [Property]
    public bool Round_trips_full_range(DoNotSize<long> value)
        => Points.Parse(Points.FromValue(value.Item).ToString()).Value == value.Item;

    [Property]
    public bool Every_accepted_suffix_gives_the_same_value(DoNotSize<long> value)
    {
        var digits = value.Item.ToString(CultureInfo.InvariantCulture);
        var expected = new Points(value.Item);
        return new[] { digits, digits + "pt", digits + " pt", digits + "pts", digits + " pts" }
            .All(text => Points.Parse(text) == expected);
    }

    [Property]
    public bool TryFormat_matches_ToString(DoNotSize<long> value)
    {
        var points = new Points(value.Item);
        Span<char> buffer = stackalloc char[32];
        return points.TryFormat(buffer, out var written, "G", null)
            && buffer[..written].SequenceEqual(points.ToString())
            && $"{points}" == points.ToString();
    }

    [Fact]
    public void Unsupported_format_string_throws()
        => Assert.Throws<FormatException>(() => new Points(1).ToString("D5", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public void Formatting_and_parsing_ignore_the_current_culture(string cultureName)
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(cultureName);
            Assert.Equal("-1234567pt", new Points(-1234567).ToString());
            Assert.Equal("120pt", $"{new Points(120)}");
            Assert.Equal(-1234567, Points.Parse("-1234567pt").Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Arithmetic_overflow_throws()
    {
        var max = new Points(long.MaxValue);
        var min = new Points(long.MinValue);
        var one = new Points(1);
        Assert.Throws<OverflowException>(() => max + one);
        Assert.Throws<OverflowException>(() => min - one);
        Assert.Throws<OverflowException>(() => -min);
        Assert.Throws<OverflowException>(() => Points.Subtract(min, one));
        Assert.Equal(long.MaxValue, (-(min + one)).Value);
    }

    [Fact]
    public void Arithmetic_and_sign_predicates()
    {
        Assert.Equal(new Points(123), new Points(120) + new Points(3));
        Assert.Equal(new Points(117), new Points(120) - new Points(3));
        Assert.Equal(new Points(-120), -new Points(120));
        Assert.Equal(default, Points.Zero);
        Assert.True(Points.Zero.IsZero);
        Assert.False(Points.Zero.IsPositive || Points.Zero.IsNegative);
        Assert.True(new Points(-1).IsNegative);
        Assert.True(new Points(1).IsPositive);
    }

    [Property]
    public bool Addition_and_subtraction_are_inverse(long a, long b)
    {
        var x = new Points(a);
        var y = new Points(b);
        return (x + y - y) == x && (x - y) == (x + -y) && (x + y) == (y + x);
    }

    [Property]
    public bool Equality_and_comparison_are_consistent(long a, long b)
    {
        var x = new Points(a);
        var y = new Points(b);
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
            && (c != 0 || x.GetHashCode() == y.GetHashCode())
            && Math.Sign(((IComparable)x).CompareTo(y)) == Math.Sign(c);
    }

    [Fact]
    public void Non_generic_CompareTo_handles_null_and_rejects_other_types()
    {
        var points = new Points(1);
        Assert.True(points.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => points.CompareTo((object)1L));
    }
}

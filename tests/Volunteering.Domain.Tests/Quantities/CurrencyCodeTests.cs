using FsCheck;
using FsCheck.Xunit;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.Quantities;

public class CurrencyCodeTests
{
    [Fact]
    public void Default_is_CNY()
    {
        var defaultCode = default(CurrencyCode);
        Assert.Equal("CNY", defaultCode.Code);
        Assert.Equal("CNY", defaultCode.ToString());
        Assert.True(defaultCode.IsCny);
        Assert.Equal(CurrencyCode.Cny, defaultCode);
        Assert.Equal(new CurrencyCode("CNY"), defaultCode);
        Assert.True(new CurrencyCode("CNY") == defaultCode);
        Assert.Equal(new CurrencyCode("CNY").GetHashCode(), defaultCode.GetHashCode());
        Assert.Equal(0, new CurrencyCode("CNY").CompareTo(defaultCode));
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("HKD")]
    [InlineData("AAA")]
    [InlineData("ZZZ")]
    public void Accepts_three_upper_case_letters(string code)
    {
        var currency = new CurrencyCode(code);
        Assert.Equal(code, currency.Code);
        Assert.Equal(code, currency.ToString());
        Assert.False(currency.IsCny);
        Assert.NotEqual(CurrencyCode.Cny, currency);
        Assert.Equal(new CurrencyCode(code), currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("cny")]
    [InlineData("Usd")]
    [InlineData(" US")]
    [InlineData("US ")]
    [InlineData("U1D")]
    [InlineData("ÄBC")]
    [InlineData("ＵＳＤ")] // full-width letters
    [InlineData("¥")]
    public void Rejects_invalid_codes_with_parameter_name(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => new CurrencyCode(code));
        Assert.Equal("code", ex.ParamName);
    }

    [Fact]
    public void Rejects_null()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new CurrencyCode(null!));
        Assert.Equal("code", ex.ParamName);
    }

    [Fact]
    public void Orders_alphabetically()
    {
        var codes = new[] { new CurrencyCode("USD"), CurrencyCode.Cny, new CurrencyCode("EUR") };
        Array.Sort(codes);
        Assert.Equal(new[] { "CNY", "EUR", "USD" }, codes.Select(c => c.Code));
        Assert.True(CurrencyCode.Cny < new CurrencyCode("EUR"));
        Assert.True(new CurrencyCode("USD") >= new CurrencyCode("EUR"));
    }

    [Property]
    public bool Equality_and_comparison_are_consistent(byte a1, byte a2, byte a3, byte b1, byte b2, byte b3)
    {
        var x = new CurrencyCode(Code(a1, a2, a3));
        var y = new CurrencyCode(Code(b1, b2, b3));
        var c = x.CompareTo(y);
        return (x == y) == (c == 0)
            && (x != y) == (c != 0)
            && x.Equals(y) == (c == 0)
            && x.Equals((object)y) == (c == 0)
            && (x == y) == (x.Code == y.Code)
            && (x < y) == (c < 0)
            && (x <= y) == (c <= 0)
            && (x > y) == (c > 0)
            && (x >= y) == (c >= 0)
            && Math.Sign(c) == Math.Sign(string.CompareOrdinal(x.Code, y.Code))
            && (c != 0 || x.GetHashCode() == y.GetHashCode());
    }

    private static string Code(byte a, byte b, byte c)
        => string.Concat((char)('A' + (a % 26)), (char)('A' + (b % 26)), (char)('A' + (c % 26)));
}

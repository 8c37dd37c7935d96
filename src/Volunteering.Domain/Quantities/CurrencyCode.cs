using Ardalis.GuardClauses;

namespace Volunteering.Domain.Quantities;

/// <summary>
/// An ISO 4217 style currency code: exactly three upper-case ASCII letters, such as <c>"CNY"</c> or <c>"USD"</c>.
/// Immutable. The default value, <c>default(CurrencyCode)</c>, is Chinese yuan (<see cref="Cny"/>) and is equal to it
/// in every respect.
/// </summary>
/// <remarks>
/// Only the shape of the code is validated; whether it is a currency actually listed in ISO 4217 is not checked.
/// Comparison is ordinal on <see cref="Code"/>.
/// </remarks>
public readonly struct CurrencyCode : IEquatable<CurrencyCode>, IComparable<CurrencyCode>
{
    private const string CnyCode = "CNY";

    /// <summary>The validated code, or null for the default value, which means <see cref="CnyCode"/>.</summary>
    private readonly string? _code;

    /// <summary>Creates a currency code after validating its shape.</summary>
    /// <param name="code">Exactly three ASCII letters <c>A</c>–<c>Z</c>; lower case and surrounding white space are
    /// rejected, not normalised.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not three upper-case ASCII letters.</exception>
    public CurrencyCode(string code)
    {
        Guard.Against.Null(code);
        if (!IsValidCode(code))
        {
            throw new ArgumentException(
                $"A currency code must be exactly three upper-case ASCII letters A-Z, but was '{code}'.", nameof(code));
        }

        _code = string.Equals(code, CnyCode, StringComparison.Ordinal) ? null : code;
    }

    /// <summary>Chinese yuan renminbi, <c>"CNY"</c>; the same as <c>default(CurrencyCode)</c>.</summary>
    public static CurrencyCode Cny => default;

    /// <summary>The three-letter upper-case code, e.g. <c>"CNY"</c>; never null, <c>"CNY"</c> for the default value.</summary>
    public string Code => _code ?? CnyCode;

    /// <summary>Whether the code is Chinese yuan (<c>"CNY"</c>), including the default value.</summary>
    public bool IsCny => _code is null;

    /// <summary>Whether this is the same code as <paramref name="other"/> (ordinal).</summary>
    /// <param name="other">The code to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(CurrencyCode other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="obj"/> is a <see cref="CurrencyCode"/> with the same code.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>True when equal.</returns>
    public override bool Equals(object? obj) => obj is CurrencyCode other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(CurrencyCode)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Orders codes ordinally (which for upper-case ASCII letters is alphabetical).</summary>
    /// <param name="other">The code to compare with.</param>
    /// <returns>Negative, zero or positive as this code sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(CurrencyCode other) => string.CompareOrdinal(Code, other.Code);

    /// <summary>The three-letter code, e.g. <c>"CNY"</c>.</summary>
    /// <returns>The same as <see cref="Code"/>.</returns>
    public override string ToString() => Code;

    /// <summary>True when both are the same code.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the codes are equal.</returns>
    public static bool operator ==(CurrencyCode left, CurrencyCode right) => left.Equals(right);

    /// <summary>True when the codes differ.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether the codes differ.</returns>
    public static bool operator !=(CurrencyCode left, CurrencyCode right) => !left.Equals(right);

    /// <summary>Ordinal ordering of the codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering of the codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> sorts before or equal to <paramref name="right"/>.</returns>
    public static bool operator <=(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering of the codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering of the codes.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether <paramref name="left"/> sorts after or equal to <paramref name="right"/>.</returns>
    public static bool operator >=(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) >= 0;

    /// <summary>Whether <paramref name="code"/> is exactly three ASCII letters A–Z.</summary>
    internal static bool IsValidCode(ReadOnlySpan<char> code)
        => code.Length == 3 && !code.ContainsAnyExceptInRange('A', 'Z');
}

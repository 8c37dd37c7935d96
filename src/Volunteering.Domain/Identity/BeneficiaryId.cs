using System.Diagnostics.CodeAnalysis;

namespace Volunteering.Domain.Identity;

/// <summary>
/// Identifies a beneficiary of aid: a household (户) or an individual (a student, a child), as the host's own register knows them; the same id across applications is what per-beneficiary caps and the once-per-cause rule count by. A thin, allocation-free wrapper over a <see cref="Guid"/>; the default value
/// (<see cref="Guid.Empty"/>) is never a valid identifier and is rejected wherever an id is accepted.
/// </summary>
public readonly struct BeneficiaryId : IEquatable<BeneficiaryId>, IComparable<BeneficiaryId>, ISpanFormattable
{
    /// <summary>Wraps an existing <see cref="Guid"/>.</summary>
    /// <param name="value">The underlying value; <see cref="Guid.Empty"/> is allowed here so that the default can be
    /// represented, but operations reject it.</param>
    public BeneficiaryId(Guid value) => Value = value;

    /// <summary>The underlying <see cref="Guid"/>.</summary>
    public Guid Value { get; }

    /// <summary>True when this is the default (empty) id, which no operation accepts.</summary>
    public bool IsEmpty => Value == Guid.Empty;

    /// <summary>Creates a new random id.</summary>
    public static BeneficiaryId New() => new(Guid.NewGuid());

    /// <summary>Parses the standard 36-character GUID form.</summary>
    /// <exception cref="FormatException">The text is not a GUID.</exception>
    public static BeneficiaryId Parse(string text) => new(Guid.Parse(text, null));

    /// <summary>Tries to parse the standard GUID form; false for null or malformed text.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BeneficiaryId result)
    {
        var ok = Guid.TryParse(text, out var value);
        result = new BeneficiaryId(value);
        return ok;
    }

    /// <inheritdoc />
    public bool Equals(BeneficiaryId other) => Value.Equals(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BeneficiaryId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(BeneficiaryId other) => Value.CompareTo(other.Value);

    /// <summary>The id in the standard lower-case "D" GUID form.</summary>
    public override string ToString() => Value.ToString("D", null);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => Value.TryFormat(destination, out charsWritten, format);

    /// <summary>Equality of the underlying values.</summary>
    public static bool operator ==(BeneficiaryId left, BeneficiaryId right) => left.Equals(right);

    /// <summary>Inequality of the underlying values.</summary>
    public static bool operator !=(BeneficiaryId left, BeneficiaryId right) => !left.Equals(right);

    /// <summary>Ordering by the underlying values.</summary>
    public static bool operator <(BeneficiaryId left, BeneficiaryId right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by the underlying values.</summary>
    public static bool operator >(BeneficiaryId left, BeneficiaryId right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by the underlying values.</summary>
    public static bool operator <=(BeneficiaryId left, BeneficiaryId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by the underlying values.</summary>
    public static bool operator >=(BeneficiaryId left, BeneficiaryId right) => left.CompareTo(right) >= 0;
}

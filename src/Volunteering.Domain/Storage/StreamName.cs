using System.Diagnostics.CodeAnalysis;

namespace Volunteering.Domain.Storage;

/// <summary>
/// Names a stream in an <see cref="IRecordStore"/>: the ordered, versioned history of one aggregate (one ledger, one
/// account's entries, one volunteer, ...). A name is 1 to 128 characters of ASCII letters, digits and
/// <c>- _ . :</c>, compared ordinally; by convention <c>category-id</c>, for example
/// <c>ledger.account-3f2a…</c>. The default value is not a valid name and every store rejects it.
/// </summary>
public readonly struct StreamName : IEquatable<StreamName>, IComparable<StreamName>
{
    /// <summary>The longest name a store must accept, in characters.</summary>
    public const int MaxLength = 128;

    private readonly string? _value;

    /// <summary>Wraps a name after checking it.</summary>
    /// <param name="value">The name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, longer than <see cref="MaxLength"/> or has a character
    /// outside <c>[A-Za-z0-9-_.:]</c>.</exception>
    public StreamName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"A stream name is 1 to {MaxLength} characters of ASCII letters, digits and '-', '_', '.', ':'; got \"{Shorten(value)}\".",
                nameof(value));
        }

        _value = value;
    }

    /// <summary>The name; empty for the default (invalid) value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the default value, which names no stream.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>The stream of one entity of a category: <c>{category}-{id:N}</c>.</summary>
    /// <param name="category">The category, e.g. <c>ledger.account</c>; itself a valid name without <c>-</c> is
    /// conventional but not required.</param>
    /// <param name="id">The entity's id; not empty.</param>
    /// <exception cref="ArgumentException">The category is invalid or the id is empty.</exception>
    public static StreamName For(string category, Guid id)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (id == Guid.Empty) throw new ArgumentException("The entity id must not be empty.", nameof(id));
        return new StreamName(string.Concat(category, "-", id.ToString("N", null)));
    }

    /// <summary>True when <paramref name="value"/> is a valid name.</summary>
    /// <param name="value">The candidate.</param>
    public static bool IsValid([NotNullWhen(true)] string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength) return false;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')) return false;
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(StreamName other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamName other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Ordinal ordering of the names; the default value sorts first.</summary>
    /// <param name="other">The other name.</param>
    public int CompareTo(StreamName other) => string.CompareOrdinal(_value, other._value);

    /// <summary>The name.</summary>
    public override string ToString() => Value;

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(StreamName left, StreamName right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(StreamName left, StreamName right) => !left.Equals(right);

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <(StreamName left, StreamName right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >(StreamName left, StreamName right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <=(StreamName left, StreamName right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >=(StreamName left, StreamName right) => left.CompareTo(right) >= 0;

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}

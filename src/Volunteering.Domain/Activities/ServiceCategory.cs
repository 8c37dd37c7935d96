using System.Diagnostics.CodeAnalysis;

namespace Volunteering.Domain.Activities;

/// <summary>
/// A category of volunteer service (服务类别) used by teams, activities and volunteers' preferences, and in the
/// statistics: a short code of lower-case ASCII letters, digits and '-', 1 to 32 characters, compared ordinally. The
/// well-known categories are provided; schemes may use their own codes. The default value is not a valid category.
/// </summary>
public readonly struct ServiceCategory : IEquatable<ServiceCategory>, IComparable<ServiceCategory>
{
    /// <summary>The longest code, in characters.</summary>
    public const int MaxLength = 32;

    private readonly string? _code;

    /// <summary>Wraps a code after checking it.</summary>
    /// <param name="code">The code, e.g. <c>elder-care</c>.</param>
    /// <exception cref="ArgumentException">The code is empty, too long or has a character outside <c>[a-z0-9-]</c>.</exception>
    public ServiceCategory(string code)
    {
        if (!IsValid(code)) throw new ArgumentException($"A service category is 1 to {MaxLength} characters of a-z, 0-9 and '-'; got \"{code}\".", nameof(code));
        _code = code;
    }

    /// <summary>Legal aid (法律援助).</summary>
    public static ServiceCategory LegalAid { get; } = new("legal-aid");

    /// <summary>Culture and the arts (文化文艺).</summary>
    public static ServiceCategory Culture { get; } = new("culture");

    /// <summary>Health and medical care (医疗健康).</summary>
    public static ServiceCategory Health { get; } = new("health");

    /// <summary>Environment and sanitation (环境保护).</summary>
    public static ServiceCategory Environment { get; } = new("environment");

    /// <summary>Dispute mediation (矛盾调解).</summary>
    public static ServiceCategory Mediation { get; } = new("mediation");

    /// <summary>Care for the elderly (助老服务).</summary>
    public static ServiceCategory ElderCare { get; } = new("elder-care");

    /// <summary>Help for children and students (关爱青少年).</summary>
    public static ServiceCategory Youth { get; } = new("youth");

    /// <summary>Help for people with disabilities (助残服务).</summary>
    public static ServiceCategory Disability { get; } = new("disability");

    /// <summary>Policy and theory talks (理论宣讲).</summary>
    public static ServiceCategory PolicyTalks { get; } = new("policy-talks");

    /// <summary>The code; empty for the default value.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>True for the default value, which is no category.</summary>
    public bool IsEmpty => _code is null;

    /// <summary>True when <paramref name="code"/> is a valid code.</summary>
    /// <param name="code">The candidate.</param>
    public static bool IsValid([NotNullWhen(true)] string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxLength) return false;
        foreach (var c in code)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return false;
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(ServiceCategory other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceCategory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <inheritdoc />
    public int CompareTo(ServiceCategory other) => string.CompareOrdinal(_code, other._code);

    /// <summary>The code.</summary>
    public override string ToString() => Code;

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(ServiceCategory left, ServiceCategory right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(ServiceCategory left, ServiceCategory right) => !left.Equals(right);

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <(ServiceCategory left, ServiceCategory right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >(ServiceCategory left, ServiceCategory right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator <=(ServiceCategory left, ServiceCategory right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal ordering.</summary>
    public static bool operator >=(ServiceCategory left, ServiceCategory right) => left.CompareTo(right) >= 0;
}

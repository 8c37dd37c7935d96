using Ardalis.GuardClauses;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Multiplies the credited duration by a factor per service category (e.g. 1.5 for nursing care); other
/// categories earn 1:1. Results are rounded to whole minutes.</summary>
public sealed class CategoryCreditRate : ICreditRatePolicy
{
    private readonly Dictionary<string, decimal> _multipliers;

    /// <summary>Creates the policy.</summary>
    /// <param name="multipliers">Factor per category name (ordinal comparison); each zero or more.</param>
    /// <param name="rounding">How fractions of a minute round; toward zero (never over-credit) by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A factor is negative.</exception>
    public CategoryCreditRate(IReadOnlyDictionary<string, decimal> multipliers, MidpointRounding rounding = MidpointRounding.ToZero)
    {
        Guard.Against.Null(multipliers);
        foreach (var (category, factor) in multipliers)
        {
            if (factor < 0) throw new ArgumentOutOfRangeException(nameof(multipliers), factor, $"The factor for '{category}' is negative.");
        }

        _multipliers = new Dictionary<string, decimal>(multipliers, StringComparer.Ordinal);
        Rounding = rounding;
    }

    /// <summary>How fractions of a minute round.</summary>
    public MidpointRounding Rounding { get; }

    /// <inheritdoc />
    public TimeCredit CreditFor(ServiceDetails service)
    {
        Guard.Against.Null(service);
        return _multipliers.TryGetValue(service.Category, out var factor)
            ? service.CreditedDuration.Multiply(factor, Rounding)
            : service.CreditedDuration;
    }
}

using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Only people of at least a minimum age on the day of the service may deposit time (18 in Beijing and
/// Shanghai; under-18s serve only in supervised groups, which earn no personal credit).</summary>
public sealed class MinimumAgeDepositorPolicy : IEligibilityPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="minimumAge">The minimum age in whole years; default 18.</param>
    public MinimumAgeDepositorPolicy(int minimumAge = 18) => MinimumAge = Guard.Against.Negative(minimumAge);

    /// <summary>The minimum age in whole years.</summary>
    public int MinimumAge { get; }

    /// <inheritdoc />
    public TimeBankResult Check(MemberProfile person, LocalDate onDate)
        => Guard.Against.Null(person).AgeOn(onDate) >= MinimumAge ? TimeBankResult.Ok : TimeBankResult.DepositorTooYoung;
}

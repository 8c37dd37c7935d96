using NodaTime;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Decides whether a person may do something on a date: deposit time, redeem it, or receive a grant.</summary>
public interface IEligibilityPolicy
{
    /// <summary><see cref="TimeBankResult.Ok"/> if eligible, otherwise the code naming the rule.</summary>
    /// <param name="person">The person's record.</param>
    /// <param name="onDate">The date that counts (the service date for deposits; today in the scheme's zone otherwise).</param>
    TimeBankResult Check(MemberProfile person, LocalDate onDate);
}

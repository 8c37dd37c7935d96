using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Grants from the community pool and the guarantee fund go to "key" elderly people who cannot earn their
/// own time: aged 80 or more and living alone, or aged 60 or more with a recorded hardship (low income, disability,
/// living alone, special hardship).</summary>
public sealed class KeyElderlyGrantPolicy : IEligibilityPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="oldAge">The age from which living alone qualifies on its own; default 80.</param>
    /// <param name="hardshipAge">The age from which a hardship qualifies; default 60.</param>
    public KeyElderlyGrantPolicy(int oldAge = 80, int hardshipAge = 60)
    {
        OldAge = Guard.Against.Negative(oldAge);
        HardshipAge = Guard.Against.Negative(hardshipAge);
    }

    /// <summary>The age from which living alone qualifies.</summary>
    public int OldAge { get; }

    /// <summary>The age from which a hardship qualifies.</summary>
    public int HardshipAge { get; }

    /// <inheritdoc />
    public TimeBankResult Check(MemberProfile person, LocalDate onDate)
    {
        Guard.Against.Null(person);
        var age = person.AgeOn(onDate);
        if (age >= OldAge && person.Hardship.HasFlag(Hardship.LivingAlone)) return TimeBankResult.Ok;
        if (age >= HardshipAge && person.Hardship != Hardship.None) return TimeBankResult.Ok;
        return TimeBankResult.NotEligibleForGrant;
    }
}

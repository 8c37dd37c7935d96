using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Stored time is redeemed by older people: at least <see cref="MinimumAge"/> (60 in Beijing and Nanjing,
/// 65 in Shanghai), or <see cref="HardshipMinimumAge"/> for people with a qualifying hardship (Shanghai: 60 for
/// special hardship). "Younger seniors store time, older seniors draw services."</summary>
public sealed class MinimumAgeRedeemerPolicy : IEligibilityPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="minimumAge">The usual minimum age; default 60.</param>
    /// <param name="hardshipMinimumAge">A lower minimum for people with <paramref name="qualifyingHardship"/>, or null for none.</param>
    /// <param name="qualifyingHardship">The hardships that qualify for the lower age; any by default.</param>
    public MinimumAgeRedeemerPolicy(int minimumAge = 60, int? hardshipMinimumAge = null, Hardship qualifyingHardship = Hardship.LivingAlone | Hardship.LowIncome | Hardship.Disabled | Hardship.SpecialHardship)
    {
        MinimumAge = Guard.Against.Negative(minimumAge);
        if (hardshipMinimumAge is < 0) throw new ArgumentOutOfRangeException(nameof(hardshipMinimumAge), hardshipMinimumAge, "An age cannot be negative.");
        HardshipMinimumAge = hardshipMinimumAge;
        QualifyingHardship = qualifyingHardship;
    }

    /// <summary>The usual minimum age.</summary>
    public int MinimumAge { get; }

    /// <summary>The lower minimum for qualifying hardship, or null.</summary>
    public int? HardshipMinimumAge { get; }

    /// <summary>The hardships that qualify for the lower minimum.</summary>
    public Hardship QualifyingHardship { get; }

    /// <inheritdoc />
    public TimeBankResult Check(MemberProfile person, LocalDate onDate)
    {
        Guard.Against.Null(person);
        var age = person.AgeOn(onDate);
        if (age >= MinimumAge) return TimeBankResult.Ok;
        if (HardshipMinimumAge is { } lower && age >= lower && (person.Hardship & QualifyingHardship) != 0) return TimeBankResult.Ok;
        return TimeBankResult.RedeemerTooYoung;
    }
}

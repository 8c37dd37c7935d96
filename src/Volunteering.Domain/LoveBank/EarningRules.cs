namespace Volunteering.Domain.LoveBank;

/// <summary>
/// What each kind of contribution earns, per scheme (one part of a <see cref="LoveBankRulebook"/>). A null rate or an
/// absent entry means the contribution earns nothing in this scheme; an award claimed for it is refused with
/// <see cref="LoveBankResult.NoRuleForContribution"/>. Every conversion rounds by <see cref="Rounding"/>.
/// </summary>
/// <example>
/// A common scheme: 1 point per hour of verified service, at most 2 hours counted per activity; 1 point per donated
/// item; 1 point per 10 yuan of declared value of donated goods; 5 points per referral; 20 points to start a household:
/// <code>
/// new EarningRules
/// {
///     PerServiceMinutes = new PointRate(1, 60), MaxServiceMinutesPerActivity = 120,
///     PerDonatedItem = new PointRate(1, 1), PerDonatedFen = new PointRate(1, 1000),
///     ReferralPoints = 5, HouseholdStartingGrant = 20,
/// };
/// </code>
/// </example>
public sealed record EarningRules
{
    /// <summary>The rules that earn nothing.</summary>
    public static EarningRules None { get; } = new();

    /// <summary>Points per minutes of verified volunteer service (for example 1 per 60), or null.</summary>
    public PointRate? PerServiceMinutes { get; init; }

    /// <summary>The most minutes of one activity (or one time-bank service) that count for points, or null for no
    /// limit. Schemes use it to stop one long activity earning more than a usual one (e.g. 120: at most 2 hours).</summary>
    public long? MaxServiceMinutesPerActivity { get; init; }

    /// <summary>Points per donated item (for example 1 per 1), or null.</summary>
    public PointRate? PerDonatedItem { get; init; }

    /// <summary>Points per fen of the declared value of donated goods (1 point per yuan is <c>1/100</c>), or null.</summary>
    public PointRate? PerDonatedFen { get; init; }

    /// <summary>Points per professional service, by service category code (legal advice, haircut, repair, ...); a
    /// category not listed earns nothing.</summary>
    public IReadOnlyDictionary<string, long> ProfessionalServicePoints { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Points for referring a new volunteer who registers, or null.</summary>
    public long? ReferralPoints { get; init; }

    /// <summary>Fixed bonuses by name (for example <c>"volunteer-of-the-month": 10</c>).</summary>
    public IReadOnlyDictionary<string, long> Bonuses { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Points granted once when a household passbook is opened, or null for none.</summary>
    public long? HouseholdStartingGrant { get; init; }

    /// <summary>How fractional results round. Default <see cref="PointsRounding.Down"/> (whole points only).</summary>
    public PointsRounding Rounding { get; init; } = PointsRounding.Down;
}

using Ardalis.GuardClauses;

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
    private readonly long? _maxServiceMinutesPerActivity;
    private readonly IReadOnlyDictionary<string, long> _professionalServicePoints = new Dictionary<string, long>(StringComparer.Ordinal);
    private readonly long? _referralPoints;
    private readonly IReadOnlyDictionary<string, long> _bonuses = new Dictionary<string, long>(StringComparer.Ordinal);
    private readonly long? _householdStartingGrant;
    private readonly PointsRounding _rounding = PointsRounding.Down;

    /// <summary>The rules that earn nothing.</summary>
    public static EarningRules None { get; } = new();

    /// <summary>Points per minutes of verified volunteer service (for example 1 per 60), or null.</summary>
    public PointRate? PerServiceMinutes { get; init; }

    /// <summary>The most minutes of one activity (or one time-bank service) that count for points, or null for no
    /// limit. Schemes use it to stop one long activity earning more than a usual one (e.g. 120: at most 2 hours).</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public long? MaxServiceMinutesPerActivity { get => _maxServiceMinutesPerActivity; init => _maxServiceMinutesPerActivity = value is { } v ? Guard.Against.Negative(v) : null; }

    /// <summary>Points per donated item (for example 1 per 1), or null.</summary>
    public PointRate? PerDonatedItem { get; init; }

    /// <summary>Points per fen of the declared value of donated goods (1 point per yuan is <c>1/100</c>), or null.</summary>
    public PointRate? PerDonatedFen { get; init; }

    /// <summary>Points per professional service, by service category code (legal advice, haircut, repair, ...); a
    /// category not listed earns nothing.</summary>
    /// <exception cref="ArgumentException">Set with a blank name or negative points.</exception>
    public IReadOnlyDictionary<string, long> ProfessionalServicePoints { get => _professionalServicePoints; init => _professionalServicePoints = Checked(value); }

    /// <summary>Points for referring a new volunteer who registers, or null.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public long? ReferralPoints { get => _referralPoints; init => _referralPoints = value is { } v ? Guard.Against.Negative(v) : null; }

    /// <summary>Fixed bonuses by name (for example <c>"volunteer-of-the-month": 10</c>).</summary>
    /// <exception cref="ArgumentException">Set with a blank name or negative points.</exception>
    public IReadOnlyDictionary<string, long> Bonuses { get => _bonuses; init => _bonuses = Checked(value); }

    /// <summary>Points granted once when a household passbook is opened, or null for none.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public long? HouseholdStartingGrant { get => _householdStartingGrant; init => _householdStartingGrant = value is { } v ? Guard.Against.Negative(v) : null; }

    /// <summary>How fractional results round. Default <see cref="PointsRounding.Down"/> (whole points only).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public PointsRounding Rounding { get => _rounding; init => _rounding = Guard.Against.EnumOutOfRange(value); }

    /// <summary>Value equality: the rates, limits and grants, and the two tables entry by entry (in any order).</summary>
    /// <param name="other">The rules to compare with.</param>
    public bool Equals(EarningRules? other)
        => other is not null
           && PerServiceMinutes == other.PerServiceMinutes && MaxServiceMinutesPerActivity == other.MaxServiceMinutesPerActivity
           && PerDonatedItem == other.PerDonatedItem && PerDonatedFen == other.PerDonatedFen
           && ReferralPoints == other.ReferralPoints && HouseholdStartingGrant == other.HouseholdStartingGrant && Rounding == other.Rounding
           && SameEntries(ProfessionalServicePoints, other.ProfessionalServicePoints) && SameEntries(Bonuses, other.Bonuses);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(PerServiceMinutes, MaxServiceMinutesPerActivity, PerDonatedItem, PerDonatedFen, ReferralPoints, HouseholdStartingGrant, Rounding, ProfessionalServicePoints.Count + Bonuses.Count);

    private static bool SameEntries(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b)
        => a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static Dictionary<string, long> Checked(IReadOnlyDictionary<string, long> table)
    {
        Guard.Against.Null(table);
        var copy = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, points) in table)
        {
            Guard.Against.NullOrWhiteSpace(name, nameof(table));
            copy[name] = Guard.Against.Negative(points, nameof(table));
        }

        return copy;
    }
}

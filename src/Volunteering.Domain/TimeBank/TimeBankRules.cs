using Volunteering.Domain.TimeBank.Policies;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// A scheme's time-bank rules, each a replaceable policy. The defaults follow what real schemes do: 1 hour of service
/// earns 1 hour of credit; depositors at least 18 on the day of service; redeemers at least 60; accounts capped at
/// 1,500 hours with the excess donated to the pool; redemption city-wide; grants to key elderly; star levels at
/// 100/300/600/1,000/1,500 hours; credit never expires (no scheme observed expires it). Replace any with
/// <c>with</c>-style initialisers: <c>new TimeBankRules { Redeemer = new MinimumAgeRedeemerPolicy(65, 60) }</c>.
/// </summary>
public sealed record TimeBankRules
{
    /// <summary>The default rules.</summary>
    public static TimeBankRules Default { get; } = new();

    /// <summary>Turns a confirmed service into credit. Default: <see cref="UniformCreditRate"/>.</summary>
    public ICreditRatePolicy CreditRate { get; init; } = UniformCreditRate.Instance;

    /// <summary>Who may deposit. Default: at least 18 on the day of the service.</summary>
    public IEligibilityPolicy Depositor { get; init; } = new MinimumAgeDepositorPolicy();

    /// <summary>Who may redeem. Default: at least 60.</summary>
    public IEligibilityPolicy Redeemer { get; init; } = new MinimumAgeRedeemerPolicy();

    /// <summary>Who may receive grants from the pool or the guarantee fund. Default: key elderly.</summary>
    public IEligibilityPolicy GrantRecipient { get; init; } = new KeyElderlyGrantPolicy();

    /// <summary>The account cap. Default: 1,500 hours, excess to the pool.</summary>
    public AccountCapPolicy Cap { get; init; } = AccountCapPolicy.Default;

    /// <summary>Where time may be redeemed. Default: anywhere in the member's city.</summary>
    public IRedemptionScopePolicy RedemptionScope { get; init; } = new AreaRedemptionScopePolicy();

    /// <summary>The relationships between which time may be given. Default: all of <see cref="Relationship"/>.</summary>
    public IReadOnlySet<Relationship> GiftableRelationships { get; init; } = new HashSet<Relationship>(Enum.GetValues<Relationship>());

    /// <summary>Star levels. Default: 100/300/600/1,000/1,500 hours.</summary>
    public StarLevelPolicy StarLevels { get; init; } = StarLevelPolicy.Default;
}

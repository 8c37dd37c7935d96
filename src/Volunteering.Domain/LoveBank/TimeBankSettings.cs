using Ardalis.GuardClauses;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// The time-bank policies a rulebook can set without code: the ages for depositing and redeeming and the account cap.
/// <see cref="ToRules"/> turns them into <see cref="TimeBankRules"/> built from the standard policies; anything not set
/// here keeps the <see cref="TimeBankRules.Default"/> policy.
/// </summary>
public sealed record TimeBankSettings
{
    private readonly int _depositorMinimumAge = 18;
    private readonly int _redeemerMinimumAge = 60;
    private readonly TimeCredit? _accountCap = TimeCredit.FromHours(1500);
    private readonly CapOverflow _overflow = CapOverflow.DonateToPool;

    /// <summary>The highest age a rule may name, 150.</summary>
    public const int MaxAge = 150;

    /// <summary>The youngest age at which service may be deposited; default 18.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to <see cref="MaxAge"/>.</exception>
    public int DepositorMinimumAge { get => _depositorMinimumAge; init => _depositorMinimumAge = Guard.Against.OutOfRange(value, nameof(value), 0, MaxAge); }

    /// <summary>The youngest age at which time may be redeemed; default 60.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 0 to <see cref="MaxAge"/>.</exception>
    public int RedeemerMinimumAge { get => _redeemerMinimumAge; init => _redeemerMinimumAge = Guard.Against.OutOfRange(value, nameof(value), 0, MaxAge); }

    /// <summary>The most time a member account holds, or null for no cap; default 1,500 hours.</summary>
    /// <exception cref="ArgumentException">Set to a negative time.</exception>
    public TimeCredit? AccountCap { get => _accountCap; init => _accountCap = value is { IsNegative: true } ? throw new ArgumentException("An account cap must not be negative.", nameof(value)) : value; }

    /// <summary>What happens to a deposit above the cap; default <see cref="CapOverflow.DonateToPool"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public CapOverflow Overflow { get => _overflow; init => _overflow = Guard.Against.EnumOutOfRange(value); }

    /// <summary>The time-bank rules these settings give.</summary>
    public TimeBankRules ToRules() => TimeBankRules.Default with
    {
        Depositor = new MinimumAgeDepositorPolicy(DepositorMinimumAge),
        Redeemer = new MinimumAgeRedeemerPolicy(RedeemerMinimumAge),
        Cap = new AccountCapPolicy { Cap = AccountCap, Overflow = Overflow },
    };
}

using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// One version of a scheme's rules: what contributions earn, when points expire, what a passbook needs before it may
/// redeem, how long a reservation is held, which exchanges between assets are allowed, and the time-bank policies.
/// Host apps load it from JSON (<c>Volunteering.Domain.Json</c>, see <c>docs/rulebook.md</c>) and add it to a
/// <see cref="RulebookHistory"/>; every ledger movement the love bank makes names the <see cref="Version"/> that
/// produced it.
/// </summary>
public sealed record LoveBankRulebook
{
    private readonly int _version = 1;
    private readonly long _minimumServiceMinutesToRedeem;
    private readonly Duration _reservationHold = Duration.FromDays(3);

    /// <summary>The version number: 1 for a scheme's first rules, one more for each change.</summary>
    /// <exception cref="ArgumentException">Set below 1.</exception>
    public int Version { get => _version; init => _version = Guard.Against.NegativeOrZero(value); }

    /// <summary>When this version takes effect; every operation at or after it (until the next version) uses it.</summary>
    public Instant EffectiveFrom { get; init; } = Instant.MinValue;

    /// <summary>The earning rules; default earns nothing.</summary>
    public EarningRules Earning { get; init; } = EarningRules.None;

    /// <summary>How long earned points stay valid, counted in the scheme's time zone from the moment they were earned
    /// (for example <c>Period.FromYears(3)</c>), or null when points never expire. Service hours never expire because
    /// points do.</summary>
    public Period? PointsLifetime { get; init; }

    /// <summary>The lifetime minutes of service a passbook must have had counted for points before it may redeem
    /// anything (for example 300: at least 5 hours served); default 0.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public long MinimumServiceMinutesToRedeem { get => _minimumServiceMinutesToRedeem; init => _minimumServiceMinutesToRedeem = Guard.Against.Negative(value); }

    /// <summary>How long a reservation holds points and stock before it lapses; default 3 days.</summary>
    /// <exception cref="ArgumentException">Set to zero or less.</exception>
    public Duration ReservationHold
    {
        get => _reservationHold;
        init => _reservationHold = value > Duration.Zero ? value : throw new ArgumentException("A reservation hold must be positive.", nameof(value));
    }

    /// <summary>The exchanges allowed; none by default.</summary>
    public IReadOnlyList<ExchangeRule> Exchanges { get; init; } = [];

    /// <summary>The time-bank policies; default the standard ones.</summary>
    public TimeBankSettings TimeBank { get; init; } = new();
}

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
    private readonly Period? _pointsLifetime;
    private readonly IReadOnlyList<ExchangeRule> _exchanges = [];
    private readonly EarningRules _earning = EarningRules.None;
    private readonly TimeBankSettings _timeBank = new();

    /// <summary>The longest reservation hold, 365 days.</summary>
    public static Duration MaxReservationHold { get; } = Duration.FromDays(365);

    /// <summary>The longest points lifetime, 100 years.</summary>
    public static Period MaxPointsLifetime { get; } = Period.FromYears(100);

    /// <summary>The version number: 1 for a scheme's first rules, one more for each change.</summary>
    /// <exception cref="ArgumentException">Set below 1.</exception>
    public int Version { get => _version; init => _version = Guard.Against.NegativeOrZero(value); }

    /// <summary>When this version takes effect; every operation at or after it (until the next version) uses it.</summary>
    public Instant EffectiveFrom { get; init; } = Instant.MinValue;

    /// <summary>The earning rules; default earns nothing.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public EarningRules Earning { get => _earning; init => _earning = Guard.Against.Null(value); }

    /// <summary>How long earned points stay valid, counted in the scheme's time zone from the moment they were earned
    /// (for example <c>Period.FromYears(3)</c>), or null when points never expire. Service hours never expire because
    /// points do.</summary>
    /// <exception cref="ArgumentException">Set to a period that is not more than zero or longer than
    /// <see cref="MaxPointsLifetime"/> (compared from 2000-01-01).</exception>
    public Period? PointsLifetime
    {
        get => _pointsLifetime;
        init
        {
            if (value is { } p)
            {
                var origin = new LocalDateTime(2000, 1, 1, 0, 0);
                var end = origin.Plus(p);
                if (end <= origin || end > origin.Plus(MaxPointsLifetime)) throw new ArgumentException($"A points lifetime must be more than zero and at most 100 years; got {p}.", nameof(value));
            }

            _pointsLifetime = value;
        }
    }

    /// <summary>The lifetime minutes of service a passbook must have had counted for points before it may redeem
    /// anything (for example 300: at least 5 hours served); default 0.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public long MinimumServiceMinutesToRedeem { get => _minimumServiceMinutesToRedeem; init => _minimumServiceMinutesToRedeem = Guard.Against.Negative(value); }

    /// <summary>How long a reservation holds points and stock before it lapses; default 3 days.</summary>
    /// <exception cref="ArgumentException">Set to zero or less, or more than <see cref="MaxReservationHold"/>.</exception>
    public Duration ReservationHold
    {
        get => _reservationHold;
        init => _reservationHold = value > Duration.Zero && value <= MaxReservationHold ? value : throw new ArgumentException($"A reservation hold must be more than zero and at most 365 days; got {value}.", nameof(value));
    }

    /// <summary>The exchanges allowed, at most one per direction; none by default.</summary>
    /// <exception cref="ArgumentException">Set with a null rule or two rules for one direction.</exception>
    public IReadOnlyList<ExchangeRule> Exchanges
    {
        get => _exchanges;
        init
        {
            Guard.Against.Null(value);
            if (value.Any(r => r is null)) throw new ArgumentException("An exchange rule is null.", nameof(value));
            var twice = value.GroupBy(r => r.Direction).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new ArgumentException($"Two exchange rules for {twice.Key}; a rulebook has at most one per direction.", nameof(value));
            _exchanges = [.. value];
        }
    }

    /// <summary>The time-bank policies; default the standard ones.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TimeBankSettings TimeBank { get => _timeBank; init => _timeBank = Guard.Against.Null(value); }

    /// <summary>Value equality: every field, the exchange rules in order.</summary>
    /// <param name="other">The rulebook to compare with.</param>
    public bool Equals(LoveBankRulebook? other)
        => other is not null && Version == other.Version && EffectiveFrom == other.EffectiveFrom && Earning == other.Earning
           && PointsLifetime == other.PointsLifetime && MinimumServiceMinutesToRedeem == other.MinimumServiceMinutesToRedeem
           && ReservationHold == other.ReservationHold && Exchanges.SequenceEqual(other.Exchanges) && TimeBank == other.TimeBank;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, EffectiveFrom, Earning, PointsLifetime, MinimumServiceMinutesToRedeem, ReservationHold, Exchanges.Count, TimeBank);
}

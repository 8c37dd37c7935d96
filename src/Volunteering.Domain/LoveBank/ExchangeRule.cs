using Ardalis.GuardClauses;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// An exchange between two assets at a fixed rate: <see cref="Rate"/> gives target units per source units (for
/// <see cref="ExchangeDirection.HoursToPoints"/>: points per minute; for <see cref="ExchangeDirection.PointsToVoucher"/>:
/// fen per point). An exchange is a linked pair of ledger transfers through the scheme's exchange accounts, one per
/// asset, so each asset's balances still sum to zero. One-way unless <see cref="AllowReverse"/>.
/// </summary>
public sealed record ExchangeRule
{
    private readonly PointsRounding _rounding = PointsRounding.Down;

    /// <summary>Creates an exchange rule.</summary>
    /// <param name="direction">The forward direction.</param>
    /// <param name="rate">Target units per source units in the forward direction; its points must be positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rate"/> is null.</exception>
    /// <exception cref="ArgumentException">The rate gives nothing (zero points).</exception>
    public ExchangeRule(ExchangeDirection direction, PointRate rate)
    {
        Guard.Against.EnumOutOfRange(direction);
        Guard.Against.Null(rate);
        Guard.Against.NegativeOrZero(rate.Points, nameof(rate));
        Direction = direction;
        Rate = rate;
    }

    /// <summary>The forward direction.</summary>
    public ExchangeDirection Direction { get; }

    /// <summary>Target units per source units, forward.</summary>
    public PointRate Rate { get; }

    /// <summary>How the target amount rounds. Default <see cref="PointsRounding.Down"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public PointsRounding Rounding { get => _rounding; init => _rounding = Guard.Against.EnumOutOfRange(value); }

    /// <summary>Whether the reverse direction is allowed too (at the inverse rate, rounded down so an exchange and its
    /// reverse never create value). Default false.</summary>
    public bool AllowReverse { get; init; }
}

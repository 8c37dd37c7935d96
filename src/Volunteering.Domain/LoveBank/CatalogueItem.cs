using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>An item in a love-bank catalogue: its price in points and the rules for redeeming it.</summary>
public sealed record CatalogueItem
{
    private readonly int? _limitPerPeriod;
    private readonly LimitPeriod _limitPeriod = LimitPeriod.Month;
    private readonly Instant? _availableFrom;
    private readonly Instant? _availableUntil;
    private readonly long _minimumServiceMinutes;
    private readonly PassbookHolderKind? _onlyFor;

    /// <summary>Describes an item.</summary>
    /// <param name="id">The item's id; not empty.</param>
    /// <param name="name">Its name (e.g. "Umbrella"); not blank.</param>
    /// <param name="pricePoints">Its price in points per unit; positive.</param>
    /// <exception cref="ArgumentException">The id is empty, the name blank or the price not positive.</exception>
    public CatalogueItem(CatalogueItemId id, string name, long pricePoints)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The item id must not be empty.", nameof(id));
        Id = id;
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        PricePoints = Guard.Against.NegativeOrZero(pricePoints);
    }

    /// <summary>The item's id.</summary>
    public CatalogueItemId Id { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>Its price in points per unit.</summary>
    public long PricePoints { get; }

    /// <summary>The most units one passbook may take per <see cref="LimitPeriod"/>, or null for no limit.</summary>
    /// <exception cref="ArgumentException">Set to zero or less.</exception>
    public int? LimitPerPeriod { get => _limitPerPeriod; init => _limitPerPeriod = value is { } v ? Guard.Against.NegativeOrZero(v) : null; }

    /// <summary>The period <see cref="LimitPerPeriod"/> counts over; default a month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public LimitPeriod LimitPeriod { get => _limitPeriod; init => _limitPeriod = Guard.Against.EnumOutOfRange(value); }

    /// <summary>The first instant it can be reserved, or null for always.</summary>
    /// <exception cref="ArgumentException">Set to an instant not before <see cref="AvailableUntil"/>.</exception>
    public Instant? AvailableFrom
    {
        get => _availableFrom;
        init => _availableFrom = value is { } from && _availableUntil is { } until && until <= from ? throw WindowError(from, until) : value;
    }

    /// <summary>The instant from which it can no longer be reserved, or null for never.</summary>
    /// <exception cref="ArgumentException">Set to an instant not after <see cref="AvailableFrom"/>.</exception>
    public Instant? AvailableUntil
    {
        get => _availableUntil;
        init => _availableUntil = value is { } until && _availableFrom is { } from && until <= from ? throw WindowError(from, until) : value;
    }

    /// <summary>Service minutes a passbook must have had counted before redeeming this item (on top of the rulebook's
    /// general threshold); default 0.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public long MinimumServiceMinutes { get => _minimumServiceMinutes; init => _minimumServiceMinutes = Guard.Against.Negative(value); }

    /// <summary>The only kind of holder who may redeem it, or null for both.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public PassbookHolderKind? OnlyFor { get => _onlyFor; init => _onlyFor = value is { } v ? Guard.Against.EnumOutOfRange(v) : null; }

    private static ArgumentException WindowError(Instant from, Instant until)
        => new($"An item's availability window must end after it starts; got {from} to {until}.", nameof(until));
}

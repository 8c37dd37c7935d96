using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>An item in a love-bank catalogue: its price in points and the rules for redeeming it.</summary>
public sealed record CatalogueItem
{
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
    public int? LimitPerPeriod { get; init; }

    /// <summary>The period <see cref="LimitPerPeriod"/> counts over; default a month.</summary>
    public LimitPeriod LimitPeriod { get; init; } = LimitPeriod.Month;

    /// <summary>The first instant it can be reserved, or null for always.</summary>
    public Instant? AvailableFrom { get; init; }

    /// <summary>The instant from which it can no longer be reserved, or null for never.</summary>
    public Instant? AvailableUntil { get; init; }

    /// <summary>Service minutes a passbook must have had counted before redeeming this item (on top of the rulebook's
    /// general threshold); default 0.</summary>
    public long MinimumServiceMinutes { get; init; }

    /// <summary>The only kind of holder who may redeem it, or null for both.</summary>
    public PassbookHolderKind? OnlyFor { get; init; }
}

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>An item was withdrawn: it can no longer be reserved (open reservations can still be fulfilled).</summary>
/// <param name="Item">The item.</param>
/// <param name="At">When.</param>
public sealed record ItemWithdrawn(CatalogueItemId Item, Instant At) : CatalogueEvent;

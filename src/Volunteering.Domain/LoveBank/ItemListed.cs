using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>An item was listed (or its terms replaced: the newest listing of an id is in force).</summary>
/// <param name="Item">The item and its terms.</param>
/// <param name="At">When.</param>
public sealed record ItemListed(CatalogueItem Item, Instant At) : CatalogueEvent;

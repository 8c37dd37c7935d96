namespace Volunteering.Domain.LoveBank;

/// <summary>An item's stock at an outlet, in units.</summary>
/// <param name="OnHand">Units at the outlet: restocked, less handed out and written off (reserved units are still on
/// hand).</param>
/// <param name="Reserved">Units held by open reservations.</param>
public sealed record StockLevel(long OnHand, long Reserved)
{
    /// <summary>Units that can still be reserved: on hand less reserved; never negative.</summary>
    public long Available => OnHand - Reserved;
}

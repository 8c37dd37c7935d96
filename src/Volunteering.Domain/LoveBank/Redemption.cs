using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>A redemption as a passbook holds it.</summary>
public sealed class Redemption
{
    internal Redemption(RedemptionReserved reserved)
    {
        Id = reserved.Redemption;
        Item = reserved.Item;
        Outlet = reserved.Outlet;
        Quantity = reserved.Quantity;
        Points = reserved.Points;
        CodeHash = reserved.CodeHash;
        HoldUntil = reserved.HoldUntil;
        ReservedAt = reserved.At;
        RuleVersion = reserved.RuleVersion;
    }

    /// <summary>The redemption's id.</summary>
    public RedemptionId Id { get; }

    /// <summary>The item.</summary>
    public CatalogueItemId Item { get; }

    /// <summary>The outlet.</summary>
    public OutletId Outlet { get; }

    /// <summary>Units.</summary>
    public int Quantity { get; }

    /// <summary>Points it costs.</summary>
    public long Points { get; }

    /// <summary>The stored hash of the one-time code.</summary>
    public string CodeHash { get; }

    /// <summary>When the reservation lapses.</summary>
    public Instant HoldUntil { get; }

    /// <summary>When it was reserved.</summary>
    public Instant ReservedAt { get; }

    /// <summary>The rulebook version in force when it was reserved.</summary>
    public int RuleVersion { get; }

    /// <summary>Where it stands.</summary>
    public RedemptionStatus Status { get; internal set; }

    /// <summary>When it was fulfilled, cancelled or lapsed; null while reserved.</summary>
    public Instant? SettledAt { get; internal set; }

    /// <summary>True while it still holds points and stock.</summary>
    public bool IsOpen => Status == RedemptionStatus.Reserved;

    internal List<(PointsLot Lot, long Points)> Drawn { get; } = [];
}

namespace Volunteering.Domain.TimeBank;

/// <summary>How far from home stored time can be redeemed. Schemes widen it as they grow: community, then district,
/// then city (通存通兑, "deposit anywhere, redeem anywhere" within the city). Time never moves between cities.</summary>
public enum RedemptionScope
{
    /// <summary>Only in the member's own community.</summary>
    Community = 0,

    /// <summary>Anywhere in the member's district.</summary>
    District = 1,

    /// <summary>Anywhere in the member's city.</summary>
    City = 2,
}

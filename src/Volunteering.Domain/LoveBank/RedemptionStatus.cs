namespace Volunteering.Domain.LoveBank;

/// <summary>Where a redemption stands.</summary>
public enum RedemptionStatus
{
    /// <summary>Points and stock are reserved; waiting to be fulfilled with the code.</summary>
    Reserved = 0,

    /// <summary>Handed out; final.</summary>
    Fulfilled = 1,

    /// <summary>Cancelled; points and stock returned.</summary>
    Cancelled = 2,

    /// <summary>The hold ran out; points and stock returned.</summary>
    Lapsed = 3,
}

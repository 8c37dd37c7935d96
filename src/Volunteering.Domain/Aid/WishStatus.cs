namespace Volunteering.Domain.Aid;

/// <summary>Where a micro-wish stands.</summary>
public enum WishStatus
{
    /// <summary>Posted and waiting for a donor.</summary>
    Posted = 1,

    /// <summary>Claimed by a donor, not yet fulfilled.</summary>
    Claimed = 2,

    /// <summary>Fulfilled, with a photo or receipt reference.</summary>
    Fulfilled = 3,

    /// <summary>Cancelled before it was fulfilled.</summary>
    Cancelled = 4,
}

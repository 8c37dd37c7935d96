using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// One lot of points in a passbook: an award (or points received by an exchange), what is left of it, and when it
/// expires. Spending, deductions and reservations draw on the oldest lots first; expiry takes what is left of a lot
/// once its date has passed.
/// </summary>
public sealed class PointsLot
{
    internal PointsLot(Guid source, int sequence, ContributionKind? kind, long points, Instant earnedAt, Instant? expiresAt)
    {
        Source = source;
        Sequence = sequence;
        Kind = kind;
        Points = points;
        Remaining = points;
        EarnedAt = earnedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The award's source (or the exchange's id).</summary>
    public Guid Source { get; }

    /// <summary>The award's sequence (0 for an exchange).</summary>
    public int Sequence { get; }

    /// <summary>The kind of contribution, or null for points received by an exchange.</summary>
    public ContributionKind? Kind { get; }

    /// <summary>The points the lot started with.</summary>
    public long Points { get; }

    /// <summary>The points left in it: not spent, deducted, reserved, reversed or expired.</summary>
    public long Remaining { get; internal set; }

    /// <summary>When it was earned.</summary>
    public Instant EarnedAt { get; }

    /// <summary>When it expires, or null for never.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>True once the award was reversed.</summary>
    public bool IsReversed { get; internal set; }

    /// <summary>True once the lot's remainder was expired.</summary>
    public bool IsExpired { get; internal set; }
}

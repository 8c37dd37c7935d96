using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>What was left of one lot expired.</summary>
/// <param name="Source">The lot's award source.</param>
/// <param name="Sequence">The lot's award sequence.</param>
/// <param name="Points">Points expired; positive.</param>
/// <param name="ExpiresAt">The lot's expiry instant.</param>
/// <param name="At">When the expiry ran.</param>
public sealed record PointsExpired(Guid Source, int Sequence, long Points, Instant ExpiresAt, Instant At) : PassbookEvent;

using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>An award was reversed on the ledger because its source was reversed or corrected; the lot is gone.</summary>
/// <param name="Source">The award's source.</param>
/// <param name="Sequence">The award's sequence.</param>
/// <param name="Points">Points taken back (the whole award).</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record AwardReversed(Guid Source, int Sequence, long Points, string Reason, Instant At) : PassbookEvent;

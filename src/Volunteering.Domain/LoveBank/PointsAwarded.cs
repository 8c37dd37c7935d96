using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>Points were earned: a lot of points that expires on its own date, oldest first. Claims the source's item key
/// (<see cref="Passbook.AwardKey"/>), so a source earns in one passbook, once per sequence.</summary>
/// <param name="Source">The source's id (participation, service record, donation, referred volunteer, bonus grant,
/// passbook for a starting grant).</param>
/// <param name="Sequence">0 for the first award of the source; a correction's number for an award that replaced an
/// earlier one (activity corrections).</param>
/// <param name="Kind">The kind of contribution.</param>
/// <param name="Detail">The category, bonus name or activity the award was for; may be empty.</param>
/// <param name="BasisUnits">The quantity the rule converted: minutes counted (after the per-activity limit), items,
/// fen, or 1.</param>
/// <param name="Points">Points earned; positive.</param>
/// <param name="RuleVersion">The rulebook version that produced it.</param>
/// <param name="At">When they were earned.</param>
/// <param name="ExpiresAt">When the lot expires, or null if points never expire under that version.</param>
public sealed record PointsAwarded(Guid Source, int Sequence, ContributionKind Kind, string Detail, long BasisUnits, long Points, int RuleVersion, Instant At, Instant? ExpiresAt) : PassbookEvent;

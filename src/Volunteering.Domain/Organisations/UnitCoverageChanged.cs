using System.Collections.Immutable;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A practice unit covers a new set of communities from a date (the whole set, not a difference).</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Communities">The communities covered from then on, trimmed, distinct, in ordinal order.</param>
/// <param name="EffectiveFrom">The first day of the new coverage.</param>
/// <param name="At">When the change was recorded.</param>
public sealed record UnitCoverageChanged(UnitId UnitId, ImmutableArray<string> Communities, LocalDate EffectiveFrom, Instant At) : PracticeUnitEvent;

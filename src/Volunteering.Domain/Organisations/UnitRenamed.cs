using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A practice unit took a new name from a date; the old name stays in the history.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Name">The new name.</param>
/// <param name="EffectiveFrom">The first day of the new name.</param>
/// <param name="At">When the change was recorded.</param>
public sealed record UnitRenamed(UnitId UnitId, string Name, LocalDate EffectiveFrom, Instant At) : PracticeUnitEvent;

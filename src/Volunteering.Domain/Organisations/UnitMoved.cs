using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A practice unit moved under another parent from a date; on earlier dates its parent is the one before.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Parent">The new parent, one level up.</param>
/// <param name="EffectiveFrom">The first day under the new parent.</param>
/// <param name="At">When the move was recorded.</param>
public sealed record UnitMoved(UnitId UnitId, UnitId Parent, LocalDate EffectiveFrom, Instant At) : PracticeUnitEvent;

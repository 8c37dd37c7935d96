using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A practice unit closed: it is open up to the day before <paramref name="EffectiveFrom"/> and closed from
/// that day on. Its history stays; a closed unit takes no further changes.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Reason">Why it closed (merged, dissolved, ...).</param>
/// <param name="EffectiveFrom">The first day it is closed.</param>
/// <param name="At">When the closure was recorded.</param>
public sealed record UnitClosed(UnitId UnitId, string Reason, LocalDate EffectiveFrom, Instant At) : PracticeUnitEvent;

using System.Collections.Immutable;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A practice unit was founded: the first event of every unit stream.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level.</param>
/// <param name="Parent">Its parent, one level up; null for a centre.</param>
/// <param name="Communities">The communities it covers (names or codes), trimmed, distinct, in ordinal order.</param>
/// <param name="ZoneId">Its time zone, a TZDB id such as <c>Asia/Shanghai</c>.</param>
/// <param name="EffectiveFrom">The first day it is open.</param>
/// <param name="At">When the founding was recorded.</param>
public sealed record UnitFounded(
    UnitId UnitId,
    string Name,
    UnitLevel Level,
    UnitId? Parent,
    ImmutableArray<string> Communities,
    string ZoneId,
    LocalDate EffectiveFrom,
    Instant At) : PracticeUnitEvent;

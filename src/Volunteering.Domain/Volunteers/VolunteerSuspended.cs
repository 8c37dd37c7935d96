using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>A volunteer was suspended (暂停): not active from the date until reinstated.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="Reason">Why (written by the organisation; must not repeat personal fields).</param>
/// <param name="EffectiveFrom">The first day of the new status.</param>
/// <param name="At">When it was recorded.</param>
public sealed record VolunteerSuspended(VolunteerId VolunteerId, string Reason, LocalDate EffectiveFrom, Instant At) : VolunteerEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>A volunteer was reinstated after a suspension: active again from the date.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="Reason">Why (written by the organisation; must not repeat personal fields).</param>
/// <param name="EffectiveFrom">The first day of the new status.</param>
/// <param name="At">When it was recorded.</param>
public sealed record VolunteerReinstated(VolunteerId VolunteerId, string Reason, LocalDate EffectiveFrom, Instant At) : VolunteerEvent;

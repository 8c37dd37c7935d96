using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>A volunteer was left (退出): final from the date; the record and its history stay.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="Reason">Why (written by the organisation; must not repeat personal fields).</param>
/// <param name="EffectiveFrom">The first day of the new status.</param>
/// <param name="At">When it was recorded.</param>
public sealed record VolunteerLeft(VolunteerId VolunteerId, string Reason, LocalDate EffectiveFrom, Instant At) : VolunteerEvent;

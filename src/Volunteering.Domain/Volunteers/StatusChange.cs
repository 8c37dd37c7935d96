using NodaTime;

namespace Volunteering.Domain.Volunteers;

/// <summary>One entry of a volunteer's status history.</summary>
/// <param name="Status">The status from <paramref name="EffectiveFrom"/> on.</param>
/// <param name="Reason">Why (for the registration, <c>registered</c>).</param>
/// <param name="EffectiveFrom">The first day of the status.</param>
/// <param name="At">When the change was recorded.</param>
public sealed record StatusChange(VolunteerStatus Status, string Reason, LocalDate EffectiveFrom, Instant At);

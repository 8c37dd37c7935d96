using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A volunteer left a team; the membership stays in the history.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Volunteer">The volunteer.</param>
/// <param name="EffectiveFrom">The first day no longer a member.</param>
/// <param name="At">When it was recorded.</param>
public sealed record TeamMemberLeft(TeamId TeamId, VolunteerId Volunteer, LocalDate EffectiveFrom, Instant At) : VolunteerTeamEvent;

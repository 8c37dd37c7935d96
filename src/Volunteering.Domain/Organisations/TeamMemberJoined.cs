using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A volunteer joined a team in a role.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Volunteer">The volunteer.</param>
/// <param name="Role">The role.</param>
/// <param name="EffectiveFrom">The first day as a member.</param>
/// <param name="At">When it was recorded.</param>
public sealed record TeamMemberJoined(TeamId TeamId, VolunteerId Volunteer, TeamRole Role, LocalDate EffectiveFrom, Instant At) : VolunteerTeamEvent;

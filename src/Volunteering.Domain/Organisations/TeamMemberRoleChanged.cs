using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A current member of a team took another role (became a leader, or stepped down to member).</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Volunteer">The volunteer.</param>
/// <param name="Role">The new role.</param>
/// <param name="EffectiveFrom">The first day in the new role.</param>
/// <param name="At">When it was recorded.</param>
public sealed record TeamMemberRoleChanged(TeamId TeamId, VolunteerId Volunteer, TeamRole Role, LocalDate EffectiveFrom, Instant At) : VolunteerTeamEvent;

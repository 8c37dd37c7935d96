using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>One period of a volunteer in a team in one role: from <see cref="Joined"/> (a member on that day) up to
/// the day before <see cref="Left"/>. A role change ends one period and starts the next on the same day.</summary>
/// <param name="Volunteer">The volunteer.</param>
/// <param name="Role">The role during the period.</param>
/// <param name="Joined">The first day of the period.</param>
/// <param name="Left">The first day after the period (the day the volunteer left, changed role or the team
/// disbanded), or null while it lasts.</param>
public sealed record TeamMembership(VolunteerId Volunteer, TeamRole Role, LocalDate Joined, LocalDate? Left)
{
    /// <summary>True when the period includes <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public bool IsCurrentOn(LocalDate date) => Joined <= date && (Left is null || date < Left.Value);
}

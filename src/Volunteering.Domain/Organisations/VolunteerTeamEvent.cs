namespace Volunteering.Domain.Organisations;

/// <summary>
/// The base of every event a <see cref="VolunteerTeam"/> raises: immutable records kept in the team's stream and never
/// edited. Each concrete event names the team, the date it takes effect and the instant it was recorded, and holds only
/// plain serializable members (ids, strings, NodaTime dates and instants, enums, <c>ServiceCategory</c>).
/// </summary>
public abstract record VolunteerTeamEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>An award was added to a volunteer's record (see <see cref="AwardRecord"/>).</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="AwardId">The award record's id.</param>
/// <param name="Name">The award's name.</param>
/// <param name="Date">When it was granted.</param>
/// <param name="GrantingBody">Who granted it.</param>
/// <param name="At">When it was recorded.</param>
public sealed record AwardRecorded(VolunteerId VolunteerId, Guid AwardId, string Name, LocalDate Date, string GrantingBody, Instant At) : VolunteerEvent;

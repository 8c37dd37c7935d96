using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>The volunteer's personal data was replaced in the vault (the new values are there, not here).</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="At">When it was recorded.</param>
public sealed record PersonalDataUpdated(VolunteerId VolunteerId, Instant At) : VolunteerEvent;

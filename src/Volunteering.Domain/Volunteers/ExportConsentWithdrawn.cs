using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>The volunteer withdrew their consent to exporting their personal data.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="At">When it was recorded.</param>
public sealed record ExportConsentWithdrawn(VolunteerId VolunteerId, Instant At) : VolunteerEvent;

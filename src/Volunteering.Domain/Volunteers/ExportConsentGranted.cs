using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>The volunteer consented to exporting their personal data.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="GivenAt">When the consent was given.</param>
/// <param name="Method">How.</param>
/// <param name="At">When it was recorded.</param>
public sealed record ExportConsentGranted(VolunteerId VolunteerId, Instant GivenAt, ConsentMethod Method, Instant At) : VolunteerEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>The volunteer's personal data was erased from the vault for good. The number, status history, training,
/// awards and every ledger account and balance stay; summaries show a placeholder for the personal fields.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="Reason">Why (a request by the person, ...).</param>
/// <param name="At">When it was recorded.</param>
public sealed record PersonalDataErased(VolunteerId VolunteerId, string Reason, Instant At) : VolunteerEvent;

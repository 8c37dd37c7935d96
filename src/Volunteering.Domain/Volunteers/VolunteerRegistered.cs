using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>A volunteer was registered: the first event of every volunteer stream. It claims the volunteer number's
/// key (<see cref="VolunteerNumbers.KeyOf"/>), so a number is stored at most once per scheme. The personal fields
/// entered with it are in the vault, not here.</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="Scheme">The scheme the number belongs to.</param>
/// <param name="Number">The volunteer number.</param>
/// <param name="Source">Who entered the registration.</param>
/// <param name="EnteredBy">The practice unit that entered it, or null for a self-registration.</param>
/// <param name="ConsentGivenAt">When the volunteer consented to the record (for a self-registration without a separate
/// consent, the registration instant).</param>
/// <param name="ConsentMethod">How.</param>
/// <param name="RegisteredOn">The first day of the registration (the first day active).</param>
/// <param name="At">When it was recorded.</param>
public sealed record VolunteerRegistered(
    VolunteerId VolunteerId,
    SchemeId Scheme,
    string Number,
    RegistrationSource Source,
    UnitId? EnteredBy,
    Instant ConsentGivenAt,
    ConsentMethod ConsentMethod,
    LocalDate RegisteredOn,
    Instant At) : VolunteerEvent;

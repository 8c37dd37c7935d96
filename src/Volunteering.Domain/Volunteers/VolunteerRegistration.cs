using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>What a registration enters: the volunteer's id, scheme and number, the personal fields, who entered it and
/// the consent on record, and the first day of the registration.</summary>
public sealed record VolunteerRegistration
{
    /// <summary>Describes a registration.</summary>
    /// <param name="volunteer">The new volunteer's id; not empty.</param>
    /// <param name="scheme">The scheme; not empty.</param>
    /// <param name="number">The volunteer number; see <see cref="VolunteerNumbers.IsValid"/>.</param>
    /// <param name="personalData">The personal fields.</param>
    /// <param name="registeredOn">The first day of the registration.</param>
    /// <param name="enteredBy">The practice unit entering it, or null when the volunteer enters it themself.</param>
    /// <param name="consent">The volunteer's recorded consent; required when <paramref name="enteredBy"/> is set
    /// (otherwise <see cref="VolunteerResult.ConsentRequired"/>).</param>
    /// <exception cref="ArgumentException">An id is empty or the number invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="personalData"/> is null.</exception>
    public VolunteerRegistration(VolunteerId volunteer, SchemeId scheme, string number, PersonalData personalData, LocalDate registeredOn, UnitId? enteredBy = null, Consent? consent = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, volunteer, "The volunteer id must not be empty.", nameof(volunteer));
        Guard.Against.Expression(static x => x.IsEmpty, scheme, "The scheme id must not be empty.", nameof(scheme));
        if (!VolunteerNumbers.IsValid(number)) throw new ArgumentException($"A volunteer number is 1 to {VolunteerNumbers.MaxLength} ASCII letters, digits and '-'.", nameof(number));
        if (enteredBy is { IsEmpty: true }) throw new ArgumentException("The entering unit's id must not be empty.", nameof(enteredBy));
        Volunteer = volunteer;
        Scheme = scheme;
        Number = number;
        PersonalData = Guard.Against.Null(personalData);
        RegisteredOn = registeredOn;
        EnteredBy = enteredBy;
        Consent = consent;
    }

    /// <summary>The new volunteer's id.</summary>
    public VolunteerId Volunteer { get; }

    /// <summary>The scheme.</summary>
    public SchemeId Scheme { get; }

    /// <summary>The volunteer number.</summary>
    public string Number { get; }

    /// <summary>The personal fields (stored in the vault only).</summary>
    public PersonalData PersonalData { get; }

    /// <summary>The first day of the registration.</summary>
    public LocalDate RegisteredOn { get; }

    /// <summary>The practice unit entering it, or null for a self-registration.</summary>
    public UnitId? EnteredBy { get; }

    /// <summary>The volunteer's recorded consent, or null.</summary>
    public Consent? Consent { get; }

    /// <summary>Who entered it.</summary>
    public RegistrationSource Source => EnteredBy is null ? RegistrationSource.Self : RegistrationSource.Organisation;
}

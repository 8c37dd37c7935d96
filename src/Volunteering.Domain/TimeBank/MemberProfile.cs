using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// The record fields a time bank keeps about an account holder (开户人), as the volunteer-record rules list them:
/// name, date of birth, contact, residence area, skills and service categories, plus any hardship circumstances.
/// </summary>
public sealed record MemberProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">The person's name; not blank.</param>
    /// <param name="birthDate">Date of birth (ISO calendar); ages are computed from it in the scheme's time zone.</param>
    /// <param name="contact">A phone number or other contact; not blank.</param>
    /// <param name="residence">Where the person lives.</param>
    /// <exception cref="ArgumentException">A text field is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="residence"/> is null.</exception>
    public MemberProfile(string name, LocalDate birthDate, string contact, ResidenceArea residence)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        Contact = Guard.Against.NullOrWhiteSpace(contact);
        Residence = Guard.Against.Null(residence);
        BirthDate = birthDate;
    }

    /// <summary>The person's name.</summary>
    public string Name { get; }

    /// <summary>Date of birth.</summary>
    public LocalDate BirthDate { get; }

    /// <summary>Contact (phone or other).</summary>
    public string Contact { get; }

    /// <summary>Residence area.</summary>
    public ResidenceArea Residence { get; }

    /// <summary>Skills the person offers (e.g. "haircut", "computer help").</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Service categories the person serves in (e.g. "elder-care", "legal-aid").</summary>
    public IReadOnlyList<string> ServiceCategories { get; init; } = [];

    /// <summary>Hardship circumstances recorded for the person.</summary>
    public Hardship Hardship { get; init; }

    /// <summary>Equality of every field, the lists by their items in order (a record would compare the list
    /// references, so a retried <c>OpenAccount</c> with the same skills would look like a different profile).</summary>
    /// <param name="other">The other profile.</param>
    public bool Equals(MemberProfile? other)
        => other is not null
           && (ReferenceEquals(this, other)
               || (string.Equals(Name, other.Name, StringComparison.Ordinal)
                   && BirthDate == other.BirthDate
                   && string.Equals(Contact, other.Contact, StringComparison.Ordinal)
                   && Residence == other.Residence
                   && Hardship == other.Hardship
                   && (Skills ?? []).SequenceEqual(other.Skills ?? [], StringComparer.Ordinal)
                   && (ServiceCategories ?? []).SequenceEqual(other.ServiceCategories ?? [], StringComparer.Ordinal)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, BirthDate, Contact, Residence, Hardship, Skills?.Count ?? 0, ServiceCategories?.Count ?? 0);

    /// <summary>Age in whole years on a date.</summary>
    /// <param name="onDate">The date, in the same calendar as <see cref="BirthDate"/>.</param>
    public int AgeOn(LocalDate onDate) => Period.Between(BirthDate, onDate, PeriodUnits.Years).Years;
}

using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// A volunteer's personal fields as the national record rules list them: name, gender, date of birth, ID document type
/// and number, residence area, contact phone, skills and service categories. Held in one place only, an
/// <see cref="Storage.IPersonalDataVault"/>; never in events, never unmasked in summaries, exported only with consent.
/// </summary>
/// <remarks><see cref="ToString"/> shows masked values only, so logging a value does not disclose the person.</remarks>
public sealed record PersonalData
{
    /// <summary>The longest ID number accepted, in characters.</summary>
    public const int MaxIdNumberLength = 64;

    private readonly IReadOnlyList<string> _skills = [];
    private readonly IReadOnlyList<ServiceCategory> _serviceCategories = [];

    /// <summary>Creates the personal fields.</summary>
    /// <param name="name">The person's name; not blank (trimmed).</param>
    /// <param name="gender">Gender.</param>
    /// <param name="birthDate">Date of birth (ISO calendar).</param>
    /// <param name="idType">The ID document type.</param>
    /// <param name="idNumber">The document number; not blank, at most <see cref="MaxIdNumberLength"/> characters
    /// (trimmed; a resident ID card's check letter is upper-cased).</param>
    /// <param name="residence">Where the person lives.</param>
    /// <param name="phone">Contact phone; not blank (trimmed).</param>
    /// <exception cref="ArgumentException">A text is blank or too long, or an enum value undefined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="residence"/> is null.</exception>
    public PersonalData(string name, Gender gender, LocalDate birthDate, IdDocumentType idType, string idNumber, ResidenceArea residence, string phone)
    {
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        Gender = Guard.Against.EnumOutOfRange(gender);
        BirthDate = birthDate;
        IdType = Guard.Against.EnumOutOfRange(idType);
        idNumber = Guard.Against.NullOrWhiteSpace(idNumber).Trim();
        Guard.Against.OutOfRange(idNumber.Length, nameof(idNumber), 1, MaxIdNumberLength);
        IdNumber = idType == IdDocumentType.ResidentIdCard ? idNumber.ToUpperInvariant() : idNumber;
        Residence = Guard.Against.Null(residence);
        Phone = Guard.Against.NullOrWhiteSpace(phone).Trim();
    }

    /// <summary>The person's name.</summary>
    public string Name { get; }

    /// <summary>Gender.</summary>
    public Gender Gender { get; }

    /// <summary>Date of birth.</summary>
    public LocalDate BirthDate { get; }

    /// <summary>The ID document type.</summary>
    public IdDocumentType IdType { get; }

    /// <summary>The ID document number, unmasked. Show it only through <see cref="PersonalDataMask.IdNumber"/>.</summary>
    public string IdNumber { get; }

    /// <summary>Residence area.</summary>
    public ResidenceArea Residence { get; }

    /// <summary>Contact phone, unmasked. Show it only through <see cref="PersonalDataMask.Phone"/>.</summary>
    public string Phone { get; }

    /// <summary>Skills offered (e.g. "haircut"); a copy of the list given, none blank.</summary>
    /// <exception cref="ArgumentException">An item is blank.</exception>
    public IReadOnlyList<string> Skills
    {
        get => _skills;
        init
        {
            Guard.Against.Null(value);
            if (value.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("A skill must not be blank.", nameof(value));
            _skills = [.. value.Select(s => s.Trim())];
        }
    }

    /// <summary>Service categories the person serves in; a copy of the list given, none the default value.</summary>
    /// <exception cref="ArgumentException">An item is the default category.</exception>
    public IReadOnlyList<ServiceCategory> ServiceCategories
    {
        get => _serviceCategories;
        init
        {
            Guard.Against.Null(value);
            if (value.Any(c => c.IsEmpty)) throw new ArgumentException("A service category must not be the default value.", nameof(value));
            _serviceCategories = [.. value];
        }
    }

    /// <summary>The profile the time bank's policies read (name, date of birth, phone as contact, residence, skills,
    /// categories by code).</summary>
    public MemberProfile ToMemberProfile() => new(Name, BirthDate, Phone, Residence)
    {
        Skills = Skills,
        ServiceCategories = [.. ServiceCategories.Select(c => c.Code)],
    };

    /// <summary>Equality of every field, the lists item by item in order.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(PersonalData? other)
        => other is not null
           && (ReferenceEquals(this, other)
               || (string.Equals(Name, other.Name, StringComparison.Ordinal)
                   && Gender == other.Gender
                   && BirthDate == other.BirthDate
                   && IdType == other.IdType
                   && string.Equals(IdNumber, other.IdNumber, StringComparison.Ordinal)
                   && Residence == other.Residence
                   && string.Equals(Phone, other.Phone, StringComparison.Ordinal)
                   && Skills.SequenceEqual(other.Skills, StringComparer.Ordinal)
                   && ServiceCategories.SequenceEqual(other.ServiceCategories)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Gender, BirthDate, IdType, IdNumber, Residence, Phone, Skills.Count);

    /// <summary>A masked description: name, ID type, masked ID number and masked phone.</summary>
    public override string ToString()
        => $"{Name} ({IdType} {PersonalDataMask.IdNumber(IdNumber)}, phone {PersonalDataMask.Phone(Phone)})";
}

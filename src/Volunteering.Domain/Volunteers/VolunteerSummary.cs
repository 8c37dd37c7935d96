using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// What lists, reports and back-office screens show of a volunteer: the record's facts and the personal fields with
/// the ID number and phone masked (<see cref="PersonalDataMask"/>). Never holds an unmasked ID number or phone. After
/// erasure (or while the vault holds nothing) the personal fields show a placeholder.
/// </summary>
public sealed record VolunteerSummary
{
    /// <summary>The placeholder shown for the personal fields of an erased volunteer, <c>(erased)</c>.</summary>
    public const string ErasedPlaceholder = "(erased)";

    /// <summary>The placeholder shown when the vault holds no data for a volunteer who was not erased, <c>(unavailable)</c>.</summary>
    public const string UnavailablePlaceholder = "(unavailable)";

    private VolunteerSummary(Volunteer volunteer)
    {
        Volunteer = volunteer.Id;
        Scheme = volunteer.Scheme;
        Number = volunteer.Number;
        Status = volunteer.Status;
        IsErased = volunteer.IsErased;
        TrainingCount = volunteer.Trainings.Count;
        AwardCount = volunteer.Awards.Count;
    }

    /// <summary>The volunteer.</summary>
    public VolunteerId Volunteer { get; }

    /// <summary>The scheme.</summary>
    public SchemeId Scheme { get; }

    /// <summary>The volunteer number.</summary>
    public string Number { get; }

    /// <summary>The current status.</summary>
    public VolunteerStatus Status { get; }

    /// <summary>True once the personal data is erased.</summary>
    public bool IsErased { get; }

    /// <summary>The name, or a placeholder.</summary>
    public string Name { get; private init; } = string.Empty;

    /// <summary>Gender, or null when no data is shown.</summary>
    public Gender? Gender { get; private init; }

    /// <summary>The ID document type, or null when no data is shown.</summary>
    public IdDocumentType? IdType { get; private init; }

    /// <summary>The masked ID number, or a placeholder.</summary>
    public string MaskedIdNumber { get; private init; } = string.Empty;

    /// <summary>The masked phone, or a placeholder.</summary>
    public string MaskedPhone { get; private init; } = string.Empty;

    /// <summary>The residence community, or a placeholder.</summary>
    public string Community { get; private init; } = string.Empty;

    /// <summary>The number of trainings on record.</summary>
    public int TrainingCount { get; }

    /// <summary>The number of awards on record.</summary>
    public int AwardCount { get; }

    /// <summary>Summarises a volunteer.</summary>
    /// <param name="volunteer">The volunteer's record.</param>
    /// <param name="data">Its personal data from the vault, or null when none is held. Ignored once the volunteer is
    /// erased.</param>
    /// <exception cref="ArgumentNullException"><paramref name="volunteer"/> is null.</exception>
    public static VolunteerSummary From(Volunteer volunteer, PersonalData? data)
    {
        Guard.Against.Null(volunteer);
        if (volunteer.IsErased || data is null)
        {
            var placeholder = volunteer.IsErased ? ErasedPlaceholder : UnavailablePlaceholder;
            return new VolunteerSummary(volunteer)
            {
                Name = placeholder,
                MaskedIdNumber = placeholder,
                MaskedPhone = placeholder,
                Community = placeholder,
            };
        }

        return new VolunteerSummary(volunteer)
        {
            Name = data.Name,
            Gender = data.Gender,
            IdType = data.IdType,
            MaskedIdNumber = PersonalDataMask.IdNumber(data.IdNumber),
            MaskedPhone = PersonalDataMask.Phone(data.Phone),
            Community = data.Residence.Community,
        };
    }
}

namespace Volunteering.Domain.Volunteers;

/// <summary>The outcome of a command on a <see cref="Volunteer"/> or through the <see cref="VolunteerRegistry"/>:
/// <see cref="Ok"/>, <see cref="AlreadyDone"/> (an idempotent repeat, to be treated as success) or one code naming the
/// rule that refused it. A refused command raises no event and leaves the personal-data vault as it was.</summary>
public enum VolunteerResult
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The state already is what the command asks for (already suspended, the same training recorded, the
    /// same registration stored, ...); nothing changed.</summary>
    AlreadyDone = 1,

    /// <summary>No volunteer is registered with the id.</summary>
    VolunteerNotFound = 10,

    /// <summary>The id is registered already, with another scheme, number or personal data.</summary>
    VolunteerExists = 11,

    /// <summary>Another volunteer of the scheme holds the number.</summary>
    NumberTaken = 12,

    /// <summary>An organisation entered the registration without the volunteer's recorded consent (or with
    /// <see cref="ConsentMethod.SelfEntered"/>, which only the volunteer can use).</summary>
    ConsentRequired = 13,

    /// <summary>The recorded consent is dated after the registration is recorded.</summary>
    ConsentAfterRegistration = 14,

    /// <summary>A resident identity card number does not have 18 characters with a valid check character.</summary>
    InvalidIdNumber = 15,

    /// <summary>A resident identity card number encodes another date of birth than the one given.</summary>
    IdNumberBirthDateMismatch = 16,

    /// <summary>The volunteer has left; the record takes no further changes.</summary>
    VolunteerHasLeft = 20,

    /// <summary>A status change is dated before the registration or the latest status change.</summary>
    EffectiveDateBeforeLastChange = 21,

    /// <summary>A training with this id is recorded with other details.</summary>
    TrainingExistsWithDifferentDetails = 22,

    /// <summary>An award with this id is recorded with other details.</summary>
    AwardExistsWithDifferentDetails = 23,

    /// <summary>Exporting personal data needs the volunteer's export consent, which is not on record.</summary>
    ExportConsentRequired = 30,

    /// <summary>The volunteer's personal data was erased; it cannot be read, exported, updated or consented to again.</summary>
    PersonalDataErased = 31,

    /// <summary>The vault holds no personal data for a volunteer who was not erased (an interrupted registration or a
    /// vault restored from an old backup); put it again with an update.</summary>
    PersonalDataMissing = 32,

    /// <summary>Other writers kept changing the volunteer while the command was retried; nothing was saved.</summary>
    ConcurrentChange = 40,
}

namespace Volunteering.Domain.Certificates;

/// <summary>The outcome of issuing a certificate: <see cref="Ok"/> or the rule that refused it. A refusal writes
/// nothing.</summary>
public enum CertificateResult
{
    /// <summary>Issued and saved in the issuer's register.</summary>
    Ok = 0,

    /// <summary>The issuing unit has no records in the store (it was never founded).</summary>
    IssuerNotFound = 10,

    /// <summary>The issuing unit is closed on the issue date.</summary>
    IssuerClosed = 11,

    /// <summary>The volunteer is not registered.</summary>
    VolunteerNotFound = 20,

    /// <summary>The volunteer's personal data was erased: a certificate needs the name and ID.</summary>
    PersonalDataErased = 21,

    /// <summary>The vault holds no personal data for the volunteer.</summary>
    PersonalDataMissing = 22,

    /// <summary>A listed activity does not exist.</summary>
    ActivityNotFound = 30,

    /// <summary>A listed activity was organised (and so recorded) by another unit: whoever records certifies, so only
    /// the organising unit can certify it.</summary>
    NotRecordedByIssuer = 31,

    /// <summary>A listed activity is not volunteer service (<see cref="Activities.ActivityDetails.IsVolunteerService"/>
    /// is false) and cannot be certified as service.</summary>
    NotVolunteerService = 32,

    /// <summary>A listed activity's start date is outside the period.</summary>
    OutsidePeriod = 33,

    /// <summary>The volunteer has no verified participation in a listed activity (not signed up, withdrawn, or not yet
    /// verified).</summary>
    ParticipationNotVerified = 34,

    /// <summary>Without a list: the volunteer has no verified participation in a volunteer-service activity the issuer
    /// organised in the period.</summary>
    NothingToCertify = 35,

    /// <summary>The certificate number is already in the store (another unit uses the same code).</summary>
    NumberTaken = 40,
}

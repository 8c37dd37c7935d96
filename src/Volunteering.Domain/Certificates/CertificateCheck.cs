namespace Volunteering.Domain.Certificates;

/// <summary>What verifying a certificate found.</summary>
public enum CertificateCheck
{
    /// <summary>The certificate is the one issued under its number and still matches the records it was built from:
    /// every participation it names is verified, with the same credited minutes and record version.</summary>
    Matches = 0,

    /// <summary>No certificate was issued under the number.</summary>
    NotFound = 1,

    /// <summary>The certificate presented differs from what was issued: its fields do not hash to its content hash, or
    /// it is not the certificate the issuer's register holds under its number.</summary>
    Altered = 2,

    /// <summary>The certificate is as issued, but the records changed since: a participation it names was corrected
    /// (its credited time or record version differs) or is no longer a verified participation of the volunteer. A
    /// new certificate states the current record.</summary>
    RecordsChanged = 3,

    /// <summary>The certificate is as issued and matches the records, but its holder's personal data was erased since,
    /// so the name and masked ID number it shows can no longer be confirmed.</summary>
    HolderUnconfirmed = 4,
}

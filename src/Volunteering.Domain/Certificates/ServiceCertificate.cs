namespace Volunteering.Domain.Certificates;

/// <summary>
/// A service certificate (志愿服务证明) as issued: the fields the national rules and guidance list, the participations it
/// was built from, and a content hash over both. A plain data object for export (JSON): public init properties of
/// primitive types, strings, Guids and lists, no behaviour. Dates are ISO <c>yyyy-MM-dd</c> strings.
/// </summary>
/// <remarks>
/// <para>The holder's personal fields (<see cref="VolunteerName"/>, <see cref="MaskedIdNumber"/>) are taken from the
/// personal-data vault and are not stored with the issued certificate: the register keeps the certificate with those
/// two fields empty, and <see cref="CertificateDesk.FindAsync"/> fills them in again from the vault. Erasing a person
/// therefore leaves no name or ID digits behind in the register, and the content hash does not cover them.</para>
/// </remarks>
/// <remarks>
/// Only <see cref="CertificateDesk"/> produces certificates, from the records; <see cref="CertificateVerifier"/> checks
/// one against the records, and <see cref="CertificateCanonicalForm"/> documents the bytes the hash covers. The hash
/// shows that a certificate matches the records it names; it is not a signature (anyone can compute it), so a
/// presented certificate is authentic only if it equals the one the issuer's register holds under its number
/// (<see cref="CertificateDesk.VerifyAsync(ServiceCertificate, System.Threading.CancellationToken)"/>).
/// </remarks>
public sealed record ServiceCertificate
{
    /// <summary>The certificate number, <c>{unit code}-{year}-{sequence:000000}</c>: the issuer's code, the year of
    /// issue and the certificate's place in the issuer's register for that year (1, 2, ...). Unique in a store.</summary>
    public required string Number { get; init; }

    /// <summary>The issue date in the issuer's time zone, ISO <c>yyyy-MM-dd</c>.</summary>
    public required string IssuedOn { get; init; }

    /// <summary>The issuing unit's id: the unit that organised and recorded every activity certified.</summary>
    public required Guid IssuerUnit { get; init; }

    /// <summary>The issuing unit's certificate code (see <see cref="CertificateIssuer.Code"/>).</summary>
    public required string IssuerCode { get; init; }

    /// <summary>The issuing unit's name on the issue date, from its records.</summary>
    public required string IssuerName { get; init; }

    /// <summary>The issuer's responsible person (负责人).</summary>
    public required string ResponsiblePerson { get; init; }

    /// <summary>The person who handled the certificate (经办人).</summary>
    public required string Handler { get; init; }

    /// <summary>The issuer's contact (联系方式), e.g. an office phone.</summary>
    public required string Contact { get; init; }

    /// <summary>The volunteer's id (<see cref="Identity.VolunteerId.Value"/>).</summary>
    public required Guid Volunteer { get; init; }

    /// <summary>The volunteer number (志愿者编号).</summary>
    public required string VolunteerNumber { get; init; }

    /// <summary>The volunteer's name, from the personal-data vault; empty in the stored register and, after the holder's
    /// personal data was erased, in what <see cref="CertificateDesk.FindAsync"/> returns. Not covered by the content
    /// hash.</summary>
    public required string VolunteerName { get; init; }

    /// <summary>The ID document type, the name of a <see cref="Volunteers.IdDocumentType"/> value
    /// (<c>ResidentIdCard</c>, <c>Passport</c>, ...).</summary>
    public required string IdType { get; init; }

    /// <summary>The ID number, masked by <see cref="Volunteers.PersonalDataMask.IdNumber"/> (<c>320102********1237</c>);
    /// a certificate never holds the full number. From the vault like <see cref="VolunteerName"/>: empty in the stored
    /// register and after erasure; not covered by the content hash.</summary>
    public required string MaskedIdNumber { get; init; }

    /// <summary>The first day of the period certified, ISO <c>yyyy-MM-dd</c>.</summary>
    public required string PeriodStart { get; init; }

    /// <summary>The last day of the period certified (included), ISO <c>yyyy-MM-dd</c>.</summary>
    public required string PeriodEnd { get; init; }

    /// <summary>The total credited service time, in minutes: the sum of the entries' minutes.</summary>
    public required long TotalMinutes { get; init; }

    /// <summary>The total service time in hours as printed on the certificate: rounded half away from zero to at most
    /// two decimals, no trailing zeros (<c>"13.6"</c>); <see cref="TotalMinutes"/> is exact.</summary>
    public required string TotalHours { get; init; }

    /// <summary>The service content: the distinct category codes of the activities, in ordinal order.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The participations certified (activity names, dates, minutes), ordered by date, then activity id,
    /// then participation id.</summary>
    public required IReadOnlyList<CertificateEntry> Entries { get; init; }

    /// <summary>The content hash: lower-case hexadecimal SHA-256 of <see cref="CertificateCanonicalForm.ToBytes"/>
    /// (every field above except the holder's name and masked ID number, entries included).</summary>
    public required string ContentHash { get; init; }
}

using System.Collections.Frozen;
using Volunteering.Domain.Certificates;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The record types of the certificate register: <see cref="CertificateIssued"/> (the certificate without the
/// holder's name and masked ID number) and, for exports, the <see cref="ServiceCertificate"/> DTO itself with them,
/// version 1 (see <c>docs/schema.md</c>).</summary>
internal static class CertificateRecords
{
    private static readonly FrozenSet<string> CertificateFields = new[]
    {
        "number", "issuedOn", "issuerUnit", "issuerCode", "issuerName", "responsiblePerson", "handler", "contact", "volunteer",
        "volunteerNumber", "volunteerName", "idType", "maskedIdNumber", "periodStart", "periodEnd", "totalMinutes", "totalHours",
        "categories", "entries", "contentHash",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StoredCertificateFields = CertificateFields
        .Except(["volunteerName", "maskedIdNumber"], StringComparer.Ordinal)
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> EntryFields = new[]
    {
        "activity", "participation", "date", "activityName", "category", "creditedMinutes", "recordVersion",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static RecordType<CertificateIssued> CertificateIssued { get; } = DomainRecord.Define<CertificateIssued>(
        "certificate.issued",
        ["certificate", "at"],
        static (w, e) =>
        {
            if (e.Certificate is null) throw w.Refuse("certificate", "must not be null");
            if (e.Certificate.VolunteerName is not { Length: 0 } || e.Certificate.MaskedIdNumber is not { Length: 0 })
            {
                throw w.Refuse("certificate", "must not hold the holder's name or masked ID number (they stay in the personal-data vault)");
            }

            w.Object("certificate", c => WriteCertificate(c, e.Certificate, personal: false));
            w.Instant("at", e.At);
        },
        static r => new CertificateIssued(r.Object("certificate", StoredCertificateFields, static c => ReadCertificate(c, personal: false)), r.Instant("at")));

    public static RecordType<ServiceCertificate> ServiceCertificate { get; } = DomainRecord.Define<ServiceCertificate>(
        "certificate.service-certificate",
        [.. CertificateFields],
        static (w, c) => WriteCertificate(w, c, personal: true),
        static r => ReadCertificate(r, personal: true));

    public static IReadOnlyList<RecordType> All { get; } = [CertificateIssued, ServiceCertificate];

    private static void WriteCertificate(FieldWriter w, ServiceCertificate c, bool personal)
    {
        w.Text("number", c.Number);
        w.Text("issuedOn", c.IssuedOn);
        w.Id("issuerUnit", c.IssuerUnit);
        w.Text("issuerCode", c.IssuerCode);
        w.Text("issuerName", c.IssuerName);
        w.Text("responsiblePerson", c.ResponsiblePerson);
        w.Text("handler", c.Handler);
        w.Text("contact", c.Contact);
        w.Id("volunteer", c.Volunteer);
        w.Text("volunteerNumber", c.VolunteerNumber);
        if (personal) w.Text("volunteerName", c.VolunteerName);
        w.Text("idType", c.IdType);
        if (personal) w.Text("maskedIdNumber", c.MaskedIdNumber);
        w.Text("periodStart", c.PeriodStart);
        w.Text("periodEnd", c.PeriodEnd);
        w.Int64("totalMinutes", c.TotalMinutes, 0);
        w.Text("totalHours", c.TotalHours);
        w.Texts("categories", c.Categories);
        w.Objects("entries", c.Entries, static (e, entry) =>
        {
            e.Id("activity", entry.Activity);
            e.Id("participation", entry.Participation);
            e.Text("date", entry.Date);
            e.Text("activityName", entry.ActivityName);
            e.Text("category", entry.Category);
            e.Int64("creditedMinutes", entry.CreditedMinutes, 0);
            e.Int64("recordVersion", entry.RecordVersion, 1);
        });
        w.Text("contentHash", c.ContentHash);
    }

    private static ServiceCertificate ReadCertificate(FieldReader r, bool personal) => new()
    {
        Number = r.Text("number"),
        IssuedOn = r.Text("issuedOn"),
        IssuerUnit = r.Id("issuerUnit"),
        IssuerCode = r.Text("issuerCode"),
        IssuerName = r.Text("issuerName"),
        ResponsiblePerson = r.Text("responsiblePerson"),
        Handler = r.Text("handler"),
        Contact = r.Text("contact"),
        Volunteer = r.Id("volunteer"),
        VolunteerNumber = r.Text("volunteerNumber"),
        VolunteerName = personal ? r.Text("volunteerName") : string.Empty,
        IdType = r.Text("idType"),
        MaskedIdNumber = personal ? r.Text("maskedIdNumber") : string.Empty,
        PeriodStart = r.Text("periodStart"),
        PeriodEnd = r.Text("periodEnd"),
        TotalMinutes = r.Int64("totalMinutes", 0),
        TotalHours = r.Text("totalHours"),
        Categories = r.Texts("categories"),
        Entries = r.Objects("entries", EntryFields, static e => new CertificateEntry
        {
            Activity = e.Id("activity"),
            Participation = e.Id("participation"),
            Date = e.Text("date"),
            ActivityName = e.Text("activityName"),
            Category = e.Text("category"),
            CreditedMinutes = e.Int64("creditedMinutes", 0),
            RecordVersion = e.Int64("recordVersion", 1),
        }),
        ContentHash = r.Text("contentHash"),
    };
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;

namespace Volunteering.Domain.Certificates;

/// <summary>
/// The canonical byte form of a <see cref="ServiceCertificate"/>, which its <see cref="ServiceCertificate.ContentHash"/>
/// covers, so anyone can recompute the hash from an exported certificate without this library.
/// </summary>
/// <remarks>
/// <para>The form is UTF-8 text: the header line <c>volunteering.service-certificate.v1</c>, then one line
/// <c>name=value</c> per field, every line ending in a single <c>\n</c> (0x0A). In values, <c>\</c> is written
/// <c>\\</c>, a line feed <c>\n</c> and a carriage return <c>\r</c> (backslash and letter), so a value never breaks a
/// line. Integers are decimal ASCII without separators; ids are lower-case 36-character GUIDs; dates as stored.</para>
/// <para>The fields, in this order: <c>number</c>, <c>issued-on</c>, <c>issuer-unit</c>, <c>issuer-code</c>,
/// <c>issuer-name</c>, <c>responsible-person</c>, <c>handler</c>, <c>contact</c>, <c>volunteer</c>,
/// <c>volunteer-number</c>, <c>id-type</c>, <c>period-start</c>,
/// <c>period-end</c>, <c>total-minutes</c>, <c>total-hours</c>, <c>categories</c> (their count), then one
/// <c>category</c> line each, <c>entries</c> (their count), then for each entry in the certificate's order the lines
/// <c>entry.activity</c>, <c>entry.participation</c>, <c>entry.date</c>, <c>entry.activity-name</c>,
/// <c>entry.category</c>, <c>entry.credited-minutes</c>, <c>entry.record-version</c>. The hash itself is not part of
/// the form, and neither are the holder's name and masked ID number: they come from the personal-data vault, are not
/// stored with the issued certificate, and are checked against the vault when a presented certificate is
/// verified.</para>
/// </remarks>
public static class CertificateCanonicalForm
{
    /// <summary>The first line of the form, naming its version.</summary>
    public const string Header = "volunteering.service-certificate.v1";

    /// <summary>The canonical bytes of a certificate (its <see cref="ServiceCertificate.ContentHash"/> excluded).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <exception cref="ArgumentNullException">The certificate, a text field or a list is null.</exception>
    public static byte[] ToBytes(ServiceCertificate certificate)
    {
        Guard.Against.Null(certificate);
        var text = new StringBuilder(512 + (certificate.Entries?.Count ?? 0) * 256);
        text.Append(Header).Append('\n');
        Line(text, "number", certificate.Number);
        Line(text, "issued-on", certificate.IssuedOn);
        Line(text, "issuer-unit", Id(certificate.IssuerUnit));
        Line(text, "issuer-code", certificate.IssuerCode);
        Line(text, "issuer-name", certificate.IssuerName);
        Line(text, "responsible-person", certificate.ResponsiblePerson);
        Line(text, "handler", certificate.Handler);
        Line(text, "contact", certificate.Contact);
        Line(text, "volunteer", Id(certificate.Volunteer));
        Line(text, "volunteer-number", certificate.VolunteerNumber);
        Line(text, "id-type", certificate.IdType);
        Line(text, "period-start", certificate.PeriodStart);
        Line(text, "period-end", certificate.PeriodEnd);
        Line(text, "total-minutes", Number(certificate.TotalMinutes));
        Line(text, "total-hours", certificate.TotalHours);
        var categories = Guard.Against.Null(certificate.Categories);
        Line(text, "categories", Number(categories.Count));
        foreach (var category in categories) Line(text, "category", category);
        var entries = Guard.Against.Null(certificate.Entries);
        Line(text, "entries", Number(entries.Count));
        foreach (var entry in entries)
        {
            Guard.Against.Null(entry, nameof(certificate));
            Line(text, "entry.activity", Id(entry.Activity));
            Line(text, "entry.participation", Id(entry.Participation));
            Line(text, "entry.date", entry.Date);
            Line(text, "entry.activity-name", entry.ActivityName);
            Line(text, "entry.category", entry.Category);
            Line(text, "entry.credited-minutes", Number(entry.CreditedMinutes));
            Line(text, "entry.record-version", Number(entry.RecordVersion));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The content hash of a certificate: lower-case hexadecimal SHA-256 of <see cref="ToBytes"/> (64
    /// characters).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <exception cref="ArgumentNullException">The certificate, a text field or a list is null.</exception>
    public static string ComputeHash(ServiceCertificate certificate)
        => Convert.ToHexStringLower(SHA256.HashData(ToBytes(certificate)));

    private static void Line(StringBuilder text, string name, string value)
    {
        Guard.Against.Null(value, name);
        text.Append(name).Append('=');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                default: text.Append(c); break;
            }
        }

        text.Append('\n');
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Volunteering.Domain.Certificates;

/// <summary>Builds certificates: entries in canonical order, totals and categories from the entries, then the hash.</summary>
internal static class CertificateBuilder
{
    /// <summary>A copy of <paramref name="template"/>'s header fields with <paramref name="entries"/>, the totals and
    /// categories they give, and the resulting hash.</summary>
    public static ServiceCertificate WithEntries(ServiceCertificate template, IEnumerable<CertificateEntry> entries)
    {
        var ordered = entries
            .OrderBy(e => e.Date, StringComparer.Ordinal)
            .ThenBy(e => e.Activity)
            .ThenBy(e => e.Participation)
            .ToList();
        var minutes = ordered.Sum(e => e.CreditedMinutes);
        var draft = new ServiceCertificate
        {
            Number = template.Number,
            IssuedOn = template.IssuedOn,
            IssuerUnit = template.IssuerUnit,
            IssuerCode = template.IssuerCode,
            IssuerName = template.IssuerName,
            ResponsiblePerson = template.ResponsiblePerson,
            Handler = template.Handler,
            Contact = template.Contact,
            Volunteer = template.Volunteer,
            VolunteerNumber = template.VolunteerNumber,
            VolunteerName = template.VolunteerName,
            IdType = template.IdType,
            MaskedIdNumber = template.MaskedIdNumber,
            PeriodStart = template.PeriodStart,
            PeriodEnd = template.PeriodEnd,
            TotalMinutes = minutes,
            TotalHours = Hours(minutes),
            Categories = [.. ordered.Select(e => e.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Entries = ordered,
            ContentHash = string.Empty,
        };
        return WithHash(draft);
    }

    /// <summary>The certificate with its content hash set.</summary>
    public static ServiceCertificate WithHash(ServiceCertificate c) => new()
    {
        Number = c.Number,
        IssuedOn = c.IssuedOn,
        IssuerUnit = c.IssuerUnit,
        IssuerCode = c.IssuerCode,
        IssuerName = c.IssuerName,
        ResponsiblePerson = c.ResponsiblePerson,
        Handler = c.Handler,
        Contact = c.Contact,
        Volunteer = c.Volunteer,
        VolunteerNumber = c.VolunteerNumber,
        VolunteerName = c.VolunteerName,
        IdType = c.IdType,
        MaskedIdNumber = c.MaskedIdNumber,
        PeriodStart = c.PeriodStart,
        PeriodEnd = c.PeriodEnd,
        TotalMinutes = c.TotalMinutes,
        TotalHours = c.TotalHours,
        Categories = c.Categories,
        Entries = c.Entries,
        ContentHash = CertificateCanonicalForm.ComputeHash(c),
    };

    /// <summary>Hours as certificates print them: half away from zero to two decimals, no trailing zeros.</summary>
    public static string Hours(long minutes)
        => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}

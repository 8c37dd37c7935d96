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
        var draft = template with
        {
            TotalMinutes = minutes,
            TotalHours = Hours(minutes),
            Categories = [.. ordered.Select(e => e.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Entries = ordered,
            ContentHash = string.Empty,
        };
        return WithHash(draft);
    }

    /// <summary>The certificate with its content hash set.</summary>
    public static ServiceCertificate WithHash(ServiceCertificate c) => c with { ContentHash = CertificateCanonicalForm.ComputeHash(c) };

    /// <summary>The certificate as the register stores it: the holder's name and masked ID number removed.</summary>
    public static ServiceCertificate WithoutPersonalData(ServiceCertificate c) => c with { VolunteerName = string.Empty, MaskedIdNumber = string.Empty };

    /// <summary>Hours as certificates print them: half away from zero to two decimals, no trailing zeros.</summary>
    public static string Hours(long minutes)
        => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}

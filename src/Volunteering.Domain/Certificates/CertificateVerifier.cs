using Ardalis.GuardClauses;

namespace Volunteering.Domain.Certificates;

/// <summary>
/// Checks a certificate against records, without I/O: its fields must hash to its content hash, and rebuilt from the
/// current records of the participations it names it must hash the same again. <see cref="CertificateDesk"/> reads
/// the records (and the issued certificate) from a store and calls this.
/// </summary>
public static class CertificateVerifier
{
    /// <summary>Verifies a certificate against the current records of its participations.</summary>
    /// <param name="certificate">The certificate.</param>
    /// <param name="records">The current entries (as <see cref="CertificateDesk"/> builds them from the activities'
    /// streams) of the participations the certificate names that are still verified participations of its volunteer;
    /// entries for other participations are ignored, a missing one counts as changed.</param>
    /// <returns><see cref="CertificateCheck.Altered"/> when the certificate's fields do not hash to its content hash;
    /// <see cref="CertificateCheck.RecordsChanged"/> (naming the participations) when rebuilding it from
    /// <paramref name="records"/> gives another hash; <see cref="CertificateCheck.Matches"/> otherwise.</returns>
    /// <exception cref="ArgumentNullException">An argument, or a list or text of the certificate, is null.</exception>
    public static CertificateVerification Verify(ServiceCertificate certificate, IEnumerable<CertificateEntry> records)
    {
        Guard.Against.Null(certificate);
        Guard.Against.Null(records);
        if (!string.Equals(CertificateCanonicalForm.ComputeHash(certificate), certificate.ContentHash, StringComparison.Ordinal))
        {
            return new CertificateVerification(CertificateCheck.Altered, certificate.Number, []);
        }

        var current = new Dictionary<Guid, CertificateEntry>();
        foreach (var record in records)
        {
            Guard.Against.Null(record, nameof(records));
            current.TryAdd(record.Participation, record);
        }

        var rebuilt = new List<CertificateEntry>(certificate.Entries.Count);
        var changed = new List<Guid>();
        foreach (var entry in certificate.Entries)
        {
            if (!current.TryGetValue(entry.Participation, out var now))
            {
                changed.Add(entry.Participation);
                continue;
            }

            if (now.CreditedMinutes != entry.CreditedMinutes || now.RecordVersion != entry.RecordVersion || now.Activity != entry.Activity
                || !string.Equals(now.Date, entry.Date, StringComparison.Ordinal)
                || !string.Equals(now.ActivityName, entry.ActivityName, StringComparison.Ordinal)
                || !string.Equals(now.Category, entry.Category, StringComparison.Ordinal))
            {
                changed.Add(entry.Participation);
            }

            rebuilt.Add(now);
        }

        var again = CertificateBuilder.WithEntries(certificate, rebuilt);
        return string.Equals(again.ContentHash, certificate.ContentHash, StringComparison.Ordinal) && changed.Count == 0
            ? new CertificateVerification(CertificateCheck.Matches, certificate.Number, [])
            : new CertificateVerification(CertificateCheck.RecordsChanged, certificate.Number, changed);
    }
}

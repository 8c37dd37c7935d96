namespace Volunteering.Domain.Certificates;

/// <summary>The outcome of verifying a certificate.</summary>
/// <param name="Check">What was found.</param>
/// <param name="Number">The certificate number checked.</param>
/// <param name="ChangedParticipations">For <see cref="CertificateCheck.RecordsChanged"/>, the participation ids whose
/// record differs from the certificate or is gone, in the certificate's order; otherwise empty.</param>
public sealed record CertificateVerification(CertificateCheck Check, string Number, IReadOnlyList<Guid> ChangedParticipations)
{
    /// <summary>True for <see cref="CertificateCheck.Matches"/>.</summary>
    public bool Matches => Check == CertificateCheck.Matches;
}

namespace Volunteering.Domain.Certificates;

/// <summary>What issuing a certificate did.</summary>
/// <param name="Code"><see cref="CertificateResult.Ok"/> or the rule that refused it.</param>
/// <param name="Certificate">The certificate issued, or null when refused.</param>
public sealed record CertificateIssueOutcome(CertificateResult Code, ServiceCertificate? Certificate)
{
    /// <summary>True for <see cref="CertificateResult.Ok"/>.</summary>
    public bool IsOk => Code == CertificateResult.Ok;
}

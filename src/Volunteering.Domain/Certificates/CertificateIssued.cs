using NodaTime;

namespace Volunteering.Domain.Certificates;

/// <summary>A certificate was issued: the event claims the item key of its number
/// (<see cref="CertificateRegister.NumberKey"/>), so a number is stored once and can be looked up later.</summary>
/// <param name="Certificate">The certificate as issued (a plain DTO), without the holder's personal fields: its
/// <see cref="ServiceCertificate.VolunteerName"/> and <see cref="ServiceCertificate.MaskedIdNumber"/> are empty, so the
/// register never holds personal data that erasure could not reach.</param>
/// <param name="At">When it was issued.</param>
public sealed record CertificateIssued(ServiceCertificate Certificate, Instant At) : CertificateEvent;

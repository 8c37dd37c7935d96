namespace Volunteering.Domain.Certificates;

/// <summary>The base of the events a <see cref="CertificateRegister"/> raises; stored in the register's stream and never
/// edited.</summary>
public abstract record CertificateEvent;

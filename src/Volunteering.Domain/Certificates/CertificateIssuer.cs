using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Certificates;

/// <summary>
/// Who issues a certificate: the practice unit that organised and recorded the service (谁记录谁证明), the short code
/// its certificate numbers start with, and the people the certificate names. The unit's name and time zone are taken
/// from its records when the certificate is issued.
/// </summary>
public sealed record CertificateIssuer
{
    /// <summary>The longest unit code, in characters.</summary>
    public const int MaxCodeLength = 16;

    /// <summary>Describes an issuer.</summary>
    /// <param name="unit">The issuing practice unit; not empty.</param>
    /// <param name="code">The unit's certificate code: 1 to <see cref="MaxCodeLength"/> upper-case ASCII letters and
    /// digits (e.g. <c>GLHNS</c>). Numbers are unique in a store, so each issuing unit needs its own code; a unit whose
    /// code another unit already used gets <see cref="CertificateResult.NumberTaken"/>.</param>
    /// <param name="responsiblePerson">The responsible person (负责人); not blank.</param>
    /// <param name="handler">The person handling the certificate (经办人); not blank.</param>
    /// <param name="contact">The issuer's contact (联系方式); not blank.</param>
    /// <exception cref="ArgumentException">The unit is empty, the code malformed or a text blank.</exception>
    public CertificateIssuer(UnitId unit, string code, string responsiblePerson, string handler, string contact)
    {
        Guard.Against.Expression(static x => x.IsEmpty, unit, "The issuing unit's id must not be empty.", nameof(unit));
        Guard.Against.Null(code);
        if (code.Length is 0 or > MaxCodeLength || !code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException($"A unit code is 1 to {MaxCodeLength} upper-case ASCII letters and digits; got \"{code}\".", nameof(code));
        }

        Unit = unit;
        Code = code;
        ResponsiblePerson = Guard.Against.NullOrWhiteSpace(responsiblePerson).Trim();
        Handler = Guard.Against.NullOrWhiteSpace(handler).Trim();
        Contact = Guard.Against.NullOrWhiteSpace(contact).Trim();
    }

    /// <summary>The issuing unit.</summary>
    public UnitId Unit { get; }

    /// <summary>The unit's certificate code.</summary>
    public string Code { get; }

    /// <summary>The responsible person.</summary>
    public string ResponsiblePerson { get; }

    /// <summary>The person handling the certificate.</summary>
    public string Handler { get; }

    /// <summary>The issuer's contact.</summary>
    public string Contact { get; }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Certificates;

/// <summary>
/// An issuing unit's register of certificates for one year: an event-sourced aggregate in the stream
/// <c>certificate.register-{unit:N}-{year}</c> whose n-th <see cref="CertificateIssued"/> is certificate number
/// <c>{code}-{year}-{n:000000}</c>. The stream's expected version makes each sequence number go to one certificate,
/// and each event claims its number's item key, so a number is unique in the store and found again by
/// <see cref="IRecordStore.FindItemAsync"/>.
/// </summary>
public sealed class CertificateRegister : AggregateRoot<CertificateEvent>
{
    /// <summary>The stream category, <c>certificate.register</c>.</summary>
    public const string StreamCategory = "certificate.register";

    /// <summary>The item-key scope of certificate numbers, <c>certificate.number</c>.</summary>
    public const string NumberScope = "certificate.number";

    private readonly List<ServiceCertificate> _certificates = [];

    private CertificateRegister(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The certificates issued, in number order, as stored: without the holder's name and masked ID number.</summary>
    public IReadOnlyList<ServiceCertificate> Certificates => _certificates;

    /// <summary>The sequence number the next certificate gets: one more than those issued.</summary>
    public long NextSequence => _certificates.Count + 1;

    /// <summary>The register's stream for a unit and year.</summary>
    /// <param name="unit">The unit; not empty.</param>
    /// <param name="year">The year of issue, 1 to 9999.</param>
    /// <exception cref="ArgumentException">The unit is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static StreamName StreamOf(UnitId unit, int year)
    {
        Guard.Against.Expression(static x => x.IsEmpty, unit, "The unit id must not be empty.", nameof(unit));
        Guard.Against.OutOfRange(year, nameof(year), 1, 9999);
        return new StreamName(string.Create(CultureInfo.InvariantCulture, $"{StreamCategory}-{unit.Value:N}-{year:0000}"));
    }

    /// <summary>A repository that loads and saves registers in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<CertificateRegister, CertificateEvent> Repository(IRecordStore store)
        => new(store, static stream => new CertificateRegister(stream));

    /// <summary>A certificate number: <c>{code}-{year}-{sequence:000000}</c> (at least six digits).</summary>
    /// <param name="code">The unit code (see <see cref="CertificateIssuer.Code"/>).</param>
    /// <param name="year">The year of issue, 1 to 9999.</param>
    /// <param name="sequence">The place in the year's register, 1 or more.</param>
    /// <exception cref="ArgumentException">The code is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year or sequence is out of range.</exception>
    public static string FormatNumber(string code, int year, long sequence)
    {
        Guard.Against.NullOrWhiteSpace(code);
        Guard.Against.OutOfRange(year, nameof(year), 1, 9999);
        Guard.Against.NegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{code}-{year:0000}-{sequence:000000}");
    }

    /// <summary>The item key a certificate number claims: scope <see cref="NumberScope"/>, id the first 16 bytes of
    /// SHA-256 over <c>certificate-number\n{number}</c> (UTF-8) as a big-endian GUID marked version 8.</summary>
    /// <param name="number">The number; not blank.</param>
    /// <exception cref="ArgumentException">The number is blank.</exception>
    public static ItemKey NumberKey(string number)
    {
        Guard.Against.NullOrWhiteSpace(number);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("certificate-number\n" + number), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new ItemKey(NumberScope, new Guid(hash[..16], bigEndian: true));
    }

    /// <summary>An empty register for a unit and year (before any certificate).</summary>
    /// <param name="unit">The unit; not empty.</param>
    /// <param name="year">The year, 1 to 9999.</param>
    public static CertificateRegister CreateEmpty(UnitId unit, int year) => new(StreamOf(unit, year));

    /// <summary>Records a certificate as issued; its number must be the next one of this register.</summary>
    /// <param name="certificate">The certificate, built for <see cref="NextSequence"/>.</param>
    /// <param name="at">When it is issued.</param>
    internal void Issue(ServiceCertificate certificate, Instant at) => Raise(new CertificateIssued(CertificateBuilder.WithoutPersonalData(certificate), at));

    /// <inheritdoc />
    public override ItemKey ItemKeyOf(CertificateEvent e)
        => e is CertificateIssued issued ? NumberKey(issued.Certificate.Number) : default;

    /// <inheritdoc />
    protected override void Apply(CertificateEvent e)
    {
        switch (e)
        {
            case CertificateIssued issued:
                if (issued.Certificate.VolunteerName.Length != 0 || issued.Certificate.MaskedIdNumber.Length != 0)
                {
                    throw new InvalidDataException($"Certificate {issued.Certificate.Number} was stored with personal data; a register holds none.");
                }

                _certificates.Add(issued.Certificate);
                break;
            default:
                throw new InvalidDataException($"A certificate register cannot apply a {e.GetType().Name}.");
        }
    }
}

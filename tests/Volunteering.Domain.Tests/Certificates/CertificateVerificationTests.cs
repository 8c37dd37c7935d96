using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Certificates;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.Certificates;

/// <summary>Verifying certificates by number and as presented: matching records, corrections after issue, altered
/// certificates, unknown numbers; and the canonical form the hash covers.</summary>
public class CertificateVerificationTests
{
    private static readonly LocalDate March3 = new(2026, 3, 3);
    private static readonly LocalDate April30 = new(2026, 4, 30);

    [Fact]
    public async Task A_certificate_matches_its_records_until_a_correction_is_accepted_after_issue()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var a = await kit.PlanAsync(kit.Station, March3, hours: 4);
        var b = await kit.PlanAsync(kit.Station, new LocalDate(2026, 3, 5), "Second clean-up");
        var p = await kit.VerifiedAsync(a, wang, 180);
        await kit.VerifiedAsync(b, wang, 60);
        kit.On(April30);
        var issued = (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!;
        Assert.Equal(CertificateCheck.Matches, (await kit.Certificates.VerifyAsync(issued.Number)).Check);

        // An evaluation is not part of the service entry: still a match.
        Assert.Equal(ActivityResult.Ok, await kit.Activities.EvaluateAsync(a, p, 5, "late evaluation"));
        Assert.True((await kit.Certificates.VerifyAsync(issued.Number)).Matches);

        // A requested correction changes nothing until it is accepted.
        Assert.Equal(ActivityResult.Ok, await kit.Activities.RequestCorrectionAsync(a, p, wang, "I stayed until the end", TimeCredit.FromMinutes(240)));
        Assert.True((await kit.Certificates.VerifyAsync(issued.Number)).Matches);
        Assert.Equal(ActivityResult.Ok, await kit.Activities.AcceptCorrectionAsync(a, p, 1, "the sign-out sheet agrees"));

        var check = await kit.Certificates.VerifyAsync(issued.Number);
        Assert.Equal(CertificateCheck.RecordsChanged, check.Check);
        Assert.Equal([p.Value], check.ChangedParticipations);

        // A new certificate states the corrected record, and matches it.
        var corrected = (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!;
        Assert.Equal(("GLHNS-2026-000002", 300L, "5"), (corrected.Number, corrected.TotalMinutes, corrected.TotalHours));
        Assert.True((await kit.Certificates.VerifyAsync(corrected.Number)).Matches);
    }

    [Fact]
    public async Task A_presented_certificate_must_be_the_one_issued_under_its_number()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        await kit.VerifiedAsync(await kit.PlanAsync(kit.Station, March3), wang, 120);
        kit.On(April30);
        var issued = (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!;

        Assert.Equal(CertificateCheck.Matches, (await kit.Certificates.VerifyAsync(Copy(issued))).Check);

        // More hours written on it: the fields no longer hash to its content hash.
        var inflated = Copy(issued, totalHours: "20");
        Assert.Equal(CertificateCheck.Altered, (await kit.Certificates.VerifyAsync(inflated)).Check);

        // A forger who also recomputes the hash: the totals no longer follow from the entries, and the register holds
        // another certificate under the number.
        var rehashed = Copy(inflated, hash: CertificateCanonicalForm.ComputeHash(inflated));
        Assert.Equal(CertificateCheck.RecordsChanged, CertificateVerifier.Verify(rehashed, issued.Entries).Check);
        Assert.Equal(CertificateCheck.Altered, (await kit.Certificates.VerifyAsync(rehashed)).Check);

        // Another name with a recomputed hash is self-consistent and matches the records; only the register tells.
        var renamed = Copy(issued, name: "Wang Xiaofang");
        renamed = Copy(renamed, hash: CertificateCanonicalForm.ComputeHash(renamed));
        Assert.True(CertificateVerifier.Verify(renamed, issued.Entries).Matches);
        Assert.Equal(CertificateCheck.Altered, (await kit.Certificates.VerifyAsync(renamed)).Check);

        // An unknown number.
        var unknown = Copy(issued, number: "GLHNS-2026-000099");
        Assert.Equal(CertificateCheck.NotFound, (await kit.Certificates.VerifyAsync(unknown)).Check);
        Assert.Equal(CertificateCheck.NotFound, (await kit.Certificates.VerifyAsync("GLHNS-2026-000099")).Check);
        Assert.Null(await kit.Certificates.FindAsync("GLHNS-2026-000099"));
    }

    [Fact]
    public void The_verifier_needs_every_participation_named_and_ignores_others()
    {
        var entry = Entry(Guid.NewGuid(), 120, 4);
        var other = Entry(Guid.NewGuid(), 60, 7);
        var certificate = Certificate([entry]);

        Assert.True(CertificateVerifier.Verify(certificate, [entry, other]).Matches);
        Assert.Equal(CertificateCheck.RecordsChanged, CertificateVerifier.Verify(certificate, [other]).Check);
        Assert.Equal([entry.Participation], CertificateVerifier.Verify(certificate, []).ChangedParticipations);
        var newerVersion = Entry(entry.Participation, 120, 5, entry.Activity);
        Assert.Equal(CertificateCheck.RecordsChanged, CertificateVerifier.Verify(certificate, [newerVersion]).Check);
        var moreMinutes = Entry(entry.Participation, 121, 4, entry.Activity);
        Assert.Equal(CertificateCheck.RecordsChanged, CertificateVerifier.Verify(certificate, [moreMinutes]).Check);
        Assert.Equal(CertificateCheck.Altered, CertificateVerifier.Verify(Copy(certificate, totalHours: "3"), [entry]).Check);
    }

    [Fact]
    public void The_canonical_form_is_the_documented_text_and_the_hash_its_sha256()
    {
        var activity = new Guid("11111111-2222-3333-4444-555555555555");
        var participation = new Guid("66666666-7777-8888-9999-000000000000");
        var certificate = Certificate([Entry(participation, 816, 9, activity)], name: "Wang\nFang\\");

        var text = Encoding.UTF8.GetString(CertificateCanonicalForm.ToBytes(certificate));

        const string expected = """
            volunteering.service-certificate.v1
            number=GL-2026-000001
            issued-on=2026-04-30
            issuer-unit=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
            issuer-code=GL
            issuer-name=Hunan Road station
            responsible-person=Li Hua
            handler=Zhao Min
            contact=025-8888-0000
            volunteer=ffffffff-0000-1111-2222-333333333333
            volunteer-number=GL-0001
            volunteer-name=Wang\nFang\\
            id-type=ResidentIdCard
            masked-id-number=320102********1237
            period-start=2026-03-01
            period-end=2026-03-31
            total-minutes=816
            total-hours=13.6
            categories=1
            category=environment
            entries=1
            entry.activity=11111111-2222-3333-4444-555555555555
            entry.participation=66666666-7777-8888-9999-000000000000
            entry.date=2026-03-03
            entry.activity-name=Riverside clean-up
            entry.category=environment
            entry.credited-minutes=816
            entry.record-version=9

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected.ReplaceLineEndings("\n")))), CertificateCanonicalForm.ComputeHash(certificate));
        Assert.Equal(CertificateCanonicalForm.ComputeHash(certificate), certificate.ContentHash);
    }

    private static CertificateEntry Entry(Guid participation, long minutes, long version, Guid? activity = null) => new()
    {
        Activity = activity ?? Guid.NewGuid(),
        Participation = participation,
        Date = "2026-03-03",
        ActivityName = "Riverside clean-up",
        Category = "environment",
        CreditedMinutes = minutes,
        RecordVersion = version,
    };

    /// <summary>A certificate built the way the desk builds one (totals, categories and hash from the entries).</summary>
    private static ServiceCertificate Certificate(IReadOnlyList<CertificateEntry> entries, string name = "Wang Fang")
    {
        var minutes = entries.Sum(e => e.CreditedMinutes);
        var draft = new ServiceCertificate
        {
            Number = "GL-2026-000001",
            IssuedOn = "2026-04-30",
            IssuerUnit = new Guid("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"),
            IssuerCode = "GL",
            IssuerName = "Hunan Road station",
            ResponsiblePerson = "Li Hua",
            Handler = "Zhao Min",
            Contact = "025-8888-0000",
            Volunteer = new Guid("ffffffff-0000-1111-2222-333333333333"),
            VolunteerNumber = "GL-0001",
            VolunteerName = name,
            IdType = "ResidentIdCard",
            MaskedIdNumber = "320102********1237",
            PeriodStart = "2026-03-01",
            PeriodEnd = "2026-03-31",
            TotalMinutes = minutes,
            TotalHours = (minutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            Categories = [.. entries.Select(e => e.Category).Distinct().Order(StringComparer.Ordinal)],
            Entries = entries,
            ContentHash = string.Empty,
        };
        return Copy(draft, hash: CertificateCanonicalForm.ComputeHash(draft));
    }

    private static ServiceCertificate Copy(ServiceCertificate c, string? number = null, string? totalHours = null, string? hash = null, string? name = null) => new()
    {
        Number = number ?? c.Number,
        IssuedOn = c.IssuedOn,
        IssuerUnit = c.IssuerUnit,
        IssuerCode = c.IssuerCode,
        IssuerName = c.IssuerName,
        ResponsiblePerson = c.ResponsiblePerson,
        Handler = c.Handler,
        Contact = c.Contact,
        Volunteer = c.Volunteer,
        VolunteerNumber = c.VolunteerNumber,
        VolunteerName = name ?? c.VolunteerName,
        IdType = c.IdType,
        MaskedIdNumber = c.MaskedIdNumber,
        PeriodStart = c.PeriodStart,
        PeriodEnd = c.PeriodEnd,
        TotalMinutes = c.TotalMinutes,
        TotalHours = totalHours ?? c.TotalHours,
        Categories = [.. c.Categories],
        Entries = [.. c.Entries],
        ContentHash = hash ?? c.ContentHash,
    };
}

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
    public async Task The_register_keeps_no_personal_data_so_erasing_the_holder_leaves_none_and_verification_says_the_holder_is_unconfirmed()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        await kit.VerifiedAsync(await kit.PlanAsync(kit.Station, March3), wang, 120);
        kit.On(April30);
        var issued = (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!;
        Assert.Equal("Wang Fang", issued.VolunteerName);

        // The stored register holds the certificate without the name and masked ID number; reading fills them in.
        var register = await CertificateRegister.Repository(kit.Store).LoadAsync(CertificateRegister.StreamOf(kit.Station.Id, 2026));
        var stored = Assert.Single(register!.Certificates);
        Assert.Equal((string.Empty, string.Empty, issued.ContentHash), (stored.VolunteerName, stored.MaskedIdNumber, stored.ContentHash));
        Assert.Equal(issued, (await kit.Certificates.FindAsync(issued.Number))! with { Entries = issued.Entries, Categories = issued.Categories });

        Assert.Equal(Volunteering.Domain.Volunteers.VolunteerResult.Ok, await kit.Registry.EraseAsync(wang, "asked to be forgotten"));

        var afterErasure = (await kit.Certificates.FindAsync(issued.Number))!;
        Assert.Equal((string.Empty, string.Empty, "GL-0001"), (afterErasure.VolunteerName, afterErasure.MaskedIdNumber, afterErasure.VolunteerNumber));
        await foreach (var record in kit.Store.ReadAllAsync(0))
        {
            if (record.Payload is CertificateIssued e) Assert.Equal((string.Empty, string.Empty), (e.Certificate.VolunteerName, e.Certificate.MaskedIdNumber));
        }

        // The records still match, but nobody can confirm the name any more.
        Assert.Equal(CertificateCheck.Matches, (await kit.Certificates.VerifyAsync(issued.Number)).Check);
        Assert.Equal(CertificateCheck.HolderUnconfirmed, (await kit.Certificates.VerifyAsync(issued)).Check);
        Assert.Equal(CertificateCheck.Altered, (await kit.Certificates.VerifyAsync(issued with { TotalHours = "20" })).Check);
        Assert.Equal(CertificateResult.PersonalDataErased, (await kit.Certificates.IssueAsync(kit.Request(wang))).Code);
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

        // Another name: the hash does not cover the holder's name (it lives in the vault), so only the vault tells.
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
        var plain = Certificate([Entry(participation, 816, 9, activity)]);
        var certificate = plain with { IssuerName = "Hunan\nRoad\\" };

        var text = Encoding.UTF8.GetString(CertificateCanonicalForm.ToBytes(certificate));

        const string expected = """
            volunteering.service-certificate.v1
            number=GL-2026-000001
            issued-on=2026-04-30
            issuer-unit=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
            issuer-code=GL
            issuer-name=Hunan\nRoad\\
            responsible-person=Li Hua
            handler=Zhao Min
            contact=025-8888-0000
            volunteer=ffffffff-0000-1111-2222-333333333333
            volunteer-number=GL-0001
            id-type=ResidentIdCard
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

        // The holder's name and masked ID number live in the vault and are not covered.
        Assert.Equal(CertificateCanonicalForm.ComputeHash(certificate), CertificateCanonicalForm.ComputeHash(certificate with { VolunteerName = "Someone else", MaskedIdNumber = "1**2" }));
        Assert.Equal(CertificateCanonicalForm.ComputeHash(plain), plain.ContentHash);
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

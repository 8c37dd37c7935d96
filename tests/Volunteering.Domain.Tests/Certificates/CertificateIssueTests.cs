using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Certificates;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Tests.Certificates;

/// <summary>Issuing certificates from the records: what they state, whose activities they cover, their numbers, and
/// every rule that refuses one (each refusal writes nothing).</summary>
public class CertificateIssueTests
{
    private static readonly LocalDate March3 = new(2026, 3, 3);
    private static readonly LocalDate March10 = new(2026, 3, 10);
    private static readonly LocalDate April30 = new(2026, 4, 30);

    [Fact]
    public async Task A_certificate_states_the_record_fields_from_the_records_only_with_the_id_number_masked()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var cleanUp = await kit.PlanAsync(kit.Station, March3, "Riverside clean-up", hours: 3);
        var escort = await kit.PlanAsync(kit.Station, March10, "Hospital escort", hours: 11, category: ServiceCategory.ElderCare);
        var p1 = await kit.VerifiedAsync(cleanUp, wang, 180);
        var p2 = await kit.VerifiedAsync(escort, wang, 636);
        kit.On(April30);

        var outcome = await kit.Certificates.IssueAsync(kit.Request(wang));

        Assert.Equal(CertificateResult.Ok, outcome.Code);
        var c = outcome.Certificate!;
        Assert.Equal("GLHNS-2026-000001", c.Number);
        Assert.Equal("2026-04-30", c.IssuedOn);
        Assert.Equal((kit.Station.Id.Value, "GLHNS", "Hunan Road station"), (c.IssuerUnit, c.IssuerCode, c.IssuerName));
        Assert.Equal(("Li Hua", "Zhao Min", "025-8888-0000"), (c.ResponsiblePerson, c.Handler, c.Contact));
        Assert.Equal((wang.Value, "GL-0001", "Wang Fang"), (c.Volunteer, c.VolunteerNumber, c.VolunteerName));
        Assert.Equal("ResidentIdCard", c.IdType);
        Assert.Equal(PersonalDataMask.IdNumber(CertificateKit.IdNumber), c.MaskedIdNumber);
        Assert.Equal("320102********" + CertificateKit.IdNumber[^4..], c.MaskedIdNumber);
        Assert.Equal(("2026-03-01", "2026-03-31"), (c.PeriodStart, c.PeriodEnd));
        Assert.Equal((816L, "13.6"), (c.TotalMinutes, c.TotalHours));
        Assert.Equal(["elder-care", "environment"], c.Categories);
        Assert.Equal([p1.Value, p2.Value], c.Entries.Select(e => e.Participation));
        Assert.Equal(["Riverside clean-up", "Hospital escort"], c.Entries.Select(e => e.ActivityName));
        Assert.Equal(["2026-03-03", "2026-03-10"], c.Entries.Select(e => e.Date));
        Assert.Equal([180L, 636L], c.Entries.Select(e => e.CreditedMinutes));
        Assert.All(c.Entries, e => Assert.True(e.RecordVersion > 1));
        Assert.Equal(CertificateCanonicalForm.ComputeHash(c), c.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", c.ContentHash);

        // Nothing on the certificate, nor in the register's record, shows the full ID number or the phone.
        var bytes = System.Text.Encoding.UTF8.GetString(CertificateCanonicalForm.ToBytes(c));
        Assert.DoesNotContain(CertificateKit.IdNumber, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("13900000000", bytes, StringComparison.Ordinal);
        var found = await kit.Certificates.FindAsync(c.Number);
        Assert.NotNull(found);
        Assert.Equal((c.Number, c.ContentHash, 2), (found.Number, found.ContentHash, found.Entries.Count));
    }

    [Fact]
    public async Task Only_the_issuers_own_activities_count_not_those_of_units_below_or_beside_it_nor_outside_the_period()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var own = await kit.PlanAsync(kit.Station, March3);
        var atPoint = await kit.PlanAsync(kit.Point, March3, "Courtyard clean-up");
        var elsewhere = await kit.PlanAsync(kit.OtherStation, March10, "Ninghai clean-up");
        var april = await kit.PlanAsync(kit.Station, new LocalDate(2026, 4, 2), "April clean-up");
        var party = await kit.PlanAsync(kit.Station, March10, "New-year party", service: false);
        var ownP = await kit.VerifiedAsync(own, wang, 120);
        await kit.VerifiedAsync(atPoint, wang, 60);
        await kit.VerifiedAsync(elsewhere, wang, 90);
        await kit.VerifiedAsync(april, wang, 30);
        await kit.AttendAsync(party, wang); // attendance only: not service, never verified
        kit.On(April30);

        var c = (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!;

        Assert.Equal([ownP.Value], c.Entries.Select(e => e.Participation));
        Assert.Equal(120, c.TotalMinutes);

        // The point certifies its own activity itself.
        var pointIssuer = new CertificateIssuer(kit.Point.Id, "GLSZQ", "Li Hua", "Zhao Min", "025-8888-0001");
        var atPointCertificate = (await kit.Certificates.IssueAsync(kit.Request(wang, issuer: pointIssuer))).Certificate!;
        Assert.Equal(("GLSZQ-2026-000001", 60L), (atPointCertificate.Number, atPointCertificate.TotalMinutes));
    }

    [Fact]
    public async Task Numbers_follow_on_in_the_issuers_register_and_start_again_each_year()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var chen = await kit.RegisterAsync("GL-0002", "Chen Jie");
        var a = await kit.PlanAsync(kit.Station, March3);
        await kit.VerifiedAsync(a, wang, 120);
        await kit.VerifiedAsync(a, chen, 150);
        kit.On(April30);

        Assert.Equal("GLHNS-2026-000001", (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!.Number);
        Assert.Equal("GLHNS-2026-000002", (await kit.Certificates.IssueAsync(kit.Request(chen))).Certificate!.Number);
        Assert.Equal("GLHNS-2026-000003", (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!.Number);
        kit.On(new LocalDate(2027, 1, 4));
        Assert.Equal("GLHNS-2027-000001", (await kit.Certificates.IssueAsync(kit.Request(wang))).Certificate!.Number);

        Assert.Equal(2, (await CertificateRegister.Repository(kit.Store).LoadAsync(CertificateRegister.StreamOf(kit.Station.Id, 2026)))!.Certificates.Count(c => c.Volunteer == wang.Value));
    }

    [Fact]
    public async Task Listed_activities_are_certified_when_each_qualifies()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var a = await kit.PlanAsync(kit.Station, March3);
        var b = await kit.PlanAsync(kit.Station, March10, "Second clean-up");
        await kit.VerifiedAsync(a, wang, 120);
        var pb = await kit.VerifiedAsync(b, wang, 90);
        kit.On(April30);

        var c = (await kit.Certificates.IssueAsync(kit.Request(wang, activities: [b]))).Certificate!;

        Assert.Equal([pb.Value], c.Entries.Select(e => e.Participation));
        Assert.Equal("1.5", c.TotalHours);
    }

    [Fact]
    public async Task Activities_that_are_not_volunteer_service_cannot_be_certified()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var party = await kit.PlanAsync(kit.Station, March3, "New-year party", service: false);
        await kit.AttendAsync(party, wang);
        kit.On(April30);

        await AssertRefusedAsync(kit, kit.Request(wang, activities: [party]), CertificateResult.NotVolunteerService);
        await AssertRefusedAsync(kit, kit.Request(wang), CertificateResult.NothingToCertify);
    }

    [Fact]
    public async Task Each_rule_refuses_with_its_code_and_writes_nothing()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        var own = await kit.PlanAsync(kit.Station, March3);
        var atPoint = await kit.PlanAsync(kit.Point, March3, "Courtyard clean-up");
        var april = await kit.PlanAsync(kit.Station, new LocalDate(2026, 4, 2), "April clean-up");
        var unverified = await kit.PlanAsync(kit.Station, March10, "Unverified clean-up");
        await kit.VerifiedAsync(own, wang, 120);
        await kit.VerifiedAsync(atPoint, wang, 60);
        await kit.VerifiedAsync(april, wang, 60);
        await kit.AttendAsync(unverified, wang);
        kit.On(April30);

        var unknownUnit = new CertificateIssuer(UnitId.New(), "XX", "Li Hua", "Zhao Min", "025");
        await AssertRefusedAsync(kit, kit.Request(wang, issuer: unknownUnit), CertificateResult.IssuerNotFound);
        await AssertRefusedAsync(kit, kit.Request(VolunteerId.New()), CertificateResult.VolunteerNotFound);
        await AssertRefusedAsync(kit, kit.Request(wang, activities: [ActivityId.New()]), CertificateResult.ActivityNotFound);
        await AssertRefusedAsync(kit, kit.Request(wang, activities: [own, atPoint]), CertificateResult.NotRecordedByIssuer);
        await AssertRefusedAsync(kit, kit.Request(wang, activities: [own, april]), CertificateResult.OutsidePeriod);
        await AssertRefusedAsync(kit, kit.Request(wang, activities: [unverified]), CertificateResult.ParticipationNotVerified);
        await AssertRefusedAsync(kit, kit.Request(wang, new DateInterval(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 28))), CertificateResult.NothingToCertify);
        var chen = await kit.RegisterAsync("GL-0002", "Chen Jie");
        await AssertRefusedAsync(kit, kit.Request(chen), CertificateResult.NothingToCertify);

        // Personal data: gone from the vault behind the registry's back, then erased through it.
        Assert.True(await kit.Vault.EraseAsync(wang));
        await AssertRefusedAsync(kit, kit.Request(wang), CertificateResult.PersonalDataMissing);
        Assert.Equal(VolunteerResult.Ok, await kit.Registry.EraseAsync(wang, "asked to be forgotten"));
        await AssertRefusedAsync(kit, kit.Request(wang), CertificateResult.PersonalDataErased);
    }

    [Fact]
    public async Task A_closed_unit_issues_nothing()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        await kit.VerifiedAsync(await kit.PlanAsync(kit.Station, March3), wang, 120);
        var station = (await PracticeUnit.Repository(kit.Store).LoadAsync(kit.Station.Stream))!;
        Assert.Equal(OrganisationResult.Ok, station.Close("merged into Ninghai Road", new LocalDate(2026, 4, 1), kit.Clock.GetCurrentInstant()));
        Assert.True((await PracticeUnit.Repository(kit.Store).SaveAsync(station)).IsAppended);
        kit.On(April30);

        await AssertRefusedAsync(kit, kit.Request(wang), CertificateResult.IssuerClosed);
    }

    [Fact]
    public async Task A_second_unit_with_the_same_code_cannot_take_a_number_already_issued()
    {
        var kit = await CertificateKit.CreateAsync();
        var wang = await kit.RegisterAsync();
        await kit.VerifiedAsync(await kit.PlanAsync(kit.Station, March3), wang, 120);
        await kit.VerifiedAsync(await kit.PlanAsync(kit.OtherStation, March3, "Ninghai clean-up"), wang, 60);
        kit.On(April30);
        Assert.Equal(CertificateResult.Ok, (await kit.Certificates.IssueAsync(kit.Request(wang))).Code);

        var sameCode = new CertificateIssuer(kit.OtherStation.Id, "GLHNS", "Sun Li", "Qian Yu", "025-8888-0002");
        await AssertRefusedAsync(kit, kit.Request(wang, issuer: sameCode), CertificateResult.NumberTaken);
    }

    [Fact]
    public void Malformed_issuers_and_requests_are_programmer_errors()
    {
        var unit = UnitId.New();
        Assert.Throws<ArgumentException>(() => new CertificateIssuer(unit, "glhns", "Li Hua", "Zhao Min", "025"));
        Assert.Throws<ArgumentException>(() => new CertificateIssuer(unit, "GL-HNS", "Li Hua", "Zhao Min", "025"));
        Assert.Throws<ArgumentException>(() => new CertificateIssuer(unit, new string('A', 17), "Li Hua", "Zhao Min", "025"));
        Assert.Throws<ArgumentException>(() => new CertificateIssuer(default, "GL", "Li Hua", "Zhao Min", "025"));
        Assert.Throws<ArgumentException>(() => new CertificateIssuer(unit, "GL", " ", "Zhao Min", "025"));
        var issuer = new CertificateIssuer(unit, "GL", "Li Hua", "Zhao Min", "025");
        var a = ActivityId.New();
        Assert.Throws<ArgumentException>(() => new CertificateRequest(issuer, VolunteerId.New(), CertificateKit.March, [a, a]));
        Assert.Throws<ArgumentException>(() => new CertificateRequest(issuer, default, CertificateKit.March));
        Assert.Throws<ArgumentException>(() => CertificateRegister.FormatNumber("GL", 2026, 0));
        Assert.Equal("GL-2026-1234567", CertificateRegister.FormatNumber("GL", 2026, 1_234_567));
    }

    private static async Task AssertRefusedAsync(CertificateKit kit, CertificateRequest request, CertificateResult expected)
    {
        var before = await kit.Store.GetPositionAsync();
        var outcome = await kit.Certificates.IssueAsync(request);
        Assert.Equal(expected, outcome.Code);
        Assert.Null(outcome.Certificate);
        Assert.Equal(before, await kit.Store.GetPositionAsync());
    }
}

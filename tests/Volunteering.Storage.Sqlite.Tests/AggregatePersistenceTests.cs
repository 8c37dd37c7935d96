using System.Text;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Json;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The aggregates run on one SQLite file through the port: volunteers with the SQLite vault, units, a team,
/// an activity credited through a persistent ledger; everything loads the same after a reopen, the ledger audits
/// clean, and an erased volunteer leaves no personal field in the file.</summary>
public sealed class AggregatePersistenceTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDate Day0 = new(2026, 6, 1);
    private static readonly LocalDateTime Start = new(2026, 6, 15, 14, 0);
    private static readonly LocalDateTime End = new(2026, 6, 15, 17, 0);

    private static readonly PersonalData WangData = new(
        "Wang Xiuying", Gender.Female, new LocalDate(1970, 5, 12), IdDocumentType.ResidentIdCard,
        ResidentIdNumber.WithCheckCharacter("32010219700512123"), new ResidenceArea("Nanjing", "Gulou", "Ninghai Lane"), "13912345678")
    {
        Skills = ["haircut for seniors"],
        ServiceCategories = [ServiceCategory.ElderCare],
    };

    private static readonly PersonalData LiData = new(
        "Li Ming", Gender.Male, new LocalDate(1988, 11, 3), IdDocumentType.Passport, "E98765432",
        new ResidenceArea("Nanjing", "Gulou", "Shanxi Road 9"), "13800001111");

    [Fact]
    public async Task Every_aggregate_loads_the_same_after_a_reopen_the_ledger_audits_clean_and_erasure_leaves_no_personal_field()
    {
        using var folder = new TempFolder();
        var file = folder.File("district.db");
        var clock = new FakeClock(Start.InZoneStrictly(Shanghai).ToInstant() - Duration.FromDays(14), Duration.FromSeconds(1));
        var scheme = new TimeBankScheme(SchemeId.New(), "Gulou mutual-aid time", Shanghai);
        var wang = VolunteerId.New();
        var li = VolunteerId.New();
        UnitId centreId = UnitId.New(), instituteId = UnitId.New(), stationId = UnitId.New();
        var teamId = TeamId.New();
        var activityId = ActivityId.New();
        ParticipationId wangTakesPart = ParticipationId.New(), liTakesPart = ParticipationId.New();
        Dictionary<StreamName, byte[][]> streams;

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file), clock))
        {
            // Volunteers, with their personal data in the vault.
            var registry = new VolunteerRegistry(store, vault, clock);
            Assert.Equal(VolunteerResult.Ok, await registry.RegisterAsync(new VolunteerRegistration(wang, scheme.Id, "GL-0001", WangData, Day0)));
            Assert.Equal(VolunteerResult.Ok, await registry.RegisterAsync(new VolunteerRegistration(li, scheme.Id, "GL-0002", LiData, Day0)));
            Assert.Equal(VolunteerResult.Ok, await registry.RecordTrainingAsync(wang, new TrainingRecord(Guid.NewGuid(), "First aid", "CPR and bandaging", 120, "Gulou Red Cross", Day0.PlusDays(2))));
            Assert.Equal(VolunteerResult.Ok, await registry.RecordAwardAsync(wang, new AwardRecord(Guid.NewGuid(), "Star volunteer", Day0.PlusDays(3), "Gulou district")));
            Assert.Equal(VolunteerResult.Ok, await registry.GrantExportConsentAsync(li, new Consent(clock.GetCurrentInstant(), ConsentMethod.Written)));
            Assert.Equal(VolunteerResult.Ok, await registry.SuspendAsync(li, "on leave", Day0.PlusDays(4)));
            Assert.Equal(VolunteerResult.Ok, await registry.ReinstateAsync(li, "back", Day0.PlusDays(5)));

            // Units (centre, institute, station) and a team at the station.
            var units = PracticeUnit.Repository(store);
            Assert.Equal(OrganisationResult.Ok, PracticeUnit.Found(centreId, "Gulou centre", UnitLevel.Centre, null, ["Hunan Road", "Ninghai Road"], Day0, clock.GetCurrentInstant(), out var centre));
            Assert.True((await units.SaveAsync(centre!)).IsAppended);
            Assert.Equal(OrganisationResult.Ok, PracticeUnit.Found(instituteId, "Hunan Road institute", UnitLevel.Institute, centre, [], Day0, clock.GetCurrentInstant(), out var institute));
            Assert.True((await units.SaveAsync(institute!)).IsAppended);
            Assert.Equal(OrganisationResult.Ok, PracticeUnit.Found(stationId, "Hunan Road station", UnitLevel.Station, institute, ["Hunan Road"], Day0, clock.GetCurrentInstant(), out var station));
            Assert.Equal(OrganisationResult.Ok, station!.Rename("Hunan Road civilisation station", Day0.PlusDays(1), clock.GetCurrentInstant()));
            Assert.Equal(OrganisationResult.Ok, station.Cover(["Hunan Road", "Ninghai Road"], Day0.PlusDays(2), clock.GetCurrentInstant()));
            Assert.True((await units.SaveAsync(station)).IsAppended);

            Assert.Equal(OrganisationResult.Ok, VolunteerTeam.Form(teamId, station, ServiceCategory.ElderCare, "Red Vest", Day0.PlusDays(2), clock.GetCurrentInstant(), out var team));
            Assert.Equal(OrganisationResult.Ok, team!.Join(wang, TeamRole.Member, Day0.PlusDays(3), clock.GetCurrentInstant()));
            Assert.Equal(OrganisationResult.Ok, team.Join(li, TeamRole.Member, Day0.PlusDays(3), clock.GetCurrentInstant()));
            Assert.Equal(OrganisationResult.Ok, team.ChangeRole(wang, TeamRole.Leader, Day0.PlusDays(4), clock.GetCurrentInstant()));
            Assert.True((await VolunteerTeam.Repository(store).SaveAsync(team)).IsAppended);

            // An activity, credited through a persistent ledger on the same file.
            var ledger = await PersistentLedger.OpenAsync(store, clock);
            var desk = new ActivityDesk(store, ledger, scheme, new VaultProfiles(vault), clock);
            var details = new ActivityDetails("Haircuts at the day centre", ServiceCategory.ElderCare, stationId, teamId, wang, "Ninghai Road day centre", Start, End, Shanghai, 8, ActivityKind.DoorToDoorService);
            Assert.Equal(ActivityResult.Ok, await desk.PlanAsync(activityId, details));
            Assert.Equal(ActivityResult.Ok, await desk.SignUpAsync(activityId, wangTakesPart, wang));
            Assert.Equal(ActivityResult.Ok, await desk.SignUpAsync(activityId, liTakesPart, li));
            Assert.Equal(ActivityResult.Ok, await desk.CheckInAsync(activityId, wangTakesPart, details.StartInstant));
            Assert.Equal(ActivityResult.Ok, await desk.CheckInAsync(activityId, liTakesPart, details.StartInstant + Duration.FromMinutes(10)));
            Assert.Equal(ActivityResult.Ok, await desk.CheckOutAsync(activityId, wangTakesPart, details.EndInstant));
            Assert.Equal(ActivityResult.Ok, await desk.CheckOutAsync(activityId, liTakesPart, details.EndInstant));
            clock.Reset(details.EndInstant + Duration.FromHours(1));
            Assert.Equal(ActivityResult.Ok, await desk.RecordServiceTimeAsync(activityId, wangTakesPart, TimeCredit.FromMinutes(180)));
            Assert.Equal(ActivityResult.Ok, await desk.RecordServiceTimeAsync(activityId, liTakesPart, TimeCredit.FromMinutes(150)));
            Assert.Equal(ActivityResult.Ok, await desk.EvaluateAsync(activityId, wangTakesPart, 5));
            Assert.Equal(ActivityResult.Ok, await desk.ConfirmAsync(activityId, wangTakesPart, li, ConfirmerRole.Witness));
            Assert.Equal(ActivityResult.Ok, await desk.RecordBeneficiariesAsync(activityId, 23));
            Assert.Equal(ActivityResult.Ok, await desk.VerifyAsync(activityId, wangTakesPart));
            Assert.Equal(ActivityResult.Ok, await desk.VerifyAsync(activityId, liTakesPart));

            Assert.Equal(180, (await store.GetBalanceAsync(scheme.MemberAccountId(wang)))!.Value.Posted);
            Assert.Equal(150, (await store.GetBalanceAsync(scheme.MemberAccountId(li)))!.Value.Posted);
            streams = await StreamBytesAsync(store);
            Assert.Contains(streams.Keys, static s => s.Value.StartsWith("activity", StringComparison.Ordinal));
        }

        // Reopen the file: the same records, the same aggregates, a clean audit.
        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file), clock))
        {
            var reread = await StreamBytesAsync(store);
            Assert.Equal(streams.Keys.Order(), reread.Keys.Order());
            foreach (var (stream, written) in streams) Assert.Equal(written, reread[stream]);

            var registry = new VolunteerRegistry(store, vault, clock);
            var wangRecord = (await registry.FindAsync(wang))!;
            Assert.Equal("GL-0001", wangRecord.Number);
            Assert.Equal(scheme.Id, wangRecord.Scheme);
            Assert.Equal(VolunteerStatus.Active, wangRecord.Status);
            Assert.Equal("First aid", Assert.Single(wangRecord.Trainings).Name);
            Assert.Equal("Star volunteer", Assert.Single(wangRecord.Awards).Name);
            var liRecord = (await registry.FindAsync(li))!;
            Assert.Equal([VolunteerStatus.Active, VolunteerStatus.Suspended, VolunteerStatus.Active], liRecord.StatusHistory.Select(static s => s.Status));
            Assert.True(liRecord.HasExportConsent);
            Assert.Equal(WangData, await vault.GetAsync(wang));
            Assert.Equal(LiData, (await registry.ExportAsync(li)).Data);

            var station = (await PracticeUnit.Repository(store).LoadAsync(PracticeUnit.StreamOf(stationId)))!;
            Assert.Equal("Hunan Road civilisation station", station.Name);
            Assert.Equal("Hunan Road station", station.NameOn(Day0));
            Assert.Equal(instituteId, station.Parent);
            Assert.Equal(["Hunan Road", "Ninghai Road"], station.Communities);
            Assert.Equal(["Hunan Road"], station.CommunitiesOn(Day0.PlusDays(1)));
            Assert.Equal(UnitLevel.Station, station.Level);
            Assert.Equal(3, station.Version);
            Assert.Equal(centreId, (await PracticeUnit.Repository(store).LoadAsync(PracticeUnit.StreamOf(instituteId)))!.Parent);

            var team = (await VolunteerTeam.Repository(store).LoadAsync(VolunteerTeam.StreamOf(teamId)))!;
            Assert.Equal(stationId, team.Unit);
            Assert.Equal(ServiceCategory.ElderCare, team.Category);
            Assert.Equal("Red Vest", team.BrandName);
            Assert.Equal([wang], team.LeadersOn(Day0.PlusDays(4)));
            Assert.Equal(3, team.Memberships.Count);

            var ledger = await PersistentLedger.OpenAsync(store, clock);
            var desk = new ActivityDesk(store, ledger, scheme, new VaultProfiles(vault), clock);
            var activity = (await desk.LoadAsync(activityId))!;
            Assert.Equal("Haircuts at the day centre", activity.Details.Name);
            Assert.Equal(teamId, activity.Details.Team);
            Assert.Equal(Shanghai, activity.Details.TimeZone);
            Assert.Equal(Start, activity.Details.Start);
            Assert.Equal(23, activity.Beneficiaries);
            Assert.True(activity.TryGetParticipation(wangTakesPart, out var wangPart));
            Assert.Equal(ParticipationStatus.Verified, wangPart.Status);
            Assert.Equal(TimeCredit.FromMinutes(180), wangPart.CreditedTime);
            Assert.Equal(5, wangPart.Rating);
            Assert.Equal(li, wangPart.ConfirmedBy);
            Assert.True(activity.TryGetParticipation(liTakesPart, out var liPart));
            Assert.Equal(ParticipationStatus.Verified, liPart.Status);
            Assert.Equal(TimeCredit.FromMinutes(150), liPart.Deposited);

            // Verifying again credits nothing twice: the participation's key is in the file.
            Assert.NotEqual(ActivityResult.Ok, await desk.VerifyAsync(activityId, wangTakesPart));
            Assert.Equal(180, ledger.Ledger.GetBalance(scheme.MemberAccountId(wang)));
            var audit = await LedgerAudit.VerifyAsync(store);
            Assert.True(audit.IsClean, string.Join(Environment.NewLine, audit.Violations));

            // Erase Wang: the vault row goes, the record stream says so, and no personal field is anywhere.
            Assert.Equal(VolunteerResult.Ok, await registry.EraseAsync(wang, "at the volunteer's request"));
            Assert.Null(await vault.GetAsync(wang));
            Assert.True((await registry.FindAsync(wang))!.IsErased);
            Assert.Equal(180, (await store.GetBalanceAsync(scheme.MemberAccountId(wang)))!.Value.Posted);
        }

        using var connection = SchemaTests.OpenRaw(file);
        Assert.Equal(1L, SchemaTests.Scalar(connection, "SELECT count(*) FROM personal_data"));
        var records = SchemaTests.Column(connection, "SELECT data FROM records").Cast<byte[]>().Select(Encoding.UTF8.GetString).ToList();
        Assert.True(records.Count > 20, $"expected the whole story in the records table; found {records.Count} records");
        var personal = PersonalFields(WangData).Concat(PersonalFields(LiData)).ToArray();
        foreach (var field in personal)
        {
            Assert.DoesNotContain(records, r => r.Contains(field, StringComparison.Ordinal));
        }

        var bytes = File.ReadAllBytes(file);
        foreach (var field in PersonalFields(WangData))
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(field)) < 0, $"the erased field \"{field}\" is still in the file");
        }

        // The control: the other volunteer's data is still in the file, where the search above would have found it.
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(LiData.IdNumber)) >= 0);
    }

    /// <summary>The text of every personal field, as it would appear in JSON.</summary>
    private static IEnumerable<string> PersonalFields(PersonalData data)
        => [data.Name, data.IdNumber, data.Phone, data.Residence.Community, NodaTime.Text.LocalDatePattern.Iso.Format(data.BirthDate), .. data.Skills];

    private static async Task<Dictionary<StreamName, byte[][]>> StreamBytesAsync(SqliteRecordStore store)
    {
        var result = new Dictionary<StreamName, List<byte[]>>();
        await foreach (var record in store.ReadAllAsync())
        {
            if (!result.TryGetValue(record.Stream, out var list)) result.Add(record.Stream, list = []);
            list.Add(JsonRecordSerializer.Default.SerializeEnvelope(record.Payload));
        }

        return result.ToDictionary(static p => p.Key, static p => p.Value.ToArray());
    }

    /// <summary>The desk's profiles read from the vault.</summary>
    private sealed class VaultProfiles(IPersonalDataVault vault) : IParticipantProfiles
    {
        public async ValueTask<MemberProfile?> FindAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
            => (await vault.GetAsync(volunteer, cancellationToken))?.ToMemberProfile();
    }
}

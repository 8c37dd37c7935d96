using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Certificates;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Statistics;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Cli;

/// <summary>
/// The second part of the demo: a practice station's month of May. A small chart (centre → institute → station →
/// point), a team, volunteers registered with their personal data in a vault, activities with sign-ups, check-ins and
/// check-outs, service time recorded and verified (crediting the time bank), one correction, certificates issued and
/// verified, and the station's statistics report. Every id is derived from the story's year, so each run's month is
/// new and the output is the same every time.
/// </summary>
internal sealed class StationMonth(TextWriter output, int year, SchemeId schemeId) : DemoChapter(output, year, "station")
{

    private readonly InMemoryPersonalDataVault _vault = new();
    private StoryClock _clock = null!;
    private IRecordStore _store = null!;
    private ActivityDesk _desk = null!;
    private VolunteerRegistry _registry = null!;
    private CertificateDesk _certificates = null!;
    private TimeBankScheme _scheme = null!;
    private PracticeUnit _station = null!;
    private PracticeUnit _point = null!;
    private PracticeUnit _centre = null!;
    private VolunteerTeam _team = null!;

    private VolunteerId ZhangWei => new(Derive("volunteer", "Zhang Wei"));

    private VolunteerId LiNa => new(Derive("volunteer", "Li Na"));

    private VolunteerId ZhouMin => new(Derive("volunteer", "Zhou Min"));

    private VolunteerId SunHao => new(Derive("volunteer", "Sun Hao"));

    /// <summary>Li Na's verified participations of the month (activity, participation), for the love bank that follows.</summary>
    public List<(ActivityId Activity, ParticipationId Participation)> LiNaServices { get; } = [];

    private DateInterval May => new(new LocalDate(Year, 5, 1), new LocalDate(Year, 5, 31));

    private CertificateIssuer Issuer => new(_station.Id, "GLHN", "Chen Guoqiang (station head)", "Xu Lan", "025-8321-0000");

    /// <summary>Plays the month on <paramref name="store"/>, crediting verified service through <paramref name="ledger"/>;
    /// <paramref name="clock"/> (the ledger's) is moved forward to May and through the month.</summary>
    public async ValueTask PlayAsync(IRecordStore store, PersistentLedger ledger, StoryClock clock, string storeNote, CancellationToken cancellationToken)
    {
        _store = store;
        _clock = clock;
        _clock.AdvanceTo(Local(5, 1, 8, 0));
        _scheme = new TimeBankScheme(schemeId, "Gulou mutual-aid time platform", Shanghai, TimeBankRules.Default);
        _registry = new VolunteerRegistry(store, _vault, _clock);
        _desk = new ActivityDesk(store, ledger, _scheme, new VaultProfiles(_vault), _clock);
        _certificates = new CertificateDesk(store, _vault, _clock);

        Step($"7. A practice station's month: Hunan Road station, May {Year}");
        Say(storeNote);
        await ChartAsync(cancellationToken).ConfigureAwait(false);
        await VolunteersAsync(cancellationToken).ConfigureAwait(false);

        Step("8. Activities: sign-up, check-in and check-out, service time, verification (the time bank is credited once)");
        var cleanUp = await ActivityAsync("Riverside clean-up", ServiceCategory.Environment, ActivityKind.Event, _station, 6, 9, 3, _team.Id, cancellationToken).ConfigureAwait(false);
        var cleanUpLiNa = await AttendAsync(cleanUp, LiNa, "Li Na", cancellationToken).ConfigureAwait(false);
        var cleanUpOthers = new[] { await AttendAsync(cleanUp, ZhangWei, "Zhang Wei", cancellationToken).ConfigureAwait(false), await AttendAsync(cleanUp, SunHao, "Sun Hao", cancellationToken).ConfigureAwait(false) };
        await CreditAsync(cleanUp, [(cleanUpLiNa, "Li Na", "2h"), (cleanUpOthers[0], "Zhang Wei", "3h"), (cleanUpOthers[1], "Sun Hao", "2.5h")], 40, cancellationToken).ConfigureAwait(false);
        Expect("verifying Li Na again credits nothing", await _desk.VerifyAsync(cleanUp, cleanUpLiNa, cancellationToken).ConfigureAwait(false), ActivityResult.AlreadyDone);
        LiNaServices.Add((cleanUp, cleanUpLiNa));

        var visits = await ActivityAsync("Home visits to elders living alone", ServiceCategory.ElderCare, ActivityKind.DoorToDoorService, _station, 13, 14, 3, null, cancellationToken).ConfigureAwait(false);
        var visitLiNa = await AttendAsync(visits, LiNa, "Li Na", cancellationToken).ConfigureAwait(false);
        var visitZhou = await AttendAsync(visits, ZhouMin, "Zhou Min", cancellationToken).ConfigureAwait(false);
        await CreditAsync(visits, [(visitLiNa, "Li Na", "3h"), (visitZhou, "Zhou Min", "2.5h")], 6, cancellationToken).ConfigureAwait(false);
        LiNaServices.Add((visits, visitLiNa));

        Step("9. A certificate, then a correction after it was issued");
        _clock.AdvanceTo(Local(5, 14, 10, 0));
        var first = await IssueAsync(LiNa, "Li Na", null, CertificateResult.Ok, cancellationToken).ConfigureAwait(false);
        Expect("it is found by its number and matches the records", (await _certificates.VerifyAsync(first?.Number ?? "-", cancellationToken).ConfigureAwait(false)).Check, CertificateCheck.Matches);
        _clock.AdvanceTo(Local(5, 15, 9, 0));
        Expect("Li Na reports she stayed the whole 3 h of the clean-up, not 2 h",
            await _desk.RequestCorrectionAsync(cleanUp, cleanUpLiNa, LiNa, "stayed until the end", TimeCredit.Parse("3h"), cancellationToken).ConfigureAwait(false), ActivityResult.Ok);
        _clock.AdvanceTo(Local(5, 15, 16, 0));
        Expect("the station checks the sign-out sheet and accepts it (the 2 h credit is reversed, 3 h credited)",
            await _desk.AcceptCorrectionAsync(cleanUp, cleanUpLiNa, 1, "sign-out sheet shows 12:00", cancellationToken: cancellationToken).ConfigureAwait(false), ActivityResult.Ok);
        var recheck = await _certificates.VerifyAsync(first?.Number ?? "-", cancellationToken).ConfigureAwait(false);
        Expect($"{first?.Number} no longer matches the records ({recheck.ChangedParticipations.Count} participation changed)", recheck.Check, CertificateCheck.RecordsChanged);
        await BalanceAsync(LiNa, "Li Na", "6h", cancellationToken).ConfigureAwait(false);
        var second = await IssueAsync(LiNa, "Li Na", null, CertificateResult.Ok, cancellationToken).ConfigureAwait(false);
        Expect($"{second?.Number} matches the corrected records", (await _certificates.VerifyAsync(second?.Number ?? "-", cancellationToken).ConfigureAwait(false)).Check, CertificateCheck.Matches);

        Step("10. The rest of the month");
        var stall = await ActivityAsync("Legal advice stall", ServiceCategory.LegalAid, ActivityKind.Talk, _station, 20, 9, 2.5, null, cancellationToken).ConfigureAwait(false);
        var stallZhang = await AttendAsync(stall, ZhangWei, "Zhang Wei", cancellationToken).ConfigureAwait(false);
        var stallZhou = await AttendAsync(stall, ZhouMin, "Zhou Min", cancellationToken).ConfigureAwait(false);
        var stallSun = new ParticipationId(Derive("participation", "Legal advice stall/Sun Hao"));
        Expect("Sun Hao signs up", await _desk.SignUpAsync(stall, stallSun, SunHao, cancellationToken).ConfigureAwait(false), ActivityResult.Ok);
        Expect("  and withdraws before it starts", await _desk.WithdrawAsync(stall, stallSun, cancellationToken).ConfigureAwait(false), ActivityResult.Ok);
        await CreditAsync(stall, [(stallZhang, "Zhang Wei", "2.5h"), (stallZhou, "Zhou Min", "2h")], 25, cancellationToken).ConfigureAwait(false);

        var film = await ActivityAsync("Community film night (not volunteer service)", ServiceCategory.Culture, ActivityKind.Performance, _station, 23, 19, 2, null, cancellationToken, isService: false).ConfigureAwait(false);
        var filmLiNa = await AttendAsync(film, LiNa, "Li Na", cancellationToken).ConfigureAwait(false);
        Expect("no service time can be recorded for it", await _desk.RecordServiceTimeAsync(film, filmLiNa, TimeCredit.Parse("2h"), cancellationToken: cancellationToken).ConfigureAwait(false), ActivityResult.NotVolunteerService);

        var tidy = await ActivityAsync("Courtyard tidy-up", ServiceCategory.Environment, ActivityKind.Event, _point, 27, 9, 2, null, cancellationToken).ConfigureAwait(false);
        var tidySun = await AttendAsync(tidy, SunHao, "Sun Hao", cancellationToken).ConfigureAwait(false);
        var tidyZhou = await AttendAsync(tidy, ZhouMin, "Zhou Min", cancellationToken).ConfigureAwait(false);
        await CreditAsync(tidy, [(tidySun, "Sun Hao", "2h"), (tidyZhou, "Zhou Min", "2h")], 15, cancellationToken).ConfigureAwait(false);

        Step("11. Certificates at the month's end (free; whoever records certifies)");
        _clock.AdvanceTo(Local(5, 31, 10, 0));
        var zhou = await IssueAsync(ZhouMin, "Zhou Min", null, CertificateResult.Ok, cancellationToken).ConfigureAwait(false);
        Expect("Zhou Min's covers the station's two activities, not the point's tidy-up (the point records and certifies that)", zhou?.Entries.Count, 2);
        await IssueAsync(LiNa, "Li Na, for the film night", [film], CertificateResult.NotVolunteerService, cancellationToken).ConfigureAwait(false);
        await IssueAsync(SunHao, "Sun Hao, for the point's tidy-up", [tidy], CertificateResult.NotRecordedByIssuer, cancellationToken).ConfigureAwait(false);
        if (zhou is not null) PrintCertificate(zhou);

        Step($"12. The station's statistics for May {Year}");
        var statistics = new ActivityStatistics();
        var folded = await statistics.ApplyAsync(store, cancellationToken).ConfigureAwait(false);
        Say($"(folded {folded} records, up to position {statistics.Position}; a later fold reads only the records after it)");
        var report = statistics.Query(_station.Id, May);
        PrintReport(report, "Hunan Road station");
        Expect("station figures: 4 activities, 9 participations by 4 volunteers, 22.5 h, 86 served, 1 door-to-door",
            report.Totals, new StatisticsTotals(4, 9, 4, TimeCredit.Parse("22.5h"), 86, 1));
        Expect("registered volunteers, teams and coverage", (report.RegisteredVolunteers, report.Teams, report.Coverage.CoveredCount, report.Coverage.Total), (4L, 1, 1, 1));
        var own = statistics.Query(_station.Id, May, includeUnitsBelow: false).Totals;
        var point = statistics.Query(_point.Id, May).Totals;
        Expect("the roll-up is the station's own activities plus its point's", report.Totals.CreditedTime, own.CreditedTime + point.CreditedTime);
        var district = statistics.Query(_centre.Id, May);
        Expect($"the district centre sees the same hours, and station coverage {district.Coverage.CoveredCount}/{district.Coverage.Total}", (district.Totals.CreditedTime, district.Coverage.CoveredCount), (report.Totals.CreditedTime, 1));
        // The month's volunteers are new this Year and earned time only here, so their balances are the net credit.
        long credited = 0;
        foreach (var volunteer in new[] { ZhangWei, LiNa, ZhouMin, SunHao })
        {
            credited += (await store.GetBalanceAsync(_scheme.MemberAccountId(volunteer), cancellationToken).ConfigureAwait(false))?.Posted ?? 0;
        }

        Expect("hours credited in the statistics equal the time bank's net credit on the ledger", report.Totals.CreditedTime, TimeCredit.FromMinutes(credited));
        var audit = await LedgerAudit.VerifyAsync(store, cancellationToken).ConfigureAwait(false);
        Expect($"the store passes the ledger audit again ({audit.Entries} entries)", audit.IsClean, true);
        foreach (var v in audit.Violations) Say("  violation: " + v);
    }

    private async ValueTask ChartAsync(CancellationToken cancellationToken)
    {
        var founded = new LocalDate(Year, 1, 1);
        _centre = await FoundAsync("Gulou district centre", UnitLevel.Centre, null, ["Fenghuang Street", "Hunan Road", "Jiangsu Road", "Ninghai Road"], founded, cancellationToken).ConfigureAwait(false);
        var institute = await FoundAsync("Hunan Road institute", UnitLevel.Institute, _centre, [], founded, cancellationToken).ConfigureAwait(false);
        _station = await FoundAsync("Hunan Road station", UnitLevel.Station, institute, ["Hunan Road"], founded, cancellationToken).ConfigureAwait(false);
        _point = await FoundAsync("Shiziqiao courtyard point", UnitLevel.Point, _station, [], founded, cancellationToken).ConfigureAwait(false);
        Expect("the station cannot be founded under the centre directly (one level up only)",
            PracticeUnit.Found(UnitId.New(), "Stray station", UnitLevel.Station, _centre, [], founded, _clock.Now, out _), OrganisationResult.ParentLevelMismatch);

        var code = VolunteerTeam.Form(new TeamId(Derive("team", "Hunan Road Red Vests")), _station, ServiceCategory.Environment, "Hunan Road Red Vests", new LocalDate(Year, 5, 1), _clock.Now, out var team);
        Expect("the station forms a team, Hunan Road Red Vests (environment)", code, OrganisationResult.Ok);
        _team = team!;
        Expect("  Zhang Wei leads it", _team.Join(ZhangWei, TeamRole.Leader, new LocalDate(Year, 5, 1), _clock.Now), OrganisationResult.Ok);
        Expect("  Sun Hao joins", _team.Join(SunHao, TeamRole.Member, new LocalDate(Year, 5, 1), _clock.Now), OrganisationResult.Ok);
        Expect("  the team is saved", (await VolunteerTeam.Repository(_store).SaveAsync(_team, cancellationToken).ConfigureAwait(false)).IsAppended, true);
    }

    private async ValueTask<PracticeUnit> FoundAsync(string name, UnitLevel level, PracticeUnit? parent, string[] communities, LocalDate on, CancellationToken cancellationToken)
    {
        var code = PracticeUnit.Found(new UnitId(Derive("unit", name)), name, level, parent, communities, on, _clock.Now, out var unit);
        var saved = unit is not null && (await PracticeUnit.Repository(_store).SaveAsync(unit, cancellationToken).ConfigureAwait(false)).IsAppended;
        Expect($"{level} founded and saved: {name}{(communities.Length > 0 ? " (" + string.Join(", ", communities) + ")" : string.Empty)}", (code, saved), (OrganisationResult.Ok, true));
        return unit ?? throw new InvalidOperationException($"{name} could not be founded: {code}.");
    }

    private async ValueTask VolunteersAsync(CancellationToken cancellationToken)
    {
        Say("Volunteers register at the station, with written consent; their personal data goes to the vault only:");
        await RegisterAsync(ZhangWei, "Zhang Wei", Gender.Male, 45, "0001", cancellationToken).ConfigureAwait(false);
        await RegisterAsync(LiNa, "Li Na", Gender.Female, 28, "0002", cancellationToken).ConfigureAwait(false);
        await RegisterAsync(ZhouMin, "Zhou Min", Gender.Female, 62, "0003", cancellationToken).ConfigureAwait(false);
        await RegisterAsync(SunHao, "Sun Hao", Gender.Male, 19, "0004", cancellationToken).ConfigureAwait(false);
        var copycat = new VolunteerRegistration(new VolunteerId(Derive("volunteer", "Copycat")), schemeId, Number("0001"), Data("Wu Gang", Gender.Male, 40), new LocalDate(Year, 5, 1), _station.Id, new Consent(_clock.Now, ConsentMethod.Written));
        Expect("a second volunteer cannot take number " + Number("0001"), await _registry.RegisterAsync(copycat, cancellationToken).ConfigureAwait(false), VolunteerResult.NumberTaken);
        var summary = await _registry.GetSummaryAsync(LiNa, cancellationToken).ConfigureAwait(false);
        Say($"Li Na's summary shows ID {summary?.MaskedIdNumber} and phone {summary?.MaskedPhone}.");
    }

    private async ValueTask RegisterAsync(VolunteerId id, string name, Gender gender, int age, string serial, CancellationToken cancellationToken)
    {
        var registration = new VolunteerRegistration(id, schemeId, Number(serial), Data(name, gender, age), new LocalDate(Year, 5, 1), _station.Id, new Consent(_clock.Now, ConsentMethod.Written));
        Expect($"{name} ({age}) registered as {Number(serial)}", await _registry.RegisterAsync(registration, cancellationToken).ConfigureAwait(false), VolunteerResult.Ok);
    }

    private string Number(string serial) => string.Create(CultureInfo.InvariantCulture, $"GL{Year}-{serial}");

    private PersonalData Data(string name, Gender gender, int age)
    {
        var birth = new LocalDate(Year - age, 3, 14);
        var idNumber = ResidentIdNumber.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"320106{birth.Year:0000}{birth.Month:00}{birth.Day:00}{(gender == Gender.Male ? 131 : 122)}"));
        return new PersonalData(name, gender, birth, IdDocumentType.ResidentIdCard, idNumber, new ResidenceArea("Nanjing", "Gulou", "Hunan Road"), "13912345678")
        {
            ServiceCategories = [ServiceCategory.Environment, ServiceCategory.ElderCare],
        };
    }

    private async ValueTask<ActivityId> ActivityAsync(string name, ServiceCategory category, ActivityKind kind, PracticeUnit unit, int day, int hour, double hours, TeamId? team, CancellationToken cancellationToken, bool isService = true)
    {
        var id = new ActivityId(Derive("activity", name));
        var start = new LocalDateTime(Year, 5, day, hour, 0);
        var details = new ActivityDetails(name, category, unit.Id, team, ZhangWei, "Hunan Road", start, start.PlusMinutes((long)(hours * 60)), Shanghai, 10, kind, isService);
        _clock.AdvanceTo(Local(5, day, hour, 0) - Duration.FromHours(1));
        Expect($"{start.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {name} ({category}, {kind}) planned by {unit.Name}", await _desk.PlanAsync(id, details, cancellationToken).ConfigureAwait(false), ActivityResult.Ok);
        return id;
    }

    private async ValueTask<ParticipationId> AttendAsync(ActivityId activity, VolunteerId volunteer, string name, CancellationToken cancellationToken)
    {
        var loaded = await _desk.LoadAsync(activity, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("The activity was not saved.");
        var p = new ParticipationId(Derive("participation", $"{loaded.Details.Name}/{name}"));
        var signUp = await _desk.SignUpAsync(activity, p, volunteer, cancellationToken).ConfigureAwait(false);
        var checkIn = await _desk.CheckInAsync(activity, p, loaded.Details.StartInstant, cancellationToken).ConfigureAwait(false);
        var checkOut = await _desk.CheckOutAsync(activity, p, loaded.Details.EndInstant, cancellationToken).ConfigureAwait(false);
        Expect($"  {name} signs up, checks in and out", (signUp, checkIn, checkOut), (ActivityResult.Ok, ActivityResult.Ok, ActivityResult.Ok));
        return p;
    }

    private async ValueTask CreditAsync(ActivityId activity, (ParticipationId Id, string Name, string Time)[] credits, int served, CancellationToken cancellationToken)
    {
        var loaded = await _desk.LoadAsync(activity, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("The activity was not saved.");
        _clock.AdvanceTo(loaded.Details.EndInstant + Duration.FromHours(2));
        Expect($"  {served} people served recorded", await _desk.RecordBeneficiariesAsync(activity, served, cancellationToken).ConfigureAwait(false), ActivityResult.Ok);
        foreach (var (p, name, time) in credits)
        {
            var recorded = await _desk.RecordServiceTimeAsync(activity, p, TimeCredit.Parse(time), cancellationToken: cancellationToken).ConfigureAwait(false);
            var verified = await _desk.VerifyAsync(activity, p, cancellationToken).ConfigureAwait(false);
            Expect($"  {name}: {time} recorded and verified", (recorded, verified), (ActivityResult.Ok, ActivityResult.Ok));
        }
    }

    private async ValueTask BalanceAsync(VolunteerId volunteer, string name, string expected, CancellationToken cancellationToken)
    {
        var stored = await _store.GetBalanceAsync(_scheme.MemberAccountId(volunteer), cancellationToken).ConfigureAwait(false);
        Expect($"{name} holds {expected} in the time bank", TimeCredit.FromMinutes(stored?.Posted ?? 0), TimeCredit.Parse(expected));
    }

    private async ValueTask<ServiceCertificate?> IssueAsync(VolunteerId volunteer, string who, IReadOnlyList<ActivityId>? activities, CertificateResult expected, CancellationToken cancellationToken)
    {
        var outcome = await _certificates.IssueAsync(new CertificateRequest(Issuer, volunteer, May, activities), cancellationToken).ConfigureAwait(false);
        var what = outcome.Certificate is { } c ? $"{c.Number}: {c.TotalHours} h over {c.Entries.Count} activities" : outcome.Code.ToString();
        Expect($"certificate for {who}: {what}", outcome.Code, expected);
        return outcome.Certificate;
    }

    private void PrintCertificate(ServiceCertificate c)
    {
        Output.WriteLine($"  Service certificate (志愿服务证明) {c.Number}, issued {c.IssuedOn}");
        Output.WriteLine($"    {c.VolunteerName}, {c.IdType} {c.MaskedIdNumber}, volunteer number {c.VolunteerNumber}");
        Output.WriteLine($"    served {c.TotalHours} h from {c.PeriodStart} to {c.PeriodEnd} in: {string.Join(", ", c.Categories)}");
        foreach (var e in c.Entries) Output.WriteLine($"      {e.Date}  {e.ActivityName,-36} {TimeCredit.FromMinutes(e.CreditedMinutes),6}");
        Output.WriteLine($"    issued by {c.IssuerName}; responsible {c.ResponsiblePerson}; handled by {c.Handler}; contact {c.Contact}");
        Output.WriteLine($"    content hash {c.ContentHash[..16]}…");
    }

    private void PrintReport(StatisticsReport r, string name)
    {
        var t = r.Totals;
        Output.WriteLine($"  {name}, {r.Period.Start:yyyy-MM-dd} to {r.Period.End:yyyy-MM-dd} ({r.UnitsIncluded} units: the station and its point)");
        Output.WriteLine($"    activities {t.Activities} (door-to-door {t.DoorToDoorServices}); participations {t.Participations} by {t.DistinctVolunteers} volunteers; {t.Hours} h credited; {t.Beneficiaries} people served");
        Output.WriteLine($"    registered volunteers {r.RegisteredVolunteers}; teams {r.Teams}; station coverage {r.Coverage.CoveredCount}/{r.Coverage.Total} ({(r.Coverage.Share * 100).ToString("0", CultureInfo.InvariantCulture)}%)");
        foreach (var c in r.ByCategory)
        {
            Output.WriteLine($"    {c.Category,-12} activities {c.Totals.Activities}, participations {c.Totals.Participations}, {c.Totals.Hours} h, {c.Totals.Beneficiaries} served");
        }
    }

    /// <summary>Volunteers' profiles for the time bank's depositor policy, read from the personal-data vault.</summary>
    private sealed class VaultProfiles(IPersonalDataVault vault) : IParticipantProfiles
    {
        public async ValueTask<MemberProfile?> FindAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
            => (await vault.GetAsync(volunteer, cancellationToken).ConfigureAwait(false))?.ToMemberProfile();
    }
}

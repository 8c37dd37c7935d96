using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Statistics;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Statistics;

/// <summary>What each figure counts, how units below are included, filters, and the incremental fold.</summary>
public class ActivityStatisticsTests
{
    private static readonly LocalDate March3 = new(2026, 3, 3);
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly DateInterval Year = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    [Fact]
    public async Task Each_figure_counts_what_its_documentation_says()
    {
        var kit = new StatsKit();
        var centre = await kit.UnitAsync(UnitLevel.Centre, null, "A", "B");
        var institute = await kit.UnitAsync(UnitLevel.Institute, centre);
        var station = await kit.UnitAsync(UnitLevel.Station, institute, "A");
        var wang = VolunteerId.New();
        var chen = VolunteerId.New();

        var clean = await kit.ActivityAsync(station, March3);
        await kit.VerifiedAsync(clean, wang, 180);
        await kit.VerifiedAsync(clean, chen, 120);
        await kit.SignedUpAsync(clean, VolunteerId.New()); // never verified: not a participation on record
        await kit.BeneficiariesAsync(clean, 30);
        await kit.BeneficiariesAsync(clean, 40);           // replaces the 30
        var visit = await kit.ActivityAsync(station, March3.PlusDays(1), ServiceCategory.ElderCare, kind: ActivityKind.DoorToDoorService);
        var pv = await kit.VerifiedAsync(visit, wang, 60);
        await kit.CorrectAsync(visit, pv, 1, 60, 90);       // +30 minutes
        await kit.BeneficiariesAsync(visit, 1);
        var rained = await kit.ActivityAsync(station, March3.PlusDays(2), kind: ActivityKind.DoorToDoorService);
        await kit.BeneficiariesAsync(rained, 12);
        await kit.CancelAsync(rained);                      // takes its activity, door-to-door and people served back out
        var party = await kit.ActivityAsync(station, March3, service: false);
        await kit.VerifiedAsync(party, chen, 60);           // (cannot happen through the aggregate; never counted anyway)
        await kit.BeneficiariesAsync(party, 100);

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);
        var report = stats.Query(centre, March);

        Assert.Equal(new StatisticsTotals(2, 3, 2, TimeCredit.FromMinutes(390), 41, 1), report.Totals);
        Assert.Equal("6.5", report.Totals.Hours);
        Assert.Equal(3, report.UnitsIncluded);
        Assert.Equal(
            [new CategoryStatistics(ServiceCategory.ElderCare, new StatisticsTotals(1, 1, 1, TimeCredit.FromMinutes(90), 1, 1)),
             new CategoryStatistics(ServiceCategory.Environment, new StatisticsTotals(1, 2, 2, TimeCredit.FromMinutes(300), 40, 0))],
            report.ByCategory);
        Assert.Equal([new TeamStatistics(null, report.Totals)], report.ByTeam);
        Assert.Equal(await kit.Store.GetPositionAsync(), stats.Position);
    }

    [Fact]
    public async Task Periods_include_both_ends_and_date_activities_by_their_local_start()
    {
        var kit = new StatsKit();
        var station = await kit.UnitAsync(UnitLevel.Station, null);
        foreach (var day in new[] { new LocalDate(2026, 2, 28), new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31), new LocalDate(2026, 4, 1) })
        {
            await kit.VerifiedAsync(await kit.ActivityAsync(station, day), VolunteerId.New(), 60);
        }

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);

        Assert.Equal(2, stats.Query(station, March).Totals.Activities);
        Assert.Equal(4, stats.Query(station, Year).Totals.Participations);
        Assert.Equal(0, stats.Query(station, new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31))).Totals.Activities);
    }

    [Fact]
    public async Task Units_below_are_those_under_the_unit_on_the_periods_last_day_closed_ones_included()
    {
        var kit = new StatsKit();
        var centre = await kit.UnitAsync(UnitLevel.Centre, null);
        var north = await kit.UnitAsync(UnitLevel.Institute, centre);
        var south = await kit.UnitAsync(UnitLevel.Institute, centre);
        var closing = await kit.UnitAsync(UnitLevel.Station, north);
        var moving = await kit.UnitAsync(UnitLevel.Station, north);
        var point = await kit.UnitAsync(UnitLevel.Point, moving);
        await kit.VerifiedAsync(await kit.ActivityAsync(closing, March3), VolunteerId.New(), 60);
        await kit.VerifiedAsync(await kit.ActivityAsync(moving, March3), VolunteerId.New(), 120);
        await kit.VerifiedAsync(await kit.ActivityAsync(point, March3), VolunteerId.New(), 30);
        await kit.VerifiedAsync(await kit.ActivityAsync(north, March3), VolunteerId.New(), 15);
        await kit.CloseAsync(closing, new LocalDate(2026, 6, 1));
        await kit.MoveAsync(moving, south, new LocalDate(2026, 7, 1));

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);

        // In March the moving station (and its point) were under the north institute; at the year's end, the south one.
        Assert.Equal(225, stats.Query(north, March).Totals.CreditedTime.Minutes);
        Assert.Equal(75, stats.Query(north, Year).Totals.CreditedTime.Minutes);   // its own 15 + the closed station's 60
        Assert.Equal(150, stats.Query(south, Year).Totals.CreditedTime.Minutes);  // the moved station and its point
        Assert.Equal(225, stats.Query(centre, Year).Totals.CreditedTime.Minutes);
        Assert.Equal(15, stats.Query(north, Year, includeUnitsBelow: false).Totals.CreditedTime.Minutes);
        Assert.Equal(1, stats.Query(north, Year, includeUnitsBelow: false).UnitsIncluded);

        // A unit nobody recorded on the chart counts only when asked for directly.
        var stranger = UnitId.New();
        var store2 = new StatsKit();
        await store2.VerifiedAsync(await store2.ActivityAsync(stranger, March3), VolunteerId.New(), 45);
        var stats2 = new ActivityStatistics();
        await stats2.ApplyAsync(store2.Store);
        Assert.Equal(45, stats2.Query(stranger, March).Totals.CreditedTime.Minutes);
    }

    [Fact]
    public async Task Category_and_team_filters_and_breakdowns()
    {
        var kit = new StatsKit();
        var station = await kit.UnitAsync(UnitLevel.Station, null);
        var lawyers = await kit.TeamAsync(station, ServiceCategory.LegalAid);
        var cleaners = await kit.TeamAsync(station, ServiceCategory.Environment);
        var wang = VolunteerId.New();
        await kit.VerifiedAsync(await kit.ActivityAsync(station, March3, ServiceCategory.LegalAid, lawyers), wang, 60);
        await kit.VerifiedAsync(await kit.ActivityAsync(station, March3, ServiceCategory.Environment, cleaners), wang, 120);
        await kit.VerifiedAsync(await kit.ActivityAsync(station, March3, ServiceCategory.Environment), wang, 30);

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);

        var all = stats.Query(station, March);
        Assert.Equal((3L, 3L, 1L, 210L), (all.Totals.Activities, all.Totals.Participations, all.Totals.DistinctVolunteers, all.Totals.CreditedTime.Minutes));
        Assert.Equal(2, all.Teams);
        Assert.Equal(3, all.ByTeam.Count);
        Assert.Equal(30, all.ByTeam.Single(t => t.Team is null).Totals.CreditedTime.Minutes);
        Assert.Equal(120, all.ByTeam.Single(t => t.Team == cleaners).Totals.CreditedTime.Minutes);

        var environment = stats.Query(station, March, category: ServiceCategory.Environment);
        Assert.Equal((2L, 150L, 1), (environment.Totals.Activities, environment.Totals.CreditedTime.Minutes, environment.Teams));
        Assert.Equal([ServiceCategory.Environment], environment.ByCategory.Select(c => c.Category));

        var team = stats.Query(station, March, team: lawyers);
        Assert.Equal((1L, 60L, 1), (team.Totals.Activities, team.Totals.CreditedTime.Minutes, team.Teams));
    }

    [Fact]
    public async Task Registered_volunteers_teams_and_coverage_are_taken_on_the_periods_last_day()
    {
        var kit = new StatsKit();
        var centre = await kit.UnitAsync(UnitLevel.Centre, null, "A", "B", "C", "D");
        var institute = await kit.UnitAsync(UnitLevel.Institute, centre);
        var station = await kit.UnitAsync(UnitLevel.Station, institute, "A", "B");
        var other = await kit.UnitAsync(UnitLevel.Station, institute, "C");
        await kit.RegisteredAsync(station, new LocalDate(2026, 2, 1));
        await kit.RegisteredAsync(station, new LocalDate(2026, 4, 2));                              // after March
        await kit.RegisteredAsync(station, new LocalDate(2026, 2, 1), leftOn: new LocalDate(2026, 3, 15)); // left in March
        await kit.RegisteredAsync(other, new LocalDate(2026, 2, 1));
        await kit.RegisteredAsync(null, new LocalDate(2026, 2, 1));                                 // self-registered
        await kit.TeamAsync(station, ServiceCategory.LegalAid);
        await kit.TeamAsync(other, ServiceCategory.Culture);
        await kit.TeamAsync(other, ServiceCategory.Culture, new LocalDate(2026, 5, 1));              // formed later

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);

        var centreMarch = stats.Query(centre, March);
        Assert.Equal(3, centreMarch.RegisteredVolunteers);   // station 1, other 1, self-registered 1
        Assert.Equal(2, centreMarch.Teams);
        Assert.Equal((4, 3), (centreMarch.Coverage.Total, centreMarch.Coverage.CoveredCount));
        var stationMarch = stats.Query(station, March);
        Assert.Equal((1L, 1), (stationMarch.RegisteredVolunteers, stationMarch.Teams));
        Assert.Equal(2, stats.Query(station, Year).RegisteredVolunteers);
        Assert.Equal(3, stats.Query(centre, Year).Teams);
        Assert.Equal(1, stats.Query(centre, March, category: ServiceCategory.Culture).Teams);
    }

    [Fact]
    public async Task Folding_again_from_the_remembered_position_adds_only_new_records_and_never_counts_twice()
    {
        var kit = new StatsKit();
        var station = await kit.UnitAsync(UnitLevel.Station, null);
        var a = await kit.ActivityAsync(station, March3);
        var p = await kit.VerifiedAsync(a, VolunteerId.New(), 60);
        var stats = new ActivityStatistics();
        Assert.Equal(4, await stats.ApplyAsync(kit.Store)); // the unit, the plan, the sign-up, the verification
        Assert.Equal(60, stats.Query(station, March).Totals.CreditedTime.Minutes);

        await kit.CorrectAsync(a, p, 1, 60, 45);
        await kit.VerifiedAsync(a, VolunteerId.New(), 30);
        Assert.Equal(3, await stats.ApplyAsync(kit.Store));
        Assert.Equal(0, await stats.ApplyAsync(kit.Store));

        // Replaying records already folded changes nothing.
        await foreach (var record in kit.Store.ReadAllAsync()) stats.Apply(record);

        var fresh = new ActivityStatistics();
        await fresh.ApplyAsync(kit.Store);
        var (folded, refolded) = (stats.Query(station, March), fresh.Query(station, March));
        Assert.Equal(refolded.Totals, folded.Totals);
        Assert.Equal(refolded.ByCategory, folded.ByCategory);
        Assert.Equal(refolded.ByTeam, folded.ByTeam);
        Assert.Equal(75, stats.Query(station, March).Totals.CreditedTime.Minutes);
        Assert.Equal(2, stats.Query(station, March).Totals.Participations);
    }

    [Fact]
    public async Task A_correction_before_verification_changes_nothing_until_the_verification_carries_it()
    {
        var kit = new StatsKit();
        var station = await kit.UnitAsync(UnitLevel.Station, null);
        var a = await kit.ActivityAsync(station, March3);
        var p = ParticipationId.New();
        await kit.CorrectAsync(a, p, 1, 0, 90, recredited: false);
        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);
        Assert.Equal(0, stats.Query(station, March).Totals.CreditedTime.Minutes);
    }

    [Fact]
    public async Task Bad_queries_and_orphan_records_are_programmer_errors()
    {
        var stats = new ActivityStatistics();
        Assert.Throws<ArgumentException>(() => stats.Query(default, March));
        Assert.Throws<ArgumentException>(() => stats.Query(UnitId.New(), March, category: default(ServiceCategory)));
        Assert.Throws<ArgumentException>(() => stats.Query(UnitId.New(), March, team: default(TeamId)));
        Assert.Throws<ArgumentNullException>(() => stats.Query(UnitId.New(), null!));

        var store = new InMemoryRecordStore();
        await store.AppendAsync([new NewRecord(Activity.StreamFor(ActivityId.New()), 1, new BeneficiariesRecorded(3, StatsKit.At))]);
        await Assert.ThrowsAsync<InvalidDataException>(async () => await stats.ApplyAsync(store));

        var empty = new ActivityStatistics().Query(UnitId.New(), March);
        Assert.Equal(default, empty.Totals);
        Assert.Empty(empty.ByCategory);
    }
}

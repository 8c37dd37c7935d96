using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Statistics;
using Volunteering.Domain.Tests.Activities;

namespace Volunteering.Domain.Tests.Statistics;

/// <summary>Properties of the statistics: on random districts, a unit's roll-up of every additive figure equals its own
/// activities plus its children's roll-ups (and the whole district equals a direct count of the records); on random
/// verifications and corrections through the activity desk, the hours credited in the statistics equal the ledger's
/// net credit for the same activities.</summary>
public class StatisticsPropertyTests
{
    private static readonly LocalDate YearStart = new(2026, 1, 1);

    [Property(MaxTest = 60, Arbitrary = new[] { typeof(StatisticsArbitraries) })]
    public async Task A_units_roll_up_is_its_own_activities_plus_its_childrens_roll_ups(District district)
    {
        var kit = new StatsKit();
        var centre = await kit.UnitAsync(UnitLevel.Centre, null);
        var units = new List<UnitId> { centre };
        var stations = new List<UnitId>();
        for (var i = 0; i < district.Institutes; i++)
        {
            var institute = await kit.UnitAsync(UnitLevel.Institute, centre);
            units.Add(institute);
            for (var s = 0; s < district.StationsEach; s++)
            {
                var station = await kit.UnitAsync(UnitLevel.Station, institute);
                units.Add(station);
                stations.Add(station);
                for (var p = 0; p < district.PointsEach; p++) units.Add(await kit.UnitAsync(UnitLevel.Point, station));
            }
        }

        if (district.CloseFirstStationOnDay is { } closeDay) await kit.CloseAsync(stations[0], YearStart.PlusDays(closeDay));
        var teams = new List<TeamId>();
        foreach (var unit in units.Where((_, i) => i % 2 == 0)) teams.Add(await kit.TeamAsync(unit, ServiceCategory.Culture));

        var volunteers = Enumerable.Range(0, 12).Select(_ => VolunteerId.New()).ToArray();
        var categories = new[] { ServiceCategory.Culture, ServiceCategory.Health, ServiceCategory.ElderCare };
        long serviceActivities = 0, minutes = 0, participations = 0, served = 0, doorToDoor = 0;
        var distinct = new HashSet<VolunteerId>();
        foreach (var a in district.Activities)
        {
            var team = a.Team == 0 ? (TeamId?)null : teams[(a.Team - 1) % teams.Count];
            var kind = (ActivityKind)(a.Kind % 6);
            var id = await kit.ActivityAsync(units[a.Unit % units.Count], YearStart.PlusDays(a.Day), categories[a.Category % categories.Length], team, kind, a.Service);
            if (a.Beneficiaries > 0) await kit.BeneficiariesAsync(id, a.Beneficiaries);
            if (a.Cancel)
            {
                await kit.CancelAsync(id);
                continue;
            }

            var seen = new HashSet<int>();
            foreach (var (volunteer, credited, corrected) in a.Participations)
            {
                if (!seen.Add(volunteer % volunteers.Length)) continue;
                var v = volunteers[volunteer % volunteers.Length];
                var p = await kit.VerifiedAsync(id, v, credited);
                if (corrected > 0 && corrected != credited) await kit.CorrectAsync(id, p, 1, credited, corrected);
                if (!a.Service) continue;
                participations++;
                minutes += corrected > 0 ? corrected : credited;
                distinct.Add(v);
            }

            if (!a.Service) continue;
            serviceActivities++;
            served += a.Beneficiaries;
            if (kind == ActivityKind.DoorToDoorService) doorToDoor++;
        }

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);
        var year = new DateInterval(YearStart, new LocalDate(2026, 12, 31));
        var district2026 = stats.Query(centre, year).Totals;
        Assert.Equal(new StatisticsTotals(serviceActivities, participations, distinct.Count, TimeCredit.FromMinutes(minutes), served, doorToDoor), district2026);

        var from = YearStart.PlusDays(Math.Min(district.PeriodStart, district.PeriodEnd));
        var to = YearStart.PlusDays(Math.Max(district.PeriodStart, district.PeriodEnd));
        foreach (var period in new[] { year, new DateInterval(from, to) })
        {
            foreach (var unit in units)
            {
                var rollUp = stats.Query(unit, period);
                var own = stats.Query(unit, period, includeUnitsBelow: false).Totals;
                var children = units.Where(u => stats.Chart.ParentOn(u, period.End) == unit).Select(c => stats.Query(c, period)).ToList();
                var sum = children.Aggregate(own, (acc, c) => Add(acc, c.Totals));
                Assert.Equal(sum with { DistinctVolunteers = 0 }, rollUp.Totals with { DistinctVolunteers = 0 });
                Assert.Equal(children.Sum(c => c.Teams) + stats.Query(unit, period, includeUnitsBelow: false).Teams, rollUp.Teams);
                Assert.Equal(1 + children.Sum(c => c.UnitsIncluded), rollUp.UnitsIncluded);
                Assert.InRange(rollUp.Totals.DistinctVolunteers, children.Select(c => c.Totals.DistinctVolunteers).Append(own.DistinctVolunteers).Max(), sum.DistinctVolunteers);

                // The category breakdown adds up to the totals, too.
                Assert.Equal(rollUp.Totals.CreditedTime.Minutes, rollUp.ByCategory.Sum(c => c.Totals.CreditedTime.Minutes));
                Assert.Equal(rollUp.Totals.Activities, rollUp.ByTeam.Sum(t => t.Totals.Activities));
            }
        }
    }

    [Property(MaxTest = 25, Arbitrary = new[] { typeof(StatisticsArbitraries) })]
    public async Task Hours_credited_in_the_statistics_equal_the_ledgers_net_credit_for_the_same_activities(Crediting crediting)
    {
        var kit = await ActivityTestKit.CreateAsync();
        var activities = new[] { await kit.PlanAsync(), await kit.PlanAsync(ActivityTestKit.Details(kind: ActivityKind.DoorToDoorService, name: "Home visits")) };
        var volunteers = Enumerable.Range(0, 4).Select(i => kit.Volunteer(30 + i, "Volunteer " + i)).ToArray();
        var attended = new List<(ActivityId Activity, ParticipationId Participation, VolunteerId Volunteer, Slot Slot)>();
        for (var i = 0; i < crediting.Slots.Length; i++)
        {
            var slot = crediting.Slots[i];
            if (slot.Minutes == 0) continue;
            var activity = activities[i / volunteers.Length % activities.Length];
            var volunteer = volunteers[i % volunteers.Length];
            if (attended.Any(x => x.Activity == activity && x.Volunteer == volunteer)) continue;
            attended.Add((activity, await kit.AttendAsync(activity, volunteer), volunteer, slot));
        }

        kit.AfterEnd();
        foreach (var (activity, p, volunteer, slot) in attended)
        {
            Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(activity, p, TimeCredit.FromMinutes(slot.Minutes)));
            if (!slot.Verify) continue;
            Assert.Equal(ActivityResult.Ok, await kit.Desk.VerifyAsync(activity, p));
            Assert.Equal(ActivityResult.AlreadyDone, await kit.Desk.VerifyAsync(activity, p)); // a repeat credits nothing
            if (slot.Correction is > 0 and <= 180 && slot.Correction != slot.Minutes)
            {
                Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(activity, p, volunteer, "wrong time", TimeCredit.FromMinutes(slot.Correction)));
                Assert.Equal(ActivityResult.Ok, await kit.Desk.AcceptCorrectionAsync(activity, p, 1, "checked"));
            }
        }

        var stats = new ActivityStatistics();
        await stats.ApplyAsync(kit.Store);
        var day = ActivityTestKit.Start.Date;
        var report = stats.Query(ActivityTestKit.Station, new DateInterval(day, day));

        Assert.Equal(await kit.IssuedAsync(), report.Totals.CreditedTime.Minutes);
        Assert.Equal(attended.Count(a => a.Slot.Verify), report.Totals.Participations);
        Assert.Equal(2, report.Totals.Activities);
        Assert.Equal(1, report.Totals.DoorToDoorServices);
        await kit.AssertAuditCleanAsync();
    }

    private static StatisticsTotals Add(StatisticsTotals a, StatisticsTotals b) => new(
        a.Activities + b.Activities,
        a.Participations + b.Participations,
        a.DistinctVolunteers + b.DistinctVolunteers,
        a.CreditedTime + b.CreditedTime,
        a.Beneficiaries + b.Beneficiaries,
        a.DoorToDoorServices + b.DoorToDoorServices);
}

/// <summary>A random district: its shape, its activities and a period to check.</summary>
public sealed record District(int Institutes, int StationsEach, int PointsEach, int? CloseFirstStationOnDay, PlannedActivity[] Activities, int PeriodStart, int PeriodEnd);

/// <summary>A random activity: where, when, what, and who was verified for how long (and corrected to what, 0 for
/// no correction).</summary>
public sealed record PlannedActivity(int Unit, int Day, int Category, int Team, int Kind, bool Service, bool Cancel, int Beneficiaries, (int Volunteer, int Minutes, int Corrected)[] Participations);

/// <summary>Participations to credit: one slot per (activity, volunteer).</summary>
public sealed record Crediting(Slot[] Slots);

/// <summary>Minutes recorded (0: no participation), whether verified, and a correction (0 or out of range: none).</summary>
public sealed record Slot(int Minutes, bool Verify, int Correction);

/// <summary>Generators for the statistics properties.</summary>
public static class StatisticsArbitraries
{
    private static readonly Gen<PlannedActivity> ActivityGen =
        from unit in Gen.Choose(0, 40)
        from day in Gen.Choose(0, 364)
        from category in Gen.Choose(0, 2)
        from team in Gen.Choose(0, 3)
        from kind in Gen.Choose(0, 5)
        from service in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from cancel in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        from served in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 60)))
        from count in Gen.Choose(0, 5)
        from participations in Gen.ArrayOf(
            from v in Gen.Choose(0, 11)
            from m in Gen.Choose(1, 480)
            from c in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 480)))
            select (v, m, c), count)
        select new PlannedActivity(unit, day, category, team, kind, service, cancel, served, participations);

    private static readonly Gen<District> DistrictGen =
        from institutes in Gen.Choose(1, 3)
        from stations in Gen.Choose(1, 3)
        from points in Gen.Choose(0, 2)
        from close in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 364).Select(d => (int?)d)))
        from length in Gen.Sized(size => Gen.Choose(0, 10 + size))
        from activities in Gen.ArrayOf(ActivityGen, length)
        from start in Gen.Choose(0, 364)
        from end in Gen.Choose(0, 364)
        select new District(institutes, stations, points, close, activities, start, end);

    private static readonly Gen<Crediting> CreditingGen =
        from slots in Gen.ArrayOf(
            from minutes in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 180)))
            from verify in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from correction in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 200)))
            select new Slot(minutes, verify, correction), 8)
        select new Crediting(slots);

    public static Arbitrary<District> District() => Arb.From(DistrictGen);

    public static Arbitrary<Crediting> Crediting() => Arb.From(CreditingGen);
}

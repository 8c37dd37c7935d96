using BenchmarkDotNet.Attributes;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Statistics;
using Volunteering.Domain.Storage;

namespace Volunteering.Benchmarks;

/// <summary>
/// A year of a district's records in the statistics projection: folding them (100,000 activities, 2,000,000 verified
/// participations) into an <see cref="ActivityStatistics"/>, and a year-long report for the district centre and for one
/// station; against a bare loop summing the same figures from plain arrays.
/// </summary>
/// <remarks>The district: a centre, 10 institutes, 100 stations (10 each) and 200 points (2 per station), 500 teams,
/// 50,000 volunteers. Each activity (on a random day of 2025, at a random station or point, in one of 9 categories,
/// with a team one time in two, door-to-door one time in six) has its <see cref="ActivityPlanned"/>, a
/// <see cref="BeneficiariesRecorded"/> and 20 <see cref="ParticipationVerified"/>; one participation in 100 also has an
/// accepted correction (20,000). That is 2,220,811 records, built once in <c>[GlobalSetup]</c> as
/// <see cref="StoredRecord"/>s. Sign-ups, check-ins and service-time entries are left out: the projection skips them
/// with one type test each, and 6,000,000 more records would only measure memory.</remarks>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    /// <summary>Activities in the year.</summary>
    public const int ActivityCount = 100_000;

    /// <summary>Verified participations per activity.</summary>
    public const int PerActivity = 20;

    private const int Volunteers = 50_000;

    private static readonly DateInterval Year = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31));

    private StoredRecord[] _records = [];
    private ActivityStatistics _folded = null!;
    private UnitId _centre;
    private UnitId _station;

    // The same figures as plain arrays, for the bare baseline.
    private int[] _volunteerOf = [];
    private int[] _minutesOf = [];
    private int[] _beneficiariesOf = [];
    private int[] _stamps = [];

    [GlobalSetup]
    public void GlobalSetup()
    {
        var random = new Random(41);
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        var records = new List<StoredRecord>(2_300_000);
        long position = 0;
        void Add(StreamName stream, long version, object payload) => records.Add(new StoredRecord(++position, new NewRecord(stream, version, payload)));

        _centre = UnitId.New();
        Add(PracticeUnit.StreamOf(_centre), 1, new UnitFounded(_centre, "Gulou centre", UnitLevel.Centre, null, ["C000"], "Asia/Shanghai", Year.Start, at));
        var organisers = new List<UnitId>();
        for (var i = 0; i < 10; i++)
        {
            var institute = UnitId.New();
            Add(PracticeUnit.StreamOf(institute), 1, new UnitFounded(institute, $"Institute {i}", UnitLevel.Institute, _centre, [], "Asia/Shanghai", Year.Start, at));
            for (var s = 0; s < 10; s++)
            {
                var station = UnitId.New();
                Add(PracticeUnit.StreamOf(station), 1, new UnitFounded(station, $"Station {i}.{s}", UnitLevel.Station, institute, [$"C{i}{s}"], "Asia/Shanghai", Year.Start, at));
                organisers.Add(station);
                for (var p = 0; p < 2; p++)
                {
                    var point = UnitId.New();
                    Add(PracticeUnit.StreamOf(point), 1, new UnitFounded(point, $"Point {i}.{s}.{p}", UnitLevel.Point, station, [], "Asia/Shanghai", Year.Start, at));
                    organisers.Add(point);
                }
            }
        }

        _station = organisers[0];
        var categories = new[]
        {
            ServiceCategory.LegalAid, ServiceCategory.Culture, ServiceCategory.Health, ServiceCategory.Environment, ServiceCategory.Mediation,
            ServiceCategory.ElderCare, ServiceCategory.Youth, ServiceCategory.Disability, ServiceCategory.PolicyTalks,
        };
        var teams = new (TeamId Id, UnitId Unit)[500];
        for (var t = 0; t < teams.Length; t++)
        {
            var unit = organisers[random.Next(organisers.Count)];
            teams[t] = (TeamId.New(), unit);
            Add(VolunteerTeam.StreamOf(teams[t].Id), 1, new TeamFormed(teams[t].Id, unit, categories[t % categories.Length], $"Team {t}", Year.Start, at));
        }

        var volunteers = new VolunteerId[Volunteers];
        for (var v = 0; v < volunteers.Length; v++) volunteers[v] = VolunteerId.New();

        _volunteerOf = new int[ActivityCount * PerActivity];
        _minutesOf = new int[ActivityCount * PerActivity];
        _beneficiariesOf = new int[ActivityCount];
        _stamps = new int[Volunteers];
        var leader = VolunteerId.New();
        for (var a = 0; a < ActivityCount; a++)
        {
            var id = ActivityId.New();
            var stream = Activity.StreamFor(id);
            var start = Year.Start.PlusDays(random.Next(365)).At(new LocalTime(9, 0));
            TeamId? team = random.Next(2) == 0 ? teams[random.Next(teams.Length)].Id : null;
            var unit = organisers[random.Next(organisers.Count)];
            var kind = random.Next(6) == 0 ? ActivityKind.DoorToDoorService : ActivityKind.Event;
            Add(stream, 1, new ActivityPlanned(id, "Activity", categories[random.Next(categories.Length)], unit, team, leader, "Hunan Road",
                start, start.PlusHours(8), "Asia/Shanghai", PerActivity, kind, true, at));
            var served = random.Next(1, 80);
            _beneficiariesOf[a] = served;
            Add(stream, 2, new BeneficiariesRecorded(served, at));
            var version = 2L;
            for (var p = 0; p < PerActivity; p++)
            {
                var slot = (a * PerActivity) + p;
                var v = random.Next(Volunteers);
                var minutes = random.Next(30, 481);
                var participation = ParticipationId.New();
                Add(stream, ++version, new ParticipationVerified(participation, volunteers[v], TimeCredit.FromMinutes(minutes), TimeCredit.FromMinutes(minutes), TimeCredit.Zero, at));
                if (slot % 100 == 0)
                {
                    var corrected = minutes + 15;
                    Add(stream, ++version, new CorrectionAccepted(participation, 1, TimeCredit.FromMinutes(corrected), TimeCredit.FromMinutes(minutes), "checked", true, TimeCredit.FromMinutes(corrected), TimeCredit.Zero, at));
                    minutes = corrected;
                }

                _volunteerOf[slot] = v;
                _minutesOf[slot] = minutes;
            }
        }

        _records = [.. records];
        _folded = Fold();

        // The projection and the bare loop must agree before anything is measured.
        var bare = BareSum();
        var report = _folded.Query(_centre, Year);
        if (report.Totals.CreditedTime.Minutes + report.Totals.Beneficiaries + report.Totals.DistinctVolunteers != bare
            || report.Totals.Participations != ActivityCount * PerActivity || report.Totals.Activities != ActivityCount || report.UnitsIncluded != 311)
        {
            throw new InvalidOperationException($"The projection ({report.Totals}, {report.UnitsIncluded} units) disagrees with the bare sum {bare}.");
        }
    }

    /// <summary>Bare baseline: one pass over plain arrays summing the centre's year figures (minutes credited, people
    /// served, distinct volunteers by a stamp array). No events, streams, buckets, units or dates.</summary>
    [Benchmark(Baseline = true)]
    public long BareSum()
    {
        long minutes = 0, served = 0, distinct = 0;
        var stamp = Environment.TickCount | 1;
        var stamps = _stamps;
        Array.Clear(stamps);
        for (var i = 0; i < _minutesOf.Length; i++)
        {
            minutes += _minutesOf[i];
            ref var seen = ref stamps[_volunteerOf[i]];
            if (seen == stamp) continue;
            seen = stamp;
            distinct++;
        }

        for (var i = 0; i < _beneficiariesOf.Length; i++) served += _beneficiariesOf[i];
        return minutes + served + distinct;
    }

    /// <summary>Folding the year's 2,220,811 records into a new projection (what a host does once at start-up; later
    /// records are folded as they arrive).</summary>
    [Benchmark]
    public ActivityStatistics FoldYear() => Fold();

    /// <summary>The district centre's year report: all 311 units, 100,000 activities, 2,000,000 participations, with
    /// the category and team breakdowns, registered volunteers, teams and coverage.</summary>
    [Benchmark]
    public StatisticsReport QueryCentreYear() => _folded.Query(_centre, Year);

    /// <summary>One station's year report (the station and its 2 points: about 1,000 activities).</summary>
    [Benchmark]
    public StatisticsReport QueryStationYear() => _folded.Query(_station, Year);

    private ActivityStatistics Fold()
    {
        var statistics = new ActivityStatistics();
        foreach (var record in _records) statistics.Apply(record);
        return statistics;
    }
}

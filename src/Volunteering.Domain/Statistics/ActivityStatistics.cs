using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Statistics;

/// <summary>
/// District statistics computed incrementally: a projection that folds stored records as they arrive (activity,
/// volunteer, unit and team events; everything else is skipped) into running figures per (organising unit, day,
/// category, team), so a report sums only the cells of the units and days asked for and merges distinct-volunteer
/// sets only for them. Nothing is recomputed from the records at query time.
/// </summary>
/// <remarks>
/// <para><b>What is counted.</b> Only activities that are volunteer service
/// (<see cref="ActivityDetails.IsVolunteerService"/>) count in any figure. An activity belongs to its organising unit,
/// its category and its team (if any) and to the local date of its start, in its own time zone.</para>
/// <list type="bullet">
/// <item><description><b>Activities</b>: planned and not cancelled (a cancellation takes the activity, its door-to-door
/// count and its people served back out).</description></item>
/// <item><description><b>Participations</b> (志愿服务人次) and <b>distinct volunteers</b>: verified participations
/// (<see cref="ParticipationVerified"/>); sign-ups and check-ins that were never verified are not service on
/// record.</description></item>
/// <item><description><b>Hours credited</b>: the credited time of each verified participation; an accepted correction of
/// a verified participation adds its net change (new minus previous credited time), matching the ledger's reversal and
/// new credit. A correction accepted before verification changes nothing here until the verification, which carries
/// the corrected time.</description></item>
/// <item><description><b>People served</b> (服务人次): the count the organiser last recorded for the activity (a new
/// count replaces the old one by its difference).</description></item>
/// <item><description><b>Door-to-door services</b> (入户服务): activities of kind
/// <see cref="ActivityKind.DoorToDoorService"/>; each such activity is one service.</description></item>
/// <item><description><b>Registered volunteers</b>: <see cref="VolunteerRegistered"/> on or before the period's last
/// day, not left (<see cref="VolunteerLeft"/>) by then; suspended and erased volunteers stay registered. A volunteer is
/// attributed to the unit that entered the registration; self-registrations belong to no unit and are counted for
/// every centre (a unit whose level is <see cref="UnitLevel.Centre"/>).</description></item>
/// <item><description><b>Teams</b> and <b>station coverage</b>: from the organisation chart the projection keeps from
/// unit and team events, as of the period's last day.</description></item>
/// </list>
/// <para><b>Units below.</b> A report on a unit includes, by default, every unit below it <i>as of the period's last
/// day</i>: each unit the chart knows whose chain of parents recorded for that day reaches the unit, including units
/// closed during the period (a station closed in June keeps its first half-year in its institute's and centre's
/// totals). Activities dated in the period are attributed by that one hierarchy: a unit that moved during the period
/// counts wholly under its parent at the end. Using one date keeps a unit's roll-up equal to its own activities plus
/// the roll-ups of its children on that date. Units the chart does not know count only when reported on directly.</para>
/// <para><b>Incremental.</b> <see cref="Apply"/> folds one record and remembers its <see cref="Position"/>;
/// <see cref="ApplyAsync"/> reads a store from the remembered position on, so calling it again after new records were
/// appended folds only those. Records at or below the remembered position are skipped, so replaying a range twice does
/// not count it twice. Records must be folded in store order (each activity's events in stream order).</para>
/// <para>Not thread-safe: fold and query from one thread at a time (queries reuse working buffers, so that a query's
/// cost is summing the cells it selects, not allocating for them).</para>
/// </remarks>
public sealed class ActivityStatistics
{
    private readonly Dictionary<StreamName, ActivityCell> _activities = [];
    private readonly Dictionary<UnitId, UnitCells> _units = [];
    private readonly Dictionary<VolunteerId, int> _volunteerIndex = [];
    private readonly Dictionary<VolunteerId, Registration> _registrations = [];
    private readonly Dictionary<StreamName, List<PracticeUnitEvent>> _unitEvents = [];
    private readonly Dictionary<StreamName, List<VolunteerTeamEvent>> _teamEvents = [];
    private readonly Dictionary<TeamId, ServiceCategory> _teamCategories = [];
    private readonly List<StatisticsBucket> _matching = [];
    private readonly Dictionary<ServiceCategory, List<StatisticsBucket>> _categoryRows = [];
    private readonly Dictionary<TeamId, List<StatisticsBucket>> _teamRows = [];
    private int[] _stamps = [];
    private int _stamp;
    private OrganisationChart? _chart;
    private StreamName _lastStream;
    private ActivityCell? _lastActivity;

    /// <summary>The global position of the newest record folded; 0 before any.</summary>
    public long Position { get; private set; }

    /// <summary>The number of volunteer-service activities folded (cancelled ones included).</summary>
    public int ActivityCount => _activities.Count(a => a.Value.Counts);

    /// <summary>The organisation chart built from the unit and team events folded so far (rebuilt after new ones).</summary>
    public OrganisationChart Chart
    {
        get
        {
            _chart ??= new OrganisationChart(
                _unitEvents.Values.Select(PracticeUnit.Replay),
                _teamEvents.Values.Select(VolunteerTeam.Replay));
            return _chart;
        }
    }

    /// <summary>Folds every record of <paramref name="store"/> after <see cref="Position"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the read; the records folded before it stay folded.</param>
    /// <returns>How many records were read.</returns>
    public async ValueTask<long> ApplyAsync(IRecordStore store, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        long read = 0;
        await foreach (var record in store.ReadAllAsync(Position, cancellationToken).ConfigureAwait(false))
        {
            Apply(record);
            read++;
        }

        return read;
    }

    /// <summary>Folds one stored record: activity, volunteer, unit and team events update the figures; other payloads
    /// (ledger entries, certificates, ...) are skipped. A record at or below <see cref="Position"/> is ignored.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidDataException">An activity event arrives before its stream's
    /// <see cref="ActivityPlanned"/>.</exception>
    public void Apply(StoredRecord record)
    {
        Guard.Against.Null(record);
        if (record.Position <= Position) return;
        Position = record.Position;
        switch (record.Payload)
        {
            case ActivityEvent e:
                ApplyActivity(record.Stream, e);
                break;
            case VolunteerRegistered r:
                _registrations[r.VolunteerId] = new Registration(r.EnteredBy, r.RegisteredOn, null);
                break;
            case VolunteerLeft l when _registrations.TryGetValue(l.VolunteerId, out var registration):
                _registrations[l.VolunteerId] = registration with { LeftOn = l.EffectiveFrom };
                break;
            case PracticeUnitEvent u:
                if (!_unitEvents.TryGetValue(record.Stream, out var units)) _unitEvents.Add(record.Stream, units = []);
                units.Add(u);
                _chart = null;
                break;
            case VolunteerTeamEvent t:
                if (!_teamEvents.TryGetValue(record.Stream, out var teams)) _teamEvents.Add(record.Stream, teams = []);
                teams.Add(t);
                if (t is TeamFormed formed) _teamCategories[formed.TeamId] = formed.Category;
                _chart = null;
                break;
        }
    }

    /// <summary>A unit's statistics for a period.</summary>
    /// <param name="unit">The unit; not empty.</param>
    /// <param name="period">The days (both ends included).</param>
    /// <param name="includeUnitsBelow">True (the default) to include every unit below <paramref name="unit"/> as of the
    /// period's last day; false for the unit's own activities only.</param>
    /// <param name="category">Only activities (and teams) of this category; null for all.</param>
    /// <param name="team">Only activities organised by this team; null for all.</param>
    /// <returns>The report; all zero for a unit with nothing on record.</returns>
    /// <exception cref="ArgumentException"><paramref name="unit"/> or <paramref name="team"/> is empty, or
    /// <paramref name="category"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public StatisticsReport Query(UnitId unit, DateInterval period, bool includeUnitsBelow = true, ServiceCategory? category = null, TeamId? team = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, unit, "The unit id must not be empty.", nameof(unit));
        Guard.Against.Null(period);
        if (category is { IsEmpty: true }) throw new ArgumentException("The category filter must not be the default value.", nameof(category));
        if (team is { IsEmpty: true }) throw new ArgumentException("The team filter must not be the default value.", nameof(team));

        var asOf = period.End;
        var chart = Chart;
        var scope = Scope(chart, unit, asOf, includeUnitsBelow);

        var matching = _matching;
        matching.Clear();
        foreach (var rows in _categoryRows.Values) rows.Clear();
        foreach (var rows in _teamRows.Values) rows.Clear();
        foreach (var u in scope)
        {
            if (!_units.TryGetValue(u, out var cells)) continue;
            foreach (var b in cells.Buckets)
            {
                if (b.Day < period.Start || b.Day > period.End) continue;
                if (category is { } c && b.Category != c) continue;
                if (team is { } t && b.Team != t) continue;
                matching.Add(b);
                if (!_categoryRows.TryGetValue(b.Category, out var byCategoryRows)) _categoryRows.Add(b.Category, byCategoryRows = []);
                byCategoryRows.Add(b);
                if (!_teamRows.TryGetValue(b.Team, out var byTeamRows)) _teamRows.Add(b.Team, byTeamRows = []);
                byTeamRows.Add(b);
            }
        }

        var totals = Sum(matching);
        var byCategory = new List<CategoryStatistics>();
        foreach (var (key, rows) in _categoryRows.OrderBy(r => r.Key))
        {
            if (rows.Count == 0) continue;
            var row = Sum(rows);
            if (row.Activities != 0 || row.Participations != 0) byCategory.Add(new CategoryStatistics(key, row));
        }

        var byTeam = new List<TeamStatistics>();
        foreach (var (key, rows) in _teamRows.OrderBy(r => r.Key))
        {
            if (rows.Count == 0) continue;
            var row = Sum(rows);
            if (row.Activities != 0 || row.Participations != 0) byTeam.Add(new TeamStatistics(key.IsEmpty ? null : key, row));
        }

        matching.Clear();
        return new StatisticsReport(
            unit,
            period,
            includeUnitsBelow,
            scope.Count,
            category,
            team,
            totals,
            byCategory,
            byTeam,
            RegisteredVolunteers(chart, unit, scope, asOf),
            Teams(chart, scope, asOf, category, team),
            chart.CoverageOn(unit, asOf));
    }

    private void ApplyActivity(StreamName stream, ActivityEvent e)
    {
        ActivityCell? cell;
        if (_lastActivity is not null && stream == _lastStream)
        {
            cell = _lastActivity;
        }
        else if (!_activities.TryGetValue(stream, out cell))
        {
            if (e is not ActivityPlanned planned) throw new InvalidDataException($"{stream} holds a {e.GetType().Name} before its {nameof(ActivityPlanned)}.");
            cell = Plan(planned);
            _activities.Add(stream, cell);
            _lastStream = stream;
            _lastActivity = cell;
            return;
        }

        _lastStream = stream;
        _lastActivity = cell;
        if (!cell.Counts) return;
        var bucket = cell.Bucket!;
        switch (e)
        {
            case ParticipationVerified v:
                bucket.Participations++;
                bucket.Minutes += v.CreditedTime.Minutes;
                bucket.Volunteers.Add(IndexOf(v.Volunteer));
                break;
            case CorrectionAccepted c when c.Recredited:
                bucket.Minutes += c.CreditedTime.Minutes - c.PreviousCreditedTime.Minutes;
                break;
            case BeneficiariesRecorded b:
                if (!cell.Cancelled) bucket.Beneficiaries += b.Count - cell.Beneficiaries;
                cell.Beneficiaries = b.Count;
                break;
            case ActivityCancelled when !cell.Cancelled:
                cell.Cancelled = true;
                bucket.Activities--;
                if (cell.DoorToDoor) bucket.DoorToDoor--;
                bucket.Beneficiaries -= cell.Beneficiaries;
                break;
        }
    }

    private ActivityCell Plan(ActivityPlanned planned)
    {
        if (!planned.IsVolunteerService) return new ActivityCell(null, false);
        if (!_units.TryGetValue(planned.Unit, out var cells)) _units.Add(planned.Unit, cells = new UnitCells());
        var key = new BucketKey(planned.Start.Date, planned.Category, planned.Team ?? default);
        if (!cells.Index.TryGetValue(key, out var bucket))
        {
            bucket = new StatisticsBucket(key.Day, key.Category, key.Team);
            cells.Index.Add(key, bucket);
            cells.Buckets.Add(bucket);
        }

        var doorToDoor = planned.Kind == ActivityKind.DoorToDoorService;
        bucket.Activities++;
        if (doorToDoor) bucket.DoorToDoor++;
        return new ActivityCell(bucket, doorToDoor);
    }

    private int IndexOf(VolunteerId volunteer)
    {
        if (!_volunteerIndex.TryGetValue(volunteer, out var index))
        {
            index = _volunteerIndex.Count;
            _volunteerIndex.Add(volunteer, index);
        }

        return index;
    }

    /// <summary>Adds up buckets; distinct volunteers by stamping each volunteer's slot with a number new to this sum,
    /// in an array kept between queries (so a query allocates no per-volunteer memory).</summary>
    private StatisticsTotals Sum(List<StatisticsBucket> buckets)
    {
        if (_stamps.Length < _volunteerIndex.Count) _stamps = new int[Math.Max(_volunteerIndex.Count, _stamps.Length * 2)];
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 0;
        }

        var stamp = ++_stamp;
        var stamps = _stamps;
        long activities = 0, participations = 0, distinct = 0, minutes = 0, beneficiaries = 0, doorToDoor = 0;
        foreach (var b in buckets)
        {
            activities += b.Activities;
            participations += b.Participations;
            minutes += b.Minutes;
            beneficiaries += b.Beneficiaries;
            doorToDoor += b.DoorToDoor;
            foreach (var v in b.Volunteers)
            {
                ref var seen = ref stamps[v];
                if (seen == stamp) continue;
                seen = stamp;
                distinct++;
            }
        }

        return new StatisticsTotals(activities, participations, distinct, TimeCredit.FromMinutes(minutes), beneficiaries, doorToDoor);
    }

    /// <summary>The unit and (optionally) every unit whose parents recorded for <paramref name="asOf"/> lead to it.</summary>
    private static HashSet<UnitId> Scope(OrganisationChart chart, UnitId unit, LocalDate asOf, bool includeUnitsBelow)
    {
        var scope = new HashSet<UnitId> { unit };
        if (!includeUnitsBelow) return scope;
        var limit = chart.Units.Count;
        foreach (var candidate in chart.Units)
        {
            if (candidate == unit) continue;
            var current = chart.ParentOn(candidate, asOf);
            for (var steps = 0; current is { } parent && steps <= limit; steps++)
            {
                if (parent == unit)
                {
                    scope.Add(candidate);
                    break;
                }

                current = chart.ParentOn(parent, asOf);
            }
        }

        return scope;
    }

    private long RegisteredVolunteers(OrganisationChart chart, UnitId unit, HashSet<UnitId> scope, LocalDate asOf)
    {
        var includesSelf = chart.LevelOf(unit) == UnitLevel.Centre;
        long count = 0;
        foreach (var r in _registrations.Values)
        {
            if (r.RegisteredOn > asOf || (r.LeftOn is { } left && left <= asOf)) continue;
            if (r.EnteredBy is { } by ? scope.Contains(by) : includesSelf) count++;
        }

        return count;
    }

    private int Teams(OrganisationChart chart, HashSet<UnitId> scope, LocalDate asOf, ServiceCategory? category, TeamId? team)
    {
        var count = 0;
        foreach (var u in scope)
        {
            foreach (var t in chart.TeamsOn(u, asOf))
            {
                if (team is { } only && t != only) continue;
                if (category is { } c && (!_teamCategories.TryGetValue(t, out var tc) || tc != c)) continue;
                count++;
            }
        }

        return count;
    }

    private readonly record struct BucketKey(LocalDate Day, ServiceCategory Category, TeamId Team);

    private sealed record Registration(UnitId? EnteredBy, LocalDate RegisteredOn, LocalDate? LeftOn);

    private sealed class UnitCells
    {
        public readonly Dictionary<BucketKey, StatisticsBucket> Index = [];
        public readonly List<StatisticsBucket> Buckets = [];
    }

    private sealed class ActivityCell(StatisticsBucket? bucket, bool doorToDoor)
    {
        public StatisticsBucket? Bucket { get; } = bucket;

        public bool DoorToDoor { get; } = doorToDoor;

        /// <summary>False for an activity that is not volunteer service: none of its events count.</summary>
        public bool Counts => Bucket is not null;

        public bool Cancelled { get; set; }

        public int Beneficiaries { get; set; }
    }
}

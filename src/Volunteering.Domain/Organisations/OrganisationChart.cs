using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Organisations;

/// <summary>
/// A read model of a district's organisation: practice units and teams, answering — as of any date — a unit's
/// children and descendants, its path to the centre, its teams, and station coverage of its communities.
/// </summary>
/// <remarks>
/// <para>The chart keeps its own copies, replayed from the histories it was built from; later changes to those
/// aggregates do not show until a new chart is built. Build it from loaded aggregates or from a whole store
/// (<see cref="LoadAsync"/>).</para>
/// <para>"On a date" follows each unit's effective dates: a unit is on the chart from its founding day, open until the
/// day before its closure, and under the parent recorded for that date. Children and descendants are the units open
/// on the date; a closed unit's open children stay in its subtree (the hierarchy follows the recorded parents). Ids
/// the chart does not know give empty answers. Immutable after construction, so safe to share between threads.</para>
/// </remarks>
public sealed class OrganisationChart
{
    private readonly Dictionary<UnitId, PracticeUnit> _units = [];
    private readonly Dictionary<TeamId, VolunteerTeam> _teams = [];

    /// <summary>Builds a chart from units and teams.</summary>
    /// <param name="units">The units (each founded; no id twice).</param>
    /// <param name="teams">The teams (each formed; no id twice), or null for none.</param>
    /// <exception cref="ArgumentException">A unit or team is not founded, or an id repeats.</exception>
    public OrganisationChart(IEnumerable<PracticeUnit> units, IEnumerable<VolunteerTeam>? teams = null)
    {
        Guard.Against.Null(units);
        foreach (var unit in units)
        {
            Guard.Against.Null(unit, nameof(units));
            if (unit.Version == 0) throw new ArgumentException("A unit on the chart must be founded.", nameof(units));
            if (!_units.TryAdd(unit.Id, PracticeUnit.Replay(unit.History))) throw new ArgumentException($"Unit {unit.Id} is given twice.", nameof(units));
        }

        foreach (var team in teams ?? [])
        {
            Guard.Against.Null(team, nameof(teams));
            if (team.Version == 0) throw new ArgumentException("A team on the chart must be formed.", nameof(teams));
            if (!_teams.TryAdd(team.Id, VolunteerTeam.Replay(team.History))) throw new ArgumentException($"Team {team.Id} is given twice.", nameof(teams));
        }
    }

    /// <summary>Builds a chart from every unit and team event in a store (one pass over all records).</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async ValueTask<OrganisationChart> LoadAsync(IRecordStore store, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        var units = new Dictionary<StreamName, List<PracticeUnitEvent>>();
        var teams = new Dictionary<StreamName, List<VolunteerTeamEvent>>();
        await foreach (var record in store.ReadAllAsync(0, cancellationToken).ConfigureAwait(false))
        {
            switch (record.Payload)
            {
                case PracticeUnitEvent u:
                    if (!units.TryGetValue(record.Stream, out var ul)) units.Add(record.Stream, ul = []);
                    ul.Add(u);
                    break;
                case VolunteerTeamEvent t:
                    if (!teams.TryGetValue(record.Stream, out var tl)) teams.Add(record.Stream, tl = []);
                    tl.Add(t);
                    break;
            }
        }

        return new OrganisationChart(
            units.Values.Select(PracticeUnit.Replay),
            teams.Values.Select(VolunteerTeam.Replay));
    }

    /// <summary>The ids of every unit on the chart.</summary>
    public IReadOnlyCollection<UnitId> Units => _units.Keys;

    /// <summary>The ids of every team on the chart.</summary>
    public IReadOnlyCollection<TeamId> Teams => _teams.Keys;

    /// <summary>True when the chart knows the unit.</summary>
    /// <param name="unit">The unit.</param>
    public bool Contains(UnitId unit) => _units.ContainsKey(unit);

    /// <summary>The unit's level, or null for an unknown unit.</summary>
    /// <param name="unit">The unit.</param>
    public UnitLevel? LevelOf(UnitId unit) => _units.TryGetValue(unit, out var u) ? u.Level : null;

    /// <summary>The unit's name on a date, or null when unknown or not yet founded.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    public string? NameOn(UnitId unit, LocalDate date) => _units.TryGetValue(unit, out var u) ? u.NameOn(date) : null;

    /// <summary>True when the unit is known and open on the date.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    public bool IsOpenOn(UnitId unit, LocalDate date) => _units.TryGetValue(unit, out var u) && u.IsOpenOn(date);

    /// <summary>The unit's parent on a date, or null (a centre, unknown, or not yet founded).</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    public UnitId? ParentOn(UnitId unit, LocalDate date) => _units.TryGetValue(unit, out var u) ? u.ParentOn(date) : null;

    /// <summary>The units open on a date whose parent on that date is <paramref name="unit"/>, ordered by level, then
    /// name, then id.</summary>
    /// <param name="unit">The parent.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<UnitId> ChildrenOn(UnitId unit, LocalDate date)
        => Order(_units.Values.Where(u => u.IsOpenOn(date) && u.ParentOn(date) == unit), date);

    /// <summary>Every unit open on a date below <paramref name="unit"/> (children, their children, ...), following the
    /// parents recorded for that date; ordered by level, then name, then id. The unit itself is not included.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<UnitId> DescendantsOn(UnitId unit, LocalDate date)
    {
        var below = new List<PracticeUnit>();
        foreach (var candidate in _units.Values)
        {
            if (candidate.Id != unit && candidate.IsOpenOn(date) && IsBelow(candidate, unit, date)) below.Add(candidate);
        }

        return Order(below, date);
    }

    /// <summary>The path from a unit up to the top of its hierarchy on a date, the unit first and (for a complete
    /// hierarchy) the centre last. Empty for a unit that is unknown or not founded by the date. Parents the chart
    /// does not know end the path.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    public IReadOnlyList<UnitId> PathToCentreOn(UnitId unit, LocalDate date)
    {
        var path = new List<UnitId>();
        var current = unit;
        while (_units.TryGetValue(current, out var u) && u.ExistsOn(date) && !path.Contains(current))
        {
            path.Add(current);
            if (u.ParentOn(date) is not { } parent) break;
            current = parent;
        }

        return path;
    }

    /// <summary>Teams active on a date that belong to a unit, and with <paramref name="includeDescendants"/> also to
    /// every unit below it on that date; ordered by brand name, then id.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="date">The date.</param>
    /// <param name="includeDescendants">True to include teams of the units below.</param>
    public IReadOnlyList<TeamId> TeamsOn(UnitId unit, LocalDate date, bool includeDescendants = false)
    {
        var units = new HashSet<UnitId> { unit };
        if (includeDescendants) units.UnionWith(DescendantsOn(unit, date));
        return [.. _teams.Values
            .Where(t => t.IsActiveOn(date) && units.Contains(t.Unit))
            .OrderBy(t => t.BrandName, StringComparer.Ordinal)
            .ThenBy(t => t.Id)
            .Select(t => t.Id)];
    }

    /// <summary>Station coverage of a unit's communities on a date: the share of the communities the unit covers
    /// (for a district centre, the district's communities) that are served by a station open on the date, or by a
    /// point open on the date whose parent on that date is an open station, where the station or point is the unit
    /// itself or below it on that date. Institutes and centres serve nothing themselves. An unknown unit, or one not yet
    /// founded gives an empty report (share 0).</summary>
    /// <param name="unit">The unit, normally a centre.</param>
    /// <param name="date">The date.</param>
    public CoverageReport CoverageOn(UnitId unit, LocalDate date)
    {
        if (!_units.TryGetValue(unit, out var top) || !top.ExistsOn(date)) return new CoverageReport(unit, date, [], []);
        var wanted = top.CommunitiesOn(date);
        var served = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in _units.Values)
        {
            if (!Serves(candidate, date)) continue;
            if (candidate.Id != unit && !IsBelow(candidate, unit, date)) continue;
            served.UnionWith(candidate.CommunitiesOn(date));
        }

        return new CoverageReport(unit, date, wanted, [.. wanted.Where(served.Contains)]);
    }

    private bool Serves(PracticeUnit unit, LocalDate date)
    {
        if (!unit.IsOpenOn(date)) return false;
        return unit.Level switch
        {
            UnitLevel.Station => true,
            UnitLevel.Point => unit.ParentOn(date) is { } parent
                && _units.TryGetValue(parent, out var station)
                && station.Level == UnitLevel.Station
                && station.IsOpenOn(date),
            _ => false,
        };
    }

    private bool IsBelow(PracticeUnit unit, UnitId ancestor, LocalDate date)
    {
        var seen = 0;
        var current = unit.ParentOn(date);
        while (current is { } id && seen++ <= _units.Count)
        {
            if (id == ancestor) return true;
            current = _units.TryGetValue(id, out var u) ? u.ParentOn(date) : null;
        }

        return false;
    }

    private static List<UnitId> Order(IEnumerable<PracticeUnit> units, LocalDate date)
        => [.. units.OrderBy(u => u.Level).ThenBy(u => u.NameOn(date), StringComparer.Ordinal).ThenBy(u => u.Id).Select(u => u.Id)];
}

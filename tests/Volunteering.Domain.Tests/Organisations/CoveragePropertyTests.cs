using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Organisations.OrgKit;

namespace Volunteering.Domain.Tests.Organisations;

/// <summary>Random hierarchies — two centres, institutes, stations and points founded, moved and closed on random
/// days — checked against a brute-force count over a plain model of what was accepted: coverage lies in [0, 1] and
/// equals the count; the chart loaded back from a store answers the same.</summary>
public class CoveragePropertyTests
{
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(HierarchyArbitraries) })]
    public void Coverage_is_a_share_and_equals_a_brute_force_count(HierarchyScript script)
    {
        var run = HierarchyRun.Execute(script);
        var centre = run.Units[0];
        var report = run.Chart.CoverageOn(centre.Unit.Id, Day(script.QueryDay));

        Assert.InRange(report.Share, 0.0, 1.0);
        Assert.Equal(run.BruteForceCovered(script.QueryDay), report.Covered);
        Assert.Equal(Communities(script.CentreMask), report.Communities);
        Assert.Equal(report.Total == 0 ? 0 : (double)report.CoveredCount / report.Total, report.Share);

        var loaded = LoadChart(run);
        Assert.Equal(report.Covered, loaded.CoverageOn(centre.Unit.Id, Day(script.QueryDay)).Covered);
        Assert.Equal(run.Chart.DescendantsOn(centre.Unit.Id, Day(script.QueryDay)), loaded.DescendantsOn(centre.Unit.Id, Day(script.QueryDay)));
    }

    internal static string[] Communities(int mask) => [.. Enumerable.Range(0, 10).Where(i => (mask & (1 << i)) != 0).Select(i => $"c{i}")];

    private static OrganisationChart LoadChart(HierarchyRun run)
    {
        var store = new InMemoryRecordStore();
        var repository = PracticeUnit.Repository(store);
        foreach (var unit in run.Units)
        {
            if (!repository.SaveAsync(unit.Unit).AsTask().GetAwaiter().GetResult().IsAppended) throw new InvalidOperationException("Save failed.");
        }

        return OrganisationChart.LoadAsync(store).AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>One unit below the centres: its parent (an index into the previous level), founding day, communities
/// (a bit mask over c0..c9), an optional move (day, new parent index) and an optional closing day.</summary>
public sealed record UnitPlan(int Parent, int FoundedDay, int Mask, int? MoveDay, int MoveTo, int? CloseDay);

/// <summary>Two centres' communities, three institutes, some stations and points, and the day to query.</summary>
public sealed record HierarchyScript(int CentreMask, UnitPlan[] Institutes, UnitPlan[] Stations, UnitPlan[] Points, int QueryDay)
{
    public override string ToString()
        => $"centre {CentreMask:x}; institutes [{string.Join("; ", Institutes.Select(p => p.ToString()))}]; stations [{string.Join("; ", Stations.Select(p => p.ToString()))}]; points [{string.Join("; ", Points.Select(p => p.ToString()))}]; query day {QueryDay}";
}

public static class HierarchyArbitraries
{
    private static Gen<UnitPlan> Plan(int parents) =>
        from parent in Gen.Choose(0, parents - 1)
        from founded in Gen.Choose(0, 10)
        from mask in Gen.Choose(0, 1023)
        from moves in Gen.Elements(true, false)
        from moveDay in Gen.Choose(0, 20)
        from moveTo in Gen.Choose(0, parents - 1)
        from closes in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from closeDay in Gen.Choose(0, 25)
        select new UnitPlan(parent, founded, mask, moves ? moveDay : null, moveTo, closes ? closeDay : null);

    private static readonly Gen<HierarchyScript> ScriptGen =
        from centreMask in Gen.Choose(0, 1023)
        from institutes in Gen.ArrayOf(Plan(2), 3)
        from stationCount in Gen.Choose(0, 7)
        from stations in Gen.ArrayOf(Plan(3), stationCount)
        from pointCount in Gen.Choose(0, 7)
        from points in Gen.ArrayOf(Plan(Math.Max(1, stationCount)), pointCount)
        from query in Gen.Choose(0, 25)
        select new HierarchyScript(centreMask, institutes, stations, stationCount == 0 ? [] : points, query);

    public static Arbitrary<HierarchyScript> Script() => Arb.From(ScriptGen);
}

/// <summary>A unit as the model keeps it: what was accepted, in plain data.</summary>
internal sealed class ModelUnit(PracticeUnit unit, UnitLevel level, int founded, int mask)
{
    public PracticeUnit Unit { get; } = unit;

    public UnitLevel Level { get; } = level;

    public int Founded { get; } = founded;

    public int Mask { get; } = mask;

    public List<(int Day, ModelUnit? Parent)> Parents { get; } = [];

    public int? Closed { get; set; }

    public bool OpenOn(int day) => Founded <= day && (Closed is null || day < Closed);

    public ModelUnit? ParentOn(int day) => Parents.LastOrDefault(p => p.Day <= day).Parent;
}

/// <summary>Executes a script on real aggregates, recording in the model only what they accepted.</summary>
internal sealed class HierarchyRun
{
    public List<ModelUnit> Units { get; } = [];

    public OrganisationChart Chart { get; private set; } = null!;

    public static HierarchyRun Execute(HierarchyScript script)
    {
        var run = new HierarchyRun();
        var centres = new[] { run.Add(UnitLevel.Centre, null, 0, script.CentreMask)!, run.Add(UnitLevel.Centre, null, 0, 1023 - script.CentreMask)! };
        var institutes = script.Institutes.Select(p => run.Add(UnitLevel.Institute, centres[p.Parent], p.FoundedDay, p.Mask)).ToArray();
        var stations = script.Stations.Select(p => run.Add(UnitLevel.Station, institutes[p.Parent], p.FoundedDay, p.Mask)).ToArray();
        var points = script.Points.Select(p => run.Add(UnitLevel.Point, stations[p.Parent], p.FoundedDay, p.Mask)).ToArray();
        Change(institutes, script.Institutes, centres);
        Change(stations, script.Stations, institutes);
        Change(points, script.Points, stations);
        run.Chart = new OrganisationChart(run.Units.Select(u => u.Unit));
        return run;
    }

    /// <summary>The communities of the first centre served on a day, counted from the model alone.</summary>
    public IReadOnlyList<string> BruteForceCovered(int day)
    {
        var centre = Units[0];
        var covered = new List<string>();
        foreach (var community in Enumerable.Range(0, 10).Where(i => (centre.Mask & (1 << i)) != 0))
        {
            var served = Units.Any(u => (u.Mask & (1 << community)) != 0 && Serves(u, day) && TopOf(u, day) == centre);
            if (served) covered.Add($"c{community}");
        }

        return covered;
    }

    private static bool Serves(ModelUnit unit, int day)
    {
        if (!unit.OpenOn(day)) return false;
        if (unit.Level == UnitLevel.Station) return true;
        return unit.Level == UnitLevel.Point && unit.ParentOn(day) is { } station && station.OpenOn(day);
    }

    private static ModelUnit? TopOf(ModelUnit unit, int day)
    {
        var current = unit;
        for (var i = 0; i < 4 && current.ParentOn(day) is { } parent; i++) current = parent;
        return current.Level == UnitLevel.Centre ? current : null;
    }

    private ModelUnit? Add(UnitLevel level, ModelUnit? parent, int founded, int mask)
    {
        if (level != UnitLevel.Centre && parent is null) return null;
        var result = PracticeUnit.Found(UnitId.New(), $"{level} {Units.Count}", level, parent?.Unit, CoveragePropertyTests.Communities(mask), Day(founded), At, out var unit);
        if (result != OrganisationResult.Ok)
        {
            Assert.Equal(OrganisationResult.ParentClosed, result);
            return null;
        }

        var model = new ModelUnit(unit!, level, founded, mask);
        model.Parents.Add((founded, parent));
        Units.Add(model);
        return model;
    }

    private static void Change(ModelUnit?[] units, UnitPlan[] plans, ModelUnit?[] parents)
    {
        for (var i = 0; i < units.Length; i++)
        {
            if (units[i] is not { } unit) continue;
            var plan = plans[i];
            if (plan.MoveDay is { } moveDay && parents[plan.MoveTo] is { } target
                && unit.Unit.MoveTo(target.Unit, Day(moveDay), At) == OrganisationResult.Ok)
            {
                unit.Parents.Add((moveDay, target));
            }

            if (plan.CloseDay is { } closeDay && unit.Unit.Close("closed", Day(closeDay), At) == OrganisationResult.Ok)
            {
                unit.Closed = closeDay;
            }
        }
    }
}

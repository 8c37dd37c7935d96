using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Organisations.OrgKit;

namespace Volunteering.Domain.Tests.Organisations;

/// <summary><see cref="OrganisationChart"/>: children, descendants, paths, teams and coverage as of a date.</summary>
public class OrganisationChartTests
{
    [Fact]
    public void Children_and_descendants_follow_moves_and_closures_by_date()
    {
        var (centre, institute, station, point) = Chain();
        var institute2 = Found(UnitLevel.Institute, centre);
        var station2 = Found(UnitLevel.Station, institute, 2);
        station.MoveTo(institute2, Day(10), At);
        station2.Close("merged", Day(12), At);
        var chart = new OrganisationChart([centre, institute, institute2, station, station2, point]);

        Assert.Equal(new[] { institute.Id, institute2.Id }.Order(), chart.ChildrenOn(centre.Id, Day(0)).Order());
        Assert.Equal([station.Id], chart.ChildrenOn(institute.Id, Day(1)));
        Assert.Equal(new[] { station.Id, station2.Id }.Order(), chart.ChildrenOn(institute.Id, Day(2)).Order());
        Assert.Equal([station2.Id], chart.ChildrenOn(institute.Id, Day(10)));
        Assert.Empty(chart.ChildrenOn(institute.Id, Day(12)));
        Assert.Equal([station.Id], chart.ChildrenOn(institute2.Id, Day(10)));

        Assert.Equal([station.Id, point.Id], chart.DescendantsOn(institute2.Id, Day(10)));
        Assert.Empty(chart.DescendantsOn(institute2.Id, Day(9)));
        Assert.Equal(5, chart.DescendantsOn(centre.Id, Day(5)).Count);
        Assert.Equal(4, chart.DescendantsOn(centre.Id, Day(12)).Count);
        Assert.Empty(chart.ChildrenOn(UnitId.New(), Day(5)));
    }

    [Fact]
    public void The_path_to_the_centre_uses_the_parents_on_the_date()
    {
        var (centre, institute, station, point) = Chain();
        var institute2 = Found(UnitLevel.Institute, centre);
        station.MoveTo(institute2, Day(10), At);
        var chart = new OrganisationChart([centre, institute, institute2, station, point]);

        Assert.Equal([point.Id, station.Id, institute.Id, centre.Id], chart.PathToCentreOn(point.Id, Day(9)));
        Assert.Equal([point.Id, station.Id, institute2.Id, centre.Id], chart.PathToCentreOn(point.Id, Day(10)));
        Assert.Equal([centre.Id], chart.PathToCentreOn(centre.Id, Day(10)));
        Assert.Empty(chart.PathToCentreOn(point.Id, Day(-1)));
        Assert.Empty(chart.PathToCentreOn(UnitId.New(), Day(1)));
        Assert.Equal(institute.Id, chart.ParentOn(station.Id, Day(9)));
        Assert.Equal(UnitLevel.Point, chart.LevelOf(point.Id));
    }

    [Fact]
    public void Coverage_counts_open_stations_and_points_under_open_stations()
    {
        // The district has communities A to D. The station covers A, its point B; a point under a closed station
        // covers C; nothing covers D. An institute "covering" D does not count.
        var (centre, institute, station, point) = Chain();
        var closedStation = Found(UnitLevel.Station, institute, 0, "Q");
        var orphanPoint = Found(UnitLevel.Point, closedStation, 0, "C");
        closedStation.Close("merged", Day(5), At);
        institute.Cover(["D"], Day(1), At);
        var chart = new OrganisationChart([centre, institute, station, point, closedStation, orphanPoint]);

        var before = chart.CoverageOn(centre.Id, Day(4));
        Assert.Equal(["A", "B", "C"], before.Covered);
        Assert.Equal(0.75, before.Share);
        var after = chart.CoverageOn(centre.Id, Day(5));
        Assert.Equal(["A", "B"], after.Covered);
        Assert.Equal(["C", "D"], after.Uncovered);
        Assert.Equal((4, 2, 0.5), (after.Total, after.CoveredCount, after.Share));
    }

    [Fact]
    public void Coverage_ignores_stations_under_another_centre_and_is_zero_for_an_empty_or_unknown_unit()
    {
        var (centre, _, _, _) = Chain();
        var otherCentre = Found(UnitLevel.Centre, null);
        var otherInstitute = Found(UnitLevel.Institute, otherCentre);
        var otherStation = Found(UnitLevel.Station, otherInstitute, 0, "C", "D");
        var chart = new OrganisationChart([centre, otherCentre, otherInstitute, otherStation]);

        Assert.Empty(chart.CoverageOn(centre.Id, Day(1)).Covered);
        Assert.Equal(0, chart.CoverageOn(otherCentre.Id, Day(1)).Share);
        Assert.Equal(0, chart.CoverageOn(UnitId.New(), Day(1)).Total);
    }

    [Fact]
    public void Teams_are_listed_for_a_unit_and_its_subtree_while_active()
    {
        var (centre, institute, station, point) = Chain();
        var atStation = Team(station, "B team");
        var atPoint = Team(point, "A team", day: 2);
        var atCentre = Team(centre, "C team");
        atPoint.Disband("done", Day(7), At);
        var chart = new OrganisationChart([centre, institute, station, point], [atStation, atPoint, atCentre]);

        Assert.Equal([atStation.Id], chart.TeamsOn(station.Id, Day(3)));
        Assert.Equal([atPoint.Id, atStation.Id], chart.TeamsOn(institute.Id, Day(3), includeDescendants: true));
        Assert.Equal([atStation.Id, atCentre.Id], chart.TeamsOn(centre.Id, Day(7), includeDescendants: true));
        Assert.Equal([atStation.Id], chart.TeamsOn(station.Id, Day(1), includeDescendants: true));
    }

    [Fact]
    public async Task A_chart_loaded_from_a_store_answers_like_one_built_from_the_aggregates()
    {
        var store = new InMemoryRecordStore();
        var (centre, institute, station, point) = Chain();
        var institute2 = Found(UnitLevel.Institute, centre);
        var team = Team(station);
        team.Join(VolunteerId.New(), TeamRole.Leader, Day(1), At);
        station.MoveTo(institute2, Day(3), At);
        point.Close("gone", Day(4), At);
        var unitRepo = PracticeUnit.Repository(store);
        foreach (var unit in new[] { centre, institute, institute2, station, point }) Assert.True((await unitRepo.SaveAsync(unit)).IsAppended);
        Assert.True((await VolunteerTeam.Repository(store).SaveAsync(team)).IsAppended);

        var built = new OrganisationChart([centre, institute, institute2, station, point], [team]);
        var loaded = await OrganisationChart.LoadAsync(store);

        Assert.Equal(built.Units.Order(), loaded.Units.Order());
        Assert.Equal(built.Teams, loaded.Teams);
        foreach (var day in Enumerable.Range(0, 6).Select(Day))
        {
            Assert.Equal(built.DescendantsOn(centre.Id, day), loaded.DescendantsOn(centre.Id, day));
            Assert.Equal(built.PathToCentreOn(point.Id, day), loaded.PathToCentreOn(point.Id, day));
            Assert.Equal(built.CoverageOn(centre.Id, day).Covered, loaded.CoverageOn(centre.Id, day).Covered);
            Assert.Equal(built.TeamsOn(institute2.Id, day, true), loaded.TeamsOn(institute2.Id, day, true));
        }
    }

    [Fact]
    public void The_chart_keeps_its_own_copies()
    {
        var (centre, institute, station, point) = Chain();
        var chart = new OrganisationChart([centre, institute, station, point]);
        station.Close("later", Day(1), At);
        Assert.True(chart.IsOpenOn(station.Id, Day(2)));
        Assert.Throws<ArgumentException>(() => new OrganisationChart([centre, centre]));
    }
}

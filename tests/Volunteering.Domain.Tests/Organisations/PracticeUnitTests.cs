using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Organisations.OrgKit;

namespace Volunteering.Domain.Tests.Organisations;

/// <summary>Every rule and rejection of <see cref="PracticeUnit"/>, and its persistence.</summary>
public class PracticeUnitTests
{
    [Fact]
    public void A_founded_unit_has_its_fields_normalised_and_the_default_time_zone()
    {
        var result = PracticeUnit.Found(UnitId.New(), "  Gulou Centre ", UnitLevel.Centre, null, ["Hunan Road", " Ninghai Road ", "Hunan Road"], Day0, At, out var centre);

        Assert.Equal(OrganisationResult.Ok, result);
        Assert.Equal("Gulou Centre", centre!.Name);
        Assert.Equal(["Hunan Road", "Ninghai Road"], centre.Communities);
        Assert.Equal("Asia/Shanghai", centre.TimeZone.Id);
        Assert.Null(centre.Parent);
        Assert.Equal(StreamName.For("unit", centre.Id.Value), centre.Stream);
        Assert.Single(centre.UnsavedEvents);
        Assert.True(centre.IsOpenOn(Day0));
        Assert.False(centre.IsOpenOn(Day(-1)));
    }

    [Fact]
    public void A_unit_can_have_another_time_zone()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Urumqi"];
        Assert.Equal(OrganisationResult.Ok, PracticeUnit.Found(UnitId.New(), "Tianshan", UnitLevel.Centre, null, [], Day0, At, out var unit, zone));
        Assert.Equal("Asia/Urumqi", unit!.TimeZone.Id);
    }

    [Fact]
    public void A_centre_with_a_parent_is_refused_as_a_level_mismatch()
    {
        var other = Found(UnitLevel.Centre, null);
        Assert.Equal(OrganisationResult.ParentLevelMismatch, PracticeUnit.Found(UnitId.New(), "C2", UnitLevel.Centre, other, [], Day0, At, out var unit));
        Assert.Null(unit);
    }

    [Theory]
    [InlineData(UnitLevel.Institute)]
    [InlineData(UnitLevel.Station)]
    [InlineData(UnitLevel.Point)]
    public void Every_level_below_the_centre_requires_a_parent(UnitLevel level)
    {
        Assert.Equal(OrganisationResult.ParentRequired, PracticeUnit.Found(UnitId.New(), "Orphan", level, null, [], Day0, At, out var unit));
        Assert.Null(unit);
    }

    [Theory]
    [InlineData(UnitLevel.Station, UnitLevel.Centre)]
    [InlineData(UnitLevel.Point, UnitLevel.Institute)]
    [InlineData(UnitLevel.Institute, UnitLevel.Station)]
    [InlineData(UnitLevel.Station, UnitLevel.Station)]
    public void A_parent_that_is_not_exactly_one_level_up_is_refused(UnitLevel level, UnitLevel parentLevel)
    {
        var (centre, institute, station, _) = Chain();
        var parent = parentLevel switch { UnitLevel.Centre => centre, UnitLevel.Institute => institute, _ => station };
        Assert.Equal(OrganisationResult.ParentLevelMismatch, PracticeUnit.Found(UnitId.New(), "X", level, parent, [], Day0, At, out _));
    }

    [Fact]
    public void A_unit_cannot_be_its_own_parent()
    {
        var (_, institute, _, _) = Chain();
        Assert.Equal(OrganisationResult.WouldCreateCycle, PracticeUnit.Found(institute.Id, "Self", UnitLevel.Station, institute, [], Day0, At, out _));

        var station = Found(UnitLevel.Station, institute);
        Assert.Equal(OrganisationResult.WouldCreateCycle, station.MoveTo(station, Day(1), At));
    }

    [Fact]
    public void A_parent_closed_or_not_yet_founded_on_the_date_is_refused()
    {
        var centre = Found(UnitLevel.Centre, null, day: 5);
        Assert.Equal(OrganisationResult.ParentClosed, PracticeUnit.Found(UnitId.New(), "Early", UnitLevel.Institute, centre, [], Day(4), At, out _));

        Assert.Equal(OrganisationResult.Ok, centre.Close("merged", Day(10), At));
        Assert.Equal(OrganisationResult.ParentClosed, PracticeUnit.Found(UnitId.New(), "Late", UnitLevel.Institute, centre, [], Day(10), At, out _));
        Assert.Equal(OrganisationResult.Ok, PracticeUnit.Found(UnitId.New(), "In time", UnitLevel.Institute, centre, [], Day(9), At, out _));
    }

    [Fact]
    public void Moving_keeps_the_old_parent_for_earlier_dates()
    {
        var (centre, institute, station, _) = Chain();
        var other = Found(UnitLevel.Institute, centre);

        Assert.Equal(OrganisationResult.Ok, station.MoveTo(other, Day(10), At));

        Assert.Equal(institute.Id, station.ParentOn(Day(9)));
        Assert.Equal(other.Id, station.ParentOn(Day(10)));
        Assert.Equal(other.Id, station.Parent);
        Assert.Null(station.ParentOn(Day(-1)));
        Assert.IsType<UnitMoved>(station.History[^1]);
        Assert.Equal(OrganisationResult.AlreadyDone, station.MoveTo(other, Day(11), At));
        Assert.Equal(2, station.Version);
    }

    [Fact]
    public void A_move_to_a_parent_of_the_wrong_level_or_of_a_centre_is_refused()
    {
        var (centre, institute, station, point) = Chain();
        var otherCentre = Found(UnitLevel.Centre, null);
        Assert.Equal(OrganisationResult.ParentLevelMismatch, station.MoveTo(centre, Day(1), At));
        Assert.Equal(OrganisationResult.ParentLevelMismatch, point.MoveTo(institute, Day(1), At));
        Assert.Equal(OrganisationResult.ParentLevelMismatch, centre.MoveTo(otherCentre, Day(1), At));
    }

    [Fact]
    public void A_move_under_a_parent_closed_on_the_date_is_refused()
    {
        var (centre, _, station, _) = Chain();
        var other = Found(UnitLevel.Institute, centre);
        other.Close("dissolved", Day(3), At);
        Assert.Equal(OrganisationResult.ParentClosed, station.MoveTo(other, Day(3), At));
        Assert.Equal(OrganisationResult.Ok, station.MoveTo(other, Day(2), At));
    }

    [Fact]
    public void Changes_dated_before_the_latest_change_are_refused()
    {
        var (centre, _, station, _) = Chain();
        var other = Found(UnitLevel.Institute, centre);
        Assert.Equal(OrganisationResult.Ok, station.Rename("Station 1", Day(5), At));

        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, station.MoveTo(other, Day(4), At));
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, station.Rename("Station 2", Day(4), At));
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, station.Cover(["Z"], Day(4), At));
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, station.Close("gone", Day(4), At));
        Assert.Equal(OrganisationResult.Ok, station.Close("gone", Day(5), At));
    }

    [Fact]
    public void A_closed_unit_takes_no_changes_and_closing_again_is_already_done()
    {
        var (centre, _, station, _) = Chain();
        var other = Found(UnitLevel.Institute, centre);
        Assert.Equal(OrganisationResult.Ok, station.Close("merged into station 2", Day(20), At));

        Assert.Equal(OrganisationResult.UnitClosed, station.MoveTo(other, Day(21), At));
        Assert.Equal(OrganisationResult.UnitClosed, station.Rename("New", Day(21), At));
        Assert.Equal(OrganisationResult.UnitClosed, station.Cover(["Q"], Day(21), At));
        Assert.Equal(OrganisationResult.AlreadyDone, station.Close("again", Day(22), At));
        Assert.True(station.IsOpenOn(Day(19)));
        Assert.False(station.IsOpenOn(Day(20)));
        Assert.True(station.ExistsOn(Day(20)));
        Assert.Equal(Day(20), station.ClosedOn);
    }

    [Fact]
    public void Renaming_and_recovering_keep_history_and_repeats_are_already_done()
    {
        var (_, _, station, _) = Chain();
        var before = station.Name;
        Assert.Equal(OrganisationResult.Ok, station.Rename("Hunan Road Station", Day(3), At));
        Assert.Equal(OrganisationResult.AlreadyDone, station.Rename(" Hunan Road Station ", Day(4), At));
        Assert.Equal(before, station.NameOn(Day(2)));
        Assert.Equal("Hunan Road Station", station.NameOn(Day(3)));
        Assert.Null(station.NameOn(Day(-1)));

        Assert.Equal(OrganisationResult.Ok, station.Cover(["B", "A"], Day(6), At));
        Assert.Equal(OrganisationResult.AlreadyDone, station.Cover(["A", "B", "A"], Day(7), At));
        Assert.Equal(["A"], station.CommunitiesOn(Day(5)));
        Assert.Equal(["A", "B"], station.CommunitiesOn(Day(6)));
        Assert.Empty(station.CommunitiesOn(Day(-1)));
    }

    [Fact]
    public void Programmer_errors_throw()
    {
        Assert.Throws<ArgumentException>(() => PracticeUnit.Found(default, "X", UnitLevel.Centre, null, [], Day0, At, out _));
        Assert.Throws<ArgumentException>(() => PracticeUnit.Found(UnitId.New(), " ", UnitLevel.Centre, null, [], Day0, At, out _));
        Assert.Throws<ArgumentException>(() => PracticeUnit.Found(UnitId.New(), "X", UnitLevel.Centre, null, ["ok", " "], Day0, At, out _));
        Assert.ThrowsAny<ArgumentException>(() => PracticeUnit.Found(UnitId.New(), "X", (UnitLevel)9, null, [], Day0, At, out _));
        Assert.Throws<ArgumentNullException>(() => Found(UnitLevel.Centre, null).MoveTo(null!, Day0, At));
    }

    [Fact]
    public async Task A_unit_saved_and_loaded_answers_the_same_history()
    {
        var store = new InMemoryRecordStore();
        var units = PracticeUnit.Repository(store);
        var (centre, institute, station, _) = Chain();
        var other = Found(UnitLevel.Institute, centre);
        station.MoveTo(other, Day(4), At);
        station.Rename("Renamed", Day(5), At);
        station.Cover(["A", "C"], Day(6), At);
        station.Close("merged", Day(9), At);
        Assert.True((await units.SaveAsync(station)).IsAppended);

        var loaded = (await units.LoadAsync(PracticeUnit.StreamOf(station.Id)))!;
        Assert.Equal(5, loaded.Version);
        foreach (var day in Enumerable.Range(-1, 12).Select(Day))
        {
            Assert.Equal(station.ParentOn(day), loaded.ParentOn(day));
            Assert.Equal(station.NameOn(day), loaded.NameOn(day));
            Assert.Equal(station.CommunitiesOn(day), loaded.CommunitiesOn(day));
            Assert.Equal(station.IsOpenOn(day), loaded.IsOpenOn(day));
        }

        Assert.Equal(institute.Id, loaded.ParentOn(Day(3)));
        Assert.Equal(station.TimeZone, loaded.TimeZone);
    }
}

using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Organisations.OrgKit;

namespace Volunteering.Domain.Tests.Organisations;

/// <summary>Every rule and rejection of <see cref="VolunteerTeam"/>, and its persistence.</summary>
public class VolunteerTeamTests
{
    private readonly VolunteerId _wang = VolunteerId.New();
    private readonly VolunteerId _li = VolunteerId.New();

    [Fact]
    public void A_team_is_formed_at_an_open_unit_with_its_category_and_brand()
    {
        var (_, _, station, _) = Chain();
        Assert.Equal(OrganisationResult.Ok, VolunteerTeam.Form(TeamId.New(), station, ServiceCategory.Mediation, " Old Neighbours ", Day(1), At, out var team));
        Assert.Equal((station.Id, ServiceCategory.Mediation, "Old Neighbours"), (team!.Unit, team.Category, team.BrandName));
        Assert.Equal(StreamName.For("team", team.Id.Value), team.Stream);
        Assert.True(team.IsActiveOn(Day(1)));
        Assert.False(team.IsActiveOn(Day0));
    }

    [Fact]
    public void A_team_cannot_be_formed_at_a_unit_not_open_on_the_date()
    {
        var (_, _, station, _) = Chain();
        station.Close("merged", Day(5), At);
        Assert.Equal(OrganisationResult.UnitClosed, VolunteerTeam.Form(TeamId.New(), station, ServiceCategory.Health, "Late", Day(5), At, out var team));
        Assert.Null(team);
        Assert.Equal(OrganisationResult.UnitClosed, VolunteerTeam.Form(TeamId.New(), station, ServiceCategory.Health, "Early", Day(-1), At, out _));
    }

    [Fact]
    public void Members_and_leaders_are_answered_as_of_a_date()
    {
        var team = Team(Chain().Station);
        Assert.Equal(OrganisationResult.Ok, team.Join(_wang, TeamRole.Member, Day(1), At));
        Assert.Equal(OrganisationResult.Ok, team.Join(_li, TeamRole.Leader, Day(2), At));
        Assert.Equal(OrganisationResult.Ok, team.ChangeRole(_wang, TeamRole.Leader, Day(5), At));
        Assert.Equal(OrganisationResult.Ok, team.Leave(_li, Day(8), At));

        Assert.Equal([_wang], team.MembersOn(Day(1)).Select(m => m.Volunteer));
        Assert.Equal([_li], team.LeadersOn(Day(4)));
        Assert.Equal(new[] { _li, _wang }.Order(), team.LeadersOn(Day(5)).Order());
        Assert.Equal([_wang], team.LeadersOn(Day(8)));
        Assert.Single(team.MembersOn(Day(8)));
        Assert.Equal(3, team.Memberships.Count);
        Assert.Equal(Day(5), team.Memberships[0].Left);
    }

    [Fact]
    public void Joining_twice_is_already_done_in_the_same_role_and_refused_in_another()
    {
        var team = Team(Chain().Station);
        team.Join(_wang, TeamRole.Member, Day(1), At);
        Assert.Equal(OrganisationResult.AlreadyDone, team.Join(_wang, TeamRole.Member, Day(2), At));
        Assert.Equal(OrganisationResult.AlreadyAMember, team.Join(_wang, TeamRole.Leader, Day(2), At));
        Assert.Equal(OrganisationResult.AlreadyDone, team.ChangeRole(_wang, TeamRole.Member, Day(2), At));
        Assert.Equal(2, team.Version);
    }

    [Fact]
    public void Leaving_or_changing_role_needs_a_current_member()
    {
        var team = Team(Chain().Station);
        Assert.Equal(OrganisationResult.NotAMember, team.Leave(_wang, Day(1), At));
        Assert.Equal(OrganisationResult.NotAMember, team.ChangeRole(_wang, TeamRole.Leader, Day(1), At));
        team.Join(_wang, TeamRole.Member, Day(1), At);
        team.Leave(_wang, Day(2), At);
        Assert.Equal(OrganisationResult.NotAMember, team.Leave(_wang, Day(3), At));
        Assert.Equal(OrganisationResult.Ok, team.Join(_wang, TeamRole.Member, Day(4), At));
    }

    [Fact]
    public void Membership_changes_dated_before_the_latest_change_are_refused()
    {
        var team = Team(Chain().Station);
        team.Join(_wang, TeamRole.Member, Day(5), At);
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, team.Join(_li, TeamRole.Member, Day(4), At));
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, team.Leave(_wang, Day(4), At));
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, team.ChangeRole(_wang, TeamRole.Leader, Day(4), At));
        Assert.Equal(OrganisationResult.EffectiveDateBeforeLastChange, team.Disband("x", Day(4), At));
    }

    [Fact]
    public void Disbanding_ends_every_membership_keeps_history_and_freezes_the_team()
    {
        var team = Team(Chain().Station);
        team.Join(_wang, TeamRole.Leader, Day(1), At);
        Assert.Equal(OrganisationResult.Ok, team.Disband("merged", Day(10), At));

        Assert.Equal(OrganisationResult.TeamDisbanded, team.Join(_li, TeamRole.Member, Day(11), At));
        Assert.Equal(OrganisationResult.TeamDisbanded, team.Leave(_wang, Day(11), At));
        Assert.Equal(OrganisationResult.TeamDisbanded, team.ChangeRole(_wang, TeamRole.Member, Day(11), At));
        Assert.Equal(OrganisationResult.AlreadyDone, team.Disband("again", Day(12), At));
        Assert.Equal([_wang], team.LeadersOn(Day(9)));
        Assert.Empty(team.MembersOn(Day(10)));
        Assert.False(team.IsActiveOn(Day(10)));
        Assert.Equal(Day(10), team.Memberships.Single().Left);
    }

    [Fact]
    public async Task A_team_saved_and_loaded_has_the_same_memberships()
    {
        var store = new InMemoryRecordStore();
        var teams = VolunteerTeam.Repository(store);
        var team = Team(Chain().Station);
        team.Join(_wang, TeamRole.Member, Day(1), At);
        team.Join(_li, TeamRole.Leader, Day(1), At);
        team.ChangeRole(_wang, TeamRole.Leader, Day(3), At);
        team.Disband("done", Day(6), At);
        Assert.True((await teams.SaveAsync(team)).IsAppended);

        var loaded = (await teams.LoadAsync(VolunteerTeam.StreamOf(team.Id)))!;
        Assert.Equal(team.Memberships, loaded.Memberships);
        Assert.Equal((team.BrandName, team.Category, team.Unit, team.DisbandedOn), (loaded.BrandName, loaded.Category, loaded.Unit, loaded.DisbandedOn));
    }

    [Fact]
    public void Programmer_errors_throw()
    {
        var (_, _, station, _) = Chain();
        Assert.Throws<ArgumentException>(() => VolunteerTeam.Form(TeamId.New(), station, default, "X", Day0, At, out _));
        Assert.Throws<ArgumentException>(() => VolunteerTeam.Form(TeamId.New(), station, ServiceCategory.Health, " ", Day0, At, out _));
        Assert.Throws<ArgumentException>(() => Team(station).Join(default, TeamRole.Member, Day0, At));
    }
}

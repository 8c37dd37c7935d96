using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Organisations;

/// <summary>
/// A volunteer team (服务队): belongs to a practice unit, has a service category and a brand name, leaders and members
/// with the dates they joined and left. An event-sourced aggregate kept in the stream <c>team-{id:N}</c>.
/// </summary>
/// <remarks>
/// Membership changes take effect on dates, appended in date order (an earlier date than the latest change is
/// <see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>), so the members and leaders on any date can be
/// answered. Disbanding ends every membership and keeps the history. The team does not check that a volunteer is
/// registered: that is the registry's concern. Not thread-safe.
/// </remarks>
public sealed class VolunteerTeam : AggregateRoot<VolunteerTeamEvent>
{
    /// <summary>The stream category of teams: a team's stream is <c>team-{id:N}</c>.</summary>
    public const string StreamCategory = "team";

    private readonly List<TeamMembership> _memberships = [];
    private readonly List<VolunteerTeamEvent> _history = [];

    private VolunteerTeam(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The team's id.</summary>
    public TeamId Id { get; private set; }

    /// <summary>The practice unit it belongs to.</summary>
    public UnitId Unit { get; private set; }

    /// <summary>Its service category.</summary>
    public ServiceCategory Category { get; private set; }

    /// <summary>Its brand name.</summary>
    public string BrandName { get; private set; } = string.Empty;

    /// <summary>The first day it is active.</summary>
    public LocalDate FormedOn { get; private set; }

    /// <summary>The first day after it was disbanded, or null.</summary>
    public LocalDate? DisbandedOn { get; private set; }

    /// <summary>True once disbanding is recorded.</summary>
    public bool IsDisbanded => DisbandedOn is not null;

    /// <summary>The effective date of the latest change; new changes may not be earlier.</summary>
    public LocalDate LastChangeOn { get; private set; }

    /// <summary>Every membership period, in the order they started (see <see cref="TeamMembership"/>).</summary>
    public IReadOnlyList<TeamMembership> Memberships => _memberships;

    /// <summary>Every event applied, saved or not, oldest first.</summary>
    public IReadOnlyList<VolunteerTeamEvent> History => _history;

    /// <summary>The stream of a team.</summary>
    /// <param name="id">The team; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static StreamName StreamOf(TeamId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The team id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>A repository that loads and saves teams in <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<VolunteerTeam, VolunteerTeamEvent> Repository(IRecordStore store)
        => new(store, static stream => new VolunteerTeam(stream));

    /// <summary>Forms a team at a unit. The unit must be open on <paramref name="formedOn"/>
    /// (<see cref="OrganisationResult.UnitClosed"/> otherwise, also when it is not yet founded).</summary>
    /// <param name="id">The team's id; not empty.</param>
    /// <param name="unit">The unit's aggregate; founded.</param>
    /// <param name="category">The service category; not the default.</param>
    /// <param name="brandName">The brand name; not blank (trimmed).</param>
    /// <param name="formedOn">The first day it is active.</param>
    /// <param name="at">When it is recorded.</param>
    /// <param name="team">The new, unsaved team on <see cref="OrganisationResult.Ok"/>; otherwise null.</param>
    /// <exception cref="ArgumentException">The id is empty, the category the default, the name blank or the unit not
    /// founded.</exception>
    public static OrganisationResult Form(TeamId id, PracticeUnit unit, ServiceCategory category, string brandName, LocalDate formedOn, Instant at, out VolunteerTeam? team)
    {
        team = null;
        var stream = StreamOf(id);
        Guard.Against.Null(unit);
        if (unit.Version == 0) throw new ArgumentException("The unit has not been founded.", nameof(unit));
        if (category.IsEmpty) throw new ArgumentException("A service category is required.", nameof(category));
        brandName = Guard.Against.NullOrWhiteSpace(brandName).Trim();
        if (!unit.IsOpenOn(formedOn)) return OrganisationResult.UnitClosed;
        team = new VolunteerTeam(stream);
        team.Raise(new TeamFormed(id, unit.Id, category, brandName, formedOn, at));
        return OrganisationResult.Ok;
    }

    /// <summary>A volunteer joins in a role. Rules, in order: the team is not disbanded
    /// (<see cref="OrganisationResult.TeamDisbanded"/>); the date is not before <see cref="LastChangeOn"/>
    /// (<see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>); the volunteer is not a current member
    /// (same role: <see cref="OrganisationResult.AlreadyDone"/>; another: <see cref="OrganisationResult.AlreadyAMember"/>).
    /// A volunteer who left may join again.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="role">The role.</param>
    /// <param name="effectiveFrom">The first day as a member.</param>
    /// <param name="at">When it is recorded.</param>
    public OrganisationResult Join(VolunteerId volunteer, TeamRole role, LocalDate effectiveFrom, Instant at)
    {
        GuardMember(volunteer);
        Guard.Against.EnumOutOfRange(role);
        if (IsDisbanded) return OrganisationResult.TeamDisbanded;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        var current = Current(volunteer);
        if (current is not null) return current.Role == role ? OrganisationResult.AlreadyDone : OrganisationResult.AlreadyAMember;
        Raise(new TeamMemberJoined(Id, volunteer, role, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>A current member takes another role. Refused when disbanded, dated too early, or the volunteer is not
    /// a current member (<see cref="OrganisationResult.NotAMember"/>); the same role is
    /// <see cref="OrganisationResult.AlreadyDone"/>.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="role">The new role.</param>
    /// <param name="effectiveFrom">The first day in the new role.</param>
    /// <param name="at">When it is recorded.</param>
    public OrganisationResult ChangeRole(VolunteerId volunteer, TeamRole role, LocalDate effectiveFrom, Instant at)
    {
        GuardMember(volunteer);
        Guard.Against.EnumOutOfRange(role);
        if (IsDisbanded) return OrganisationResult.TeamDisbanded;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        var current = Current(volunteer);
        if (current is null) return OrganisationResult.NotAMember;
        if (current.Role == role) return OrganisationResult.AlreadyDone;
        Raise(new TeamMemberRoleChanged(Id, volunteer, role, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>A current member leaves. Refused when disbanded, dated too early, or the volunteer is not a current
    /// member (<see cref="OrganisationResult.NotAMember"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="effectiveFrom">The first day no longer a member.</param>
    /// <param name="at">When it is recorded.</param>
    public OrganisationResult Leave(VolunteerId volunteer, LocalDate effectiveFrom, Instant at)
    {
        GuardMember(volunteer);
        if (IsDisbanded) return OrganisationResult.TeamDisbanded;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        if (Current(volunteer) is null) return OrganisationResult.NotAMember;
        Raise(new TeamMemberLeft(Id, volunteer, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>Disbands the team from a date; every open membership ends then. Already disbanded:
    /// <see cref="OrganisationResult.AlreadyDone"/>; dated too early:
    /// <see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day it no longer exists.</param>
    /// <param name="at">When it is recorded.</param>
    public OrganisationResult Disband(string reason, LocalDate effectiveFrom, Instant at)
    {
        reason = Guard.Against.NullOrWhiteSpace(reason).Trim();
        EnsureFormed();
        if (IsDisbanded) return OrganisationResult.AlreadyDone;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        Raise(new TeamDisbanded(Id, reason, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>True when the team exists and is not disbanded on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public bool IsActiveOn(LocalDate date) => Version > 0 && FormedOn <= date && (DisbandedOn is null || date < DisbandedOn.Value);

    /// <summary>The membership periods that include <paramref name="date"/>: one per member (leaders included).</summary>
    /// <param name="date">The date.</param>
    public IReadOnlyList<TeamMembership> MembersOn(LocalDate date) => [.. _memberships.Where(m => m.IsCurrentOn(date))];

    /// <summary>The leaders on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public IReadOnlyList<VolunteerId> LeadersOn(LocalDate date)
        => [.. _memberships.Where(m => m.Role == TeamRole.Leader && m.IsCurrentOn(date)).Select(m => m.Volunteer)];

    /// <summary>Rebuilds a team from its events (for read models).</summary>
    internal static VolunteerTeam Replay(IEnumerable<VolunteerTeamEvent> history)
    {
        VolunteerTeam? team = null;
        long version = 0;
        foreach (var e in history)
        {
            if (team is null)
            {
                if (e is not TeamFormed formed) throw new InvalidDataException($"A team's history starts with {nameof(TeamFormed)}, not {e.GetType().Name}.");
                team = new VolunteerTeam(StreamOf(formed.TeamId));
            }

            team.Restore(e, ++version);
        }

        return team ?? throw new ArgumentException("A team's history is empty.", nameof(history));
    }

    /// <inheritdoc />
    protected override void Apply(VolunteerTeamEvent e)
    {
        switch (e)
        {
            case TeamFormed f:
                Id = f.TeamId;
                Unit = f.Unit;
                Category = f.Category;
                BrandName = f.BrandName;
                FormedOn = f.EffectiveFrom;
                LastChangeOn = f.EffectiveFrom;
                break;
            case TeamMemberJoined j:
                _memberships.Add(new TeamMembership(j.Volunteer, j.Role, j.EffectiveFrom, null));
                LastChangeOn = j.EffectiveFrom;
                break;
            case TeamMemberRoleChanged r:
                End(r.Volunteer, r.EffectiveFrom);
                _memberships.Add(new TeamMembership(r.Volunteer, r.Role, r.EffectiveFrom, null));
                LastChangeOn = r.EffectiveFrom;
                break;
            case TeamMemberLeft l:
                End(l.Volunteer, l.EffectiveFrom);
                LastChangeOn = l.EffectiveFrom;
                break;
            case TeamDisbanded d:
                for (var i = 0; i < _memberships.Count; i++)
                {
                    if (_memberships[i].Left is null) _memberships[i] = _memberships[i] with { Left = d.EffectiveFrom };
                }

                DisbandedOn = d.EffectiveFrom;
                LastChangeOn = d.EffectiveFrom;
                break;
            default:
                throw new InvalidDataException($"A volunteer team cannot apply a {e.GetType().Name}.");
        }

        _history.Add(e);
    }

    private void End(VolunteerId volunteer, LocalDate on)
    {
        for (var i = _memberships.Count - 1; i >= 0; i--)
        {
            if (_memberships[i].Volunteer == volunteer && _memberships[i].Left is null)
            {
                _memberships[i] = _memberships[i] with { Left = on };
                return;
            }
        }
    }

    private TeamMembership? Current(VolunteerId volunteer)
        => _memberships.LastOrDefault(m => m.Volunteer == volunteer && m.Left is null);

    private void GuardMember(VolunteerId volunteer)
    {
        Guard.Against.Expression(static x => x.IsEmpty, volunteer, "The volunteer id must not be empty.", nameof(volunteer));
        EnsureFormed();
    }

    private void EnsureFormed()
    {
        if (Version == 0) throw new InvalidOperationException("The team has not been formed.");
    }
}

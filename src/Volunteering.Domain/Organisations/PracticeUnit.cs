using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Organisations;

/// <summary>
/// A practice unit (实践单位): a district centre, an institute, a station or a point, with its name, level, parent one
/// level up, the communities it covers, its time zone, and whether it is open. An event-sourced aggregate kept in the
/// stream <c>unit-{id:N}</c>.
/// </summary>
/// <remarks>
/// <para>Every change takes effect on a date and is appended, never edited, so the state on any date can be answered
/// (<see cref="ParentOn"/>, <see cref="NameOn"/>, <see cref="CommunitiesOn"/>, <see cref="IsOpenOn"/>). Changes are
/// recorded in date order: an effective date before the founding or the latest change is refused
/// (<see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>). Several changes may share a date; the later one
/// wins on that date.</para>
/// <para>Rules that involve the parent take the parent's aggregate, loaded by the caller, as an argument. A unit's
/// children follow it when it moves (they keep their parent id). Closing a unit does not close its children: move or
/// close them first; <see cref="OrganisationChart"/> still shows them under it.</para>
/// <para>Not thread-safe; load, change and save in one flow (see <see cref="Repository"/>).</para>
/// </remarks>
public sealed class PracticeUnit : AggregateRoot<PracticeUnitEvent>
{
    /// <summary>The stream category of units: a unit's stream is <c>unit-{id:N}</c>.</summary>
    public const string StreamCategory = "unit";

    /// <summary>The TZDB id of the default time zone, <c>Asia/Shanghai</c>.</summary>
    public const string DefaultZoneId = "Asia/Shanghai";

    private readonly List<PracticeUnitEvent> _history = [];
    private readonly Timeline<string> _names = new();
    private readonly Timeline<UnitId?> _parents = new();
    private readonly Timeline<ImmutableArray<string>> _communities = new();

    private PracticeUnit(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The unit's id (empty before the founding event is applied).</summary>
    public UnitId Id { get; private set; }

    /// <summary>The unit's level.</summary>
    public UnitLevel Level { get; private set; }

    /// <summary>The current name (after every recorded change).</summary>
    public string Name => _names.Count == 0 ? string.Empty : _names.Latest;

    /// <summary>The current parent (after every recorded move); null for a centre.</summary>
    public UnitId? Parent => _parents.Count == 0 ? null : _parents.Latest;

    /// <summary>The communities currently covered, trimmed, distinct, in ordinal order.</summary>
    public IReadOnlyList<string> Communities => _communities.Count == 0 ? [] : _communities.Latest;

    /// <summary>The unit's time zone (a TZDB zone; <see cref="DefaultZoneId"/> unless another was given).</summary>
    public DateTimeZone TimeZone { get; private set; } = DateTimeZoneProviders.Tzdb[DefaultZoneId];

    /// <summary>The first day the unit is open.</summary>
    public LocalDate FoundedOn { get; private set; }

    /// <summary>The first day the unit is closed, or null while no closure is recorded.</summary>
    public LocalDate? ClosedOn { get; private set; }

    /// <summary>True once a closure is recorded (whatever its effective date): the unit takes no further changes.</summary>
    public bool IsClosed => ClosedOn is not null;

    /// <summary>The effective date of the latest change (the founding date at first); new changes may not be earlier.</summary>
    public LocalDate LastChangeOn { get; private set; }

    /// <summary>Every event applied to the unit, saved or not, oldest first: its full history.</summary>
    public IReadOnlyList<PracticeUnitEvent> History => _history;

    /// <summary>The stream of a unit.</summary>
    /// <param name="id">The unit; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static StreamName StreamOf(UnitId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The unit id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>A repository that loads and saves units in <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<PracticeUnit, PracticeUnitEvent> Repository(IRecordStore store)
        => new(store, static stream => new PracticeUnit(stream));

    /// <summary>Founds a unit (its first event). Rules, in order: a centre has no parent
    /// (<see cref="OrganisationResult.ParentLevelMismatch"/>) and every other level has one
    /// (<see cref="OrganisationResult.ParentRequired"/>); the parent is not the unit itself
    /// (<see cref="OrganisationResult.WouldCreateCycle"/>), is exactly one level up
    /// (<see cref="OrganisationResult.ParentLevelMismatch"/>) and is open on <paramref name="foundedOn"/>
    /// (<see cref="OrganisationResult.ParentClosed"/>).</summary>
    /// <param name="id">The new unit's id; not empty.</param>
    /// <param name="name">Its name; not blank (trimmed).</param>
    /// <param name="level">Its level.</param>
    /// <param name="parent">The parent's aggregate, or null for a centre.</param>
    /// <param name="communities">The communities it covers (names or codes; none blank); may be empty.</param>
    /// <param name="foundedOn">The first day it is open.</param>
    /// <param name="at">When the founding is recorded.</param>
    /// <param name="unit">The new, unsaved unit on <see cref="OrganisationResult.Ok"/>; otherwise null.</param>
    /// <param name="timeZone">Its time zone, a TZDB zone; null for <see cref="DefaultZoneId"/>.</param>
    /// <returns><see cref="OrganisationResult.Ok"/> or the rule that refused it.</returns>
    /// <exception cref="ArgumentException">The id is empty, the name or a community blank, the level undefined, or the
    /// zone not a TZDB zone.</exception>
    public static OrganisationResult Found(
        UnitId id,
        string name,
        UnitLevel level,
        PracticeUnit? parent,
        IEnumerable<string> communities,
        LocalDate foundedOn,
        Instant at,
        out PracticeUnit? unit,
        DateTimeZone? timeZone = null)
    {
        unit = null;
        var stream = StreamOf(id);
        name = Guard.Against.NullOrWhiteSpace(name).Trim();
        Guard.Against.EnumOutOfRange(level);
        var covered = CommunityList.Normalise(communities, nameof(communities));
        var zone = timeZone ?? DateTimeZoneProviders.Tzdb[DefaultZoneId];
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.Id) is null) throw new ArgumentException($"The time zone {zone.Id} is not a TZDB zone.", nameof(timeZone));
        if (parent is not null && parent.Version == 0) throw new ArgumentException("The parent has not been founded.", nameof(parent));

        if (level == UnitLevel.Centre)
        {
            if (parent is not null) return OrganisationResult.ParentLevelMismatch;
        }
        else
        {
            if (parent is null) return OrganisationResult.ParentRequired;
            if (parent.Id == id) return OrganisationResult.WouldCreateCycle;
            if (parent.Level != level - 1) return OrganisationResult.ParentLevelMismatch;
            if (!parent.IsOpenOn(foundedOn)) return OrganisationResult.ParentClosed;
        }

        unit = new PracticeUnit(stream);
        unit.Raise(new UnitFounded(id, name, level, parent?.Id, covered, zone.Id, foundedOn, at));
        return OrganisationResult.Ok;
    }

    /// <summary>Moves the unit under another parent from a date. Rules, in order: the unit is not closed
    /// (<see cref="OrganisationResult.UnitClosed"/>); the date is not before <see cref="LastChangeOn"/>
    /// (<see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>); the new parent is not the unit
    /// (<see cref="OrganisationResult.WouldCreateCycle"/>); the unit is not a centre and the parent is one level up
    /// (<see cref="OrganisationResult.ParentLevelMismatch"/>); the parent is open on the date
    /// (<see cref="OrganisationResult.ParentClosed"/>). Already under that parent: <see cref="OrganisationResult.AlreadyDone"/>.</summary>
    /// <param name="newParent">The new parent's aggregate.</param>
    /// <param name="effectiveFrom">The first day under the new parent.</param>
    /// <param name="at">When the move is recorded.</param>
    /// <exception cref="ArgumentNullException"><paramref name="newParent"/> is null.</exception>
    /// <exception cref="InvalidOperationException">This unit or the parent has not been founded.</exception>
    public OrganisationResult MoveTo(PracticeUnit newParent, LocalDate effectiveFrom, Instant at)
    {
        Guard.Against.Null(newParent);
        EnsureFounded();
        if (newParent.Version == 0) throw new InvalidOperationException("The new parent has not been founded.");
        if (IsClosed) return OrganisationResult.UnitClosed;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        if (newParent.Id == Id) return OrganisationResult.WouldCreateCycle;
        if (Level == UnitLevel.Centre || newParent.Level != Level - 1) return OrganisationResult.ParentLevelMismatch;
        if (!newParent.IsOpenOn(effectiveFrom)) return OrganisationResult.ParentClosed;
        if (Parent == newParent.Id) return OrganisationResult.AlreadyDone;
        Raise(new UnitMoved(Id, newParent.Id, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>Renames the unit from a date. Refused when closed (<see cref="OrganisationResult.UnitClosed"/>) or
    /// dated before <see cref="LastChangeOn"/> (<see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>); the
    /// same name is <see cref="OrganisationResult.AlreadyDone"/>.</summary>
    /// <param name="name">The new name; not blank (trimmed).</param>
    /// <param name="effectiveFrom">The first day of the new name.</param>
    /// <param name="at">When the change is recorded.</param>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public OrganisationResult Rename(string name, LocalDate effectiveFrom, Instant at)
    {
        name = Guard.Against.NullOrWhiteSpace(name).Trim();
        EnsureFounded();
        if (IsClosed) return OrganisationResult.UnitClosed;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        if (string.Equals(name, Name, StringComparison.Ordinal)) return OrganisationResult.AlreadyDone;
        Raise(new UnitRenamed(Id, name, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>Sets the communities the unit covers from a date (the whole set). Refused when closed
    /// (<see cref="OrganisationResult.UnitClosed"/>) or dated before <see cref="LastChangeOn"/>
    /// (<see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>); the same set is
    /// <see cref="OrganisationResult.AlreadyDone"/>.</summary>
    /// <param name="communities">The communities (none blank); may be empty.</param>
    /// <param name="effectiveFrom">The first day of the new coverage.</param>
    /// <param name="at">When the change is recorded.</param>
    /// <exception cref="ArgumentException">A community is blank.</exception>
    public OrganisationResult Cover(IEnumerable<string> communities, LocalDate effectiveFrom, Instant at)
    {
        var covered = CommunityList.Normalise(communities, nameof(communities));
        EnsureFounded();
        if (IsClosed) return OrganisationResult.UnitClosed;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        if (covered.SequenceEqual(Communities, StringComparer.Ordinal)) return OrganisationResult.AlreadyDone;
        Raise(new UnitCoverageChanged(Id, covered, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>Closes the unit from a date: it is open up to the day before. Already closed:
    /// <see cref="OrganisationResult.AlreadyDone"/>; dated before <see cref="LastChangeOn"/>:
    /// <see cref="OrganisationResult.EffectiveDateBeforeLastChange"/>.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day it is closed (may be the founding day).</param>
    /// <param name="at">When the closure is recorded.</param>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    public OrganisationResult Close(string reason, LocalDate effectiveFrom, Instant at)
    {
        reason = Guard.Against.NullOrWhiteSpace(reason).Trim();
        EnsureFounded();
        if (IsClosed) return OrganisationResult.AlreadyDone;
        if (effectiveFrom < LastChangeOn) return OrganisationResult.EffectiveDateBeforeLastChange;
        Raise(new UnitClosed(Id, reason, effectiveFrom, at));
        return OrganisationResult.Ok;
    }

    /// <summary>True when the unit has been founded on or before <paramref name="date"/> (open or closed then).</summary>
    /// <param name="date">The date.</param>
    public bool ExistsOn(LocalDate date) => Version > 0 && FoundedOn <= date;

    /// <summary>True when the unit is open on <paramref name="date"/>: founded on or before it and not closed on or
    /// before it.</summary>
    /// <param name="date">The date.</param>
    public bool IsOpenOn(LocalDate date) => ExistsOn(date) && (ClosedOn is null || date < ClosedOn.Value);

    /// <summary>The parent on a date: null for a centre and for a date before the founding.</summary>
    /// <param name="date">The date.</param>
    public UnitId? ParentOn(LocalDate date) => _parents.TryGetOn(date, out var parent) ? parent : null;

    /// <summary>The name on a date, or null before the founding.</summary>
    /// <param name="date">The date.</param>
    public string? NameOn(LocalDate date) => _names.TryGetOn(date, out var name) ? name : null;

    /// <summary>The communities covered on a date (empty before the founding; a closed unit keeps its last set, but
    /// covers nothing for coverage purposes, see <see cref="OrganisationChart.CoverageOn"/>).</summary>
    /// <param name="date">The date.</param>
    public IReadOnlyList<string> CommunitiesOn(LocalDate date) => _communities.TryGetOn(date, out var set) ? set : [];

    /// <summary>Rebuilds a unit from its events (for read models); the events must form one unit's history.</summary>
    internal static PracticeUnit Replay(IEnumerable<PracticeUnitEvent> history)
    {
        PracticeUnit? unit = null;
        long version = 0;
        foreach (var e in history)
        {
            if (unit is null)
            {
                if (e is not UnitFounded founded) throw new InvalidDataException($"A unit's history starts with {nameof(UnitFounded)}, not {e.GetType().Name}.");
                unit = new PracticeUnit(StreamOf(founded.UnitId));
            }

            unit.Restore(e, ++version);
        }

        return unit ?? throw new ArgumentException("A unit's history is empty.", nameof(history));
    }

    /// <inheritdoc />
    protected override void Apply(PracticeUnitEvent e)
    {
        switch (e)
        {
            case UnitFounded f:
                Id = f.UnitId;
                Level = f.Level;
                TimeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(f.ZoneId) ?? DateTimeZoneProviders.Tzdb[DefaultZoneId];
                FoundedOn = f.EffectiveFrom;
                _names.Add(f.EffectiveFrom, f.Name);
                _parents.Add(f.EffectiveFrom, f.Parent);
                _communities.Add(f.EffectiveFrom, CommunityList.OrEmpty(f.Communities));
                break;
            case UnitRenamed r:
                _names.Add(r.EffectiveFrom, r.Name);
                break;
            case UnitMoved m:
                _parents.Add(m.EffectiveFrom, m.Parent);
                break;
            case UnitCoverageChanged c:
                _communities.Add(c.EffectiveFrom, CommunityList.OrEmpty(c.Communities));
                break;
            case UnitClosed c:
                ClosedOn = c.EffectiveFrom;
                break;
            default:
                throw new InvalidDataException($"A practice unit cannot apply a {e.GetType().Name}.");
        }

        LastChangeOn = EffectiveDateOf(e);
        _history.Add(e);
    }

    private static LocalDate EffectiveDateOf(PracticeUnitEvent e) => e switch
    {
        UnitFounded f => f.EffectiveFrom,
        UnitRenamed r => r.EffectiveFrom,
        UnitMoved m => m.EffectiveFrom,
        UnitCoverageChanged c => c.EffectiveFrom,
        UnitClosed c => c.EffectiveFrom,
        _ => throw new InvalidDataException($"A practice unit cannot apply a {e.GetType().Name}."),
    };

    private void EnsureFounded()
    {
        if (Version == 0) throw new InvalidOperationException("The unit has not been founded.");
    }
}

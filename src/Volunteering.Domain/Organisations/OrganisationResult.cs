namespace Volunteering.Domain.Organisations;

/// <summary>The outcome of a command on a <see cref="PracticeUnit"/> or a <see cref="VolunteerTeam"/>:
/// <see cref="Ok"/>, <see cref="AlreadyDone"/> (an idempotent repeat, to be treated as success) or one code naming the
/// rule that refused it. A refused command raises no event and changes nothing.</summary>
public enum OrganisationResult
{
    /// <summary>Done: an event was raised.</summary>
    Ok = 0,

    /// <summary>The state already is what the command asks for (same parent, same name, already closed, already a
    /// member in that role, ...); nothing changed.</summary>
    AlreadyDone = 1,

    /// <summary>An institute, station or point was founded without a parent; only a centre has none.</summary>
    ParentRequired = 10,

    /// <summary>The parent is not exactly one level up (an institute under a centre, a station under an institute, a
    /// point under a station), or a centre was given a parent or asked to move.</summary>
    ParentLevelMismatch = 11,

    /// <summary>The parent is not open on the effective date: it was closed on or before it, or not yet founded.</summary>
    ParentClosed = 12,

    /// <summary>The unit is closed (a closure is recorded): it cannot be moved, renamed or re-covered; a team cannot
    /// be formed at a unit that is not open on the team's founding date.</summary>
    UnitClosed = 13,

    /// <summary>The unit would become its own parent (or ancestor).</summary>
    WouldCreateCycle = 14,

    /// <summary>The effective date is before the aggregate's founding or its latest recorded change: history is
    /// appended in date order and never rewritten.</summary>
    EffectiveDateBeforeLastChange = 15,

    /// <summary>The volunteer is not a current member of the team.</summary>
    NotAMember = 20,

    /// <summary>The volunteer is already a current member of the team in another role (change the role instead).</summary>
    AlreadyAMember = 21,

    /// <summary>The team is disbanded; its membership can no longer change.</summary>
    TeamDisbanded = 22,
}

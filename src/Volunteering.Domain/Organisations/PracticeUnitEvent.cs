namespace Volunteering.Domain.Organisations;

/// <summary>
/// The base of every event a <see cref="PracticeUnit"/> raises: immutable records of what happened, kept in the unit's
/// stream and never edited (a move or a closure is a new event). Each concrete event names the unit, the date the
/// change takes effect (so the unit's state on any date can be answered) and the instant it was recorded, and holds
/// only plain serializable members (ids, strings, NodaTime dates and instants, enums, immutable arrays).
/// </summary>
public abstract record PracticeUnitEvent;

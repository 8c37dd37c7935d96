namespace Volunteering.Domain.Aid;

/// <summary>
/// The base of every event an <see cref="AidProgramme"/> raises: immutable records stored in the programme's stream
/// <c>aid.programme-{id}</c>, never edited. Each concrete event holds only plain serializable members (ids, strings,
/// numbers, NodaTime dates and instants, enums, CNY <see cref="Quantities.Money"/>, lists of plain values).
/// </summary>
public abstract record ProgrammeEvent;

namespace Volunteering.Domain.Activities;

/// <summary>
/// The base of every event an <see cref="Activity"/> raises: immutable records of what happened, stored in the
/// activity's stream and never edited (a correction is a new event). Each concrete event holds only plain serializable
/// members (ids, strings, numbers, NodaTime dates and instants, enums, <see cref="ServiceCategory"/>,
/// <see cref="Quantities.TimeCredit"/>).
/// </summary>
public abstract record ActivityEvent;

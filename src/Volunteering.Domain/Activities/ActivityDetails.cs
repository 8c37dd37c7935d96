using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>
/// What an activity is, as planned: name, category, organising unit and team, leader, location, local start and end in
/// the unit's time zone, planned capacity, kind, and whether it is volunteer service at all. Fixed once planned.
/// </summary>
public sealed record ActivityDetails
{
    /// <summary>Describes an activity.</summary>
    /// <param name="name">The name; not blank.</param>
    /// <param name="category">The service category; not the default value.</param>
    /// <param name="unit">The organising practice unit; not empty.</param>
    /// <param name="team">The organising team, or null.</param>
    /// <param name="leader">The activity leader; not empty.</param>
    /// <param name="location">Where it takes place; not blank.</param>
    /// <param name="start">Local start in <paramref name="timeZone"/>.</param>
    /// <param name="end">Local end in <paramref name="timeZone"/>; after the start once both are mapped to instants.</param>
    /// <param name="timeZone">The unit's time zone; must be a TZDB zone (its id is stored and resolved again on load).</param>
    /// <param name="capacity">The planned number of participants; at least 1.</param>
    /// <param name="kind">The kind of activity.</param>
    /// <param name="isVolunteerService">False for an activity that is not volunteer service (a party, a meeting): it may
    /// take sign-ups and check-ins, but records no service time and is never credited or certified.</param>
    /// <exception cref="ArgumentException">An id is empty, a text blank, the category the default, the zone not a TZDB
    /// zone, or the end not after the start.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 1 or <paramref name="kind"/>
    /// is not defined.</exception>
    public ActivityDetails(
        string name,
        ServiceCategory category,
        UnitId unit,
        TeamId? team,
        VolunteerId leader,
        string location,
        LocalDateTime start,
        LocalDateTime end,
        DateTimeZone timeZone,
        int capacity,
        ActivityKind kind,
        bool isVolunteerService = true)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        if (category.IsEmpty) throw new ArgumentException("A service category is required.", nameof(category));
        Guard.Against.Expression(static x => x.IsEmpty, unit, "The unit id must not be empty.", nameof(unit));
        if (team is { IsEmpty: true }) throw new ArgumentException("The team id must not be empty.", nameof(team));
        Guard.Against.Expression(static x => x.IsEmpty, leader, "The leader id must not be empty.", nameof(leader));
        Location = Guard.Against.NullOrWhiteSpace(location);
        Guard.Against.Null(timeZone);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone.Id) is null)
        {
            throw new ArgumentException($"The time zone {timeZone.Id} is not a TZDB zone.", nameof(timeZone));
        }

        if (end.InZoneLeniently(timeZone).ToInstant() <= start.InZoneLeniently(timeZone).ToInstant())
        {
            throw new ArgumentException("An activity must end after it starts.", nameof(end));
        }

        Guard.Against.OutOfRange(capacity, nameof(capacity), 1, int.MaxValue);
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined activity kind.");
        Category = category;
        Unit = unit;
        Team = team;
        Leader = leader;
        Start = start;
        End = end;
        TimeZone = timeZone;
        Capacity = capacity;
        Kind = kind;
        IsVolunteerService = isVolunteerService;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The service category.</summary>
    public ServiceCategory Category { get; }

    /// <summary>The organising practice unit.</summary>
    public UnitId Unit { get; }

    /// <summary>The organising team, or null.</summary>
    public TeamId? Team { get; }

    /// <summary>The activity leader.</summary>
    public VolunteerId Leader { get; }

    /// <summary>Where it takes place.</summary>
    public string Location { get; }

    /// <summary>Local start in <see cref="TimeZone"/>.</summary>
    public LocalDateTime Start { get; }

    /// <summary>Local end in <see cref="TimeZone"/>.</summary>
    public LocalDateTime End { get; }

    /// <summary>The unit's time zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The planned number of participants.</summary>
    public int Capacity { get; }

    /// <summary>The kind of activity.</summary>
    public ActivityKind Kind { get; }

    /// <summary>Whether the activity is volunteer service (credited and certifiable).</summary>
    public bool IsVolunteerService { get; }

    /// <summary>The start as an instant: local times in a daylight-saving gap or overlap map leniently (the later
    /// offset for a gap, the earlier for an overlap); China has neither.</summary>
    public Instant StartInstant => Start.InZoneLeniently(TimeZone).ToInstant();

    /// <summary>The end as an instant, mapped as <see cref="StartInstant"/>.</summary>
    public Instant EndInstant => End.InZoneLeniently(TimeZone).ToInstant();

    /// <summary>From start to end; the end is exclusive.</summary>
    public Interval Interval => new(StartInstant, EndInstant);
}

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>An activity was planned (发布活动): the first event of every activity stream.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Name">Its name.</param>
/// <param name="Category">Its service category.</param>
/// <param name="Unit">The organising practice unit.</param>
/// <param name="Team">The organising team, or null.</param>
/// <param name="Leader">The activity leader (负责人).</param>
/// <param name="Location">Where it takes place.</param>
/// <param name="Start">Local start in the zone <paramref name="ZoneId"/>.</param>
/// <param name="End">Local end in the zone <paramref name="ZoneId"/>.</param>
/// <param name="ZoneId">The unit's time zone, a TZDB id such as <c>Asia/Shanghai</c>.</param>
/// <param name="Capacity">The planned number of participants; at least 1.</param>
/// <param name="Kind">The kind of activity.</param>
/// <param name="IsVolunteerService">False for activities that are not volunteer service (they credit nothing).</param>
/// <param name="At">When it was planned.</param>
public sealed record ActivityPlanned(
    ActivityId ActivityId,
    string Name,
    ServiceCategory Category,
    UnitId Unit,
    TeamId? Team,
    VolunteerId Leader,
    string Location,
    LocalDateTime Start,
    LocalDateTime End,
    string ZoneId,
    int Capacity,
    ActivityKind Kind,
    bool IsVolunteerService,
    Instant At) : ActivityEvent;

using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Statistics;

/// <summary>The running figures of one (unit, day, category, team) cell of <see cref="ActivityStatistics"/>.</summary>
internal sealed class StatisticsBucket(LocalDate day, ServiceCategory category, TeamId team)
{
    public LocalDate Day { get; } = day;

    public ServiceCategory Category { get; } = category;

    /// <summary>The organising team; the default id for activities without a team.</summary>
    public TeamId Team { get; } = team;

    public long Activities;
    public long DoorToDoor;
    public long Beneficiaries;
    public long Participations;
    public long Minutes;

    /// <summary>Dense indices of the volunteers of the verified participations, one per participation (a volunteer
    /// may repeat); merged into distinct counts only when queried.</summary>
    public readonly List<int> Volunteers = [];
}

using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;

namespace Volunteering.Domain.Statistics;

/// <summary>
/// A unit's statistics for a period, as <see cref="ActivityStatistics.Query"/> computes them: the activity figures
/// (in total, by category and by team) and the organisation figures as of the period's last day.
/// </summary>
/// <param name="Unit">The unit reported on.</param>
/// <param name="Period">The period (both ends included).</param>
/// <param name="IncludesUnitsBelow">True when the units below <paramref name="Unit"/> (as of the period's last day)
/// are included.</param>
/// <param name="UnitsIncluded">How many units the figures cover (the unit itself counts).</param>
/// <param name="Category">The category filter, or null for all categories.</param>
/// <param name="Team">The team filter, or null for all teams (and activities without one).</param>
/// <param name="Totals">The activity figures.</param>
/// <param name="ByCategory">The activity figures per category, ordered by category code; only categories with at least
/// one activity or participation appear.</param>
/// <param name="ByTeam">The activity figures per organising team (null first, then by team id); only teams with at
/// least one activity or participation appear.</param>
/// <param name="RegisteredVolunteers">Volunteers registered on or before the period's last day who had not left by
/// then, entered by a unit in scope (and, for a centre, also those who registered themselves). Not filtered by
/// category or team.</param>
/// <param name="Teams">Teams active on the period's last day belonging to a unit in scope; with a category filter,
/// only teams of that category; with a team filter, 1 or 0.</param>
/// <param name="Coverage">Station coverage of the unit's communities on the period's last day
/// (<see cref="OrganisationChart.CoverageOn"/>); not filtered.</param>
public sealed record StatisticsReport(
    UnitId Unit,
    DateInterval Period,
    bool IncludesUnitsBelow,
    int UnitsIncluded,
    ServiceCategory? Category,
    TeamId? Team,
    StatisticsTotals Totals,
    IReadOnlyList<CategoryStatistics> ByCategory,
    IReadOnlyList<TeamStatistics> ByTeam,
    long RegisteredVolunteers,
    int Teams,
    CoverageReport Coverage);

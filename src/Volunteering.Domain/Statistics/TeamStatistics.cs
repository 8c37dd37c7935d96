using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Statistics;

/// <summary>One organising team's share of a <see cref="StatisticsReport"/>.</summary>
/// <param name="Team">The team, or null for activities organised without a team.</param>
/// <param name="Totals">Its figures within the report's unit, period and filters.</param>
public sealed record TeamStatistics(TeamId? Team, StatisticsTotals Totals);

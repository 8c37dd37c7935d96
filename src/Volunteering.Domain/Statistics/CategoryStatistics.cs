using Volunteering.Domain.Activities;

namespace Volunteering.Domain.Statistics;

/// <summary>One service category's share of a <see cref="StatisticsReport"/>.</summary>
/// <param name="Category">The category.</param>
/// <param name="Totals">Its figures within the report's unit, period and filters.</param>
public sealed record CategoryStatistics(ServiceCategory Category, StatisticsTotals Totals);

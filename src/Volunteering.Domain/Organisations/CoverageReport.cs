using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>Station coverage of a unit's communities on a date (see <see cref="OrganisationChart.CoverageOn"/>).</summary>
/// <param name="Unit">The unit whose communities are counted (normally a district centre).</param>
/// <param name="Date">The date.</param>
/// <param name="Communities">The unit's communities on the date: the denominator.</param>
/// <param name="Covered">Those served by an open station, or an open point under an open station, in the unit's
/// subtree on the date, in ordinal order.</param>
public sealed record CoverageReport(UnitId Unit, LocalDate Date, IReadOnlyList<string> Communities, IReadOnlyList<string> Covered)
{
    /// <summary>The number of communities counted.</summary>
    public int Total => Communities.Count;

    /// <summary>The number of covered communities.</summary>
    public int CoveredCount => Covered.Count;

    /// <summary>The communities not covered, in ordinal order.</summary>
    public IReadOnlyList<string> Uncovered => [.. Communities.Except(Covered, StringComparer.Ordinal)];

    /// <summary>The covered share, from 0 to 1: <see cref="CoveredCount"/> / <see cref="Total"/>; 0 when the unit
    /// lists no communities.</summary>
    public double Share => Total == 0 ? 0 : (double)CoveredCount / Total;
}

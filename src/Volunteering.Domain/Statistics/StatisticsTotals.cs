using System.Globalization;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Statistics;

/// <summary>
/// The activity figures of one roll-up (a unit's period, or one category's or team's share of it); see
/// <see cref="ActivityStatistics"/> for what each figure counts. Every figure except <see cref="DistinctVolunteers"/>
/// is additive: the totals of disjoint sets of activities add up to the totals of their union.
/// </summary>
/// <param name="Activities">Volunteer-service activities held (planned and not cancelled), counted on their local start
/// date.</param>
/// <param name="Participations">Verified participations (志愿服务人次): each volunteer's verified service in an
/// activity counts once.</param>
/// <param name="DistinctVolunteers">Different volunteers among <paramref name="Participations"/>; not additive.</param>
/// <param name="CreditedTime">Service time credited for those participations, in minutes, after accepted corrections
/// (the ledger's net credit for them).</param>
/// <param name="Beneficiaries">People served (服务人次), as the organisers last recorded it.</param>
/// <param name="DoorToDoorServices">Activities of kind <see cref="Activities.ActivityKind.DoorToDoorService"/> (入户服务)
/// among <paramref name="Activities"/>.</param>
public readonly record struct StatisticsTotals(
    long Activities,
    long Participations,
    long DistinctVolunteers,
    TimeCredit CreditedTime,
    long Beneficiaries,
    long DoorToDoorServices)
{
    /// <summary>The credited time in hours as reports print it: rounded half away from zero to at most two decimals,
    /// without trailing zeros, culture-invariant (<c>"13.6"</c> for 816 minutes, <c>"0.02"</c> for 1 minute,
    /// <c>"3"</c> for 180). The exact figure is <see cref="CreditedTime"/>.</summary>
    public string Hours => FormatHours(CreditedTime.Minutes);

    /// <summary>Hours from minutes as <see cref="Hours"/> prints them.</summary>
    /// <param name="minutes">Minutes; any value.</param>
    public static string FormatHours(long minutes)
        => decimal.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}

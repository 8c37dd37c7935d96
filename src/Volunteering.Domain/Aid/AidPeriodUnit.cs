namespace Volunteering.Domain.Aid;

/// <summary>The length of a programme's budget periods. Periods follow the calendar: a month starts on its 1st, a
/// quarter on 1 January, 1 April, 1 July or 1 October, a year on 1 January.</summary>
public enum AidPeriodUnit
{
    /// <summary>Calendar months.</summary>
    Month = 1,

    /// <summary>Calendar quarters.</summary>
    Quarter = 2,

    /// <summary>Calendar years.</summary>
    Year = 3,
}

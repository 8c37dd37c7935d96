namespace Volunteering.Domain.Aid;

/// <summary>The hardship category a beneficiary is recorded in, as the civil-affairs office classifies households.</summary>
public enum HardshipCategory
{
    /// <summary>No category recorded (for example a student or a child assessed on their own).</summary>
    None = 0,

    /// <summary>A minimum-living-allowance household (低保户).</summary>
    MinimumLiving = 1,

    /// <summary>A marginal low-income household, just above the minimum-living line (低保边缘户).</summary>
    MarginalLowIncome = 2,

    /// <summary>A person or household in special hardship (特困人员): no ability to work, no income, no one obliged to
    /// support them.</summary>
    SpecialHardship = 3,

    /// <summary>Another hardship, such as sudden expenditure-driven poverty (支出型困难) after an illness or accident.</summary>
    Other = 4,
}

namespace Volunteering.Domain.TimeBank;

/// <summary>Circumstances that schemes use to give a person priority or an exception (for example redeeming at 60
/// instead of 65, or receiving grants from the community pool). Flags combine.</summary>
[Flags]
public enum Hardship
{
    /// <summary>None recorded.</summary>
    None = 0,

    /// <summary>Lives alone (独居).</summary>
    LivingAlone = 1,

    /// <summary>In a minimum-living-standard household (低保).</summary>
    LowIncome = 2,

    /// <summary>Has a disability (残疾).</summary>
    Disabled = 4,

    /// <summary>In special hardship (特困).</summary>
    SpecialHardship = 8,
}

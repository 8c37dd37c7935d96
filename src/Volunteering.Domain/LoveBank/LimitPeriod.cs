namespace Volunteering.Domain.LoveBank;

/// <summary>The calendar period an item's per-holder limit counts over, in the scheme's time zone.</summary>
public enum LimitPeriod
{
    /// <summary>A calendar day.</summary>
    Day = 0,

    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week = 1,

    /// <summary>A calendar month.</summary>
    Month = 2,

    /// <summary>A calendar year.</summary>
    Year = 3,
}

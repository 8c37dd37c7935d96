namespace Volunteering.Domain.Aid;

/// <summary>How a programme's benefit standard sets the amount of one instalment.</summary>
public enum BenefitStandardKind
{
    /// <summary>A fixed amount per instalment, whatever the household.</summary>
    Fixed = 1,

    /// <summary>An amount per household member per instalment: the standard times the household size.</summary>
    PerMember = 2,

    /// <summary>Any amount assessed case by case, up to a cap per instalment (often a multiple of the local
    /// minimum-living standard).</summary>
    UpToCap = 3,
}

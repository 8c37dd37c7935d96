namespace Volunteering.Domain.Aid;

/// <summary>Where money put into a programme's fund comes from.</summary>
public enum FundSource
{
    /// <summary>A donation (捐赠) by a person or an organisation.</summary>
    Donation = 1,

    /// <summary>An allocation (拨款) by a government office or another fund.</summary>
    Allocation = 2,
}

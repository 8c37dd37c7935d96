namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>What happens to deposited time above an account's cap.</summary>
public enum CapOverflow
{
    /// <summary>The excess goes to the community pool (Nanjing: time above 1,500 hours is donated).</summary>
    DonateToPool = 0,

    /// <summary>The deposit is refused with <see cref="TimeBankResult.AccountCapReached"/>.</summary>
    Refuse = 1,
}

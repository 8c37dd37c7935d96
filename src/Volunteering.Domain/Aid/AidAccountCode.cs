namespace Volunteering.Domain.Aid;

/// <summary>The account codes (<see cref="Ledger.LedgerAccount.Code"/>) of aid accounts on the ledger; 201–299 are
/// reserved for aid.</summary>
public enum AidAccountCode
{
    /// <summary>A programme's fund: floor 0, so it never pays out more than it holds.</summary>
    Fund = 201,

    /// <summary>A donor's (or allocating body's) account: no floor, ceiling 0, so its balance is minus everything it
    /// has given.</summary>
    Donor = 202,

    /// <summary>A beneficiary's account within one programme: floor 0, its balance is what the beneficiary was paid
    /// net of reversals.</summary>
    Beneficiary = 203,
}

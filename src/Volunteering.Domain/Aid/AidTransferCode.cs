namespace Volunteering.Domain.Aid;

/// <summary>The transfer codes (<see cref="Ledger.TransferRequest.Code"/>) of aid transfers on the ledger; 201–299 are
/// reserved for aid. A reversal carries the code of the transfer it reverses.</summary>
public enum AidTransferCode
{
    /// <summary>A donation into a fund, from the donor's account.</summary>
    Donation = 201,

    /// <summary>An allocation into a fund, from the allocating body's account.</summary>
    Allocation = 202,

    /// <summary>A payment of aid from a fund to a beneficiary's account (and, reversed, back).</summary>
    AidPayment = 203,
}

namespace Volunteering.Domain.LoveBank;

/// <summary>The ledger transfer codes the love bank uses (<see cref="Ledger.TransferRequest.Code"/>), in the 200 range.
/// A reversal carries the code of the transfer it reverses.</summary>
public enum LoveBankTransferCode
{
    /// <summary>Points earned by a contribution (issuing → passbook).</summary>
    Award = 201,

    /// <summary>Points deducted by rule (passbook → deducted).</summary>
    Deduction = 202,

    /// <summary>Points expired (passbook → expired).</summary>
    Expiry = 203,

    /// <summary>Points reserved and, once fulfilled, spent on a redemption (passbook → redeemed, pending until then).</summary>
    RedemptionPoints = 204,

    /// <summary>Stock reserved and, once fulfilled, handed out (stock → handed out, pending until then).</summary>
    RedemptionStock = 205,

    /// <summary>Stock added at an outlet (supply → stock).</summary>
    Restock = 206,

    /// <summary>Stock written off at an outlet (stock → written off).</summary>
    WriteOff = 207,

    /// <summary>The leg of an exchange that takes the source asset in (source account → exchange account).</summary>
    ExchangeIn = 208,

    /// <summary>The leg of an exchange that pays the target asset out (exchange account → target account).</summary>
    ExchangeOut = 209,
}

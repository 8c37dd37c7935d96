namespace Volunteering.Domain.LoveBank;

/// <summary>The ledger account codes the love bank uses (<see cref="Ledger.LedgerAccount.Code"/>), in the 200 range.</summary>
public enum LoveBankAccountCode
{
    /// <summary>A passbook (爱心互助存折): a person's or household's points, floor 0.</summary>
    Passbook = 200,

    /// <summary>The scheme's issuing account: every point earned comes from it; no floor.</summary>
    Issuing = 201,

    /// <summary>Points spent on fulfilled redemptions end here.</summary>
    Redeemed = 202,

    /// <summary>Expired points end here.</summary>
    Expired = 203,

    /// <summary>Points deducted by rule end here.</summary>
    Deducted = 204,

    /// <summary>The scheme's exchange account for points; no floor.</summary>
    ExchangePoints = 205,

    /// <summary>The scheme's exchange account for time-bank minutes; no floor.</summary>
    ExchangeTime = 206,

    /// <summary>The scheme's exchange account for voucher money (fen); no floor.</summary>
    ExchangeMoney = 207,

    /// <summary>A passbook's voucher account: cash-equivalent value in fen from exchanged points, floor 0.</summary>
    Voucher = 208,

    /// <summary>An item's supply account: restocks come from it; no floor.</summary>
    Supply = 210,

    /// <summary>An item's stock at one outlet, in units, floor 0: stock never goes negative.</summary>
    Stock = 211,

    /// <summary>Units of an item handed out on fulfilled redemptions end here.</summary>
    HandedOut = 212,

    /// <summary>Units of an item written off (damaged, expired, lost) end here.</summary>
    WrittenOff = 213,
}

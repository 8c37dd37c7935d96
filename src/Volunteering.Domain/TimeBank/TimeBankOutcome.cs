using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank;

/// <summary>What a time-bank operation did: its <see cref="Code"/>, the ledger's answer where a transfer was tried,
/// and the time that moved.</summary>
/// <param name="Code">The time-bank result.</param>
/// <param name="LedgerResult">The ledger's result for the transfer, or <see cref="TransferResult.Ok"/> when none was tried.</param>
/// <param name="Credited">Time credited to the member's own account (deposits, gifts, grants) or debited (withdrawals).</param>
/// <param name="ToPool">For a deposit above the account cap, the excess sent to the community pool.</param>
public readonly record struct TimeBankOutcome(TimeBankResult Code, TransferResult LedgerResult, TimeCredit Credited, TimeCredit ToPool)
{
    /// <summary>True for <see cref="TimeBankResult.Ok"/> and <see cref="TimeBankResult.AlreadyDone"/>.</summary>
    public bool IsSuccess => Code is TimeBankResult.Ok or TimeBankResult.AlreadyDone;

    internal static TimeBankOutcome Refused(TimeBankResult code) => new(code, TransferResult.Ok, TimeCredit.Zero, TimeCredit.Zero);

    internal static TimeBankOutcome FromLedger(TransferResult result, TimeCredit credited, TimeCredit toPool = default) => result switch
    {
        TransferResult.Ok => new(TimeBankResult.Ok, result, credited, toPool),
        TransferResult.Exists => new(TimeBankResult.AlreadyDone, result, credited, toPool),
        TransferResult.ExceedsFloor => new(TimeBankResult.InsufficientCredit, result, TimeCredit.Zero, TimeCredit.Zero),
        TransferResult.ExceedsCeiling => new(TimeBankResult.AccountCapReached, result, TimeCredit.Zero, TimeCredit.Zero),
        _ => new(TimeBankResult.LedgerRejected, result, TimeCredit.Zero, TimeCredit.Zero),
    };
}

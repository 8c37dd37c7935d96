namespace Volunteering.Domain.Ledger;

/// <summary>Helpers to read a <see cref="TransferResult"/>.</summary>
public static class TransferResultExtensions
{
    /// <summary>True for <see cref="TransferResult.Ok"/> and <see cref="TransferResult.Exists"/>: the transfer is in the
    /// ledger exactly once.</summary>
    public static bool IsSuccess(this TransferResult result)
        => result is TransferResult.Ok or TransferResult.Exists;

    /// <summary>True for the rejections that depend on the ledger's state rather than on the request alone; the
    /// ledger remembers such an id as failed, so a retry with the same id returns
    /// <see cref="TransferResult.IdAlreadyFailed"/>.</summary>
    public static bool IsStateRejection(this TransferResult result) => result switch
    {
        TransferResult.DebitAccountNotFound or TransferResult.CreditAccountNotFound
            or TransferResult.AssetMismatch
            or TransferResult.DebitAccountFrozen or TransferResult.CreditAccountFrozen
            or TransferResult.DebitAccountClosed or TransferResult.CreditAccountClosed
            or TransferResult.ExceedsFloor or TransferResult.ExceedsCeiling or TransferResult.BalanceOverflow
            or TransferResult.PendingTransferNotFound or TransferResult.PendingTransferAlreadyPosted
            or TransferResult.PendingTransferAlreadyVoided or TransferResult.PendingTransferExpired
            or TransferResult.ExceedsPendingAmount
            or TransferResult.TransferNotFound or TransferResult.TransferAlreadyReversed
            or TransferResult.TransferNotReversible => true,
        _ => false,
    };
}

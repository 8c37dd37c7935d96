namespace Volunteering.Domain.Ledger;

/// <summary>
/// The outcome of a transfer request: <see cref="Ok"/>, <see cref="Exists"/> (an idempotent repeat, to be treated as
/// success) or exactly one rejection code naming the rule that refused it. A rejected request changes no balance,
/// no account and no transfer.
/// </summary>
/// <remarks>Use <see cref="TransferResultExtensions.IsSuccess"/> to treat <see cref="Ok"/> and <see cref="Exists"/> alike.</remarks>
public enum TransferResult
{
    /// <summary>The transfer was applied.</summary>
    Ok = 0,

    /// <summary>A transfer with this id and the same content was applied before; nothing changed this time.</summary>
    Exists = 1,

    // --- the id exists with other content ---

    /// <summary>The id was used before for a transfer of another <see cref="TransferKind"/>.</summary>
    ExistsWithDifferentKind = 10,

    /// <summary>The id was used before with another debit account.</summary>
    ExistsWithDifferentDebitAccount = 11,

    /// <summary>The id was used before with another credit account.</summary>
    ExistsWithDifferentCreditAccount = 12,

    /// <summary>The id was used before with another amount.</summary>
    ExistsWithDifferentAmount = 13,

    /// <summary>The id was used before with another transfer code.</summary>
    ExistsWithDifferentCode = 14,

    /// <summary>The id was used before with another memo.</summary>
    ExistsWithDifferentMemo = 15,

    /// <summary>The id was used before naming another pending or reversed transfer.</summary>
    ExistsWithDifferentRelatedTransfer = 16,

    /// <summary>The id was used before with another expiry.</summary>
    ExistsWithDifferentExpiry = 17,

    /// <summary>The id was used before, with this content, and that attempt was rejected on the ledger's state; an
    /// id that failed stays failed. Retry with a new id.</summary>
    IdAlreadyFailed = 18,

    // --- accounts ---

    /// <summary>The debit and the credit account are the same account.</summary>
    AccountsMustBeDifferent = 20,

    /// <summary>No account has the debit account id.</summary>
    DebitAccountNotFound = 21,

    /// <summary>No account has the credit account id.</summary>
    CreditAccountNotFound = 22,

    /// <summary>The two accounts hold different assets; convert through exchange accounts instead.</summary>
    AssetMismatch = 23,

    /// <summary>The debit account is frozen.</summary>
    DebitAccountFrozen = 24,

    /// <summary>The credit account is frozen.</summary>
    CreditAccountFrozen = 25,

    /// <summary>The debit account is closed.</summary>
    DebitAccountClosed = 26,

    /// <summary>The credit account is closed.</summary>
    CreditAccountClosed = 27,

    // --- limits ---

    /// <summary>The debit would take the debit account's available balance (posted balance less pending debits)
    /// below its floor.</summary>
    ExceedsFloor = 30,

    /// <summary>The credit would take the credit account's balance (counting pending credits) above its ceiling.</summary>
    ExceedsCeiling = 31,

    /// <summary>A running total of an account would overflow a 64-bit integer.</summary>
    BalanceOverflow = 32,

    // --- two-phase ---

    /// <summary>No pending transfer has the given id (or the id names a transfer that is not pending).</summary>
    PendingTransferNotFound = 40,

    /// <summary>The pending transfer was already posted.</summary>
    PendingTransferAlreadyPosted = 41,

    /// <summary>The pending transfer was already voided.</summary>
    PendingTransferAlreadyVoided = 42,

    /// <summary>The pending transfer expired (or passed its expiry instant) and can no longer be posted or voided.</summary>
    PendingTransferExpired = 43,

    /// <summary>The amount to post is larger than the amount the pending transfer reserved.</summary>
    ExceedsPendingAmount = 44,

    /// <summary>The expiry instant of a new pending transfer is not after the ledger's clock.</summary>
    ExpiryNotInFuture = 45,

    // --- reversals ---

    /// <summary>No transfer has the id given for reversal.</summary>
    TransferNotFound = 50,

    /// <summary>The transfer was already reversed.</summary>
    TransferAlreadyReversed = 51,

    /// <summary>Only posted movements (a post, or a posted pending transfer) can be reversed; not a pending
    /// reservation, a void, a failure or a reversal itself.</summary>
    TransferNotReversible = 52,

    // --- linked batches ---

    /// <summary>Another member of the linked batch was rejected, so this one was not applied either.</summary>
    LinkedEventFailed = 60,
}

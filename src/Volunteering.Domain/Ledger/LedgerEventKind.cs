namespace Volunteering.Domain.Ledger;

/// <summary>The kind of a <see cref="LedgerEvent"/> in the append-only journal.</summary>
public enum LedgerEventKind
{
    /// <summary>Not a valid kind; the default value.</summary>
    None = 0,

    /// <summary>An account was opened with its asset, owner, code and limits.</summary>
    AccountOpened = 1,

    /// <summary>An account was frozen: no transfer may debit or credit it until it is unfrozen.</summary>
    AccountFrozen = 2,

    /// <summary>A frozen account was unfrozen.</summary>
    AccountUnfrozen = 3,

    /// <summary>An account was closed for good (its balance was zero with nothing pending).</summary>
    AccountClosed = 4,

    /// <summary>An account's floor and ceiling were changed.</summary>
    AccountLimitsChanged = 5,

    /// <summary>A transfer was posted at once.</summary>
    TransferPosted = 10,

    /// <summary>A pending transfer reserved an amount.</summary>
    PendingCreated = 11,

    /// <summary>A pending transfer was posted, in full or in part.</summary>
    PendingPosted = 12,

    /// <summary>A pending transfer was voided.</summary>
    PendingVoided = 13,

    /// <summary>A pending transfer passed its expiry and was released.</summary>
    PendingExpired = 14,

    /// <summary>A reversal of an earlier posted transfer was appended.</summary>
    TransferReversed = 15,

    /// <summary>A transfer was rejected on the state of the ledger (an account missing, frozen, over a limit, ...);
    /// its id stays failed, so a retry with the same id is rejected too. Balances did not change.</summary>
    TransferRejected = 20,
}

namespace Volunteering.Domain.Ledger;

/// <summary>The outcome of an account operation: <see cref="Ok"/>, <see cref="Exists"/> or one rejection code. A
/// rejected operation changes nothing.</summary>
public enum AccountResult
{
    /// <summary>The operation was applied.</summary>
    Ok = 0,

    /// <summary>An account with this id and the same content was opened before; nothing changed.</summary>
    Exists = 1,

    /// <summary>The id belongs to an account of another asset.</summary>
    ExistsWithDifferentAsset = 2,

    /// <summary>The id belongs to an account of another owner.</summary>
    ExistsWithDifferentOwner = 3,

    /// <summary>The id belongs to an account with another account code.</summary>
    ExistsWithDifferentCode = 4,

    /// <summary>The id belongs to an account with other limits.</summary>
    ExistsWithDifferentLimits = 5,

    /// <summary>No account has this id.</summary>
    AccountNotFound = 10,

    /// <summary>The account is closed; it can no longer change.</summary>
    AccountClosed = 11,

    /// <summary>The account is already frozen.</summary>
    AlreadyFrozen = 12,

    /// <summary>The account is not frozen.</summary>
    NotFrozen = 13,

    /// <summary>An account can be closed only at a zero posted balance.</summary>
    BalanceNotZero = 14,

    /// <summary>An account can be closed only with no pending debits or credits.</summary>
    HasPendingTransfers = 15,

    /// <summary>The new limits would not hold for the account's current balance and pending amounts.</summary>
    LimitsWouldBeViolated = 16,
}

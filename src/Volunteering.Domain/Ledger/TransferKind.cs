namespace Volunteering.Domain.Ledger;

/// <summary>What a <see cref="TransferRequest"/> asks the ledger to do.</summary>
public enum TransferKind
{
    /// <summary>Not a valid kind; the default value.</summary>
    None = 0,

    /// <summary>Move an amount from the debit account to the credit account at once.</summary>
    Post = 1,

    /// <summary>Reserve an amount (phase one of a two-phase transfer): it counts against the debit account's
    /// floor and the credit account's ceiling but moves nothing until it is posted.</summary>
    Pending = 2,

    /// <summary>Post all or part of a pending transfer (phase two); the rest is released.</summary>
    PostPending = 3,

    /// <summary>Release a pending transfer without moving anything.</summary>
    VoidPending = 4,

    /// <summary>Append the opposite of an earlier posted transfer; the original stays in the journal and the two
    /// are linked both ways.</summary>
    Reversal = 5,
}

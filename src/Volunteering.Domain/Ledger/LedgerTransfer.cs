using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>A read-only snapshot of a transfer the ledger holds, applied or failed.</summary>
public readonly record struct LedgerTransfer
{
    /// <summary>The request exactly as it was submitted.</summary>
    public TransferRequest Request { get; init; }

    /// <summary>The account debited (for post-pending, void and reversal: taken from the related transfer).</summary>
    public AccountId DebitAccountId { get; init; }

    /// <summary>The account credited.</summary>
    public AccountId CreditAccountId { get; init; }

    /// <summary>The asset moved.</summary>
    public Asset Asset { get; init; }

    /// <summary>The amount moved, reserved or released.</summary>
    public long Amount { get; init; }

    /// <summary>When the ledger applied (or rejected) it.</summary>
    public Instant Timestamp { get; init; }

    /// <summary>Its journal position.</summary>
    public long Position { get; init; }

    /// <summary>For a pending transfer, where it stands; <see cref="PendingState.None"/> otherwise.</summary>
    public PendingState PendingState { get; init; }

    /// <summary>The id of the reversal appended for it, or empty.</summary>
    public TransferId ReversedBy { get; init; }

    /// <summary>The rejection code if the attempt failed on the ledger's state, otherwise <see cref="TransferResult.Ok"/>.</summary>
    public TransferResult FailedWith { get; init; }

    /// <summary>The transfer's id.</summary>
    public TransferId Id => Request.Id;

    /// <summary>True if the attempt failed (the id is burnt).</summary>
    public bool IsFailed => FailedWith != TransferResult.Ok;
}

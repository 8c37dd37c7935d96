using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>The ledger's record of one transfer id: what was asked, what it did, and where it stands.</summary>
internal struct TransferState
{
    public TransferRequest Request;
    public AccountId Debit;
    public AccountId Credit;
    public Asset Asset;
    public long Amount;
    public Instant Timestamp;
    public long Position;
    public PendingState PendingState;
    public TransferId ReversedBy;
    public TransferResult FailedWith;

    public readonly LedgerTransfer Snapshot() => new()
    {
        Request = Request,
        DebitAccountId = Debit,
        CreditAccountId = Credit,
        Asset = Asset,
        Amount = Amount,
        Timestamp = Timestamp,
        Position = Position,
        PendingState = PendingState,
        ReversedBy = ReversedBy,
        FailedWith = FailedWith,
    };
}

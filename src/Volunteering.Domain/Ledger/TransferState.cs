namespace Volunteering.Domain.Ledger;

/// <summary>
/// The ledger's record of one transfer id, kept small on purpose (the ledger holds one per transfer ever made): where
/// its journal entry is, where a pending transfer stands, and which entry reversed it. Everything else — the request,
/// the accounts, the amount, a rejection code — is read from the journal entry.
/// </summary>
internal struct TransferState
{
    /// <summary>The journal index (position − 1) of the entry that applied or rejected the id.</summary>
    public int Index;

    /// <summary>For a pending transfer, where it stands.</summary>
    public PendingState PendingState;

    /// <summary>The journal index + 1 of the reversal of this transfer; 0 while it is not reversed.</summary>
    public int ReversedByIndex;
}

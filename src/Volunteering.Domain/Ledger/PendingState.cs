namespace Volunteering.Domain.Ledger;

/// <summary>Where a two-phase (pending) transfer stands. A pending transfer resolves at most once.</summary>
public enum PendingState
{
    /// <summary>Not a pending transfer.</summary>
    None = 0,

    /// <summary>Reserved, not yet resolved.</summary>
    Pending = 1,

    /// <summary>Posted, in full or in part.</summary>
    Posted = 2,

    /// <summary>Voided.</summary>
    Voided = 3,

    /// <summary>Expired and released.</summary>
    Expired = 4,
}

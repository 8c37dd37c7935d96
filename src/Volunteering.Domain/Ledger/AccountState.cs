using NodaTime;

namespace Volunteering.Domain.Ledger;

/// <summary>The mutable numbers and flags of an account, kept as one struct so a linked batch can snapshot and
/// restore them in one copy.</summary>
internal struct AccountCore
{
    public long DebitsPosted;
    public long CreditsPosted;
    public long DebitsPending;
    public long CreditsPending;
    public long Version;

    /// <summary>The journal index + 1 of the newest entry that touched the account (0: none). Each entry links back
    /// to the account's previous one, so appending touches nothing but the account itself.</summary>
    public int LastEntry;
    public long? Floor;
    public long? Ceiling;
    public bool IsFrozen;
    public bool IsClosed;

    public readonly long Balance => CreditsPosted - DebitsPosted;
}

/// <summary>The ledger's record of one account.</summary>
internal sealed class AccountState
{
    public AccountState(in OpenAccountRequest opening, Instant openedAt)
    {
        Opening = opening;
        OpenedAt = openedAt;
        Core.Floor = opening.Floor;
        Core.Ceiling = opening.Ceiling;
    }

    public readonly OpenAccountRequest Opening;
    public readonly Instant OpenedAt;
    public AccountCore Core;

    /// <summary>Journal indexes of the entries that touched this account, oldest first: built on demand from the
    /// back links (for statements and audits), then extended as new entries arrive. Null until first needed.</summary>
    public List<int>? Index;

    public LedgerAccount Snapshot() => new()
    {
        Id = Opening.Id,
        Asset = Opening.Asset,
        OwnerId = Opening.OwnerId,
        Code = Opening.Code,
        Floor = Core.Floor,
        Ceiling = Core.Ceiling,
        DebitsPosted = Core.DebitsPosted,
        CreditsPosted = Core.CreditsPosted,
        DebitsPending = Core.DebitsPending,
        CreditsPending = Core.CreditsPending,
        Version = Core.Version,
        IsFrozen = Core.IsFrozen,
        IsClosed = Core.IsClosed,
        OpenedAt = OpenedAt,
    };
}

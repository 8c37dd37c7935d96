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

    /// <summary>Journal positions of the entries that touched this account, oldest first.</summary>
    public readonly List<long> Entries = new(4);

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

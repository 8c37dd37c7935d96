using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>
/// One entry of the ledger's append-only journal, and the record a storage adapter persists. The journal is the
/// source of truth: replaying it with <see cref="DoubleEntryLedger.Replay"/> rebuilds every account, transfer and balance.
/// Entries are never edited or deleted; corrections are new entries (reversals).
/// </summary>
/// <remarks>
/// Which properties are meaningful depends on <see cref="Kind"/>: account events use <see cref="AccountId"/>,
/// <see cref="OwnerId"/>, <see cref="Code"/>, <see cref="Floor"/> and <see cref="Ceiling"/>; transfer events use the
/// transfer properties and carry, for each of the two accounts, its version and posted balance after the entry, so
/// a statement needs no replay. Unused properties hold their default values.
/// </remarks>
public readonly record struct LedgerEvent
{
    /// <summary>The 1-based position in the journal; positions are dense and strictly increasing.</summary>
    public long Position { get; init; }

    /// <summary>What happened.</summary>
    public LedgerEventKind Kind { get; init; }

    /// <summary>When the ledger applied the entry (from its <see cref="IClock"/>, made strictly increasing).</summary>
    public Instant Timestamp { get; init; }

    /// <summary>For account events, the account.</summary>
    public AccountId AccountId { get; init; }

    /// <summary>For account events, the account's version after this entry (for transfer events see
    /// <see cref="DebitAccountVersion"/> and <see cref="CreditAccountVersion"/>).</summary>
    public long AccountVersion { get; init; }

    /// <summary>For <see cref="LedgerEventKind.AccountOpened"/>, the owner (empty for a system account).</summary>
    public Guid OwnerId { get; init; }

    /// <summary>For account openings and limit changes, the floor (null: none).</summary>
    public long? Floor { get; init; }

    /// <summary>For account openings and limit changes, the ceiling (null: none).</summary>
    public long? Ceiling { get; init; }

    /// <summary>For transfer events, the transfer id; for <see cref="LedgerEventKind.PendingExpired"/>, the expired
    /// pending transfer's id.</summary>
    public TransferId TransferId { get; init; }

    /// <summary>The kind of request the transfer event answers.</summary>
    public TransferKind TransferKind { get; init; }

    /// <summary>The pending transfer posted or voided, or the transfer reversed; empty otherwise.</summary>
    public TransferId RelatedTransferId { get; init; }

    /// <summary>The account debited (for account events: default).</summary>
    public AccountId DebitAccountId { get; init; }

    /// <summary>The account credited (for account events: default).</summary>
    public AccountId CreditAccountId { get; init; }

    /// <summary>The asset of the account or transfer.</summary>
    public Asset Asset { get; init; }

    /// <summary>The amount the entry moved, reserved or released, in the asset's smallest unit. For a rejection, the
    /// amount requested.</summary>
    public long Amount { get; init; }

    /// <summary>The transfer code, or for an opening the account code.</summary>
    public int Code { get; init; }

    /// <summary>The transfer's memo, if any.</summary>
    public string? Memo { get; init; }

    /// <summary>For a pending transfer, when it expires.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>For <see cref="LedgerEventKind.TransferRejected"/>, the rule that rejected it.</summary>
    public TransferResult Rejection { get; init; }

    /// <summary>The debit account's version after this entry (each entry that touches an account increments it).</summary>
    public long DebitAccountVersion { get; init; }

    /// <summary>The debit account's posted balance (credits less debits) after this entry.</summary>
    public long DebitAccountBalance { get; init; }

    /// <summary>The credit account's version after this entry.</summary>
    public long CreditAccountVersion { get; init; }

    /// <summary>The credit account's posted balance (credits less debits) after this entry.</summary>
    public long CreditAccountBalance { get; init; }

    /// <summary>The version this entry gave <paramref name="accountId"/>, or 0 if the entry did not touch it.</summary>
    /// <param name="accountId">The account.</param>
    public long VersionOf(AccountId accountId)
    {
        if (IsAccountEvent) return AccountId == accountId ? AccountVersion : 0;
        if (Kind == LedgerEventKind.TransferRejected) return 0;
        if (DebitAccountId == accountId) return DebitAccountVersion;
        return CreditAccountId == accountId ? CreditAccountVersion : 0;
    }

    /// <summary>True for the kinds that change a posted balance: a post, a posted pending transfer, a reversal.</summary>
    public bool MovesPostedBalance => Kind is LedgerEventKind.TransferPosted or LedgerEventKind.PendingPosted or LedgerEventKind.TransferReversed;

    /// <summary>True for the account-level kinds (opened, frozen, unfrozen, closed, limits changed).</summary>
    public bool IsAccountEvent => Kind is >= LedgerEventKind.AccountOpened and <= LedgerEventKind.AccountLimitsChanged;
}

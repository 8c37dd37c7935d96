using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>One movement of an account's posted balance, as shown on a statement.</summary>
public readonly record struct StatementLine
{
    /// <summary>The journal position of the entry.</summary>
    public long Position { get; init; }

    /// <summary>When it was applied.</summary>
    public Instant Timestamp { get; init; }

    /// <summary>The transfer that moved the balance.</summary>
    public TransferId TransferId { get; init; }

    /// <summary>The kind of entry: a post, a posted pending transfer or a reversal.</summary>
    public LedgerEventKind Kind { get; init; }

    /// <summary>The other account of the transfer.</summary>
    public AccountId CounterpartyAccountId { get; init; }

    /// <summary>The change to this account's balance: positive when credited, negative when debited.</summary>
    public long Change { get; init; }

    /// <summary>The account's posted balance after the entry.</summary>
    public long BalanceAfter { get; init; }

    /// <summary>The transfer code.</summary>
    public int Code { get; init; }

    /// <summary>The transfer's memo, if any.</summary>
    public string? Memo { get; init; }
}

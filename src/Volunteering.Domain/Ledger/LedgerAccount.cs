using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>
/// A read-only snapshot of a ledger account. The posted <see cref="Balance"/> is credits less debits, so an account
/// that receives value has a positive balance and an issuing account that hands it out a negative one; per asset the
/// balances of all accounts sum to zero.
/// </summary>
public readonly record struct LedgerAccount
{
    /// <summary>The account id.</summary>
    public AccountId Id { get; init; }

    /// <summary>The asset it holds.</summary>
    public Asset Asset { get; init; }

    /// <summary>The owner, or <see cref="Guid.Empty"/> for a system account.</summary>
    public Guid OwnerId { get; init; }

    /// <summary>The application-defined account kind.</summary>
    public int Code { get; init; }

    /// <summary>The lowest available balance allowed, or null for none.</summary>
    public long? Floor { get; init; }

    /// <summary>The highest balance allowed counting pending credits, or null for none.</summary>
    public long? Ceiling { get; init; }

    /// <summary>Total posted debits.</summary>
    public long DebitsPosted { get; init; }

    /// <summary>Total posted credits.</summary>
    public long CreditsPosted { get; init; }

    /// <summary>Total debits reserved by unresolved pending transfers.</summary>
    public long DebitsPending { get; init; }

    /// <summary>Total credits reserved by unresolved pending transfers.</summary>
    public long CreditsPending { get; init; }

    /// <summary>The number of journal entries that touched the account, its opening included.</summary>
    public long Version { get; init; }

    /// <summary>True while the account is frozen.</summary>
    public bool IsFrozen { get; init; }

    /// <summary>True once the account is closed.</summary>
    public bool IsClosed { get; init; }

    /// <summary>When the account was opened.</summary>
    public Instant OpenedAt { get; init; }

    /// <summary>The posted balance: credits less debits.</summary>
    public long Balance => CreditsPosted - DebitsPosted;

    /// <summary>What can still be debited before the floor is considered: the posted balance less pending debits.</summary>
    public long Available => CreditsPosted - DebitsPosted - DebitsPending;
}

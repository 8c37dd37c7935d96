using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>The most time one personal account may hold, and what happens to deposits above it. The cap is also set
/// as the account's ledger ceiling, so no transfer of any kind can cross it.</summary>
public sealed record AccountCapPolicy
{
    /// <summary>1,500 hours, excess donated to the pool (Nanjing).</summary>
    public static AccountCapPolicy Default { get; } = new();

    /// <summary>No cap.</summary>
    public static AccountCapPolicy None { get; } = new() { Cap = null };

    /// <summary>The cap, or null for none. Default 1,500 hours.</summary>
    public TimeCredit? Cap { get; init; } = TimeCredit.FromHours(1500);

    /// <summary>What happens to deposits above the cap. Default: donated to the pool.</summary>
    public CapOverflow Overflow { get; init; } = CapOverflow.DonateToPool;
}

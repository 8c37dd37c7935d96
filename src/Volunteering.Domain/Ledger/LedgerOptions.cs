namespace Volunteering.Domain.Ledger;

/// <summary>Sizing hints for an in-memory <see cref="DoubleEntryLedger"/>. Reserving capacity up front avoids re-growing the
/// account and transfer tables and the journal while a deployment runs; it changes no behaviour.</summary>
public sealed class LedgerOptions
{
    /// <summary>The default options: small initial tables that grow as needed.</summary>
    public static LedgerOptions Default { get; } = new();

    /// <summary>How many accounts to reserve room for. Zero or more; default 16.</summary>
    public int AccountCapacity { get; init; } = 16;

    /// <summary>How many transfers (and journal entries) to reserve room for. Zero or more; default 64.</summary>
    public int TransferCapacity { get; init; } = 64;
}

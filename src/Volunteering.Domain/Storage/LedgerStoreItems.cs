using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>Helpers adapters share to honour the <see cref="ILedgerStore"/> contract.</summary>
public static class LedgerStoreItems
{
    /// <summary>The transfer id an entry claims in the store's unique index of transfer ids: the transfer id of every
    /// transfer entry (applied or rejected), and none (<see cref="Guid.Empty"/>) for account events and for expiries,
    /// which reuse the pending transfer's id.</summary>
    /// <param name="entry">The entry.</param>
    public static Guid TransferIdOf(in LedgerEvent entry)
        => entry.IsAccountEvent || entry.Kind == LedgerEventKind.PendingExpired ? Guid.Empty : entry.TransferId.Value;

    /// <summary>The account id an entry claims in the store's unique index of account ids: the account of an
    /// <see cref="LedgerEventKind.AccountOpened"/> entry, none (<see cref="Guid.Empty"/>) for every other entry.
    /// Account ids and transfer ids are separate namespaces: the same GUID may name an account and a transfer.</summary>
    /// <param name="entry">The entry.</param>
    public static Guid AccountIdOf(in LedgerEvent entry)
        => entry.Kind == LedgerEventKind.AccountOpened ? entry.AccountId.Value : Guid.Empty;

    /// <summary>Checks that a batch is well formed for an append at <paramref name="expectedPosition"/>: not empty and
    /// positions dense from <paramref name="expectedPosition"/> + 1.</summary>
    /// <exception cref="ArgumentException">The batch is empty or its positions do not follow on.</exception>
    public static void GuardBatch(long expectedPosition, IReadOnlyList<LedgerEvent> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedPosition);
        if (entries.Count == 0) throw new ArgumentException("An append needs at least one entry.", nameof(entries));
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Position != expectedPosition + i + 1)
            {
                throw new ArgumentException($"Entry {i} has position {entries[i].Position}, expected {expectedPosition + i + 1}.", nameof(entries));
            }
        }
    }
}

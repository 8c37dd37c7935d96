using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>Helpers adapters share to honour the <see cref="ILedgerStore"/> contract.</summary>
public static class LedgerStoreItems
{
    /// <summary>The item id an entry claims in the store's unique index: the transfer id of a transfer entry, the account
    /// id of an opening, and none (<see cref="Guid.Empty"/>) for other account events and for expiries, which reuse the
    /// pending transfer's id.</summary>
    /// <param name="entry">The entry.</param>
    public static Guid ItemIdOf(in LedgerEvent entry) => entry.Kind switch
    {
        LedgerEventKind.AccountOpened => entry.AccountId.Value,
        LedgerEventKind.PendingExpired => Guid.Empty,
        _ when entry.IsAccountEvent => Guid.Empty,
        _ => entry.TransferId.Value,
    };

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

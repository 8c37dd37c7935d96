using System.Runtime.CompilerServices;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>Reads the ledger straight from an <see cref="IRecordStore"/>, without loading a
/// <see cref="DoubleEntryLedger"/>: the journal, one account's history, a balance, a transfer.</summary>
public static class LedgerStoreQueries
{
    /// <summary>Reads the journal forward from the entry after <paramref name="afterPosition"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="afterPosition">0 to read from the start.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async IAsyncEnumerable<LedgerEvent> ReadJournalAsync(
        this IRecordStore store, long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await foreach (var record in store.ReadStreamAsync(LedgerStreams.Journal, afterPosition, cancellationToken).ConfigureAwait(false))
        {
            yield return LedgerStreams.EntryOf(record);
        }
    }

    /// <summary>Reads the entries that touched an account, in the account's version order, from the one after
    /// <paramref name="afterVersion"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="afterVersion">0 to read from the opening.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async IAsyncEnumerable<LedgerEvent> ReadAccountAsync(
        this IRecordStore store, AccountId accountId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await foreach (var record in store.ReadStreamAsync(LedgerStreams.Account(accountId), afterVersion, cancellationToken).ConfigureAwait(false))
        {
            yield return LedgerStreams.EntryOf(record);
        }
    }

    /// <summary>An account's posted balance from its newest entry, or null if the account was never opened.</summary>
    /// <param name="store">The store.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async ValueTask<StoredBalance?> GetBalanceAsync(this IRecordStore store, AccountId accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stream = LedgerStreams.Account(accountId);
        var version = await store.GetStreamVersionAsync(stream, cancellationToken).ConfigureAwait(false);
        if (version == 0) return null;
        LedgerEvent? last = null;
        await foreach (var record in store.ReadStreamAsync(stream, version - 1, cancellationToken).ConfigureAwait(false))
        {
            last = LedgerStreams.EntryOf(record);
        }

        if (last is not { } e) return null;
        // Account events (opened, frozen, limits changed) carry no balance: then the newest transfer entry before it has it.
        var posted = e.IsAccountEvent
            ? await BalanceFromTransfersAsync(store, accountId, stream, version, cancellationToken).ConfigureAwait(false)
            : e.DebitAccountId == accountId ? e.DebitAccountBalance : e.CreditAccountBalance;

        return new StoredBalance(accountId, e.VersionOf(accountId), posted, e.Position);
    }

    /// <summary>Finds the entry that applied or rejected a transfer id, or null.</summary>
    /// <param name="store">The store.</param>
    /// <param name="transferId">The transfer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async ValueTask<LedgerEvent?> FindTransferAsync(this IRecordStore store, TransferId transferId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (transferId.IsEmpty) throw new ArgumentException("The transfer id must not be empty.", nameof(transferId));
        var record = await store.FindItemAsync(new ItemKey(LedgerStreams.TransferScope, transferId.Value), cancellationToken).ConfigureAwait(false);
        return record is null ? null : LedgerStreams.EntryOf(record);
    }

    private static async ValueTask<long> BalanceFromTransfersAsync(IRecordStore store, AccountId accountId, StreamName stream, long version, CancellationToken cancellationToken)
    {
        // Walk back a page at a time; account events (freeze, limits) are rare, so this stops within a page or two.
        const int Page = 16;
        for (var upTo = version; upTo > 0; upTo -= Page)
        {
            var from = Math.Max(0, upTo - Page);
            long? found = null;
            await foreach (var record in store.ReadStreamAsync(stream, from, cancellationToken).ConfigureAwait(false))
            {
                var e = LedgerStreams.EntryOf(record);
                if (e.VersionOf(accountId) > upTo) break;
                if (!e.IsAccountEvent) found = e.DebitAccountId == accountId ? e.DebitAccountBalance : e.CreditAccountBalance;
            }

            if (found is { } balance) return balance;
        }

        return 0;
    }
}

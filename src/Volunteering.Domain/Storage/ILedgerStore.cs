using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>
/// The persistence port of the ledger: an append-only journal of <see cref="LedgerEvent"/>s with optimistic
/// concurrency. A storage adapter (SQLite, PostgreSQL, ...) implements these five members and nothing else; the
/// domain never sees SQL. See <c>docs/storage-adapters.md</c> for the contract in full.
/// </summary>
/// <remarks>
/// Contract, checked by the conformance tests: appends are atomic (all entries or none); an append succeeds only if
/// the head is at the expected position and the entries' positions follow it densely; a transfer id, and the account id
/// of an <see cref="LedgerEventKind.AccountOpened"/> entry, is stored at most once (two separate unique indexes, see
/// <see cref="LedgerStoreItems"/>); entries read back
/// equal what was written, field for field; nothing is ever updated or deleted.
/// </remarks>
public interface ILedgerStore
{
    /// <summary>Appends entries atomically if the journal's head is at <paramref name="expectedPosition"/>.</summary>
    /// <param name="expectedPosition">The position of the newest entry the writer has seen (0 for an empty journal).</param>
    /// <param name="entries">Entries whose positions are <paramref name="expectedPosition"/> + 1, + 2, ...; at least one.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled append wrote nothing or everything, never part.</param>
    /// <returns><see cref="AppendStatus.Appended"/>, or why nothing was written.</returns>
    ValueTask<AppendResult> AppendAsync(long expectedPosition, IReadOnlyList<LedgerEvent> entries, CancellationToken cancellationToken = default);

    /// <summary>Reads the journal forward from the entry after <paramref name="afterPosition"/>.</summary>
    /// <param name="afterPosition">0 to read from the start.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<LedgerEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default);

    /// <summary>Reads the entries that touched an account, forward from the one after <paramref name="afterVersion"/>
    /// (see <see cref="LedgerEvent.VersionOf"/>).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="afterVersion">0 to read from the opening.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<LedgerEvent> ReadAccountAsync(AccountId accountId, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>Finds the entry that applied or rejected a transfer id, or null.</summary>
    /// <param name="transferId">The transfer id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<LedgerEvent?> FindTransferAsync(TransferId transferId, CancellationToken cancellationToken = default);

    /// <summary>The position of the newest entry, 0 when empty.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default);
}

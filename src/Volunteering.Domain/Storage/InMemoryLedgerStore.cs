using System.Runtime.CompilerServices;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>
/// The reference <see cref="ILedgerStore"/>: a journal kept in process memory, safe for concurrent callers. It is
/// what the conformance tests hold other adapters to, and a fine store for tests and short-lived tools; it keeps
/// nothing after the process ends.
/// </summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly Lock _gate = new();
    private readonly List<LedgerEvent> _entries = [];
    private readonly Dictionary<Guid, int> _transferIndex = [];
    private readonly HashSet<Guid> _openedAccounts = [];

    /// <inheritdoc />
    public ValueTask<AppendResult> AppendAsync(long expectedPosition, IReadOnlyList<LedgerEvent> entries, CancellationToken cancellationToken = default)
    {
        LedgerStoreItems.GuardBatch(expectedPosition, entries);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_entries.Count != expectedPosition)
            {
                return ValueTask.FromResult(new AppendResult(AppendStatus.WrongExpectedPosition, _entries.Count));
            }

            var batchTransfers = new HashSet<Guid>();
            var batchAccounts = new HashSet<Guid>();
            foreach (var e in entries)
            {
                var transfer = LedgerStoreItems.TransferIdOf(e);
                if (transfer != Guid.Empty && (_transferIndex.ContainsKey(transfer) || !batchTransfers.Add(transfer)))
                {
                    return ValueTask.FromResult(new AppendResult(AppendStatus.DuplicateItemId, _entries.Count, transfer));
                }

                var account = LedgerStoreItems.AccountIdOf(e);
                if (account != Guid.Empty && (_openedAccounts.Contains(account) || !batchAccounts.Add(account)))
                {
                    return ValueTask.FromResult(new AppendResult(AppendStatus.DuplicateItemId, _entries.Count, account));
                }
            }

            foreach (var e in entries)
            {
                var transfer = LedgerStoreItems.TransferIdOf(e);
                if (transfer != Guid.Empty) _transferIndex.Add(transfer, _entries.Count);
                var account = LedgerStoreItems.AccountIdOf(e);
                if (account != Guid.Empty) _openedAccounts.Add(account);
                _entries.Add(e);
            }

            return ValueTask.FromResult(new AppendResult(AppendStatus.Appended, _entries.Count));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LedgerEvent> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        foreach (var e in Snapshot(afterPosition))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<LedgerEvent> ReadAccountAsync(AccountId accountId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        foreach (var e in Snapshot(0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (e.VersionOf(accountId) > afterVersion) yield return e;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<LedgerEvent?> FindTransferAsync(TransferId transferId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<LedgerEvent?>(
                _transferIndex.TryGetValue(transferId.Value, out var i) ? _entries[i] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)_entries.Count);
        }
    }

    private LedgerEvent[] Snapshot(long afterPosition)
    {
        lock (_gate)
        {
            var from = (int)Math.Min(afterPosition, _entries.Count);
            return _entries.GetRange(from, _entries.Count - from).ToArray();
        }
    }
}

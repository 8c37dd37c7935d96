using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>
/// A <see cref="DoubleEntryLedger"/> kept in step with an <see cref="IRecordStore"/>: each operation is decided on the in-memory
/// ledger and its journal entries are appended to the store (see <see cref="LedgerStreams"/>) expecting the journal
/// stream at the ledger's position. If another writer moved the journal first, the ledger is rebuilt from the store and the operation decided again
/// (transfer ids make that safe), so the store never holds a decision made on stale state.
/// </summary>
/// <remarks>Not thread-safe: one instance per writer. Several instances (threads or processes) may share a store. If an
/// operation or an append throws (a database error, a cancellation), the in-memory ledger is marked stale and rebuilt
/// from the store before it is used again, so entries that may not have been written are never built upon.</remarks>
public sealed class PersistentLedger
{
    private readonly IRecordStore _store;
    private readonly IClock _clock;
    private readonly LedgerOptions? _options;
    private bool _stale;
    private long _saved;

    private PersistentLedger(IRecordStore store, IClock clock, LedgerOptions? options, DoubleEntryLedger ledger)
    {
        _store = store;
        _clock = clock;
        _options = options;
        Ledger = ledger;
        _saved = ledger.Position;
    }

    /// <summary>The in-memory ledger. Change it through <see cref="ExecuteAsync{T}"/>, or directly (for example through
    /// a service such as a time bank that holds the ledger) followed by <see cref="SaveChangesAsync"/>. Unsaved direct
    /// changes are discarded if another writer moves the store first. After a conflict or a failed call this property
    /// returns a rebuilt ledger: re-read it rather than keeping the old instance.</summary>
    public DoubleEntryLedger Ledger { get; private set; }

    /// <summary>The journal position known to be in the store; entries after it are not saved yet.</summary>
    public long SavedPosition => _saved;

    /// <summary>How many times an operation is decided again after losing a race with another writer. Default 8.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Opens a store and replays its journal.</summary>
    /// <param name="store">The store.</param>
    /// <param name="clock">The clock for the ledger.</param>
    /// <param name="options">Sizing hints, or null.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static async ValueTask<PersistentLedger> OpenAsync(IRecordStore store, IClock clock, LedgerOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(clock);
        var ledger = await LoadAsync(store, clock, options, cancellationToken).ConfigureAwait(false);
        return new PersistentLedger(store, clock, options, ledger);
    }

    /// <summary>Runs an operation on the ledger and persists what it journalled. The operation may run more than once
    /// (after a conflict), each time on a fresh ledger, so it must decide only from the ledger it is given.</summary>
    /// <typeparam name="T">The operation's result, usually a <see cref="TransferResult"/>.</typeparam>
    /// <param name="operation">Decides and applies, e.g. <c>l =&gt; l.Submit(request)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operation's result from the attempt that was persisted.</returns>
    /// <exception cref="LedgerConcurrencyException">Every attempt lost to another writer.</exception>
    public async ValueTask<T> ExecuteAsync<T>(Func<DoubleEntryLedger, T> operation, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(operation);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // Pick up what other writers appended (or rebuild, if this instance is stale), so the decision sees it.
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);

            _stale = true; // until the entries are known to be in the store, or known not to exist
            var result = operation(Ledger);
            if (Ledger.Position == _saved)
            {
                _stale = false;
                return result;
            }

            var append = await AppendUnsavedAsync(cancellationToken).ConfigureAwait(false);
            if (append.IsAppended) return result;

            // Lost a race: the next attempt rebuilds from the store and decides again.
        }

        throw new LedgerConcurrencyException($"The store's head moved on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>Saves the entries the in-memory ledger journalled since the last save (changes made directly on
    /// <see cref="Ledger"/>) as one atomic batch.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="AppendStatus.Appended"/> (also when there was nothing to save), or why nothing was saved:
    /// another writer moved the journal, or a transfer id is already stored. Then the unsaved changes are discarded and
    /// <see cref="Ledger"/> is rebuilt from the store at the next call; decide again on it.</returns>
    public async ValueTask<AppendResult> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfStale();
        if (Ledger.Position == _saved) return AppendResult.Appended(await _store.GetPositionAsync(cancellationToken).ConfigureAwait(false));
        _stale = true;
        return await AppendUnsavedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies entries other writers appended since this instance last looked.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (!_stale && Ledger.Position != _saved)
        {
            // Unsaved direct changes survive only if nobody else has written since the last save.
            var head = await _store.GetStreamVersionAsync(LedgerStreams.Journal, cancellationToken).ConfigureAwait(false);
            if (head == _saved) return;
            _stale = true;
        }

        if (_stale)
        {
            // The in-memory ledger may hold entries the store does not (a lost race, or a call that threw midway).
            Ledger = await LoadAsync(_store, _clock, _options, cancellationToken).ConfigureAwait(false);
            _saved = Ledger.Position;
            _stale = false;
            return;
        }

        var fresh = new List<LedgerEvent>();
        await foreach (var e in _store.ReadJournalAsync(Ledger.Position, cancellationToken).ConfigureAwait(false))
        {
            fresh.Add(e);
        }

        if (fresh.Count > 0) Ledger.CatchUp(fresh);
        _saved = Ledger.Position;
    }

    /// <summary>For a <see cref="UnitOfWork"/>: the records of the unsaved entries; the ledger counts as stale until
    /// <see cref="MarkUnsavedSaved"/> says they were stored.</summary>
    internal NewRecord[] TakeUnsavedRecords()
    {
        ThrowIfStale();
        var records = UnsavedRecords();
        if (records.Length > 0) _stale = true;
        return records;
    }

    /// <summary>For a <see cref="UnitOfWork"/>: the unsaved entries are now in the store.</summary>
    internal void MarkUnsavedSaved()
    {
        _saved = Ledger.Position;
        _stale = false;
    }

    /// <summary>For a <see cref="UnitOfWork"/>: the unsaved entries were not stored (or may not have been).</summary>
    internal void MarkUnsavedLost() => _stale = true;

    /// <summary>Appends the entries after <see cref="_saved"/>; the caller has set <see cref="_stale"/>, which stays set
    /// unless the append succeeds.</summary>
    private async ValueTask<AppendResult> AppendUnsavedAsync(CancellationToken cancellationToken)
    {
        var append = await _store.AppendAsync(UnsavedRecords(), cancellationToken).ConfigureAwait(false);
        if (append.IsAppended) MarkUnsavedSaved();
        return append;
    }

    /// <summary>The records of the journal entries after <see cref="_saved"/>, in order.</summary>
    private NewRecord[] UnsavedRecords()
    {
        var records = new NewRecord[Ledger.Position - _saved];
        for (var i = 0; i < records.Length; i++) records[i] = LedgerStreams.ToRecord(Ledger.Journal[(int)_saved + i]);
        return records;
    }

    private void ThrowIfStale()
    {
        if (_stale) throw new InvalidOperationException("The ledger is stale after a failed call; call CatchUpAsync and decide again.");
    }

    private static async ValueTask<DoubleEntryLedger> LoadAsync(IRecordStore store, IClock clock, LedgerOptions? options, CancellationToken cancellationToken)
    {
        var ledger = new DoubleEntryLedger(clock, options);
        var batch = new List<LedgerEvent>(1024);
        await foreach (var e in store.ReadJournalAsync(0, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(e);
            if (batch.Count == batch.Capacity)
            {
                ledger.CatchUp(batch);
                batch.Clear();
            }
        }

        ledger.CatchUp(batch);
        return ledger;
    }
}

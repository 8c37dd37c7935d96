namespace Volunteering.Domain.Storage;

/// <summary>
/// Saves the unsaved events of several aggregates (and, optionally, a ledger's unsaved entries) as one atomic batch,
/// so a change that spans them (an activity's verification and the time-bank credit it earns) is stored whole or not
/// at all. Each aggregate's stream is expected at its <see cref="AggregateRoot{TEvent}.SavedVersion"/>.
/// </summary>
/// <param name="store">The store.</param>
public sealed class UnitOfWork(IRecordStore store)
{
    private readonly IRecordStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly List<NewRecord> _records = [];
    private readonly List<Action> _onSaved = [];
    private readonly Dictionary<StreamName, long> _nextLinkVersions = [];
    private PersistentLedger? _ledger;

    /// <summary>Adds an aggregate's unsaved events.</summary>
    /// <typeparam name="TEvent">The aggregate's event type.</typeparam>
    /// <param name="aggregate">The aggregate.</param>
    /// <returns>This unit of work.</returns>
    /// <exception cref="InvalidOperationException">The aggregate's stream is already in this unit of work.</exception>
    public UnitOfWork Add<TEvent>(AggregateRoot<TEvent> aggregate)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var version = aggregate.SavedVersion;
        foreach (var e in aggregate.UnsavedEvents)
        {
            version++;
            _records.Add(new NewRecord(aggregate.Stream, version, e, aggregate.ItemKeyOf(e), Links(aggregate.LinksOf(e))));
        }

        _onSaved.Add(aggregate.MarkSaved);
        return this;
    }

    /// <summary>Adds the entries a ledger journalled since its last save (see
    /// <see cref="PersistentLedger.SaveChangesAsync"/>). At most one ledger per unit of work.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <returns>This unit of work.</returns>
    public UnitOfWork AddLedger(PersistentLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (_ledger is not null) throw new InvalidOperationException("A unit of work saves at most one ledger.");
        _ledger = ledger;
        _records.AddRange(ledger.TakeUnsavedRecords());
        return this;
    }

    /// <summary>The number of records the commit will append.</summary>
    public int Count => _records.Count;

    /// <summary>Appends everything added as one batch.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="AppendStatus.Appended"/> (also when there was nothing to save), or why nothing was saved.
    /// On a conflict nothing is marked saved: reload the aggregates (and catch the ledger up), decide again, retry.</returns>
    public async ValueTask<AppendResult> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_records.Count == 0) return AppendResult.Appended(await _store.GetPositionAsync(cancellationToken).ConfigureAwait(false));
        AppendResult result;
        try
        {
            result = await _store.AppendAsync(_records, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _ledger?.MarkUnsavedLost();
            throw;
        }

        if (!result.IsAppended)
        {
            _ledger?.MarkUnsavedLost();
            return result;
        }

        foreach (var saved in _onSaved) saved();
        _ledger?.MarkUnsavedSaved();
        return result;
    }

    private StreamSlot[] Links(IReadOnlyList<StreamName> streams)
    {
        if (streams.Count == 0) return [];
        var slots = new StreamSlot[streams.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            var next = _nextLinkVersions.TryGetValue(streams[i], out var v) ? v : throw new InvalidOperationException(
                $"Link stream {streams[i]} has no known version: call ExpectLink first.");
            slots[i] = new StreamSlot(streams[i], next);
            _nextLinkVersions[streams[i]] = next + 1;
        }

        return slots;
    }

    /// <summary>Declares the current version of a stream that events of this unit of work link into (read it with
    /// <see cref="IRecordStore.GetStreamVersionAsync"/>), so links are placed after it; a writer that linked there
    /// meanwhile makes the commit a conflict.</summary>
    /// <param name="stream">The linked stream.</param>
    /// <param name="currentVersion">Its current version.</param>
    /// <returns>This unit of work.</returns>
    public UnitOfWork ExpectLink(StreamName stream, long currentVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentVersion);
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
        _nextLinkVersions[stream] = currentVersion + 1;
        return this;
    }
}

using System.Runtime.CompilerServices;

namespace Volunteering.Domain.Storage;

/// <summary>
/// The reference <see cref="IRecordStore"/>: records kept in process memory, safe for concurrent callers. It is what
/// the conformance kit holds other adapters to, and a fine store for tests and short-lived tools; it keeps nothing
/// after the process ends. Payloads are held as given (no serialization), so they must be immutable.
/// </summary>
public sealed class InMemoryRecordStore : IRecordStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredRecord> _records = [];
    private readonly Dictionary<StreamName, List<int>> _streams = [];
    private readonly Dictionary<ItemKey, int> _items = [];
    private readonly Dictionary<StreamName, RecordSnapshot> _snapshots = [];

    /// <inheritdoc />
    public ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
    {
        var plan = RecordBatch.Plan(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var expectation in plan.Expectations)
            {
                var actual = VersionOf(expectation.Stream);
                if (actual != expectation.Version)
                {
                    return ValueTask.FromResult(AppendResult.VersionConflict(expectation.Stream, expectation.Version, actual));
                }
            }

            foreach (var item in plan.Items)
            {
                if (_items.ContainsKey(item)) return ValueTask.FromResult(AppendResult.Duplicate(item));
            }

            if (!plan.RepeatedItem.IsNone) return ValueTask.FromResult(AppendResult.Duplicate(plan.RepeatedItem));

            foreach (var record in batch)
            {
                var index = _records.Count;
                _records.Add(new StoredRecord(index + 1, record));
                foreach (var slot in record.Slots())
                {
                    if (!_streams.TryGetValue(slot.Stream, out var list)) _streams.Add(slot.Stream, list = []);
                    list.Add(index);
                }

                if (!record.Item.IsNone) _items.Add(record.Item, index);
            }

            return ValueTask.FromResult(AppendResult.Appended(_records.Count));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        StoredRecord[] page;
        lock (_gate)
        {
            var from = (int)Math.Min(afterPosition, _records.Count);
            page = _records.GetRange(from, _records.Count - from).ToArray();
        }

        foreach (var record in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        StoredRecord[] page;
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var list))
            {
                page = [];
            }
            else
            {
                var from = (int)Math.Min(afterVersion, list.Count);
                page = new StoredRecord[list.Count - from];
                for (var i = 0; i < page.Length; i++) page[i] = _records[list[from + i]];
            }
        }

        foreach (var record in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        lock (_gate)
        {
            return ValueTask.FromResult(VersionOf(stream));
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)_records.Count);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default)
    {
        if (item.IsNone) throw new ArgumentException("Look up a real key, not the default.", nameof(item));
        item.Validate(nameof(item));
        lock (_gate)
        {
            return ValueTask.FromResult(_items.TryGetValue(item, out var index) ? _records[index] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        GuardStream(snapshot.Stream);
        ArgumentNullException.ThrowIfNull(snapshot.State);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1);
        lock (_gate)
        {
            var current = VersionOf(snapshot.Stream);
            if (snapshot.Version > current)
            {
                throw new ArgumentException($"The snapshot is at version {snapshot.Version} of {snapshot.Stream}, which is only at {current}.", nameof(snapshot));
            }

            if (!_snapshots.TryGetValue(snapshot.Stream, out var held) || held.Version <= snapshot.Version)
            {
                _snapshots[snapshot.Stream] = snapshot;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        lock (_gate)
        {
            return ValueTask.FromResult(_snapshots.GetValueOrDefault(stream));
        }
    }

    private long VersionOf(StreamName stream) => _streams.TryGetValue(stream, out var list) ? list.Count : 0;

    private static void GuardStream(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
    }
}

using Volunteering.Domain.Storage;

namespace Volunteering.Storage.TestWriters;

/// <summary>Passes every call to a store and counts how its appends were answered, so a test can see conflicts
/// surface as <see cref="AppendStatus.WrongExpectedVersion"/> (and nothing else) at the store's boundary.</summary>
/// <param name="inner">The store.</param>
public sealed class CountingRecordStore(IRecordStore inner) : IRecordStore
{
    private int _appended;
    private int _wrongExpectedVersion;
    private int _duplicateItem;
    private int _failed;

    /// <summary>Runs before each append is passed on (a test uses it to line writers up); null for none.</summary>
    public Func<ValueTask>? BeforeAppend { get; set; }

    /// <summary>Appends answered <see cref="AppendStatus.Appended"/>.</summary>
    public int Appended => Volatile.Read(ref _appended);

    /// <summary>Appends answered <see cref="AppendStatus.WrongExpectedVersion"/>.</summary>
    public int WrongExpectedVersion => Volatile.Read(ref _wrongExpectedVersion);

    /// <summary>Appends answered <see cref="AppendStatus.DuplicateItem"/>.</summary>
    public int DuplicateItem => Volatile.Read(ref _duplicateItem);

    /// <summary>Appends that threw.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <inheritdoc />
    public async ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
    {
        if (BeforeAppend is { } before) await before().ConfigureAwait(false);
        AppendResult result;
        try
        {
            result = await inner.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Increment(ref _failed);
            throw;
        }

        switch (result.Status)
        {
            case AppendStatus.Appended: Interlocked.Increment(ref _appended); break;
            case AppendStatus.WrongExpectedVersion: Interlocked.Increment(ref _wrongExpectedVersion); break;
            case AppendStatus.DuplicateItem: Interlocked.Increment(ref _duplicateItem); break;
        }

        return result;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default)
        => inner.ReadAllAsync(afterPosition, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default)
        => inner.ReadStreamAsync(stream, afterVersion, cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default)
        => inner.GetStreamVersionAsync(stream, cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default) => inner.GetPositionAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default)
        => inner.FindItemAsync(item, cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default)
        => inner.SaveSnapshotAsync(snapshot, cancellationToken);

    /// <inheritdoc />
    public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default)
        => inner.LoadSnapshotAsync(stream, cancellationToken);
}

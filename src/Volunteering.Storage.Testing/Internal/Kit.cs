using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing.Internal;

/// <summary>Builders and readers the conformance classes share.</summary>
internal static class Kit
{
    private static long _payloads = 1_000;

    /// <summary>A stream name from a short label.</summary>
    public static StreamName Stream(string name) => new(name);

    /// <summary>A fresh key in <paramref name="scope"/>.</summary>
    public static ItemKey Key(string scope = "kit") => new(scope, Guid.NewGuid());

    /// <summary>A record whose payload is a ledger entry no other record of this process carries.</summary>
    public static NewRecord Record(StreamName stream, long version, ItemKey item = default, params StreamSlot[] links)
        => new(stream, version, ConformancePayloads.Entry(Interlocked.Increment(ref _payloads)), item, links);

    /// <summary>A place in a stream.</summary>
    public static StreamSlot At(StreamName stream, long version) => new(stream, version);

    public static async Task<List<StoredRecord>> ReadAllListAsync(this IRecordStore store, long afterPosition = 0, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredRecord>();
        await foreach (var record in store.ReadAllAsync(afterPosition, cancellationToken).ConfigureAwait(false)) list.Add(record);
        return list;
    }

    public static async Task<List<StoredRecord>> ReadStreamListAsync(this IRecordStore store, StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredRecord>();
        await foreach (var record in store.ReadStreamAsync(stream, afterVersion, cancellationToken).ConfigureAwait(false)) list.Add(record);
        return list;
    }

    /// <summary>Appends and asserts the batch was written; returns the answer.</summary>
    public static async Task<AppendResult> AppendOkAsync(this IRecordStore store, params NewRecord[] batch)
    {
        var result = await store.AppendAsync(batch).ConfigureAwait(false);
        Assert.True(result.IsAppended, $"Expected the batch to be appended; the store answered {result}.");
        Assert.True(result.Position >= 1, $"An append answered Appended with position {result.Position}; positions start at 1.");
        return result;
    }

    /// <summary>Runs a read to the end (so a lazy enumerator's checks run too).</summary>
    public static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var _ in items.ConfigureAwait(false))
        {
        }
    }
}

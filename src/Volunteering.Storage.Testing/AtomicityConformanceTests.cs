using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Atomic batches: a batch is written whole or not at all, across every stream it touches. Each case builds a batch
/// of several records over several streams, with links and keys, whose last record alone is wrong; the store must
/// answer the right status and show no trace of the batch (no record in any stream, nothing in the global order, the
/// same position, no key claimed), and then accept the corrected batch whole.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class AtomicityConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    private static readonly StreamName A = Stream("kit-a");
    private static readonly StreamName B = Stream("kit-b");
    private static readonly StreamName C = Stream("kit-c");
    private static readonly StreamName D = Stream("kit-d");
    private static readonly StreamName G = Stream("kit-g");
    private static readonly StreamName Last = Stream("kit-last");

    /// <summary>A version conflict on the last record's own stream writes nothing of the batch.</summary>
    [Fact]
    public async Task A_version_conflict_on_the_last_record_writes_nothing()
    {
        var (store, _) = await PreparedAsync();
        await RefusedThenCorrectedAsync(store, Record(Last, 2), AppendResult.VersionConflict(Last, 1, 0), Record(Last, 1));
    }

    /// <summary>A version conflict on a link of the last record writes nothing of the batch.</summary>
    [Fact]
    public async Task A_link_conflict_on_the_last_record_writes_nothing()
    {
        var (store, _) = await PreparedAsync();
        await RefusedThenCorrectedAsync(store, Record(Last, 1, default, At(G, 1)), AppendResult.VersionConflict(G, 0, 1), Record(Last, 1, default, At(G, 2)));
    }

    /// <summary>A key on the last record that is already stored writes nothing of the batch.</summary>
    [Fact]
    public async Task A_stored_key_on_the_last_record_writes_nothing()
    {
        var (store, stored) = await PreparedAsync();
        await RefusedThenCorrectedAsync(store, Record(Last, 1, stored), AppendResult.Duplicate(stored), Record(Last, 1, Key()));
    }

    /// <summary>A key on the last record that an earlier record of the same batch claims writes nothing of the
    /// batch.</summary>
    [Fact]
    public async Task A_key_repeated_by_the_last_record_writes_nothing()
    {
        var (store, _) = await PreparedAsync();
        var first = Key();
        await RefusedThenCorrectedAsync(store, Record(Last, 1, first), AppendResult.Duplicate(first), Record(Last, 1, Key()), first);
    }

    /// <summary>A batch that was written is visible whole: every record in the global order after everything before
    /// it, in batch order, and in each of its streams and links; every key finds its record.</summary>
    [Fact]
    public async Task A_written_batch_is_visible_whole()
    {
        var (store, _) = await PreparedAsync();
        var head = await store.GetPositionAsync();
        var batch = Body(Key()).Append(Record(Last, 1, Key(), At(G, 2))).ToArray();

        var result = await store.AppendOkAsync(batch);

        var added = await store.ReadAllListAsync(head);
        Assert.Equal(batch.Length, added.Count);
        for (var i = 0; i < batch.Length; i++) RecordAssert.Same(batch[i], added[i], $"ReadAllAsync({head})[{i}]");
        Assert.True(added[0].Position > head, $"the batch's first position {added[0].Position} is not after the head {head}");
        RecordAssert.Increasing(added, "the batch");
        Assert.Equal(added[^1].Position, result.Position);
        foreach (var record in added)
        {
            foreach (var slot in record.Record.Slots())
            {
                var there = await store.ReadStreamListAsync(slot.Stream, slot.Version - 1);
                Assert.True(there.Count > 0, $"{record} is not in {slot.Stream} at {slot.Version}");
                RecordAssert.Same(record, there[0], $"ReadStreamAsync({slot.Stream}, {slot.Version - 1})[0]");
            }

            if (!record.Record.Item.IsNone) RecordAssert.Same(record, (await store.FindItemAsync(record.Record.Item))!, $"FindItemAsync({record.Record.Item})");
        }
    }

    /// <summary>A store with records in A, B, C and G, and a stored key (returned).</summary>
    private async Task<(IRecordStore Store, ItemKey Stored)> PreparedAsync()
    {
        var store = await CreateStoreAsync();
        var stored = Key();
        await store.AppendOkAsync(Record(A, 1, stored), Record(B, 1, Key(), At(C, 1)));
        await store.AppendOkAsync(Record(G, 1));
        return (store, stored);
    }

    /// <summary>Five good records over A, B, C (by link) and D, with keys; <paramref name="firstKey"/> on the first.</summary>
    private static IEnumerable<NewRecord> Body(ItemKey firstKey) =>
    [
        Record(A, 2, firstKey),
        Record(B, 2, default, At(C, 2), At(D, 1)),
        Record(D, 2, Key("transfer"), At(A, 3)),
        Record(A, 4, Key("account")),
        Record(C, 3),
    ];

    private static async Task RefusedThenCorrectedAsync(IRecordStore store, NewRecord wrongLast, AppendResult expected, NewRecord rightLast, ItemKey firstKey = default)
    {
        var body = Body(firstKey.IsNone ? Key() : firstKey).ToArray();
        NewRecord[] refused = [.. body, wrongLast];
        var before = await StoreImage.CaptureAsync(store, refused, G, Last);

        Assert.Equal(expected, await store.AppendAsync(refused));
        await before.AssertUnchangedAsync(store, "a batch refused on its last record");

        // Nothing of it was kept: the same records, keys included, go in once the last one is put right.
        NewRecord[] corrected = [.. body, rightLast];
        var result = await store.AppendOkAsync(corrected);
        var added = await store.ReadAllListAsync(before.Position);
        Assert.Equal(corrected.Length, added.Count);
        for (var i = 0; i < corrected.Length; i++) RecordAssert.Same(corrected[i], added[i], $"the corrected batch [{i}]");
        Assert.Equal(added[^1].Position, result.Position);
    }
}

using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Appending and reading back: an empty store, single records, batches within one stream and across streams, and
/// what <see cref="IRecordStore.AppendAsync"/>, <see cref="IRecordStore.GetPositionAsync"/> and
/// <see cref="IRecordStore.GetStreamVersionAsync"/> answer afterwards.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class AppendConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>A new store has no records, no streams, no keys and no snapshots, and is at position 0.</summary>
    [Fact]
    public async Task A_new_store_is_empty()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        Assert.Equal(0, await store.GetPositionAsync());
        Assert.Empty(await store.ReadAllListAsync());
        Assert.Equal(0, await store.GetStreamVersionAsync(a));
        Assert.Empty(await store.ReadStreamListAsync(a));
        Assert.Null(await store.FindItemAsync(Key()));
        Assert.Null(await store.LoadSnapshotAsync(a));
    }

    /// <summary>One record at version 1 of a new stream is appended; the answer carries its global position, which
    /// is what <see cref="IRecordStore.GetPositionAsync"/> then reports, and the record reads back equal from the
    /// global order, its stream and its key.</summary>
    [Fact]
    public async Task One_record_is_appended_and_reads_back_from_every_read()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var key = Key();
        var record = Record(a, 1, key);

        var result = await store.AppendOkAsync(record);

        Assert.Equal(AppendResult.Appended(result.Position), result);
        Assert.Equal(result.Position, await store.GetPositionAsync());
        Assert.Equal(1, await store.GetStreamVersionAsync(a));
        var all = Assert.Single(await store.ReadAllListAsync());
        Assert.Equal(result.Position, all.Position);
        RecordAssert.Same(record, all, "ReadAllAsync");
        var inStream = Assert.Single(await store.ReadStreamListAsync(a));
        RecordAssert.Same(all, inStream, "ReadStreamAsync");
        var found = await store.FindItemAsync(key);
        Assert.NotNull(found);
        RecordAssert.Same(all, found, "FindItemAsync");
    }

    /// <summary>A batch of several records in one stream is appended whole: only its first record is checked against
    /// the stream's version, the others follow on; the answer carries the position of the batch's last record.</summary>
    [Fact]
    public async Task A_batch_answers_the_position_of_its_last_record()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        NewRecord[] batch = [Record(a, 1), Record(a, 2), Record(a, 3)];

        var result = await store.AppendOkAsync(batch);

        var all = await store.ReadAllListAsync();
        Assert.Equal(3, all.Count);
        for (var i = 0; i < batch.Length; i++) RecordAssert.Same(batch[i], all[i], $"ReadAllAsync[{i}]");
        RecordAssert.Increasing(all, "ReadAllAsync");
        Assert.Equal(all[^1].Position, result.Position);
        Assert.Equal(result.Position, await store.GetPositionAsync());
        Assert.Equal(3, await store.GetStreamVersionAsync(a));
    }

    /// <summary>One batch may write to several streams, its records interleaved; each stream gets its records at the
    /// versions named, and the global order is the batch's order.</summary>
    [Fact]
    public async Task A_batch_may_write_to_several_streams_interleaved()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var c = Stream("kit-c");
        NewRecord[] batch = [Record(a, 1), Record(b, 1), Record(a, 2), Record(c, 1), Record(b, 2), Record(a, 3)];

        await store.AppendOkAsync(batch);

        var all = await store.ReadAllListAsync();
        Assert.Equal(batch.Length, all.Count);
        for (var i = 0; i < batch.Length; i++) RecordAssert.Same(batch[i], all[i], $"ReadAllAsync[{i}]");
        Assert.Equal((3L, 2L, 1L), (await store.GetStreamVersionAsync(a), await store.GetStreamVersionAsync(b), await store.GetStreamVersionAsync(c)));
        var inA = await store.ReadStreamListAsync(a);
        Assert.Equal([1L, 2L, 3L], inA.Select(static r => r.Version));
        RecordAssert.Same(batch[0], inA[0], "ReadStreamAsync(a)[0]");
        RecordAssert.Same(batch[2], inA[1], "ReadStreamAsync(a)[1]");
        RecordAssert.Same(batch[5], inA[2], "ReadStreamAsync(a)[2]");
        var inB = await store.ReadStreamListAsync(b);
        RecordAssert.Same(batch[1], inB[0], "ReadStreamAsync(b)[0]");
        RecordAssert.Same(batch[4], inB[1], "ReadStreamAsync(b)[1]");
    }

    /// <summary>Successive appends continue a stream version by version, each answer beyond the previous one.</summary>
    [Fact]
    public async Task Successive_appends_continue_a_stream()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var written = new List<NewRecord>();
        long previous = 0;
        for (var version = 1; version <= 5; version++)
        {
            var record = Record(a, version);
            var result = await store.AppendOkAsync(record);
            Assert.True(result.Position > previous, $"append {version} answered position {result.Position} after {previous}");
            previous = result.Position;
            written.Add(record);
            Assert.Equal(version, await store.GetStreamVersionAsync(a));
        }

        var read = await store.ReadStreamListAsync(a);
        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < read.Count; i++) RecordAssert.Same(written[i], read[i], $"ReadStreamAsync[{i}]");
    }

    /// <summary>Streams are independent: writing to one leaves every other stream's version and records alone, and a
    /// new stream starts at version 1 however far others have gone.</summary>
    [Fact]
    public async Task Streams_are_independent()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        await store.AppendOkAsync(Record(a, 1), Record(a, 2), Record(a, 3));
        var before = await store.ReadStreamListAsync(a);

        var inB = Record(b, 1);
        await store.AppendOkAsync(inB);

        Assert.Equal(3, await store.GetStreamVersionAsync(a));
        RecordAssert.SameList(before, await store.ReadStreamListAsync(a), "ReadStreamAsync(a)");
        RecordAssert.Same(inB, Assert.Single(await store.ReadStreamListAsync(b)), "ReadStreamAsync(b)");
    }
}

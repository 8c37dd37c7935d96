using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The SQLite store answers every append exactly as the reference store, <see cref="InMemoryRecordStore"/>,
/// does, and holds the same records afterwards.</summary>
public sealed class ReferenceBehaviourTests
{
    private static readonly StreamName[] Streams = [new("s-a"), new("s-b"), new("s-c"), new("s-d"), new("s-e")];
    private static readonly ItemKey[] Keys =
        [.. Enumerable.Range(1, 12).Select(i => new ItemKey(i % 3 == 0 ? "account" : "transfer", new Guid(i, 0, 0, new byte[8])))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_batches_get_the_same_answers_and_leave_the_same_records_as_the_reference(int seed)
    {
        using var folder = new TempFolder();
        var file = folder.File("reference.db");
        var random = new Random(seed);
        var payloads = TestLedger.Build(members: 3, transfers: 20).Ledger.Journal;
        var reference = new InMemoryRecordStore();
        var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file, SqliteSynchronousMode.Normal));
        try
        {
            var answers = new Dictionary<AppendStatus, int>();
            for (var b = 0; b < 150; b++)
            {
                if (b == 75)
                {
                    // A fresh instance must read the file's stream numbering and keys, not rely on what it cached.
                    await store.DisposeAsync();
                    store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file, SqliteSynchronousMode.Normal));
                }

                var batch = await RandomBatchAsync(reference, random, payloads);
                var expected = await reference.AppendAsync(batch);
                var actual = await store.AppendAsync(batch);
                Assert.Equal(expected, actual);
                answers[expected.Status] = answers.GetValueOrDefault(expected.Status) + 1;
            }

            // The scenario is only worth something if it hit every answer often.
            Assert.All(Enum.GetValues<AppendStatus>(), status => Assert.True(answers.GetValueOrDefault(status) >= 10, $"Only {answers.GetValueOrDefault(status)} answers were {status}."));
            await AssertSameContentAsync(reference, store);
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_batch_claiming_keys_held_already_is_refused_naming_the_first_such_key_in_batch_order()
    {
        using var folder = new TempFolder();
        await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(folder.File("keys.db")));
        var reference = new InMemoryRecordStore();
        var payload = TestLedger.Build(1, 1).Ledger.Journal[0];
        NewRecord Record(int stream, long version, int key) => new(Streams[stream], version, payload, key < 0 ? default : Keys[key]);

        // Keys 1 and 4 are held; a later batch claims new key 2, then 4, then 1, then repeats 2.
        NewRecord[][] batches =
        [
            [Record(0, 1, 1), Record(0, 2, 4)],
            [Record(1, 1, 2), Record(1, 2, 4), Record(1, 3, 1), Record(1, 4, 2)],
            [Record(1, 1, 5), Record(1, 2, 6), Record(1, 3, 5), Record(1, 4, 1)],
            [Record(1, 1, 7), Record(1, 2, 8), Record(1, 3, 7)],
            [Record(0, 1, 9)],
            [Record(0, 3, 1)],
        ];
        var answers = new List<AppendResult>();
        foreach (var batch in batches)
        {
            var expected = await reference.AppendAsync(batch);
            Assert.Equal(expected, await store.AppendAsync(batch));
            answers.Add(expected);
        }

        Assert.Equal(AppendResult.Appended(2), answers[0]);
        Assert.Equal(AppendResult.Duplicate(Keys[4]), answers[1]);            // held keys before the repeated one
        Assert.Equal(AppendResult.Duplicate(Keys[1]), answers[2]);            // the held key, although later in the batch
        Assert.Equal(AppendResult.Duplicate(Keys[7]), answers[3]);            // only repeated within the batch
        Assert.Equal(AppendResult.VersionConflict(Streams[0], 0, 2), answers[4]);
        Assert.Equal(AppendResult.Duplicate(Keys[1]), answers[5]);            // versions are fine, then keys are checked
        Assert.Equal(2, await store.GetPositionAsync());
        await AssertSameContentAsync(reference, store);
    }

    /// <summary>A batch of 1 to 4 records over a few streams, each stream's first version usually right (sometimes off
    /// by one or two), with links, and keys drawn from a small pool so that some are held or repeated.</summary>
    private static async Task<NewRecord[]> RandomBatchAsync(InMemoryRecordStore reference, Random random, IReadOnlyList<LedgerEvent> payloads)
    {
        var next = new Dictionary<StreamName, long>();
        async Task<long> VersionAsync(StreamName stream)
        {
            if (!next.TryGetValue(stream, out var version))
            {
                version = await reference.GetStreamVersionAsync(stream) + 1;
                if (random.Next(8) == 0) version = Math.Max(1, version + random.Next(-2, 3));
            }

            next[stream] = version + 1;
            return version;
        }

        var records = new NewRecord[1 + random.Next(4)];
        for (var i = 0; i < records.Length; i++)
        {
            var order = Streams.OrderBy(_ => random.Next()).ToArray();
            var links = new StreamSlot[random.Next(3)];
            var own = await VersionAsync(order[0]);
            for (var l = 0; l < links.Length; l++) links[l] = new StreamSlot(order[l + 1], await VersionAsync(order[l + 1]));
            var item = random.Next(3) == 0 ? default : Keys[random.Next(Keys.Length)];
            records[i] = new NewRecord(order[0], own, payloads[random.Next(payloads.Count)], item, links);
        }

        return records;
    }

    private static async Task AssertSameContentAsync(InMemoryRecordStore reference, SqliteRecordStore store)
    {
        Assert.Equal(await reference.GetPositionAsync(), await store.GetPositionAsync());
        var expected = await TestLedger.ReadAllAsync(reference);
        var actual = await TestLedger.ReadAllAsync(store);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) TestLedger.AssertSame(expected[i], actual[i]);
        Assert.Equal(expected.Skip(3).Select(r => r.Position), (await TestLedger.ReadAllAsync(store, 3)).Select(r => r.Position));

        foreach (var stream in Streams.Append(new StreamName("never-written")))
        {
            Assert.Equal(await reference.GetStreamVersionAsync(stream), await store.GetStreamVersionAsync(stream));
            foreach (var after in new long[] { 0, 1, 4 })
            {
                var expectedStream = await TestLedger.ReadStreamAsync(reference, stream, after);
                var actualStream = await TestLedger.ReadStreamAsync(store, stream, after);
                Assert.Equal(expectedStream.Count, actualStream.Count);
                for (var i = 0; i < expectedStream.Count; i++) TestLedger.AssertSame(expectedStream[i], actualStream[i]);
            }
        }

        foreach (var key in Keys)
        {
            var expectedRecord = await reference.FindItemAsync(key);
            var actualRecord = await store.FindItemAsync(key);
            if (expectedRecord is null) Assert.Null(actualRecord);
            else TestLedger.AssertSame(expectedRecord, actualRecord!);
        }
    }
}

using System.Collections.Concurrent;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Concurrent writers and readers on one store instance, on thread-pool threads: writers racing for the same stream
/// versions or the same key get exactly one winner each, the losers a status (never an exception) and no trace;
/// racing batches stay whole; a reader following the global order misses nothing and never sees a position go back.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class ConcurrencyConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    private const int Writers = 4;

    /// <summary>Four writers each try every version 1 to 25 of one stream, in order: each version has exactly one
    /// winner, whose record is the one stored there; every loser answers
    /// <see cref="AppendStatus.WrongExpectedVersion"/> for that stream with the version it expected and a higher
    /// actual one, and claimed nothing; nothing is lost or doubled.</summary>
    [Fact]
    public async Task Writers_racing_on_one_stream_get_exactly_one_winner_per_version()
    {
        const int Versions = 25;
        var store = await CreateStoreAsync();
        var s = Stream("kit-contended");
        var attempts = new ConcurrentBag<(int Writer, NewRecord Record, AppendResult Result)>();
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.Wait();
            for (var version = 1; version <= Versions; version++)
            {
                var record = Record(s, version, Key());
                attempts.Add((w, record, await store.AppendAsync([record])));
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        var stored = await store.ReadStreamListAsync(s);
        Assert.Equal(Versions, stored.Count);
        Assert.Equal(Versions, await store.GetStreamVersionAsync(s));
        Assert.Equal(Versions, (await store.ReadAllListAsync()).Count);
        for (var version = 1; version <= Versions; version++)
        {
            var tries = attempts.Where(t => t.Record.Version == version).ToList();
            Assert.Equal(Writers, tries.Count);
            var winner = Assert.Single(tries, t => t.Result.IsAppended);
            RecordAssert.Same(winner.Record, stored[version - 1], $"version {version}");
            Assert.Equal(stored[version - 1].Position, winner.Result.Position);
            foreach (var loser in tries.Where(t => !t.Result.IsAppended))
            {
                var r = loser.Result;
                Assert.True(
                    r.Status == AppendStatus.WrongExpectedVersion && r.Stream == s && r.ExpectedVersion == version - 1 && r.ActualVersion >= version && r.Position == 0,
                    $"writer {loser.Writer} lost version {version} but was answered {r}");
                Assert.Null(await store.FindItemAsync(loser.Record.Item));
            }

            Assert.NotNull(await store.FindItemAsync(winner.Record.Item));
        }
    }

    /// <summary>Four writers race to claim the same key, each in its own stream, twenty times over: each key has
    /// exactly one winner; the losers answer <see cref="AppendStatus.DuplicateItem"/> with the key and their streams
    /// stay empty of it.</summary>
    [Fact]
    public async Task Writers_racing_for_one_key_get_exactly_one_winner()
    {
        const int Keys = 20;
        var store = await CreateStoreAsync();
        var keys = Enumerable.Range(0, Keys).Select(_ => Key("transfer")).ToArray();
        var attempts = new ConcurrentBag<(int Writer, int Key, NewRecord Record, AppendResult Result)>();
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.Wait();
            var mine = Stream($"kit-writer-{w}");
            var version = 0L;
            for (var k = 0; k < Keys; k++)
            {
                var record = Record(mine, version + 1, keys[k]);
                var result = await store.AppendAsync([record]);
                if (result.IsAppended) version++;
                attempts.Add((w, k, record, result));
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        for (var k = 0; k < Keys; k++)
        {
            var tries = attempts.Where(t => t.Key == k).ToList();
            var winner = Assert.Single(tries, t => t.Result.IsAppended);
            RecordAssert.Same(winner.Record, (await store.FindItemAsync(keys[k]))!, $"key {k}");
            foreach (var loser in tries.Where(t => !t.Result.IsAppended))
            {
                Assert.True(loser.Result == AppendResult.Duplicate(keys[k]), $"writer {loser.Writer} lost key {k} but was answered {loser.Result}");
            }
        }

        var all = await store.ReadAllListAsync();
        Assert.Equal(Keys, all.Count);
        for (var w = 0; w < Writers; w++)
        {
            var won = attempts.Where(t => t.Writer == w && t.Result.IsAppended).OrderBy(static t => t.Record.Version).ToList();
            var inStream = await store.ReadStreamListAsync(Stream($"kit-writer-{w}"));
            Assert.Equal(won.Count, inStream.Count);
            for (var i = 0; i < won.Count; i++) RecordAssert.Same(won[i].Record, inStream[i], $"writer {w}'s stream [{i}]");
        }
    }

    /// <summary>Four writers append two-record batches over two shared streams (a record in one linked into the
    /// other, then a record in the other), retrying on conflicts until each has written six: every batch is whole, its
    /// two records adjacent in the shared stream, and the streams' versions add up.</summary>
    [Fact]
    public async Task Racing_batches_over_shared_streams_stay_whole()
    {
        const int PerWriter = 6;
        var store = await CreateStoreAsync();
        var a = Stream("kit-shared-a");
        var b = Stream("kit-shared-b");
        var written = new ConcurrentBag<NewRecord[]>();
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.Wait();
            var done = 0;
            for (var attempt = 0; done < PerWriter; attempt++)
            {
                Assert.True(attempt < 10_000, $"writer {w} could not write in 10,000 attempts");
                var va = await store.GetStreamVersionAsync(a);
                var vb = await store.GetStreamVersionAsync(b);
                NewRecord[] batch = [Record(a, va + 1, default, At(b, vb + 1)), Record(b, vb + 2, Key())];
                var result = await store.AppendAsync(batch);
                if (result.IsAppended)
                {
                    written.Add(batch);
                    done++;
                }
                else
                {
                    Assert.True(result.Status == AppendStatus.WrongExpectedVersion, $"writer {w} was answered {result}");
                }
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        const int Batches = Writers * PerWriter;
        Assert.Equal(Batches, await store.GetStreamVersionAsync(a));
        Assert.Equal(2 * Batches, await store.GetStreamVersionAsync(b));
        var inB = await store.ReadStreamListAsync(b);
        var byPayload = written.ToDictionary(static batch => batch[0].Payload);
        for (var i = 0; i < inB.Count; i += 2)
        {
            Assert.True(byPayload.TryGetValue(inB[i].Payload, out var batch), $"{inB[i]} at version {i + 1} of {b} is not the first record of a written batch");
            RecordAssert.Same(batch[0], inB[i], $"{b}[{i}]");
            RecordAssert.Same(batch[1], inB[i + 1], $"{b}[{i + 1}]");
        }

        var all = await store.ReadAllListAsync();
        Assert.Equal(2 * Batches, all.Count);
        RecordAssert.Increasing(all, "ReadAllAsync");
    }

    /// <summary>A reader follows the global order while four writers append to their own streams: each read after the
    /// last position seen returns only later positions, and in the end the reader has seen exactly what
    /// <see cref="IRecordStore.ReadAllAsync"/> from 0 returns, with nothing missed.</summary>
    [Fact]
    public async Task A_reader_following_concurrent_writers_misses_nothing()
    {
        const int PerWriter = 40;
        var store = await CreateStoreAsync();
        using var start = new ManualResetEventSlim(false);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            start.Wait();
            var mine = Stream($"kit-follow-{w}");
            for (var v = 1; v <= PerWriter; v += 2)
            {
                await store.AppendOkAsync(Record(mine, v), Record(mine, v + 1, Key()));
            }
        })).ToArray();
        var seen = new List<StoredRecord>();
        var reader = Task.Run(async () =>
        {
            start.Wait();
            long last = 0;
            bool finished;
            do
            {
                finished = writers.All(static t => t.IsCompleted);
                await foreach (var record in store.ReadAllAsync(last))
                {
                    Assert.True(record.Position > last, $"after position {last} the reader was given {record}");
                    last = record.Position;
                    seen.Add(record);
                }
            }
            while (!finished);
        });
        start.Set();
        await Task.WhenAll(writers);
        await reader;

        var all = await store.ReadAllListAsync();
        Assert.Equal(Writers * PerWriter, all.Count);
        RecordAssert.SameList(all, seen, "what the follower saw");
    }
}

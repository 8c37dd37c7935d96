using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Global order and reading from a point: records get strictly increasing positions in append order (not necessarily
/// dense); <see cref="IRecordStore.ReadAllAsync"/> after any position and <see cref="IRecordStore.ReadStreamAsync"/>
/// after any version, including beyond the end, return exactly the later records; a reader that has seen position
/// <c>p</c> finds every later append after <c>p</c>.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class OrderingConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>Positions strictly increase in append order across streams and batches; each answer is its batch's
    /// last position; <see cref="IRecordStore.GetPositionAsync"/> is the newest record's position.</summary>
    [Fact]
    public async Task Global_positions_strictly_increase_in_append_order()
    {
        var (store, appended, answers) = await FilledAsync();

        var all = await store.ReadAllListAsync();
        Assert.Equal(appended.Count, all.Count);
        for (var i = 0; i < all.Count; i++) RecordAssert.Same(appended[i], all[i], $"ReadAllAsync[{i}]");
        RecordAssert.Increasing(all, "ReadAllAsync");
        var seen = 0;
        foreach (var (size, result) in answers)
        {
            seen += size;
            Assert.Equal(all[seen - 1].Position, result.Position);
        }

        Assert.Equal(all[^1].Position, await store.GetPositionAsync());
    }

    /// <summary><see cref="IRecordStore.ReadAllAsync"/> after any position (0, every record's position, the numbers in
    /// between, the head, beyond the head) returns exactly the records with a greater position, in order.</summary>
    [Fact]
    public async Task ReadAllAsync_after_any_position_returns_exactly_the_later_records()
    {
        var (store, _, _) = await FilledAsync();
        var all = await store.ReadAllListAsync();
        var points = new SortedSet<long> { 0, all[^1].Position + 1, all[^1].Position + 1_000 };
        foreach (var record in all)
        {
            points.Add(record.Position);
            points.Add(record.Position - 1);
        }

        foreach (var after in points)
        {
            var expected = all.Where(r => r.Position > after).ToList();
            RecordAssert.SameList(expected, await store.ReadAllListAsync(after), $"ReadAllAsync({after})");
        }
    }

    /// <summary><see cref="IRecordStore.ReadStreamAsync"/> after any version (0 to beyond the end) returns exactly the
    /// stream's later records in version order, for streams of own records and of linked ones.</summary>
    [Fact]
    public async Task ReadStreamAsync_after_any_version_returns_exactly_the_later_records()
    {
        var (store, _, _) = await FilledAsync();
        foreach (var stream in new[] { Stream("kit-a"), Stream("kit-b"), Stream("kit-linked") })
        {
            var whole = await store.ReadStreamListAsync(stream);
            var version = await store.GetStreamVersionAsync(stream);
            Assert.Equal(version, whole.Count);
            Assert.Equal(Enumerable.Range(1, whole.Count).Select(static v => (long)v), whole.Select(r => r.VersionIn(stream)));
            RecordAssert.Increasing(whole, $"ReadStreamAsync({stream})");
            for (var after = 0L; after <= version + 3; after++)
            {
                RecordAssert.SameList(whole.Skip((int)Math.Min(after, whole.Count)).ToList(), await store.ReadStreamListAsync(stream, after), $"ReadStreamAsync({stream}, {after})");
            }

            Assert.Empty(await store.ReadStreamListAsync(stream, long.MaxValue));
        }
    }

    /// <summary>A stream nothing was written to reads empty at version 0, in a store that has other records.</summary>
    [Fact]
    public async Task An_unknown_stream_reads_empty_at_version_0()
    {
        var (store, _, _) = await FilledAsync();
        var unknown = Stream("kit-never");
        Assert.Equal(0, await store.GetStreamVersionAsync(unknown));
        Assert.Empty(await store.ReadStreamListAsync(unknown));
        Assert.Empty(await store.ReadStreamListAsync(unknown, 5));
        Assert.Empty(await store.ReadAllListAsync(long.MaxValue));
    }

    /// <summary>A reader that noted the head position finds exactly the records appended since, all after it, and the
    /// head moves to the last of them.</summary>
    [Fact]
    public async Task Records_appended_after_a_read_come_after_it()
    {
        var (store, _, _) = await FilledAsync();
        var head = await store.GetPositionAsync();
        Assert.Empty(await store.ReadAllListAsync(head));
        var a = Stream("kit-a");
        var version = await store.GetStreamVersionAsync(a);
        NewRecord[] more = [Record(a, version + 1), Record(Stream("kit-later"), 1)];

        var result = await store.AppendOkAsync(more);

        var added = await store.ReadAllListAsync(head);
        Assert.Equal(2, added.Count);
        RecordAssert.Same(more[0], added[0], "the first new record");
        RecordAssert.Same(more[1], added[1], "the second new record");
        Assert.True(added[0].Position > head, $"a new record got position {added[0].Position}, not after the head {head}");
        Assert.Equal(result.Position, await store.GetPositionAsync());
    }

    /// <summary>Six batches over streams a, b and (by link) linked; returns the records in append order and each
    /// batch's size and answer.</summary>
    private async Task<(IRecordStore Store, List<NewRecord> Appended, List<(int Size, AppendResult Result)> Answers)> FilledAsync()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var linked = Stream("kit-linked");
        NewRecord[][] batches =
        [
            [Record(a, 1)],
            [Record(b, 1, Key(), At(linked, 1)), Record(a, 2)],
            [Record(linked, 2)],
            [Record(a, 3, Key()), Record(a, 4), Record(b, 2, default, At(linked, 3))],
            [Record(b, 3)],
            [Record(a, 5, default, At(linked, 4), At(b, 4))],
        ];
        var appended = new List<NewRecord>();
        var answers = new List<(int, AppendResult)>();
        foreach (var batch in batches)
        {
            answers.Add((batch.Length, await store.AppendOkAsync(batch)));
            appended.AddRange(batch);
        }

        return (store, appended, answers);
    }
}

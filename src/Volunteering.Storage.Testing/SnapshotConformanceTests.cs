using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Snapshots: <see cref="IRecordStore.SaveSnapshotAsync"/> keeps the newest snapshot per stream (an older one than the
/// one held is ignored), refuses one ahead of its stream with <see cref="ArgumentException"/>, writes no record, and
/// <see cref="IRecordStore.LoadSnapshotAsync"/> returns it equal (stream, version, state) or null. A store may drop
/// snapshots, but never return one it was not given.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class SnapshotConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    private static readonly StreamName S = Stream("kit-snapshotted");
    private static long _states;

    /// <summary>A stream with records but no snapshot loads null.</summary>
    [Fact]
    public async Task A_stream_without_a_snapshot_loads_null()
    {
        var store = await StoreWithRecordsAsync(3);
        Assert.Null(await store.LoadSnapshotAsync(S));
        Assert.Null(await store.LoadSnapshotAsync(Stream("kit-never")));
    }

    /// <summary>A saved snapshot loads back equal: stream, version and state.</summary>
    [Fact]
    public async Task A_saved_snapshot_loads_back_equal()
    {
        var store = await StoreWithRecordsAsync(3);
        var snapshot = Snapshot(S, 2);
        await store.SaveSnapshotAsync(snapshot);
        AssertSame(snapshot, await store.LoadSnapshotAsync(S));

        var atHead = Snapshot(S, 3);
        await store.SaveSnapshotAsync(atHead);
        AssertSame(atHead, await store.LoadSnapshotAsync(S));
    }

    /// <summary>A snapshot at a higher version replaces the one held.</summary>
    [Fact]
    public async Task A_newer_snapshot_replaces_an_older_one()
    {
        var store = await StoreWithRecordsAsync(5);
        await store.SaveSnapshotAsync(Snapshot(S, 1));
        var newer = Snapshot(S, 4);
        await store.SaveSnapshotAsync(newer);
        AssertSame(newer, await store.LoadSnapshotAsync(S));
    }

    /// <summary>A snapshot at a lower version than the one held is ignored.</summary>
    [Fact]
    public async Task An_older_snapshot_than_the_one_held_is_ignored()
    {
        var store = await StoreWithRecordsAsync(5);
        var held = Snapshot(S, 4);
        await store.SaveSnapshotAsync(held);
        await store.SaveSnapshotAsync(Snapshot(S, 2));
        AssertSame(held, await store.LoadSnapshotAsync(S));
    }

    /// <summary>A snapshot ahead of its stream (beyond its version, or of a stream with no records) is refused with
    /// <see cref="ArgumentException"/> and not kept; a stream's version counts linked records.</summary>
    [Fact]
    public async Task A_snapshot_ahead_of_its_stream_is_refused_and_not_kept()
    {
        var store = await StoreWithRecordsAsync(2);
        var held = Snapshot(S, 1);
        await store.SaveSnapshotAsync(held);

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SaveSnapshotAsync(Snapshot(S, 3)));
        AssertSame(held, await store.LoadSnapshotAsync(S));
        var empty = Stream("kit-empty");
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SaveSnapshotAsync(Snapshot(empty, 1)));
        Assert.Null(await store.LoadSnapshotAsync(empty));

        // A stream made only of links is at the links' version.
        var linkedOnly = Stream("kit-linked-only");
        await store.AppendOkAsync(Record(Stream("kit-j"), 1, default, At(linkedOnly, 1)), Record(Stream("kit-j"), 2, default, At(linkedOnly, 2)));
        var onLinks = Snapshot(linkedOnly, 2);
        await store.SaveSnapshotAsync(onLinks);
        AssertSame(onLinks, await store.LoadSnapshotAsync(linkedOnly));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SaveSnapshotAsync(Snapshot(linkedOnly, 3)));
    }

    /// <summary>Snapshots are kept per stream: saving one stream's snapshot leaves another's alone.</summary>
    [Fact]
    public async Task Snapshots_are_kept_per_stream()
    {
        var store = await StoreWithRecordsAsync(3);
        var other = Stream("kit-other");
        await store.AppendOkAsync(Record(other, 1), Record(other, 2));
        var mine = Snapshot(S, 3);
        var theirs = Snapshot(other, 1);
        await store.SaveSnapshotAsync(mine);
        await store.SaveSnapshotAsync(theirs);
        AssertSame(mine, await store.LoadSnapshotAsync(S));
        AssertSame(theirs, await store.LoadSnapshotAsync(other));
    }

    /// <summary>Saving a snapshot writes no record: the global order, the position and the stream are unchanged.</summary>
    [Fact]
    public async Task Saving_a_snapshot_writes_no_record()
    {
        var store = await StoreWithRecordsAsync(2);
        var before = await StoreImage.CaptureAsync(store, [S], []);
        await store.SaveSnapshotAsync(Snapshot(S, 2));
        await before.AssertUnchangedAsync(store, "saving a snapshot");
    }

    /// <summary>After reopening, a snapshot is either kept equal or dropped (null), never altered.</summary>
    [Fact]
    public async Task A_snapshot_is_kept_or_dropped_by_reopening_never_altered()
    {
        var store = await StoreWithRecordsAsync(2);
        var snapshot = Snapshot(S, 2);
        await store.SaveSnapshotAsync(snapshot);

        store = await ReopenAsync(store);

        var loaded = await store.LoadSnapshotAsync(S);
        if (loaded is not null) AssertSame(snapshot, loaded);
        Assert.Equal(2, await store.GetStreamVersionAsync(S));
    }

    private async Task<IRecordStore> StoreWithRecordsAsync(int count)
    {
        var store = await CreateStoreAsync();
        await store.AppendOkAsync([.. Enumerable.Range(1, count).Select(v => Record(S, v))]);
        return store;
    }

    private static RecordSnapshot Snapshot(StreamName stream, long version)
        => new(stream, version, ConformancePayloads.Entry(Interlocked.Increment(ref _states)));

    private static void AssertSame(RecordSnapshot expected, RecordSnapshot? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Stream, actual.Stream);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.State, actual.State);
    }
}

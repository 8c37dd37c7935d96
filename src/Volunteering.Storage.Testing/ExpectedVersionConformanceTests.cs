using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// The expected-version check: a batch's first record in each stream it touches (its own stream or a link) must sit
/// at that stream's current version + 1. Otherwise nothing is written and the answer is
/// <see cref="AppendStatus.WrongExpectedVersion"/> naming the first such stream in batch order, the version the batch
/// expected and the stream's actual version, with position 0. Versions are checked before keys.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class ExpectedVersionConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>A new stream takes only version 1: version 2 on an empty stream is refused (expected 1, actual 0).</summary>
    [Fact]
    public async Task A_new_stream_takes_only_version_1()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        NewRecord[] batch = [Record(a, 2)];
        var before = await StoreImage.CaptureAsync(store, batch);

        Assert.Equal(AppendResult.VersionConflict(a, 1, 0), await store.AppendAsync(batch));

        await before.AssertUnchangedAsync(store, "a refused append");
        await store.AppendOkAsync(Record(a, 1));
    }

    /// <summary>A writer behind the stream (it expects version 1, the stream is at 2) is refused with the actual
    /// version, and nothing is written.</summary>
    [Fact]
    public async Task A_stale_version_is_refused_with_the_actual_version()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        await store.AppendOkAsync(Record(a, 1), Record(a, 2));
        NewRecord[] batch = [Record(a, 2, Key()), Record(a, 3)];
        var before = await StoreImage.CaptureAsync(store, batch);

        Assert.Equal(AppendResult.VersionConflict(a, 1, 2), await store.AppendAsync(batch));
        await before.AssertUnchangedAsync(store, "a stale append");

        NewRecord[] first = [Record(a, 1)];
        Assert.Equal(AppendResult.VersionConflict(a, 0, 2), await store.AppendAsync(first));
        await before.AssertUnchangedAsync(store, "an append at version 1 of a stream at 2");
    }

    /// <summary>A writer ahead of the stream (it expects version 3, the stream is at 1) is refused, and nothing is
    /// written.</summary>
    [Fact]
    public async Task A_version_ahead_of_the_stream_is_refused()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        await store.AppendOkAsync(Record(a, 1));
        NewRecord[] batch = [Record(a, 4), Record(a, 5)];
        var before = await StoreImage.CaptureAsync(store, batch);

        Assert.Equal(AppendResult.VersionConflict(a, 3, 1), await store.AppendAsync(batch));

        await before.AssertUnchangedAsync(store, "an append ahead of the stream");
        await store.AppendOkAsync(Record(a, 2), Record(a, 3));
    }

    /// <summary>A link is checked like a record's own stream: it must sit at the linked stream's version + 1. A stale
    /// link, a link ahead, and a link past the start of a new stream are each refused with that stream's numbers.</summary>
    [Fact]
    public async Task A_link_must_sit_at_the_linked_streams_next_version()
    {
        var store = await CreateStoreAsync();
        var own = Stream("kit-own");
        var linked = Stream("kit-linked");
        var fresh = Stream("kit-fresh");
        await store.AppendOkAsync(Record(linked, 1), Record(linked, 2));

        NewRecord[] stale = [Record(own, 1, default, At(linked, 2))];
        var before = await StoreImage.CaptureAsync(store, stale, fresh);
        Assert.Equal(AppendResult.VersionConflict(linked, 1, 2), await store.AppendAsync(stale));
        await before.AssertUnchangedAsync(store, "an append with a stale link");

        NewRecord[] ahead = [Record(own, 1, default, At(linked, 4))];
        Assert.Equal(AppendResult.VersionConflict(linked, 3, 2), await store.AppendAsync(ahead));
        await before.AssertUnchangedAsync(store, "an append with a link ahead");

        NewRecord[] pastStart = [Record(own, 1, default, At(fresh, 2))];
        Assert.Equal(AppendResult.VersionConflict(fresh, 1, 0), await store.AppendAsync(pastStart));
        await before.AssertUnchangedAsync(store, "an append linking past a new stream's start");

        await store.AppendOkAsync(Record(own, 1, default, At(linked, 3), At(fresh, 1)));
        Assert.Equal((1L, 3L, 1L), (await store.GetStreamVersionAsync(own), await store.GetStreamVersionAsync(linked), await store.GetStreamVersionAsync(fresh)));
    }

    /// <summary>When several streams are off, the answer names the first in batch order: records in order, and within
    /// a record its own stream before its links, in the order given.</summary>
    [Fact]
    public async Task The_first_mismatching_stream_in_batch_order_is_reported()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var c = Stream("kit-c");
        var d = Stream("kit-d");
        await store.AppendOkAsync(Record(b, 1), Record(c, 1), Record(d, 1));

        // a is fine, b is ahead, c and d are stale: b is reported.
        NewRecord[] batch = [Record(a, 1), Record(b, 5), Record(c, 1), Record(d, 1)];
        var before = await StoreImage.CaptureAsync(store, batch);
        Assert.Equal(AppendResult.VersionConflict(b, 4, 1), await store.AppendAsync(batch));

        // The record's own stream comes before its links.
        NewRecord[] ownFirst = [Record(c, 9, default, At(d, 7), At(b, 6))];
        Assert.Equal(AppendResult.VersionConflict(c, 8, 1), await store.AppendAsync(ownFirst));

        // Links in the order given.
        NewRecord[] linksInOrder = [Record(a, 1, default, At(d, 7), At(b, 6))];
        Assert.Equal(AppendResult.VersionConflict(d, 6, 1), await store.AppendAsync(linksInOrder));

        // A stream's first appearance counts, even as a link of an earlier record.
        NewRecord[] linkThenOwn = [Record(a, 1, default, At(c, 3)), Record(c, 4), Record(b, 9)];
        Assert.Equal(AppendResult.VersionConflict(c, 2, 1), await store.AppendAsync(linkThenOwn));

        await before.AssertUnchangedAsync(store, "four refused appends");
    }

    /// <summary>Versions are checked before keys: a batch that is both at a wrong version and claims a key already
    /// stored answers <see cref="AppendStatus.WrongExpectedVersion"/>.</summary>
    [Fact]
    public async Task Versions_are_checked_before_keys()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var key = Key();
        await store.AppendOkAsync(Record(a, 1, key));

        NewRecord[] batch = [Record(b, 1, key), Record(a, 1)];
        var before = await StoreImage.CaptureAsync(store, batch);
        Assert.Equal(AppendResult.VersionConflict(a, 0, 1), await store.AppendAsync(batch));

        NewRecord[] repeated = [Record(b, 2, key), Record(b, 3, key)];
        Assert.Equal(AppendResult.VersionConflict(b, 1, 0), await store.AppendAsync(repeated));

        await before.AssertUnchangedAsync(store, "refused appends");
    }
}

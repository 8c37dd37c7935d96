using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Programmer errors throw before anything is written, rather than answer a status: a null or empty batch, a null
/// record, versions that do not follow on inside a batch (<see cref="ArgumentException"/>, as
/// <see cref="RecordBatch.Plan"/> checks them), negative read points (<see cref="ArgumentOutOfRangeException"/>), the
/// default stream name, the default key, a null snapshot.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class ProgrammerErrorConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>An empty batch throws <see cref="ArgumentException"/> and writes nothing.</summary>
    [Fact]
    public async Task An_empty_batch_throws_and_writes_nothing()
    {
        var store = await StoreWithARecordAsync();
        var before = await StoreImage.CaptureAsync(store, [Stream("kit-a")], []);
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AppendAsync([]));
        await before.AssertUnchangedAsync(store, "an empty batch");
    }

    /// <summary>A null batch, or a batch with a null record, throws <see cref="ArgumentException"/> (for instance
    /// <see cref="ArgumentNullException"/>) and writes nothing.</summary>
    [Fact]
    public async Task A_null_batch_or_record_throws_and_writes_nothing()
    {
        var store = await StoreWithARecordAsync();
        var before = await StoreImage.CaptureAsync(store, [Stream("kit-a"), Stream("kit-b")], []);
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AppendAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AppendAsync([Record(Stream("kit-b"), 1), null!]));
        await before.AssertUnchangedAsync(store, "null batches");
    }

    /// <summary>Versions that do not follow on within a batch throw <see cref="ArgumentException"/> and write nothing:
    /// a gap, a repeat, going back, a link that skips a version, a link repeating a version the batch already gave
    /// that stream.</summary>
    [Fact]
    public async Task Versions_that_do_not_follow_on_within_a_batch_throw_and_write_nothing()
    {
        var store = await StoreWithARecordAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var c = Stream("kit-c");
        NewRecord[][] malformed =
        [
            [Record(a, 2), Record(a, 4)],
            [Record(a, 2), Record(a, 2)],
            [Record(a, 3), Record(a, 2)],
            [Record(b, 1, default, At(c, 1)), Record(b, 2, default, At(c, 3))],
            [Record(b, 1, default, At(c, 1)), Record(c, 1)],
            [Record(b, 1, Key()), Record(c, 1), Record(a, 2), Record(b, 3)],
        ];
        var before = await StoreImage.CaptureAsync(store, malformed.SelectMany(static m => m));
        for (var i = 0; i < malformed.Length; i++)
        {
            var batch = malformed[i];
            await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AppendAsync(batch));
            await before.AssertUnchangedAsync(store, $"malformed batch {i}");
        }
    }

    /// <summary>A malformed batch throws even when it would also be refused: the shape is checked before versions and
    /// keys.</summary>
    [Fact]
    public async Task A_malformed_batch_throws_even_when_it_would_also_be_refused()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var key = Key();
        await store.AppendOkAsync(Record(a, 1, key));
        var before = await StoreImage.CaptureAsync(store, [a], [key]);

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AppendAsync([Record(a, 7), Record(a, 9)]));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AppendAsync([Record(a, 2, key), Record(a, 4)]));
        await before.AssertUnchangedAsync(store, "malformed batches");
    }

    /// <summary>Reading after a negative position or version throws <see cref="ArgumentOutOfRangeException"/> (when
    /// called or when enumerated).</summary>
    [Fact]
    public async Task Negative_read_points_throw()
    {
        var store = await StoreWithARecordAsync();
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(async () => await DrainAsync(store.ReadAllAsync(-1)));
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(async () => await DrainAsync(store.ReadStreamAsync(Stream("kit-a"), -1)));
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(async () => await DrainAsync(store.ReadAllAsync(long.MinValue)));
    }

    /// <summary>The default <see cref="StreamName"/> names no stream: every member taking a stream throws
    /// <see cref="ArgumentException"/>.</summary>
    [Fact]
    public async Task The_default_stream_name_throws()
    {
        var store = await StoreWithARecordAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await DrainAsync(store.ReadStreamAsync(default)));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.GetStreamVersionAsync(default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.LoadSnapshotAsync(default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.SaveSnapshotAsync(new RecordSnapshot(default, 1, ConformancePayloads.Entry(1))));
    }

    /// <summary>Looking up the default key (which means "no key") throws <see cref="ArgumentException"/>; a null
    /// snapshot throws <see cref="ArgumentNullException"/>.</summary>
    [Fact]
    public async Task The_default_key_and_a_null_snapshot_throw()
    {
        var store = await StoreWithARecordAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.FindItemAsync(default));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(async () => await store.SaveSnapshotAsync(null!));
    }

    private async Task<IRecordStore> StoreWithARecordAsync()
    {
        var store = await CreateStoreAsync();
        await store.AppendOkAsync(Record(Stream("kit-a"), 1, Key()));
        return store;
    }
}

using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Durability across <see cref="IRecordStoreFixture.ReopenAsync"/>: everything written is there after reopening
/// (records with their positions, stream versions, keys), nothing refused is, and the reopened store carries on where
/// the old instance stopped. For a store that keeps nothing, the fixture returns the same instance and these cases
/// check the same things without a restart.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class ReopenConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    private static readonly StreamName A = Stream("kit-a");
    private static readonly StreamName B = Stream("kit-b");
    private static readonly StreamName Linked = Stream("kit-linked");

    /// <summary>After reopening, the global order, the head position, every stream's records and version, and every
    /// key read exactly as before, edge payloads included.</summary>
    [Fact]
    public async Task Everything_written_survives_reopening()
    {
        var (store, keys) = await FilledAsync();
        var before = await StoreImage.CaptureAsync(store, [A, B, Linked, Stream("kit-edges")], keys);

        store = await ReopenAsync(store);

        await before.AssertUnchangedAsync(store, "reopening");
    }

    /// <summary>The reopened store carries on: new records get positions after the old head, streams continue at their
    /// versions, stale versions and stored keys are still refused.</summary>
    [Fact]
    public async Task A_reopened_store_carries_on_where_it_stopped()
    {
        var (store, keys) = await FilledAsync();
        var head = await store.GetPositionAsync();
        var versionA = await store.GetStreamVersionAsync(A);
        var versionLinked = await store.GetStreamVersionAsync(Linked);

        store = await ReopenAsync(store);

        NewRecord[] stale = [Record(A, versionA)];
        Assert.Equal(AppendResult.VersionConflict(A, versionA - 1, versionA), await store.AppendAsync(stale));
        NewRecord[] duplicate = [Record(Stream("kit-new"), 1, keys[0])];
        Assert.Equal(AppendResult.Duplicate(keys[0]), await store.AppendAsync(duplicate));
        var next = Record(A, versionA + 1, Key(), At(Linked, versionLinked + 1));
        var result = await store.AppendOkAsync(next);
        Assert.True(result.Position > head, $"the first append after reopening got position {result.Position}, not after the old head {head}");
        RecordAssert.Same(next, Assert.Single(await store.ReadAllListAsync(head)), "the first record after reopening");
        Assert.Equal(versionLinked + 1, await store.GetStreamVersionAsync(Linked));
    }

    /// <summary>Batches refused before reopening (a conflict, a duplicate key, a cancelled append) are not there after
    /// it, and their keys are free.</summary>
    [Fact]
    public async Task Refused_batches_are_not_there_after_reopening()
    {
        var (store, keys) = await FilledAsync();
        var freshKey = Key();
        NewRecord[] conflict = [Record(B, 1, freshKey)];
        Assert.Equal(AppendStatus.WrongExpectedVersion, (await store.AppendAsync(conflict)).Status);
        NewRecord[] duplicate = [Record(Stream("kit-other"), 1, Key()), Record(Stream("kit-other"), 2, keys[1])];
        Assert.Equal(AppendResult.Duplicate(keys[1]), await store.AppendAsync(duplicate));
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            NewRecord[] late = [Record(Stream("kit-cancelled"), 1, Key())];
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AppendAsync(late, cancelled.Token));
        }

        var before = await StoreImage.CaptureAsync(store, [A, B, Linked, Stream("kit-other"), Stream("kit-cancelled")], [freshKey, .. duplicate.Select(static r => r.Item)]);

        store = await ReopenAsync(store);

        await before.AssertUnchangedAsync(store, "reopening after refused appends");
        Assert.Null(await store.FindItemAsync(freshKey));
        Assert.Equal(0, await store.GetStreamVersionAsync(Stream("kit-cancelled")));
    }

    /// <summary>Records over A, B and (by link) Linked with keys, and every edge payload; returns the keys.</summary>
    private async Task<(IRecordStore Store, ItemKey[] Keys)> FilledAsync()
    {
        var store = await CreateStoreAsync();
        var keys = new[] { Key(), Key("transfer"), Key("account") };
        await store.AppendOkAsync(Record(A, 1, keys[0]), Record(B, 1, default, At(Linked, 1)));
        await store.AppendOkAsync(Record(A, 2, keys[1], At(Linked, 2)));
        await store.AppendOkAsync(Record(B, 2, keys[2]), Record(A, 3));
        var edges = Stream("kit-edges");
        await store.AppendOkAsync([.. ConformancePayloads.EdgeEntries.Select((e, i) => new NewRecord(edges, i + 1, e))]);
        return (store, keys);
    }
}

using FsCheck.Xunit;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using Volunteering.Storage.Testing.Scripts;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Model-based check at the record level: random sequences of batches (<see cref="RecordScript"/>) run on the adapter
/// and on the reference store, <see cref="InMemoryRecordStore"/>. After every batch both must have answered alike
/// (appended; the same version conflict, stream and numbers; a duplicate key; or an <see cref="ArgumentException"/>)
/// and hold the same records in the same order, streams, versions and keys (global positions may differ: a store need
/// only keep them increasing). After the last batch the adapter is reopened and compared again.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class RecordModelConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    private static readonly StreamName[] Streams = [.. Enumerable.Range(0, RecordScriptGen.StreamPool).Select(static i => new StreamName($"model-{i}"))];

    private static readonly ItemKey[] Keys =
        [.. Enumerable.Range(0, RecordScriptGen.KeyPool).Select(static k => new ItemKey(k % 2 == 0 ? "transfer" : "account", new Guid(0x6B000000 + (k / 2), 0, 0, 0, 0, 0, 0, 0, 0, 0, 3)))];

    /// <summary>The adapter answers every batch as the reference store does and holds the same records afterwards,
    /// also after reopening.</summary>
    /// <param name="script">The batches.</param>
    [Property(MaxTest = 40, Arbitrary = new[] { typeof(RecordScriptArbitraries) })]
    public async Task The_adapter_answers_every_batch_as_the_reference_store_does(RecordScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var store = await CreateStoreAsync();
        var reference = new InMemoryRecordStore();
        var payload = 0;
        for (var i = 0; i < script.Batches.Count; i++)
        {
            var where = $"batch {i} ({string.Join(" | ", script.Batches[i])})";
            var batch = await ResolveAsync(reference, script.Batches[i], () => ++payload);
            var claimed = new HashSet<ItemKey>();
            foreach (var key in batch.Select(static r => r.Item).Where(static k => !k.IsNone))
            {
                if (await reference.FindItemAsync(key) is not null) claimed.Add(key);
            }

            var repeated = batch.Select(static r => r.Item).Where(static k => !k.IsNone).GroupBy(static k => k).Where(static g => g.Count() > 1).Select(static g => g.Key);
            claimed.UnionWith(repeated);

            var expected = await OutcomeAsync(reference, batch);
            var actual = await OutcomeAsync(store, batch);
            AssertSameOutcome(expected, actual, claimed, where);
            await AssertSameStateAsync(reference, store, $"after {where}");
        }

        store = await ReopenAsync(store);
        await AssertSameStateAsync(reference, store, "after reopening");
    }

    private static async Task<NewRecord[]> ResolveAsync(InMemoryRecordStore reference, IReadOnlyList<RecordDraft> drafts, Func<int> nextPayload)
    {
        var next = new Dictionary<int, long>();
        for (var s = 0; s < Streams.Length; s++) next[s] = await reference.GetStreamVersionAsync(Streams[s]) + 1;
        var batch = new NewRecord[drafts.Count];
        for (var r = 0; r < drafts.Count; r++)
        {
            var d = drafts[r];
            var version = Math.Max(1, next[d.Stream] + d.Shift);
            next[d.Stream] = version + 1;
            var links = new List<StreamSlot>();
            foreach (var l in d.Links.Distinct().Where(l => l != d.Stream))
            {
                var at = Math.Max(1, next[l] + (links.Count == 0 ? d.LinkShift : 0));
                next[l] = at + 1;
                links.Add(new StreamSlot(Streams[l], at));
            }

            batch[r] = new NewRecord(Streams[d.Stream], version, ConformancePayloads.Entry(nextPayload()), d.Key < 0 ? default : Keys[d.Key], links);
        }

        return batch;
    }

    private static async Task<(AppendResult? Result, bool Threw)> OutcomeAsync(IRecordStore store, NewRecord[] batch)
    {
        try
        {
            return (await store.AppendAsync(batch), false);
        }
        catch (ArgumentException)
        {
            return (null, true);
        }
    }

    private static void AssertSameOutcome((AppendResult? Result, bool Threw) expected, (AppendResult? Result, bool Threw) actual, HashSet<ItemKey> claimed, string where)
    {
        if (expected.Threw)
        {
            Assert.True(actual.Threw, $"{where}: the reference threw ArgumentException (a malformed batch); the adapter answered {actual.Result}");
            return;
        }

        Assert.False(actual.Threw, $"{where}: the adapter threw ArgumentException; the reference answered {expected.Result}");
        var e = expected.Result!.Value;
        var a = actual.Result!.Value;
        Assert.True(e.Status == a.Status, $"{where}: the reference answered {e}, the adapter {a}");
        switch (e.Status)
        {
            case AppendStatus.Appended:
                Assert.True(a.Position >= 1, $"{where}: the adapter answered Appended at position {a.Position}");
                break;
            case AppendStatus.WrongExpectedVersion:
                Assert.True(e == a, $"{where}: the reference answered {e}, the adapter {a}");
                break;
            default:
                Assert.True(
                    claimed.Contains(a.Item) && a.Position == 0 && a.Stream.IsEmpty,
                    $"{where}: the adapter answered {a}; the batch's stored or repeated keys are [{string.Join(", ", claimed)}]");
                break;
        }
    }

    private static async Task AssertSameStateAsync(InMemoryRecordStore reference, IRecordStore store, string where)
    {
        var expected = await reference.ReadAllListAsync();
        var actual = await store.ReadAllListAsync();
        Assert.True(expected.Count == actual.Count, $"{where}: the adapter holds {actual.Count} records, the reference {expected.Count}");
        for (var i = 0; i < expected.Count; i++) RecordAssert.Same(expected[i].Record, actual[i], $"{where}: ReadAllAsync[{i}]");
        RecordAssert.Increasing(actual, $"{where}: ReadAllAsync");
        Assert.Equal(actual.Count == 0 ? 0 : actual[^1].Position, await store.GetPositionAsync());
        foreach (var stream in Streams)
        {
            var version = await reference.GetStreamVersionAsync(stream);
            Assert.True(version == await store.GetStreamVersionAsync(stream), $"{where}: {stream} is at {await store.GetStreamVersionAsync(stream)} on the adapter, {version} on the reference");
            var inReference = await reference.ReadStreamListAsync(stream);
            var inStore = await store.ReadStreamListAsync(stream);
            Assert.True(inReference.Count == inStore.Count, $"{where}: {stream} reads {inStore.Count} records on the adapter, {inReference.Count} on the reference");
            for (var i = 0; i < inReference.Count; i++) RecordAssert.Same(inReference[i].Record, inStore[i], $"{where}: ReadStreamAsync({stream})[{i}]");
        }

        foreach (var key in Keys)
        {
            var inReference = await reference.FindItemAsync(key);
            var inStore = await store.FindItemAsync(key);
            if (inReference is null)
            {
                Assert.True(inStore is null, $"{where}: FindItemAsync({key}) finds {inStore} on the adapter, nothing on the reference");
                continue;
            }

            Assert.True(inStore is not null, $"{where}: FindItemAsync({key}) finds nothing on the adapter");
            RecordAssert.Same(inReference.Record, inStore, $"{where}: FindItemAsync({key})");
            Assert.Contains(actual, r => r.Position == inStore.Position && r.Record.Item == key);
        }
    }
}

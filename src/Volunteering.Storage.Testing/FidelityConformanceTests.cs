using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Fidelity: records read back equal to what was written, field for field: payload (<see cref="ConformancePayloads.EdgeEntries"/>
/// covers the values stores get wrong), stream, version, links and key, at the limits of names and scopes, through
/// every read, and in large batches.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class FidelityConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>Every edge entry reads back equal from <see cref="IRecordStore.ReadAllAsync"/>, its own stream, a linked
    /// stream and <see cref="IRecordStore.FindItemAsync"/>, written one per batch and all in one batch.</summary>
    [Fact]
    public async Task Every_edge_payload_reads_back_equal_from_every_read()
    {
        var store = await CreateStoreAsync();
        var single = Stream("kit-single");
        var batched = Stream("kit-batched");
        var links = Stream("kit-links");
        var edges = ConformancePayloads.EdgeEntries;
        var written = new List<NewRecord>();
        for (var i = 0; i < edges.Count; i++)
        {
            var record = new NewRecord(single, i + 1, edges[i], Key("transfer"), [At(links, i + 1)]);
            await store.AppendOkAsync(record);
            written.Add(record);
        }

        var batch = edges.Select((e, i) => new NewRecord(batched, i + 1, e, Key("account"), [At(links, edges.Count + i + 1)])).ToArray();
        await store.AppendOkAsync(batch);
        written.AddRange(batch);

        var all = await store.ReadAllListAsync();
        var inLinks = await store.ReadStreamListAsync(links);
        var own = (await store.ReadStreamListAsync(single)).Concat(await store.ReadStreamListAsync(batched)).ToList();
        Assert.Equal(written.Count, all.Count);
        Assert.Equal(written.Count, inLinks.Count);
        Assert.Equal(written.Count, own.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var what = $"edge entry {i % edges.Count} ({edges[i % edges.Count].Kind}, {(i < edges.Count ? "alone" : "in a batch")})";
            RecordAssert.Same(written[i], all[i], $"{what} from ReadAllAsync");
            RecordAssert.Same(all[i], inLinks[i], $"{what} from the linked stream");
            RecordAssert.Same(all[i], own[i], $"{what} from its own stream");
            var found = await store.FindItemAsync(written[i].Item);
            Assert.NotNull(found);
            RecordAssert.Same(all[i], found, $"{what} from FindItemAsync");
        }
    }

    /// <summary>A stream name of <see cref="StreamName.MaxLength"/> characters using every allowed kind of character, a
    /// scope of <see cref="ItemKey.MaxScopeLength"/> characters, and several links with such names read back
    /// exactly, from every read.</summary>
    [Fact]
    public async Task Names_scopes_and_links_at_their_limits_read_back_equal()
    {
        var store = await CreateStoreAsync();
        var longName = Stream(Fill("Kit-Stream_Name.With:Every-Allowed_Char.0123456789-", StreamName.MaxLength));
        var scope = Fill("kit.scope-0123456789.abcdefghijklmnopqrstuvwxyz", ItemKey.MaxScopeLength);
        var key = new ItemKey(scope, Guid.NewGuid());
        StreamSlot[] links = [At(Stream("L"), 1), At(Stream(Fill("ledger.account-", StreamName.MaxLength)), 1), At(Stream("a:b.c_d-e"), 1)];
        var record = Record(longName, 1, key, links);

        await store.AppendOkAsync(record);

        RecordAssert.Same(record, Assert.Single(await store.ReadAllListAsync()), "ReadAllAsync");
        RecordAssert.Same(record, Assert.Single(await store.ReadStreamListAsync(longName)), "ReadStreamAsync(long name)");
        foreach (var link in links) RecordAssert.Same(record, Assert.Single(await store.ReadStreamListAsync(link.Stream)), $"ReadStreamAsync({link.Stream})");
        RecordAssert.Same(record, (await store.FindItemAsync(key))!, "FindItemAsync");
        Assert.Equal(1, await store.GetStreamVersionAsync(longName));
    }

    /// <summary>Stream names are compared ordinally: names that differ only in letter case, or by a trailing
    /// character, are different streams.</summary>
    [Fact]
    public async Task Stream_names_that_differ_only_in_case_are_different_streams()
    {
        var store = await CreateStoreAsync();
        var lower = Stream("kit-case");
        var upper = Stream("KIT-CASE");
        var mixed = Stream("Kit-Case");
        var longer = Stream("kit-case.");
        await store.AppendOkAsync(Record(lower, 1), Record(lower, 2));
        var inUpper = Record(upper, 1);
        await store.AppendOkAsync(inUpper);
        await store.AppendOkAsync(Record(mixed, 1, default, At(longer, 1)));

        Assert.Equal(2, await store.GetStreamVersionAsync(lower));
        Assert.Equal(1, await store.GetStreamVersionAsync(upper));
        Assert.Equal(1, await store.GetStreamVersionAsync(mixed));
        Assert.Equal(1, await store.GetStreamVersionAsync(longer));
        RecordAssert.Same(inUpper, Assert.Single(await store.ReadStreamListAsync(upper)), "ReadStreamAsync(KIT-CASE)");
        Assert.Equal(2, (await store.ReadStreamListAsync(lower)).Count);
    }

    /// <summary>A batch of 1,500 records over two streams is appended in one call and reads back whole and in order,
    /// also from a point in the middle (stores that page their reads must not drop or repeat records at page
    /// boundaries).</summary>
    [Fact]
    public async Task A_large_batch_reads_back_whole_and_in_order()
    {
        var store = await CreateStoreAsync();
        var even = Stream("kit-even");
        var odd = Stream("kit-odd");
        var batch = Enumerable.Range(0, 1_500).Select(i => Record(i % 2 == 0 ? even : odd, (i / 2) + 1, i % 10 == 0 ? Key() : default)).ToArray();

        await store.AppendOkAsync(batch);

        var all = await store.ReadAllListAsync();
        Assert.Equal(batch.Length, all.Count);
        for (var i = 0; i < batch.Length; i++) RecordAssert.Same(batch[i], all[i], $"ReadAllAsync[{i}]");
        RecordAssert.Increasing(all, "ReadAllAsync");
        RecordAssert.SameList(all.Skip(777).ToList(), await store.ReadAllListAsync(all[776].Position), "ReadAllAsync from the middle");
        var evens = await store.ReadStreamListAsync(even);
        Assert.Equal(750, evens.Count);
        Assert.Equal(Enumerable.Range(1, 750).Select(static v => (long)v), evens.Select(static r => r.Version));
        RecordAssert.SameList(evens.Skip(500).ToList(), await store.ReadStreamListAsync(even, 500), "ReadStreamAsync(even, 500)");
    }

    private static string Fill(string pattern, int length)
    {
        var text = string.Concat(Enumerable.Repeat(pattern, (length / pattern.Length) + 1));
        return text[..length];
    }
}

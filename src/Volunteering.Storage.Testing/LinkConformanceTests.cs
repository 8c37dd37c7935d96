using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Links: a record placed in other streams (<see cref="NewRecord.Links"/>) appears in each of them at its link's
/// version, as the same record (same position, own stream and version), counts towards their versions, and still
/// appears once in the global order.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class LinkConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>A record linked into two streams reads back from each at its version there, unchanged: its
    /// <see cref="StoredRecord.Stream"/> and <see cref="StoredRecord.Version"/> are still its own.</summary>
    [Fact]
    public async Task A_record_appears_in_each_linked_stream_at_its_version()
    {
        var store = await CreateStoreAsync();
        var journal = Stream("kit-journal");
        var left = Stream("kit-left");
        var right = Stream("kit-right");
        await store.AppendOkAsync(Record(right, 1), Record(right, 2));
        var record = Record(journal, 1, Key(), At(left, 1), At(right, 3));

        await store.AppendOkAsync(record);

        var own = Assert.Single(await store.ReadStreamListAsync(journal));
        RecordAssert.Same(record, own, "ReadStreamAsync(journal)");
        var inLeft = Assert.Single(await store.ReadStreamListAsync(left));
        RecordAssert.Same(own, inLeft, "ReadStreamAsync(left)");
        Assert.Equal(1, inLeft.VersionIn(left));
        var inRight = await store.ReadStreamListAsync(right);
        Assert.Equal(3, inRight.Count);
        RecordAssert.Same(own, inRight[2], "ReadStreamAsync(right)[2]");
        Assert.Equal(3, inRight[2].VersionIn(right));
    }

    /// <summary>Links count towards the linked streams' versions, so the next record there (own or linked) must
    /// follow them.</summary>
    [Fact]
    public async Task Links_count_towards_the_linked_streams_versions()
    {
        var store = await CreateStoreAsync();
        var journal = Stream("kit-journal");
        var account = Stream("kit-account");
        await store.AppendOkAsync(Record(journal, 1, default, At(account, 1)), Record(journal, 2, default, At(account, 2)));

        Assert.Equal(2, await store.GetStreamVersionAsync(account));
        NewRecord[] clash = [Record(account, 1)];
        Assert.Equal(AppendResult.VersionConflict(account, 0, 2), await store.AppendAsync(clash));
        await store.AppendOkAsync(Record(account, 3));
        Assert.Equal(3, await store.GetStreamVersionAsync(account));
    }

    /// <summary>A stream can hold its own records and linked ones; it reads them in its version order, each with its
    /// version there.</summary>
    [Fact]
    public async Task A_stream_holds_own_and_linked_records_in_version_order()
    {
        var store = await CreateStoreAsync();
        var mixed = Stream("kit-mixed");
        var other = Stream("kit-other");
        var first = Record(mixed, 1);
        var linked = Record(other, 1, default, At(mixed, 2));
        var third = Record(mixed, 3, default, At(other, 2));
        await store.AppendOkAsync(first);
        await store.AppendOkAsync(linked, third);

        var read = await store.ReadStreamListAsync(mixed);
        Assert.Equal(3, read.Count);
        RecordAssert.Same(first, read[0], "ReadStreamAsync(mixed)[0]");
        RecordAssert.Same(linked, read[1], "ReadStreamAsync(mixed)[1]");
        RecordAssert.Same(third, read[2], "ReadStreamAsync(mixed)[2]");
        Assert.Equal([1L, 2L, 3L], read.Select(r => r.VersionIn(mixed)));
        Assert.Equal([2L, 3L], (await store.ReadStreamListAsync(mixed, 1)).Select(r => r.VersionIn(mixed)));
        var inOther = await store.ReadStreamListAsync(other);
        RecordAssert.Same(linked, inOther[0], "ReadStreamAsync(other)[0]");
        RecordAssert.Same(third, inOther[1], "ReadStreamAsync(other)[1]");
    }

    /// <summary>Several records of one batch may link the same stream at consecutive versions.</summary>
    [Fact]
    public async Task Records_of_one_batch_may_link_one_stream_at_consecutive_versions()
    {
        var store = await CreateStoreAsync();
        var account = Stream("kit-account");
        NewRecord[] batch = [Record(Stream("kit-j"), 1, default, At(account, 1)), Record(Stream("kit-j"), 2, default, At(account, 2)), Record(Stream("kit-k"), 1, default, At(account, 3))];

        await store.AppendOkAsync(batch);

        var read = await store.ReadStreamListAsync(account);
        Assert.Equal(3, read.Count);
        for (var i = 0; i < batch.Length; i++) RecordAssert.Same(batch[i], read[i], $"ReadStreamAsync(account)[{i}]");
    }

    /// <summary>The global order lists a linked record once, however many streams it is in.</summary>
    [Fact]
    public async Task ReadAllAsync_lists_a_linked_record_once()
    {
        var store = await CreateStoreAsync();
        var record = Record(Stream("kit-j"), 1, default, At(Stream("kit-x"), 1), At(Stream("kit-y"), 1), At(Stream("kit-z"), 1));
        await store.AppendOkAsync(record);
        RecordAssert.Same(record, Assert.Single(await store.ReadAllListAsync()), "ReadAllAsync");
        Assert.Equal(1, await store.GetStreamVersionAsync(Stream("kit-z")));
    }
}

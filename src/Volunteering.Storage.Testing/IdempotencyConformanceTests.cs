using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Idempotency keys: a store holds at most one record per <see cref="ItemKey"/>. A batch claiming a key already stored,
/// or one key twice, writes nothing and answers <see cref="AppendStatus.DuplicateItem"/> with that key; scopes keep id
/// spaces apart; records without a key never clash; <see cref="IRecordStore.FindItemAsync"/> finds the claiming record.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class IdempotencyConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>A key already in the store is refused, even from another stream, and the batch writes nothing: not its
    /// other records, not its other keys.</summary>
    [Fact]
    public async Task A_key_already_in_the_store_is_refused_and_nothing_is_written()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var key = Key();
        var original = Record(a, 1, key);
        await store.AppendOkAsync(original);

        NewRecord[] batch = [Record(b, 1, Key()), Record(b, 2, key)];
        var before = await StoreImage.CaptureAsync(store, batch);
        Assert.Equal(AppendResult.Duplicate(key), await store.AppendAsync(batch));
        await before.AssertUnchangedAsync(store, "a refused duplicate");

        NewRecord[] sameStream = [Record(a, 2, key)];
        Assert.Equal(AppendResult.Duplicate(key), await store.AppendAsync(sameStream));
        await before.AssertUnchangedAsync(store, "a refused duplicate in the same stream");

        var found = await store.FindItemAsync(key);
        Assert.NotNull(found);
        RecordAssert.Same(original, found, "FindItemAsync after the refusals");
    }

    /// <summary>A batch that claims one key twice is refused, writes nothing and leaves the key free.</summary>
    [Fact]
    public async Task A_key_claimed_twice_in_one_batch_is_refused_and_stays_free()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var key = Key();

        NewRecord[] batch = [Record(a, 1, key), Record(b, 1), Record(a, 2, key)];
        var before = await StoreImage.CaptureAsync(store, batch);
        Assert.Equal(AppendResult.Duplicate(key), await store.AppendAsync(batch));
        await before.AssertUnchangedAsync(store, "a batch claiming a key twice");

        var claim = Record(b, 1, key);
        await store.AppendOkAsync(claim);
        RecordAssert.Same(claim, (await store.FindItemAsync(key))!, "FindItemAsync");
    }

    /// <summary>The same GUID in two scopes is two keys: both are stored, and each finds its own record.</summary>
    [Fact]
    public async Task The_same_id_in_different_scopes_does_not_clash()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var id = Guid.NewGuid();
        var transfer = Record(a, 1, new ItemKey("transfer", id));
        var account = Record(a, 2, new ItemKey("account", id));
        var other = Record(a, 3, new ItemKey("kit.other-scope", id));

        await store.AppendOkAsync(transfer, account);
        await store.AppendOkAsync(other);

        RecordAssert.Same(transfer, (await store.FindItemAsync(new ItemKey("transfer", id)))!, "FindItemAsync(transfer)");
        RecordAssert.Same(account, (await store.FindItemAsync(new ItemKey("account", id)))!, "FindItemAsync(account)");
        RecordAssert.Same(other, (await store.FindItemAsync(new ItemKey("kit.other-scope", id)))!, "FindItemAsync(kit.other-scope)");
        NewRecord[] again = [Record(a, 4, new ItemKey("account", id))];
        Assert.Equal(AppendResult.Duplicate(new ItemKey("account", id)), await store.AppendAsync(again));
    }

    /// <summary>Records that claim no key never clash with each other, however many there are, in one batch or
    /// several.</summary>
    [Fact]
    public async Task Records_without_a_key_never_clash()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        await store.AppendOkAsync(Record(a, 1), Record(a, 2), Record(a, 3));
        await store.AppendOkAsync(Record(a, 4));
        await store.AppendOkAsync(Record(a, 5), Record(a, 6, Key()), Record(a, 7));
        Assert.Equal(7, await store.GetStreamVersionAsync(a));
        Assert.Equal(7, (await store.ReadAllListAsync()).Count);
    }

    /// <summary><see cref="IRecordStore.FindItemAsync"/> returns the record that claimed the key, equal to what
    /// <see cref="IRecordStore.ReadAllAsync"/> returns for it (position, stream, version, links, key, payload), also
    /// for a record in the middle of a batch and for a linked record.</summary>
    [Fact]
    public async Task FindItemAsync_returns_the_record_that_claimed_the_key()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        var keys = new[] { Key(), Key("transfer"), Key("account") };
        NewRecord[] batch = [Record(a, 1, keys[0]), Record(a, 2, keys[1], At(b, 1)), Record(b, 2, keys[2])];
        await store.AppendOkAsync(Record(Stream("kit-before"), 1));
        await store.AppendOkAsync(batch);

        var all = await store.ReadAllListAsync();
        for (var i = 0; i < keys.Length; i++)
        {
            var found = await store.FindItemAsync(keys[i]);
            Assert.NotNull(found);
            var listed = Assert.Single(all, r => r.Record.Item == keys[i]);
            RecordAssert.Same(listed, found, $"FindItemAsync({keys[i]})");
            RecordAssert.Same(batch[i], found, $"FindItemAsync({keys[i]})");
        }
    }

    /// <summary>An unknown key finds nothing: an id never stored, and a stored id in a scope it was not stored
    /// under.</summary>
    [Fact]
    public async Task FindItemAsync_finds_nothing_for_an_unknown_key()
    {
        var store = await CreateStoreAsync();
        var key = Key("transfer");
        await store.AppendOkAsync(Record(Stream("kit-a"), 1, key));

        Assert.Null(await store.FindItemAsync(Key("transfer")));
        Assert.Null(await store.FindItemAsync(new ItemKey("account", key.Id)));
        Assert.Null(await store.FindItemAsync(new ItemKey("transfer2", key.Id)));
        Assert.NotNull(await store.FindItemAsync(key));
    }

    /// <summary>A key claimed by a batch that was refused for a version conflict is still free afterwards.</summary>
    [Fact]
    public async Task A_key_of_a_refused_batch_stays_free()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        await store.AppendOkAsync(Record(a, 1));
        var key = Key();

        NewRecord[] stale = [Record(a, 1, key)];
        Assert.Equal(AppendResult.VersionConflict(a, 0, 1), await store.AppendAsync(stale));
        Assert.Null(await store.FindItemAsync(key));

        var claim = Record(a, 2, key);
        await store.AppendOkAsync(claim);
        RecordAssert.Same(claim, (await store.FindItemAsync(key))!, "FindItemAsync");
    }
}

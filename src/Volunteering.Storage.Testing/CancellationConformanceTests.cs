using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using static Volunteering.Storage.Testing.Internal.Kit;

namespace Volunteering.Storage.Testing;

/// <summary>
/// Cancellation: an append called with a cancelled token throws <see cref="OperationCanceledException"/> and writes
/// nothing; reads with a cancelled token throw too; an append cancelled while it runs writes everything or nothing,
/// never part.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class CancellationConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>An append with a cancelled token throws <see cref="OperationCanceledException"/> (or a subclass) and
    /// writes nothing, claims no key; the same batch then goes in with a live token.</summary>
    [Fact]
    public async Task A_pre_cancelled_append_throws_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        await store.AppendOkAsync(Record(a, 1));
        NewRecord[] batch = [Record(a, 2, Key()), Record(Stream("kit-b"), 1, Key(), At(Stream("kit-c"), 1))];
        var before = await StoreImage.CaptureAsync(store, batch);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AppendAsync(batch, cancelled.Token));

        await before.AssertUnchangedAsync(store, "a cancelled append");
        await store.AppendOkAsync(batch);
    }

    /// <summary>Reading the global order or a stream with a cancelled token throws
    /// <see cref="OperationCanceledException"/> instead of returning records.</summary>
    [Fact]
    public async Task Reads_with_a_cancelled_token_throw()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        await store.AppendOkAsync(Record(a, 1), Record(a, 2), Record(a, 3));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await DrainAsync(store.ReadAllAsync(0, cancelled.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await DrainAsync(store.ReadStreamAsync(a, 0, cancelled.Token)));
        Assert.Equal(3, (await store.ReadAllListAsync()).Count);
    }

    /// <summary>Appends of 300 records cancelled after growing delays either throw and leave no trace, or complete
    /// and are there whole: never part of a batch.</summary>
    [Fact]
    public async Task An_append_cancelled_while_running_writes_all_or_nothing()
    {
        var store = await CreateStoreAsync();
        var a = Stream("kit-a");
        var b = Stream("kit-b");
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var versionA = await store.GetStreamVersionAsync(a);
            var versionB = await store.GetStreamVersionAsync(b);
            var batch = Enumerable.Range(0, 300)
                .Select(i => Record(a, versionA + i + 1, i % 50 == 0 ? Key() : default, At(b, versionB + i + 1)))
                .ToArray();
            var before = await StoreImage.CaptureAsync(store, batch);
            using var cts = new CancellationTokenSource(TimeSpan.FromTicks(attempt * attempt * 2_500L));
            AppendResult? result = null;
            try
            {
                result = await store.AppendAsync(batch, cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Cancelled: nothing may be left of the batch.
            }

            if (result is null)
            {
                await before.AssertUnchangedAsync(store, $"append {attempt}, cancelled while running");
                continue;
            }

            Assert.True(result.Value.IsAppended, $"append {attempt} answered {result}");
            var added = await store.ReadAllListAsync(before.Position);
            Assert.Equal(batch.Length, added.Count);
            for (var i = 0; i < batch.Length; i++) RecordAssert.Same(batch[i], added[i], $"append {attempt} [{i}]");
            Assert.Equal(versionB + batch.Length, await store.GetStreamVersionAsync(b));
        }
    }
}

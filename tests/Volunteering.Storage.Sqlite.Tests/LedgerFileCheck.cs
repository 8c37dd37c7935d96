using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite.CrashWriter;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>Checks a store written by workload writers (<see cref="WriterWorkload"/>).</summary>
internal static class LedgerFileCheck
{
    /// <summary>
    /// Asserts that the store's ledger is sound (<see cref="LedgerAudit"/> and a replayed ledger's
    /// <see cref="DoubleEntryLedger.VerifyInvariants"/>); that every workload batch in it is whole (all its members, each
    /// once, nothing else); that every transfer id is in it once; and that every acknowledged batch is in it with exactly
    /// its transfer ids.
    /// </summary>
    /// <returns>The batches found in the store, by id, with their transfer ids in batch order.</returns>
    public static async Task<IReadOnlyDictionary<Guid, TransferId[]>> AssertSoundAsync(IRecordStore store, IReadOnlyDictionary<Guid, TransferId[]> acknowledged)
    {
        var report = await LedgerAudit.VerifyAsync(store);
        Assert.True(report.IsClean, "LedgerAudit: " + string.Join(Environment.NewLine, report.Violations));

        var ledger = DoubleEntryLedger.Replay(await ReadJournalAsync(store), new FixedClock(Instant.MaxValue));
        Assert.Empty(ledger.VerifyInvariants());

        var members = new Dictionary<Guid, TransferId?[]>();
        var seen = new HashSet<TransferId>();
        foreach (var entry in ledger.Journal)
        {
            if (entry.Kind == LedgerEventKind.AccountOpened) continue;
            Assert.Equal(LedgerEventKind.TransferPosted, entry.Kind);
            Assert.True(seen.Add(entry.TransferId), $"Transfer {entry.TransferId} is in the journal twice.");
            Assert.True(WriterWorkload.TryParseMemo(entry.Memo, out var batchId, out var index, out var count), $"Entry {entry.Position} has the memo '{entry.Memo}'.");
            if (!members.TryGetValue(batchId, out var slots)) members.Add(batchId, slots = new TransferId?[count]);
            Assert.Equal(slots.Length, count);
            Assert.Null(slots[index]);
            slots[index] = entry.TransferId;
        }

        var batches = new Dictionary<Guid, TransferId[]>();
        foreach (var (batchId, slots) in members)
        {
            Assert.True(slots.All(s => s is not null), $"Batch {batchId:N} is half there: {slots.Count(s => s is not null)} of {slots.Length} transfers.");
            batches.Add(batchId, [.. slots.Select(s => s!.Value)]);
        }

        foreach (var (batchId, ids) in acknowledged)
        {
            Assert.True(batches.TryGetValue(batchId, out var stored), $"Acknowledged batch {batchId:N} is not in the store.");
            Assert.Equal(ids, stored);
        }

        return batches;
    }

    public static async Task<List<LedgerEvent>> ReadJournalAsync(IRecordStore store)
    {
        var entries = new List<LedgerEvent>();
        await foreach (var entry in store.ReadJournalAsync()) entries.Add(entry);
        return entries;
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

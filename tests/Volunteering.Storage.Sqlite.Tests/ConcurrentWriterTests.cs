using Volunteering.Storage.TestWriters;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite.CrashWriter;
using Xunit.Abstractions;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>Several writers on one file, posting to the same few hot accounts: threads in this process (through several
/// store instances and several ledgers per instance) and separate processes.</summary>
public sealed class ConcurrentWriterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Writers_on_threads_through_several_store_instances_lose_and_double_no_transfer_and_lose_races_as_WrongExpectedVersion()
    {
        const int Instances = 3, WritersPerInstance = 2, BatchesPerWriter = 25;
        const int Writers = Instances * WritersPerInstance;
        using var folder = new TempFolder();
        var file = folder.File("threads.db");
        var instances = new List<SqliteRecordStore>();
        try
        {
            for (var i = 0; i < Instances; i++) instances.Add(await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file)));
            var opener = await PersistentLedger.OpenAsync(instances[0], SystemClock.Instance);
            await opener.ExecuteAsync(WriterWorkload.OpenAccounts);

            // Every writer decides its first batch on the same state, then all append at once: one wins, the others
            // must each be told WrongExpectedVersion. After that they race freely.
            var arrived = 0;
            var lineUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var counters = new List<CountingRecordStore>();
            var ledgers = new List<PersistentLedger>();
            for (var w = 0; w < Writers; w++)
            {
                var counter = new CountingRecordStore(instances[w % Instances]);
                var first = true;
                counter.BeforeAppend = async () =>
                {
                    if (!first) return;
                    first = false;
                    if (Interlocked.Increment(ref arrived) == Writers) lineUp.SetResult();
                    await lineUp.Task.WaitAsync(TimeSpan.FromSeconds(30));
                };
                counters.Add(counter);
                ledgers.Add(await PersistentLedger.OpenAsync(counter, SystemClock.Instance));
            }

            var acknowledged = new ConcurrentDictionary<Guid, TransferId[]>();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                var random = new Random(w);
                for (var b = 0; b < BatchesPerWriter; b++)
                {
                    var batchId = Guid.NewGuid();
                    var requests = WriterWorkload.Batch(batchId, 1 + random.Next(3), random);
                    Assert.Equal(TransferResult.Ok, await WriterWorkload.SubmitAsync(ledgers[w], requests));
                    acknowledged[batchId] = [.. requests.Select(r => r.Id)];
                }
            })));
            clock.Stop();

            var batches = await LedgerFileCheck.AssertSoundAsync(instances[1], acknowledged);
            Assert.Equal(Writers * BatchesPerWriter, acknowledged.Count);
            Assert.Equal(acknowledged.Count, batches.Count);
            var transfers = acknowledged.Values.Sum(ids => ids.Length);
            var journal = await LedgerFileCheck.ReadJournalAsync(instances[2]);
            Assert.Equal(1 + WriterWorkload.MemberCount + transfers, journal.Count);

            var conflicts = counters.Sum(c => c.WrongExpectedVersion);
            output.WriteLine($"{Writers} writers, {acknowledged.Count} batches ({transfers} transfers) in {clock.ElapsedMilliseconds} ms; {counters.Sum(c => c.Appended)} appends, {conflicts} WrongExpectedVersion.");
            Assert.True(conflicts >= Writers - 1, $"Only {conflicts} appends lost a race; the lined-up first appends alone lose {Writers - 1}.");
            Assert.All(counters, c => Assert.Equal(0, c.Failed));
            Assert.All(counters, c => Assert.Equal(0, c.DuplicateItem));
            Assert.Equal(acknowledged.Count, counters.Sum(c => c.Appended));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task Writer_processes_sharing_a_file_lose_and_double_no_transfer()
    {
        const int Processes = 3, BatchesPerProcess = 40;
        using var folder = new TempFolder();
        var file = folder.File("processes.db");
        var writers = new List<WriterProcess>();
        try
        {
            var clock = Stopwatch.StartNew();
            for (var p = 0; p < Processes; p++)
            {
                writers.Add(CrashWriterProcess.Start("contend", file, p.ToString(CultureInfo.InvariantCulture), BatchesPerProcess.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var writer in writers) await writer.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            foreach (var writer in writers) await writer.SendLineAsync("GO");
            foreach (var writer in writers)
            {
                Assert.True(await writer.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, $"A writer failed: {await writer.StderrSoFarAsync()}");
            }

            clock.Stop();
            var acknowledged = new Dictionary<Guid, TransferId[]>();
            long appended = 0, conflicts = 0, duplicates = 0;
            foreach (var writer in writers)
            {
                var acks = writer.Acks();
                Assert.Equal(BatchesPerProcess, acks.Count);
                foreach (var (batchId, ids) in acks) acknowledged.Add(batchId, ids);
                var done = writer.Lines[^1].Split(' ');
                Assert.Equal("DONE", done[0]);
                appended += long.Parse(done[1], CultureInfo.InvariantCulture);
                conflicts += long.Parse(done[2], CultureInfo.InvariantCulture);
                duplicates += long.Parse(done[3], CultureInfo.InvariantCulture);
            }

            await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file));
            var batches = await LedgerFileCheck.AssertSoundAsync(store, acknowledged);
            Assert.Equal(acknowledged.Count, batches.Count);
            var journal = await LedgerFileCheck.ReadJournalAsync(store);
            Assert.Equal(1 + WriterWorkload.MemberCount + acknowledged.Values.Sum(ids => ids.Length), journal.Count);
            Assert.Equal(0, duplicates);
            output.WriteLine($"{Processes} processes, {acknowledged.Count} batches in {clock.ElapsedMilliseconds} ms; {appended} appends, {conflicts} WrongExpectedVersion.");
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }
}

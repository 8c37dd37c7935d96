using Volunteering.Storage.TestWriters;
using System.Diagnostics;
using System.Globalization;
using Volunteering.Domain.Identity;
using Xunit.Abstractions;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>Kills real writer processes with SIGKILL in the middle of their work and checks what the file holds.</summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 25;

    [Fact]
    public async Task A_writer_killed_at_random_moments_never_loses_an_acknowledged_batch_nor_leaves_half_of_one()
    {
        using var folder = new TempFolder();
        var file = folder.File("crash.db");
        var random = new Random(20260305);
        var acknowledged = new Dictionary<Guid, TransferId[]>();
        var killsWhileWriting = 0;
        var clock = Stopwatch.StartNew();

        for (var run = 0; run < Kills; run++)
        {
            using var writer = CrashWriterProcess.Start("crash", file, run.ToString(CultureInfo.InvariantCulture));
            if (run % 5 == 4)
            {
                // Now and then, kill it while it starts: opening, recovering the WAL, catching up, opening accounts.
                await Task.Delay(random.Next(50, 250));
            }
            else
            {
                await writer.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
                await Task.Delay(random.Next(20, 150));
            }

            await writer.KillAsync();
            var acks = writer.Acks();
            if (acks.Count > 0) killsWhileWriting++;
            foreach (var (batchId, ids) in acks) acknowledged.Add(batchId, ids);
        }

        var killing = clock.Elapsed;
        await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file));
        var batches = await LedgerFileCheck.AssertSoundAsync(store, acknowledged);

        output.WriteLine($"{Kills} kills in {killing.TotalSeconds:F1} s ({killsWhileWriting} after at least one acknowledged batch); {acknowledged.Count} batches acknowledged, {batches.Count} in the file.");
        Assert.True(killsWhileWriting >= Kills / 3, $"Only {killsWhileWriting} of {Kills} kills hit a writer that had acknowledged a batch.");
        Assert.True(batches.Count >= acknowledged.Count);
        Assert.True(batches.Count - acknowledged.Count <= Kills, "More unacknowledged batches are in the file than there were kills.");
    }
}

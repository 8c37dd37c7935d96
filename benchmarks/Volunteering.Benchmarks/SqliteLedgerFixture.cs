using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite;

namespace Volunteering.Benchmarks;

/// <summary>
/// The SQLite store file the SQLite benchmarks run on, and the ledger it holds. Everything here runs in setup, never in
/// a measured body.
/// </summary>
/// <remarks>
/// <para>The ledger is deterministic: account ids and transfer ids come from seeded generators and the clock is
/// <see cref="FixedClock.Default"/>, so <see cref="BuildLedger"/> gives the same journal, entry for entry, in every
/// process. A benchmark process can therefore rebuild in memory the ledger a cached file holds (a second or two)
/// instead of replaying the file, and go on submitting transfers whose journal positions, account versions and
/// running balances follow on from the file's.</para>
/// <para>The journal: 1 issuing account, 1 busy account and <see cref="Members"/> member accounts opened; every
/// member and the busy account funded by a post from the issuing account (<see cref="AccountsOnlyEntries"/> entries);
/// then, up to the file's size (<see cref="FileEntries"/> for the large file): at every 100th journal position a transfer of the busy account (alternately earning 100 from a member and
/// spending 60 with another), every 20th operation a pending transfer between two members and its post, otherwise a
/// post between two members.</para>
/// <para>A file is written once through <see cref="SqliteRecordStore.AppendAsync"/> in batches of 1,000 records
/// (Synchronous = Normal, to build it quickly) and cached under the temporary folder with a name keyed by the fixture
/// version, the entry count and the store's schema version, so later runs and the other benchmark processes reuse
/// it. Change <see cref="FixtureVersion"/> whenever the generator changes.</para>
/// </remarks>
internal static class SqliteLedgerFixture
{
    /// <summary>Member accounts.</summary>
    public const int Members = 10_000;

    /// <summary>Journal entries in the large file (the read and recovery benchmarks use only this one).</summary>
    public const int FileEntries = 1_000_000;

    /// <summary>The busy account is touched by every this-many-th journal entry (≈ 10,000 of the file's entries).</summary>
    public const int TouchEvery = 100;

    /// <summary>Bump when <see cref="BuildLedger"/> or the build of the file changes, so a stale cache is not reused.</summary>
    private const int FixtureVersion = 1;

    private const int BuildBatch = 1_000;

    /// <summary>The issuing account (no floor) that funds everyone.</summary>
    public static AccountId Issuing { get; } = new(new Guid("5eed0000-0000-0000-0000-000000000001"));

    /// <summary>The account touched by every 100th entry.</summary>
    public static AccountId Busy { get; } = new(new Guid("5eed0000-0000-0000-0000-000000000002"));

    /// <summary>The member accounts, in opening order.</summary>
    public static AccountId[] MemberIds { get; } = LedgerFixture.AccountIds(Members, seed: 41);

    /// <summary>Journal entries of the smallest file: the accounts opened and funded, no other transfer yet.</summary>
    public const int AccountsOnlyEntries = 2 * Members + 3;

    /// <summary>The cached file of the first <paramref name="entries"/> entries (it may not exist yet; see
    /// <see cref="EnsureFile"/>).</summary>
    public static string CachedFilePath(int entries) => Path.Combine(
        Path.GetTempPath(),
        "volunteering-benchmarks",
        string.Create(CultureInfo.InvariantCulture, $"ledger-{entries}-fixture{FixtureVersion}-schema{SqliteRecordStore.SchemaVersion}.db"));

    /// <summary>A deterministic id generator (the seed fixes every transfer id of the file).</summary>
    public static TransferId NextId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new TransferId(new Guid(bytes));
    }

    /// <summary>Builds a file's ledger in memory.</summary>
    /// <param name="entries">Journal entries, at least <see cref="AccountsOnlyEntries"/>; the journal of a smaller
    /// count is a prefix of the journal of a larger one (but for a pending transfer cut off at the end).</param>
    /// <param name="extraCapacity">Journal and transfer-table room to reserve beyond <paramref name="entries"/>, for
    /// transfers a benchmark submits afterwards.</param>
    /// <returns>The ledger and the random source to continue with (transfer ids drawn from it never repeat the file's).</returns>
    public static (DoubleEntryLedger Ledger, Random Random) BuildLedger(int entries = FileEntries, int extraCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entries, AccountsOnlyEntries);
        var ledger = new DoubleEntryLedger(FixedClock.Default, new LedgerOptions { AccountCapacity = Members + 2, TransferCapacity = entries + extraCapacity });
        var random = new Random(42);
        var members = MemberIds;
        Check(ledger.OpenAccount(new OpenAccountRequest(Issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        Check(ledger.OpenAccount(new OpenAccountRequest(Busy, Asset.TimeCredit, Busy.Value, 2)));
        foreach (var m in members) Check(ledger.OpenAccount(new OpenAccountRequest(m, Asset.TimeCredit, m.Value, 2)));
        Check(ledger.Submit(TransferRequest.Post(NextId(random), Issuing, Busy, LedgerFixture.Funding, 1)));
        foreach (var m in members) Check(ledger.Submit(TransferRequest.Post(NextId(random), Issuing, m, LedgerFixture.Funding, 1)));

        var operation = 0;
        var busyTouches = 0;
        while (ledger.Position < entries)
        {
            if ((ledger.Position + 1) % TouchEvery == 0)
            {
                var member = members[random.Next(Members)];
                Check(ledger.Submit(busyTouches++ % 2 == 0
                    ? TransferRequest.Post(NextId(random), member, Busy, 100, 3)
                    : TransferRequest.Post(NextId(random), Busy, member, 60, 4)));
                continue;
            }

            var (d, c) = LedgerFixture.Pair(random, Members);
            var amount = 1 + random.Next(100);
            if (operation++ % 20 == 0 && ledger.Position + 2 <= entries)
            {
                var pending = NextId(random);
                Check(ledger.Submit(TransferRequest.Pending(pending, members[d], members[c], amount, 5)));
                Check(ledger.Submit(TransferRequest.PostPending(NextId(random), pending, amount)));
            }
            else
            {
                Check(ledger.Submit(TransferRequest.Post(NextId(random), members[d], members[c], amount, 3)));
            }
        }

        return (ledger, random);
    }

    /// <summary>Posts <paramref name="count"/> transfers between random members on the ledger (each one journal
    /// entry) and returns their records, ready to append after the ledger's previous position.</summary>
    public static NewRecord[] NextTransfers(DoubleEntryLedger ledger, Random random, int count)
    {
        var first = (int)ledger.Position;
        for (var i = 0; i < count; i++)
        {
            var (d, c) = LedgerFixture.Pair(random, Members);
            Check(ledger.Submit(TransferRequest.Post(NextId(random), MemberIds[d], MemberIds[c], 1 + random.Next(100), 3)));
        }

        var entries = new LedgerEvent[count];
        for (var i = 0; i < count; i++) entries[i] = ledger.Journal[first + i];
        return LedgerStreams.ToRecords(entries);
    }

    /// <summary>Makes sure the cached file of the ledger's journal exists; builds it if not.</summary>
    /// <param name="ledger">What <see cref="BuildLedger"/> returned, before anything else was submitted.</param>
    /// <returns>The file's path.</returns>
    public static string EnsureFile(DoubleEntryLedger ledger)
    {
        var entries = checked((int)ledger.Position);
        var path = CachedFilePath(entries);
        if (File.Exists(path))
        {
            Console.WriteLine($"// Reusing {path} ({Describe(path)}).");
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        DeleteFile(building);
        var stopwatch = Stopwatch.StartNew();
        using (var store = Wait(SqliteRecordStore.OpenAsync(new SqliteStoreOptions(building) { Synchronous = SqliteSynchronousMode.Normal })))
        {
            var records = new List<LedgerEvent>(BuildBatch);
            for (var i = 0; i < entries; i += BuildBatch)
            {
                records.Clear();
                for (var j = i; j < Math.Min(i + BuildBatch, entries); j++) records.Add(ledger.Journal[j]);
                CheckAppended(Wait(store.AppendAsync(LedgerStreams.ToRecords(records))));
            }
        }

        // Disposing the store checkpointed the write-ahead log into the file and removed it; only the file is moved.
        if (File.Exists(building + "-wal")) throw new InvalidOperationException($"{building}-wal is still there after the store closed.");
        File.Move(building, path);
        DeleteFile(building);
        Console.WriteLine($"// Built {path} in {stopwatch.Elapsed.TotalSeconds:F1} s ({Describe(path)}).");
        return path;
    }

    /// <summary>A fresh copy of the cached file, flushed to disk before it is returned, so that no write-back of the
    /// copy is still going on when a measurement starts.</summary>
    public static string CopyToWorkFile(string source, string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, string.Create(CultureInfo.InvariantCulture, $"{name}-{Environment.ProcessId}.db"));
        DeleteFile(path);
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
        using (var to = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            from.CopyTo(to, 1 << 20);
            to.Flush(flushToDisk: true);
        }

        return path;
    }

    /// <summary>Deletes a database file and its companions.</summary>
    public static void DeleteFile(string path)
    {
        File.Delete(path);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
    }

    /// <summary>The sizes of a database file and its write-ahead log.</summary>
    public static string Describe(string path)
    {
        var main = new FileInfo(path).Length;
        var wal = File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0;
        return string.Create(CultureInfo.InvariantCulture, $"file {main / 1048576.0:F1} MiB, WAL {wal / 1048576.0:F1} MiB");
    }

    /// <summary>The result of a value task that normally completes synchronously (the SQLite store's do).</summary>
    public static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    public static void CheckAppended(AppendResult result)
    {
        if (!result.IsAppended) throw new InvalidOperationException($"An append was refused: {result}.");
    }

    private static void Check(AccountResult result, [CallerArgumentExpression(nameof(result))] string? what = null)
    {
        if (result != AccountResult.Ok) throw new InvalidOperationException($"Setup: {what} answered {result}.");
    }

    private static void Check(TransferResult result, [CallerArgumentExpression(nameof(result))] string? what = null)
    {
        if (result != TransferResult.Ok) throw new InvalidOperationException($"Setup: {what} answered {result}.");
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite;

namespace Volunteering.Benchmarks;

/// <summary>
/// Start-up on a SQLite file of 1,000,000 entries: opening the store and rebuilding the ledger from it
/// (<c>PersistentLedger.OpenAsync</c>), against a raw baseline that only reads the same rows with plain
/// Microsoft.Data.Sqlite commands.
/// </summary>
/// <remarks>
/// <para>The file is the cached one of <see cref="SqliteLedgerFixture"/>: built once, reused by every iteration, every
/// benchmark process and later runs. Nothing writes to it. It is in the operating system's page cache (the warm-up
/// iteration reads it whole, if nothing before did), so these are warm-cache figures: a cold start also pays for
/// reading the file from the disk.</para>
/// <para>Each operation takes seconds, so the job is short: one launch, one warm-up and five measured iterations of
/// one operation each (<see cref="RunStrategy.Monitoring"/>).</para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SqliteRecoveryBenchmarks
{
    private string _path = "";
    private AccountId _probe;
    private long _probeBalance;
    private long _entries;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var (ledger, _) = SqliteLedgerFixture.BuildLedger();
        _path = SqliteLedgerFixture.EnsureFile(ledger);
        _entries = ledger.Position;
        _probe = SqliteLedgerFixture.Busy;
        _probeBalance = ledger.GetBalance(_probe);
        Console.WriteLine($"// {_path}: {_entries} entries, {SqliteLedgerFixture.Describe(_path)}.");
    }

    /// <summary>Opens a plain connection and reads the journal stream with the store's query (stream_slots joined to
    /// records, in version order), every column of every row read once: integers and text with <c>GetInt64</c> and
    /// <c>GetString</c>, blobs with <c>GetFieldValue&lt;byte[]&gt;</c> (one copy each). Nothing is deserialized.</summary>
    [Benchmark(Baseline = true)]
    public long RawRead() => ReadRaw(blobsWithGetBytes: false);

    /// <summary>The same raw read, with each blob read as the store's reader reads it: <c>GetBytes</c> with a null
    /// buffer for its length, then <c>GetBytes</c> into a reused buffer.</summary>
    [Benchmark]
    public long RawReadGetBytes() => ReadRaw(blobsWithGetBytes: true);

    /// <summary>Opens the store and reads the whole journal through <c>ReadJournalAsync</c> (every record deserialized
    /// into a <c>LedgerEvent</c>), without building a ledger: what the store's part of recovery costs.</summary>
    [Benchmark]
    public long ReadJournal()
    {
        var count = SqliteLedgerFixture.Wait(ReadJournalAsync());
        return count == _entries ? count : throw new InvalidOperationException($"ReadJournalAsync gave {count} entries in order.");
    }

    /// <summary><c>SqliteRecordStore.OpenAsync</c> and <c>PersistentLedger.OpenAsync</c> with default options: the
    /// full recovery of a service that starts on the file.</summary>
    [Benchmark]
    public long Open() => SqliteLedgerFixture.Wait(OpenAsync(null));

    /// <summary>The same with <c>LedgerOptions</c> sized for the file (10,002 accounts, 1,000,000 entries).</summary>
    [Benchmark]
    public long OpenPresized()
        => SqliteLedgerFixture.Wait(OpenAsync(new LedgerOptions { AccountCapacity = SqliteLedgerFixture.Members + 2, TransferCapacity = SqliteLedgerFixture.FileEntries }));

    private long ReadRaw(bool blobsWithGetBytes)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = -16384";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT id FROM streams WHERE name = $name";
        command.Parameters.AddWithValue("$name", LedgerStreams.Journal.Value);
        var journal = (long)command.ExecuteScalar()!;
        command.Parameters.Clear();
        command.CommandText = """
            SELECT r.position, r.stream_id, r.version, r.links, r.item_scope, r.item_id, r.type, r.schema_version, r.data
            FROM stream_slots s JOIN records r ON r.position = s.position
            WHERE s.stream_id = $id AND s.version > 0 ORDER BY s.version
            """;
        command.Parameters.AddWithValue("$id", journal);
        var buffer = new byte[64 * 1024];
        long rows = 0;
        long bytes = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows++;
            bytes += reader.GetInt64(0) + reader.GetInt64(1) + reader.GetInt64(2) + reader.GetInt32(7) + reader.GetString(6).Length;
            if (!reader.IsDBNull(3)) bytes += Blob(reader, 3, buffer, blobsWithGetBytes);
            if (!reader.IsDBNull(4)) bytes += reader.GetString(4).Length + Blob(reader, 5, buffer, blobsWithGetBytes);
            bytes += Blob(reader, 8, buffer, blobsWithGetBytes);
        }

        // Every benchmark checks that it saw the whole file, or it would not be doing the same work as the others.
        if (rows != _entries || bytes == 0) throw new InvalidOperationException($"The raw read saw {rows} rows.");
        return rows;
    }

    private static long Blob(SqliteDataReader reader, int ordinal, byte[] buffer, bool withGetBytes)
    {
        if (!withGetBytes) return reader.GetFieldValue<byte[]>(ordinal).Length;
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        return reader.GetBytes(ordinal, 0, buffer, 0, length);
    }

    private async ValueTask<long> ReadJournalAsync()
    {
        await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(_path));
        long count = 0;
        await foreach (var entry in store.ReadJournalAsync())
        {
            if (entry.Position == count + 1) count++;
        }

        return count;
    }

    private async ValueTask<long> OpenAsync(LedgerOptions? options)
    {
        await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(_path));
        var ledger = await PersistentLedger.OpenAsync(store, FixedClock.Default, options);
        var balance = ledger.Ledger.GetBalance(_probe);
        if (ledger.Ledger.Position != _entries || balance != _probeBalance)
        {
            throw new InvalidOperationException($"The reopened ledger (position {ledger.Ledger.Position}, balance {balance}) disagrees with the one that wrote the file.");
        }

        return balance;
    }
}

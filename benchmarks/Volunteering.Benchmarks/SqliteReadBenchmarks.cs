using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite;

namespace Volunteering.Benchmarks;

/// <summary>Which account the SQLite read benchmarks read.</summary>
public enum ReadAccount
{
    /// <summary>A member account (~200 entries); each call takes the next of the 10,000 members in a shuffled order.</summary>
    Member,

    /// <summary>The busy account, touched by every 100th entry of the file (10,000 entries).</summary>
    Busy,
}

/// <summary>
/// Reading from the SQLite store without loading a ledger: an account's history (<c>LedgerStoreQueries.ReadAccountAsync</c>,
/// the statement's lines) and its balance (<c>GetBalanceAsync</c>), on the cached 1,000,000-entry file of
/// <see cref="SqliteLedgerFixture"/>. Each is measured against a raw baseline that runs the store's own queries with plain
/// Microsoft.Data.Sqlite commands and reads every column once without deserializing anything.
/// </summary>
/// <remarks>The file is only read. It is in the operating system's page cache (built or read by earlier processes,
/// and read again by setup and the warm-up iterations), so these are warm-cache figures, not reads from the disk.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SqliteReadBenchmarks
{
    private const string ReadStreamSql = """
        SELECT r.position, r.stream_id, r.version, r.links, r.item_scope, r.item_id, r.type, r.schema_version, r.data
        FROM stream_slots s JOIN records r ON r.position = s.position
        WHERE s.stream_id = $id AND s.version > $after ORDER BY s.version
        """;

    private SqliteRecordStore _store = null!;
    private AccountId[] _order = [];
    private int _next;
    private SqliteConnection _connection = null!;
    private SqliteCommand _readStream = null!;
    private SqliteParameter _readStreamId = null!;
    private SqliteParameter _readStreamAfter = null!;
    private SqliteCommand _version = null!;
    private SqliteParameter _versionId = null!;
    private Dictionary<AccountId, long> _streamIds = [];

    /// <summary>The account read.</summary>
    [ParamsAllValues]
    public ReadAccount Account { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var (ledger, _) = SqliteLedgerFixture.BuildLedger();
        var path = SqliteLedgerFixture.EnsureFile(ledger);
        _store = SqliteLedgerFixture.Wait(SqliteRecordStore.OpenAsync(new SqliteStoreOptions(path)));

        _order = Account == ReadAccount.Busy ? [SqliteLedgerFixture.Busy] : (AccountId[])SqliteLedgerFixture.MemberIds.Clone();
        new Random(43).Shuffle(_order);

        // The store must give every account the ledger's balance, and read back every entry of the busy account.
        foreach (var id in _order)
        {
            var stored = SqliteLedgerFixture.Wait(_store.GetBalanceAsync(id));
            if (stored?.Posted != ledger.GetBalance(id)) throw new InvalidOperationException($"The file's balance of {id} ({stored}) is not the ledger's.");
        }

        var busyLines = ledger.GetStatement(SqliteLedgerFixture.Busy, new NodaTime.Interval(null, null)).Lines.Count;
        var busyRead = ReadAllOf(SqliteLedgerFixture.Busy);
        Console.WriteLine($"// {path}: {SqliteLedgerFixture.Describe(path)}; busy account: {busyRead} entries (statement {busyLines} lines); " +
                          $"member {SqliteLedgerFixture.MemberIds[0]}: {ReadAllOf(SqliteLedgerFixture.MemberIds[0])} entries.");

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -16384";
            pragma.ExecuteNonQuery();
        }

        _streamIds = [];
        using (var names = _connection.CreateCommand())
        {
            names.CommandText = "SELECT id, name FROM streams";
            using var reader = names.ExecuteReader();
            var byName = _order.ToDictionary(id => LedgerStreams.Account(id).Value);
            while (reader.Read())
            {
                if (byName.TryGetValue(reader.GetString(1), out var account)) _streamIds.Add(account, reader.GetInt64(0));
            }
        }

        _readStream = _connection.CreateCommand();
        _readStream.CommandText = ReadStreamSql;
        _readStreamId = _readStream.Parameters.Add("$id", SqliteType.Integer);
        _readStreamAfter = _readStream.Parameters.Add("$after", SqliteType.Integer);
        _version = _connection.CreateCommand();
        _version.CommandText = "SELECT max(version) FROM stream_slots WHERE stream_id = $id";
        _versionId = _version.Parameters.Add("$id", SqliteType.Integer);
        _next = 0;
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _readStream.Dispose();
        _version.Dispose();
        _connection.Dispose();
        _store.Dispose();
    }

    /// <summary>The account's history with the store's query and plain commands: every column of every row read once
    /// (blobs with <c>GetFieldValue&lt;byte[]&gt;</c>), nothing deserialized. The stream id is known beforehand.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("History")]
    public long RawHistory() => ReadRows(_streamIds[NextAccount()], after: 0);

    /// <summary><c>ReadAccountAsync</c> of the account from its opening: every entry deserialized into a
    /// <c>LedgerEvent</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("History")]
    public async ValueTask<long> History()
    {
        long sum = 0;
        await foreach (var entry in _store.ReadAccountAsync(NextAccount()))
        {
            sum += entry.Amount;
        }

        return sum;
    }

    /// <summary>The store's two balance queries with plain commands: the stream's newest version, then that one row
    /// (bytes only, not deserialized).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Balance")]
    public long RawBalance()
    {
        var id = _streamIds[NextAccount()];
        _versionId.Value = id;
        var version = (long)_version.ExecuteScalar()!;
        return ReadRows(id, version - 1);
    }

    /// <summary><c>GetBalanceAsync</c>: the account's newest entry, read through the index, deserialized.</summary>
    [Benchmark]
    [BenchmarkCategory("Balance")]
    public async ValueTask<long> Balance() => (await _store.GetBalanceAsync(NextAccount()))!.Value.Posted;

    private AccountId NextAccount()
    {
        var i = _next;
        _next = i + 1 == _order.Length ? 0 : i + 1;
        return _order[i];
    }

    private long ReadRows(long streamId, long after)
    {
        _readStreamId.Value = streamId;
        _readStreamAfter.Value = after;
        long total = 0;
        using var reader = _readStream.ExecuteReader();
        while (reader.Read())
        {
            total += reader.GetInt64(0) + reader.GetInt64(1) + reader.GetInt64(2) + reader.GetInt32(7) + reader.GetString(6).Length;
            if (!reader.IsDBNull(3)) total += reader.GetFieldValue<byte[]>(3).Length;
            if (!reader.IsDBNull(4)) total += reader.GetString(4).Length + reader.GetFieldValue<byte[]>(5).Length;
            total += reader.GetFieldValue<byte[]>(8).Length;
        }

        return total;
    }

    private int ReadAllOf(AccountId id)
    {
        var count = 0;
        var enumerator = _store.ReadAccountAsync(id).GetAsyncEnumerator();
        try
        {
            while (SqliteLedgerFixture.Wait(enumerator.MoveNextAsync())) count++;
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return count;
    }
}

using BenchmarkDotNet.Attributes;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite;

namespace Volunteering.Benchmarks;

/// <summary>
/// Appending ledger transfers to the SQLite store, in batches of 1, 100 and 1,000, against a raw baseline that inserts
/// the same rows with plain Microsoft.Data.Sqlite commands.
/// </summary>
/// <remarks>
/// <para><b>The file.</b> Each benchmark process works on its own copy of a cached file of
/// <see cref="SqliteLedgerFixture"/> (<see cref="StartEntries"/> entries; copied and flushed to disk in
/// <c>[GlobalSetup]</c>), and rebuilds the file's ledger in memory. Every iteration then appends transfers that follow on from everything appended before it in that
/// process, so the file only grows (by 1,000 transfers per iteration) and every append is accepted; a refused append
/// throws and fails the benchmark.</para>
/// <para><b>One invocation</b> appends <see cref="TransfersPerInvocation"/> transfers as
/// <c>TransfersPerInvocation / BatchSize</c> batches (<c>OperationsPerInvoke</c>, so the Mean is per transfer).
/// <c>[IterationSetup]</c> submits those transfers to the in-memory ledger (posts between two random members of
/// 10,000) and turns their journal entries into records with <c>LedgerStreams.ToRecords</c>; for <see cref="Raw"/> it
/// also serializes them with <c>JsonRecordSerializer.Default</c> and encodes the rows. None of that is measured.</para>
/// <para><see cref="Store"/> measures <c>SqliteRecordStore.AppendAsync</c> as an application calls it: batch checks,
/// JSON serialization, <c>BEGIN IMMEDIATE</c>, expected-version checks of the journal and of every account the batch
/// touches, the head position, the inserts and the commit. The store's stream-id cache is warmed in setup (as in a
/// running service), so no append looks a stream's id up in the file.</para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 20)]
[InvocationCount(1)]
public class SqliteAppendBenchmarks
{
    /// <summary>Transfers appended per invocation (and per iteration: one invocation per iteration).</summary>
    public const int TransfersPerInvocation = 1_000;

    private DoubleEntryLedger _ledger = null!;
    private Random _random = null!;
    private string _path = "";
    private SqliteRecordStore? _store;
    private SqliteRawWriter? _raw;
    private NewRecord[][] _batches = [];
    private RawRow[] _rows = [];
    private long _startPosition;
    private long _startBytes;

    /// <summary>Transfers per <c>AppendAsync</c> call (per transaction, for the baseline).</summary>
    [Params(1, 100, 1_000)]
    public int BatchSize { get; set; }

    /// <summary>Journal entries in the file before the first append: only the 10,002 accounts opened and funded
    /// (20,003 entries, a 10 MiB file), or the 1,000,000-entry file (565 MiB).</summary>
    [Params(SqliteLedgerFixture.AccountsOnlyEntries, SqliteLedgerFixture.FileEntries)]
    public int StartEntries { get; set; }

    /// <summary>The store's <c>Synchronous</c> option (and the baseline's <c>PRAGMA synchronous</c>).</summary>
    [Params(SqliteSynchronousMode.Full, SqliteSynchronousMode.Normal)]
    public SqliteSynchronousMode Synchronous { get; set; }

    private void PrepareFile()
    {
        (_ledger, _random) = SqliteLedgerFixture.BuildLedger(StartEntries, extraCapacity: 64 * TransfersPerInvocation);
        var source = SqliteLedgerFixture.EnsureFile(_ledger);
        _path = SqliteLedgerFixture.CopyToWorkFile(source, "append");
        _startPosition = _ledger.Position;
        _startBytes = new FileInfo(_path).Length;
        Console.WriteLine($"// Work file {_path}: {_startPosition} entries, {SqliteLedgerFixture.Describe(_path)}.");
    }

    [GlobalSetup(Target = nameof(Store))]
    public void OpenStore()
    {
        PrepareFile();
        _store = SqliteLedgerFixture.Wait(SqliteRecordStore.OpenAsync(new SqliteStoreOptions(_path) { Synchronous = Synchronous }));

        // Learn every stream's id, as a store that has been running for a while knows them.
        SqliteLedgerFixture.Wait(_store.GetStreamVersionAsync(LedgerStreams.Journal));
        SqliteLedgerFixture.Wait(_store.GetStreamVersionAsync(LedgerStreams.Account(SqliteLedgerFixture.Issuing)));
        SqliteLedgerFixture.Wait(_store.GetStreamVersionAsync(LedgerStreams.Account(SqliteLedgerFixture.Busy)));
        foreach (var member in SqliteLedgerFixture.MemberIds) SqliteLedgerFixture.Wait(_store.GetStreamVersionAsync(LedgerStreams.Account(member)));
        var head = SqliteLedgerFixture.Wait(_store.GetPositionAsync());
        if (head != _ledger.Position) throw new InvalidOperationException($"The file ends at {head}, the ledger at {_ledger.Position}.");
    }

    [GlobalSetup(Target = nameof(Raw))]
    public void OpenRaw()
    {
        PrepareFile();
        _raw = new SqliteRawWriter(_path, Synchronous == SqliteSynchronousMode.Full ? 2 : 1);
        var (head, _) = _raw.Head();
        if (head != _ledger.Position) throw new InvalidOperationException($"The file ends at {head}, the ledger at {_ledger.Position}.");
    }

    [IterationSetup(Target = nameof(Store))]
    public void NextStoreBatches()
    {
        var records = SqliteLedgerFixture.NextTransfers(_ledger, _random, TransfersPerInvocation);
        _batches = records.Chunk(BatchSize).ToArray();
    }

    [IterationSetup(Target = nameof(Raw))]
    public void NextRawRows()
    {
        var records = SqliteLedgerFixture.NextTransfers(_ledger, _random, TransfersPerInvocation);
        _rows = _raw!.Prepare(records);
    }

    /// <summary>The same rows as <see cref="Store"/> writes, inserted with two prepared commands per transfer (the
    /// record, then its three slots in one statement) and one transaction per batch. Payloads were serialized in
    /// setup.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TransfersPerInvocation)]
    public int Raw()
    {
        var rows = _rows;
        if (rows.Length == 0) throw new InvalidOperationException("No rows prepared for this invocation.");
        for (var i = 0; i < rows.Length; i += BatchSize)
        {
            _raw!.Insert(rows.AsSpan(i, Math.Min(BatchSize, rows.Length - i)));
        }

        _rows = [];
        return rows.Length;
    }

    /// <summary><c>SqliteRecordStore.AppendAsync</c> of the transfers' records, <see cref="BatchSize"/> per call.</summary>
    [Benchmark(OperationsPerInvoke = TransfersPerInvocation)]
    public long Store()
    {
        var batches = _batches;
        if (batches.Length == 0) throw new InvalidOperationException("No batches prepared for this invocation.");
        long position = 0;
        foreach (var batch in batches)
        {
            var result = SqliteLedgerFixture.Wait(_store!.AppendAsync(batch));
            SqliteLedgerFixture.CheckAppended(result);
            position = result.Position;
        }

        _batches = [];
        return position;
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        var appended = _ledger.Position - _startPosition;
        var walBefore = SqliteLedgerFixture.Describe(_path);
        if (_store is not null)
        {
            var head = SqliteLedgerFixture.Wait(_store.GetPositionAsync());
            var probe = SqliteLedgerFixture.MemberIds[0];
            var balance = SqliteLedgerFixture.Wait(LedgerStoreQueries.GetBalanceAsync(_store, probe));
            if (head != _ledger.Position || balance?.Posted != _ledger.GetBalance(probe))
            {
                throw new InvalidOperationException($"The file (head {head}, balance {balance}) disagrees with the ledger ({_ledger.Position}, {_ledger.GetBalance(probe)}).");
            }

            _store.Dispose();
        }

        if (_raw is not null)
        {
            var (head, count) = _raw.Head();
            if (head != _ledger.Position || count != _ledger.Position)
            {
                throw new InvalidOperationException($"The file (head {head}, {count} records) disagrees with the ledger ({_ledger.Position}).");
            }

            _raw.Dispose();
        }

        var endBytes = new FileInfo(_path).Length;
        Console.WriteLine($"// Appended {appended} transfers in {appended / TransfersPerInvocation} invocations: entries {_startPosition} -> {_ledger.Position}; " +
                          $"before closing {walBefore}; after closing file {_startBytes / 1048576.0:F1} -> {endBytes / 1048576.0:F1} MiB " +
                          $"({(endBytes - _startBytes) / (double)Math.Max(1, appended):F0} bytes per transfer).");
        SqliteLedgerFixture.DeleteFile(_path);
    }
}

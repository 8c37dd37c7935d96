using BenchmarkDotNet.Attributes;
using Npgsql;
using Volunteering.Domain.Storage;
using Volunteering.Storage.PostgreSql;

namespace Volunteering.Benchmarks;

/// <summary>
/// Appending ledger transfers to the PostgreSQL store with 1, 8 and 32 concurrent writers, one transfer per append or
/// 100, against a raw Npgsql baseline that inserts the same rows. Needs a server: <c>VOLUNTEERING_PG</c> (see
/// <c>.ci/with-postgres</c>).
/// </summary>
/// <remarks>
/// <para><b>Setup.</b> Each benchmark process works in a new schema of the server: <see cref="PostgreSqlLedgerWorkload"/>
/// gives every writer its own ledger and journal stream (50 funded member accounts each), whose openings and fundings
/// are appended in <c>[GlobalSetup]</c>. The schema is dropped in <c>[GlobalCleanup]</c>, after checking that it holds
/// exactly the records appended.</para>
/// <para><b>One invocation</b> appends <see cref="TransfersPerInvocation"/> transfers: every writer, on its own task,
/// appends its share (<c>TransfersPerInvocation / Writers</c>) in batches of <see cref="BatchSize"/>, one batch after
/// the other, and the invocation ends when the last writer is done (<c>OperationsPerInvoke</c>, so the Mean is per
/// transfer; transfers per second = 1 s / Mean). <c>[IterationSetup]</c> posts the transfers on the writers' ledgers
/// and turns their journal entries into records (for <see cref="Raw"/> it also serializes them and lays out the
/// columns); none of that is measured.</para>
/// <para><see cref="Store"/>: all writers share one <c>PostgreSqlRecordStore</c>, as the request threads of one app
/// server would: JSON serialization, the batch checks, the schema's advisory lock, the version, key and head reads,
/// the inserts and the commit. Concurrent appends are combined into one transaction by the store's writer.
/// <see cref="Raw"/>: every writer on its own connection, one transaction per batch, no lock and no checks.</para>
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
[InvocationCount(1)]
public class PostgreSqlAppendBenchmarks
{
    /// <summary>Transfers appended per invocation, over all writers.</summary>
    public const int TransfersPerInvocation = 6_400;

    private PostgreSqlLedgerWorkload _workload = null!;
    private string _schema = "";
    private PostgreSqlRecordStore? _store;
    private PostgreSqlRawWriter? _raw;
    private NpgsqlConnection[] _rawConnections = [];
    private NewRecord[][][] _batches = [];
    private RawBatch[][] _rawBatches = [];
    private long _appended;
    private long _startRecords;
    private long _appendCalls;

    /// <summary>Concurrent writers.</summary>
    [Params(1, 8, 32)]
    public int Writers { get; set; }

    /// <summary>Transfers per append (per transaction, for the baseline).</summary>
    [Params(1, 100)]
    public int BatchSize { get; set; }

    [GlobalSetup(Target = nameof(Store))]
    public void OpenStore()
    {
        Prepare("bench_store");
        _store = Wait(PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(PostgreSqlLedgerWorkload.ConnectionString) { Schema = _schema }).AsTask());
        foreach (var openings in _workload.Openings()) Check(Wait(_store.AppendAsync(openings).AsTask()));
        _startRecords = Wait(PostgreSqlLedgerWorkload.CountAsync(_schema));
    }

    [GlobalSetup(Target = nameof(Raw))]
    public void OpenRaw()
    {
        Prepare("bench_raw");
        var store = Wait(PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(PostgreSqlLedgerWorkload.ConnectionString) { Schema = _schema }).AsTask());
        foreach (var openings in _workload.Openings()) Check(Wait(store.AppendAsync(openings).AsTask()));
        Wait(store.DisposeAsync().AsTask());
        _raw = Wait(PostgreSqlRawWriter.OpenAsync(_schema));
        _rawConnections = [.. Enumerable.Range(0, Writers).Select(_ => Wait(_raw.OpenConnectionAsync().AsTask()))];
        _startRecords = Wait(PostgreSqlLedgerWorkload.CountAsync(_schema));
    }

    [IterationSetup(Target = nameof(Store))]
    public void NextStoreBatches()
        => _batches = [.. _workload.NextTransfers(TransfersPerInvocation / Writers).Select(records => records.Chunk(BatchSize).ToArray())];

    [IterationSetup(Target = nameof(Raw))]
    public void NextRawBatches()
        => _rawBatches = [.. _workload.NextTransfers(TransfersPerInvocation / Writers).Select(records => _raw!.Prepare(records.Chunk(BatchSize)))];

    /// <summary>The same rows inserted with plain Npgsql: each writer on its own connection, one transaction (and one
    /// round trip) per batch.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TransfersPerInvocation)]
    public async Task<long> Raw()
    {
        var batches = _rawBatches;
        if (batches.Length == 0) throw new InvalidOperationException("No batches prepared for this invocation.");
        await Task.WhenAll(batches.Select((mine, w) => Task.Run(async () =>
        {
            foreach (var batch in mine) await PostgreSqlRawWriter.InsertAsync(_rawConnections[w], batch, _raw!);
        })));
        _rawBatches = [];
        return Interlocked.Add(ref _appended, TransfersPerInvocation);
    }

    /// <summary><c>PostgreSqlRecordStore.AppendAsync</c> from every writer at once, <see cref="BatchSize"/> transfers per
    /// call.</summary>
    [Benchmark(OperationsPerInvoke = TransfersPerInvocation)]
    public async Task<long> Store()
    {
        var batches = _batches;
        if (batches.Length == 0) throw new InvalidOperationException("No batches prepared for this invocation.");
        var store = _store!;
        await Task.WhenAll(batches.Select(mine => Task.Run(async () =>
        {
            foreach (var batch in mine) Check(await store.AppendAsync(batch));
        })));
        _batches = [];
        Interlocked.Add(ref _appendCalls, batches.Sum(static b => b.Length));
        return Interlocked.Add(ref _appended, TransfersPerInvocation);
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        var records = Wait(PostgreSqlLedgerWorkload.CountAsync(_schema));
        if (records - _startRecords != _appended)
        {
            throw new InvalidOperationException($"The schema holds {records - _startRecords} new records; {_appended} transfers were appended.");
        }

        if (_store is not null)
        {
            Console.WriteLine($"// {_appended} transfers in {_appendCalls} appends and {_store.Transactions} transactions ({_appendCalls / (double)Math.Max(1, _store.Transactions):F1} appends per transaction); {_store.TransientRetries} retries.");
            Wait(_store.DisposeAsync().AsTask());
        }

        foreach (var connection in _rawConnections) connection.Dispose();
        if (_raw is not null) Wait(_raw.DisposeAsync().AsTask());
        Wait(PostgreSqlLedgerWorkload.DropSchemaAsync(_schema));
    }

    private void Prepare(string prefix)
    {
        if (TransfersPerInvocation % (Writers * BatchSize) != 0) throw new InvalidOperationException("Transfers must split evenly over writers and batches.");
        _workload = new PostgreSqlLedgerWorkload(Writers, transferCapacity: 64 * TransfersPerInvocation / Writers);
        _schema = Wait(PostgreSqlLedgerWorkload.NewSchemaAsync(prefix));
    }

    private static void Check(AppendResult result)
    {
        if (!result.IsAppended) throw new InvalidOperationException($"An append was refused: {result}.");
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}

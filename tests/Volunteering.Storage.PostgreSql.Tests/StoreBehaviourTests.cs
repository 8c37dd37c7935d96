using Npgsql;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>What the conformance kit cannot see: appends combined into shared transactions, order across store
/// instances, unique violations from writers outside the lock, deadlocks retried, queued appends cancelled.</summary>
public sealed class StoreBehaviourTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<string> _schemas = [];
    private readonly List<IAsyncDisposable> _open = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _open) await instance.DisposeAsync();
        await PostgreSqlServer.DropSchemasAsync(_schemas);
    }

    [Fact]
    public async Task Appends_queued_while_the_writer_waits_are_written_together_in_one_transaction()
    {
        var store = await OpenAsync();
        const int Appends = 20;
        await using (var blocker = await HoldAppendLockAsync(store.Schema))
        {
            var tasks = Enumerable.Range(0, Appends)
                .Select(i => store.AppendAsync([new NewRecord(new StreamName($"queued-{i}"), 1, ConformancePayloads.Entry(i + 1), new ItemKey("transfer", Guid.NewGuid()))]).AsTask())
                .ToArray();
            await WaitForLockWaiterAsync(store.Schema);
            Assert.All(tasks, static t => Assert.False(t.IsCompleted));
            await blocker.DisposeAsync();
            var results = await Task.WhenAll(tasks).WaitAsync(Patience);

            Assert.All(results, static r => Assert.True(r.IsAppended, r.ToString()));
            Assert.Equal(Enumerable.Range(1, Appends).Select(static p => (long)p), results.Select(static r => r.Position).Order());
        }

        // The first append may have been taken alone before the others queued; the rest share one transaction.
        Assert.InRange(store.Transactions, 1, 2);
        var all = new List<StoredRecord>();
        await foreach (var record in store.ReadAllAsync()) all.Add(record);
        Assert.Equal(Enumerable.Range(1, Appends).Select(static p => (long)p), all.Select(static r => r.Position));
    }

    [Fact]
    public async Task A_batch_refused_inside_a_shared_transaction_leaves_the_others_to_go_in_and_is_answered_as_alone()
    {
        var store = await OpenAsync();
        var key = new ItemKey("transfer", Guid.NewGuid());
        var a = new StreamName("shared-a");
        await store.AppendAsync([new NewRecord(a, 1, ConformancePayloads.Entry(1))]);
        Task<AppendResult>[] tasks;
        await using (var blocker = await HoldAppendLockAsync(store.Schema))
        {
            tasks =
            [
                store.AppendAsync([new NewRecord(new StreamName("shared-b"), 1, ConformancePayloads.Entry(2), key)]).AsTask(),
                store.AppendAsync([new NewRecord(a, 2, ConformancePayloads.Entry(3))]).AsTask(),
                store.AppendAsync([new NewRecord(a, 2, ConformancePayloads.Entry(4))]).AsTask(), // loses to the one before it
                store.AppendAsync([new NewRecord(new StreamName("shared-c"), 1, ConformancePayloads.Entry(5), key)]).AsTask(), // key claimed just before
                store.AppendAsync([new NewRecord(a, 3, ConformancePayloads.Entry(6), default, [new StreamSlot(new StreamName("shared-b"), 2)])]).AsTask(),
            ];
            await WaitForLockWaiterAsync(store.Schema);
        }

        var results = await Task.WhenAll(tasks).WaitAsync(Patience);
        Assert.True(results[0].IsAppended && results[1].IsAppended && results[4].IsAppended, string.Join(", ", results));
        Assert.Equal(AppendResult.VersionConflict(a, 1, 2), results[2]);
        Assert.Equal(AppendResult.Duplicate(key), results[3]);
        Assert.Equal(3, await store.GetStreamVersionAsync(a));
        Assert.Equal(2, await store.GetStreamVersionAsync(new StreamName("shared-b")));
        Assert.Equal(0, await store.GetStreamVersionAsync(new StreamName("shared-c")));
        Assert.Equal(4, await store.GetPositionAsync());
    }

    [Fact]
    public async Task A_writer_alone_appends_in_one_round_trip_and_decides_afresh_once_another_instance_appended()
    {
        var schema = NewSchema();
        var a = await OpenAsync(schema);
        var b = await OpenAsync(schema);
        var s = new StreamName("shared");
        var t = new StreamName("only-a");
        for (var v = 1; v <= 4; v++)
        {
            Assert.Equal(AppendResult.Appended(v), await a.AppendAsync([new NewRecord(s, v, ConformancePayloads.Entry(v), new ItemKey("transfer", Guid.NewGuid()))]));
        }

        // The first append read the schema; the next three went in on the state the one before left.
        Assert.Equal(4, a.Transactions);
        Assert.Equal(3, a.SingleRoundTripTransactions);

        // Another instance moves the stream on; a's remembered state is now stale in every respect.
        var taken = new ItemKey("transfer", Guid.NewGuid());
        Assert.Equal(AppendResult.Appended(5), await b.AppendAsync([new NewRecord(s, 5, ConformancePayloads.Entry(5), taken)]));

        // a believes s is at 4: its one-round-trip attempt finds position 5 taken, and the checked path answers.
        Assert.Equal(AppendResult.VersionConflict(s, 4, 5), await a.AppendAsync([new NewRecord(s, 5, ConformancePayloads.Entry(6))]));
        Assert.Equal(AppendResult.Duplicate(taken), await a.AppendAsync([new NewRecord(t, 1, ConformancePayloads.Entry(7), taken)]));
        Assert.Equal(AppendResult.Appended(6), await a.AppendAsync([new NewRecord(s, 6, ConformancePayloads.Entry(8), default, [new StreamSlot(t, 1)])]));
        Assert.Equal(AppendResult.Appended(7), await a.AppendAsync([new NewRecord(t, 2, ConformancePayloads.Entry(9))]));

        // The refusals came from fresh reads (no transaction written); those reads taught a the new state, so the last
        // two appends went in one round trip again.
        Assert.Equal(6, a.Transactions);
        Assert.Equal(5, a.SingleRoundTripTransactions);

        var all = new List<StoredRecord>();
        await foreach (var record in b.ReadAllAsync()) all.Add(record);
        Assert.Equal(Enumerable.Range(1, 7).Select(static p => (long)p), all.Select(static r => r.Position));
        Assert.Equal([1L, 2L], (await ReadStreamAsync(b, t)).Select(r => r.VersionIn(t)));
    }

    [Fact]
    public async Task Writers_on_several_store_instances_get_gap_free_positions_that_readers_see_in_order()
    {
        const int Instances = 4, WritersPerInstance = 4, AppendsPerWriter = 30;
        var schema = NewSchema();
        var stores = new List<PostgreSqlRecordStore>();
        for (var i = 0; i < Instances; i++) stores.Add(await OpenAsync(schema));
        var reader = stores[0];
        using var stop = new CancellationTokenSource();
        var follower = Task.Run(async () =>
        {
            long last = 0;
            var seen = 0;
            while (true)
            {
                var done = stop.IsCancellationRequested;
                await foreach (var record in reader.ReadAllAsync(last))
                {
                    Assert.True(record.Position == last + 1, $"after position {last} the follower was given {record}: a gap, or out of order");
                    last = record.Position;
                    seen++;
                }

                if (done) return seen;
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Instances * WritersPerInstance).Select(w => Task.Run(async () =>
        {
            var store = stores[w % Instances];
            var mine = new StreamName($"writer-{w}");
            for (var v = 1; v <= AppendsPerWriter; v++)
            {
                var result = await store.AppendAsync([new NewRecord(mine, v, ConformancePayloads.Entry(v), new ItemKey("transfer", Guid.NewGuid()), [new StreamSlot(new StreamName($"pair-{w / 2}"), 0 + 1)])]);
                Assert.True(result.IsAppended || result.Status == AppendStatus.WrongExpectedVersion, result.ToString());
                if (!result.IsAppended)
                {
                    // The link to the shared pair stream lost a race: append without it.
                    Assert.True((await store.AppendAsync([new NewRecord(mine, v, ConformancePayloads.Entry(v))])).IsAppended);
                }
            }
        })));
        await stop.CancelAsync();
        var seen = await follower.WaitAsync(Patience);

        const int Total = Instances * WritersPerInstance * AppendsPerWriter;
        Assert.Equal(Total, seen);
        Assert.Equal(Total, await stores[1].GetPositionAsync());
        Assert.True(stores.Sum(static s => s.Transactions) < Total, "No two appends ever shared a transaction.");
    }

    [Fact]
    public async Task A_key_inserted_by_a_writer_outside_the_lock_while_an_append_checks_it_is_answered_DuplicateItem()
    {
        var store = await OpenAsync();
        var key = new ItemKey("transfer", Guid.NewGuid());
        await store.AppendAsync([new NewRecord(new StreamName("before"), 1, ConformancePayloads.Entry(1))]);

        await using var foreign = PostgreSqlServer.UnpooledConnection();
        await foreign.OpenAsync();
        await using var transaction = await foreign.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand($"INSERT INTO \"{store.Schema}\".records VALUES (1000, 1, 99, NULL, $1, $2, 'x', 1, '\\x00')", foreign, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Scope });
            insert.Parameters.Add(new NpgsqlParameter { Value = key.Id });
            await insert.ExecuteNonQueryAsync();
        }

        var batch = new[] { new NewRecord(new StreamName("mine"), 1, ConformancePayloads.Entry(2)), new NewRecord(new StreamName("mine"), 2, ConformancePayloads.Entry(3), key) };
        var append = store.AppendAsync(batch).AsTask();
        await WaitForLockWaiterAsync(store.Schema); // the insert waits on the foreign transaction's index entry
        await transaction.CommitAsync();

        Assert.Equal(AppendResult.Duplicate(key), await append.WaitAsync(Patience));
        Assert.Equal(0, await store.GetStreamVersionAsync(new StreamName("mine")));
    }

    [Fact]
    public async Task A_slot_taken_by_a_writer_outside_the_lock_while_an_append_checks_it_is_answered_WrongExpectedVersion()
    {
        var store = await OpenAsync();
        var a = new StreamName("contended");
        Assert.True((await store.AppendAsync([new NewRecord(a, 1, ConformancePayloads.Entry(1))])).IsAppended);

        await using var foreign = PostgreSqlServer.UnpooledConnection();
        await foreign.OpenAsync();
        await using var transaction = await foreign.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand($"INSERT INTO \"{store.Schema}\".stream_slots VALUES (1, 2, 1000)", foreign, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var append = store.AppendAsync([new NewRecord(a, 2, ConformancePayloads.Entry(2), new ItemKey("transfer", Guid.NewGuid()))]).AsTask();
        await WaitForLockWaiterAsync(store.Schema);
        await transaction.CommitAsync();

        Assert.Equal(AppendResult.VersionConflict(a, 1, 2), await append.WaitAsync(Patience));
        Assert.Equal(1, await store.GetPositionAsync());
    }

    [Fact]
    public async Task An_append_chosen_as_a_deadlock_victim_is_run_again_and_goes_in()
    {
        var store = await OpenAsync();
        var a = new StreamName("deadlocked");
        Assert.True((await store.AppendAsync([new NewRecord(a, 1, ConformancePayloads.Entry(1))])).IsAppended);

        // The foreign transaction locks the records table against inserts, the append takes the append lock and waits
        // for the table, then the foreign transaction asks for the append lock: a deadlock. The foreign session waits
        // longer before checking for deadlocks, so the append's session finds it and is the one rolled back.
        await using var foreign = PostgreSqlServer.UnpooledConnection();
        await foreign.OpenAsync();
        await using (var slow = new NpgsqlCommand("SET deadlock_timeout = '20s'", foreign)) await slow.ExecuteNonQueryAsync();
        await using var transaction = await foreign.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE \"{store.Schema}\".records IN SHARE ROW EXCLUSIVE MODE", foreign, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var append = store.AppendAsync([new NewRecord(a, 2, ConformancePayloads.Entry(2), new ItemKey("transfer", Guid.NewGuid()))]).AsTask();
        await WaitForLockWaiterAsync(store.Schema);
        await using (var takeAppendLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", foreign, transaction))
        {
            takeAppendLock.Parameters.Add(new NpgsqlParameter { Value = new SchemaNames(store.Schema).AppendLockKey });
            await takeAppendLock.ExecuteNonQueryAsync(); // returns once the append's transaction was rolled back
        }

        Assert.False(append.IsCompleted);
        await transaction.CommitAsync();

        Assert.Equal(AppendResult.Appended(2), await append.WaitAsync(Patience));
        Assert.True(store.TransientRetries >= 1, "The append went in without being retried: it was not the deadlock victim.");
        Assert.Equal(2, await store.GetStreamVersionAsync(a));
    }

    [Fact]
    public async Task An_append_cancelled_while_it_waits_in_the_queue_throws_and_writes_nothing()
    {
        var store = await OpenAsync();
        var first = new NewRecord(new StreamName("first"), 1, ConformancePayloads.Entry(1));
        var cancelled = new NewRecord(new StreamName("cancelled"), 1, ConformancePayloads.Entry(2), new ItemKey("transfer", Guid.NewGuid()));
        Task<AppendResult> firstTask, cancelledTask;
        await using (var blocker = await HoldAppendLockAsync(store.Schema))
        {
            firstTask = store.AppendAsync([first]).AsTask();
            await WaitForLockWaiterAsync(store.Schema); // the writer took the first append and waits for the lock
            using var cancel = new CancellationTokenSource();
            cancelledTask = store.AppendAsync([cancelled], cancel.Token).AsTask();
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledTask);
        }

        Assert.True((await firstTask.WaitAsync(Patience)).IsAppended);
        Assert.Equal(1, await store.GetPositionAsync());
        Assert.Null(await store.FindItemAsync(cancelled.Item));
        Assert.Equal(0, await store.GetStreamVersionAsync(cancelled.Stream));
    }

    [Fact]
    public async Task Disposing_the_store_writes_the_queued_appends_first_and_then_refuses_new_ones()
    {
        var schema = NewSchema();
        var store = await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(PostgreSqlServer.RequireConnectionString()) { Schema = schema });
        Task<AppendResult>[] queued;
        await using (var blocker = await HoldAppendLockAsync(schema))
        {
            queued = [.. Enumerable.Range(0, 5).Select(i => store.AppendAsync([new NewRecord(new StreamName($"s{i}"), 1, ConformancePayloads.Entry(i + 1))]).AsTask())];
            await WaitForLockWaiterAsync(store.Schema);
        }

        await store.DisposeAsync();
        Assert.All(await Task.WhenAll(queued), static r => Assert.True(r.IsAppended));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.AppendAsync([new NewRecord(new StreamName("late"), 1, ConformancePayloads.Entry(9))]));
        await using var reopened = await OpenAsync(schema);
        Assert.Equal(5, await reopened.GetPositionAsync());
    }

    private static async Task<List<StoredRecord>> ReadStreamAsync(PostgreSqlRecordStore store, StreamName stream)
    {
        var records = new List<StoredRecord>();
        await foreach (var record in store.ReadStreamAsync(stream)) records.Add(record);
        return records;
    }

    /// <summary>Holds the schema's append lock on a connection of its own until disposed.</summary>
    private static async Task<NpgsqlConnection> HoldAppendLockAsync(string schema)
    {
        var connection = PostgreSqlServer.UnpooledConnection();
        await connection.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
        take.Parameters.Add(new NpgsqlParameter { Value = new SchemaNames(schema).AppendLockKey });
        await take.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Waits until a session waits for the schema's append lock, or for a lock while running a statement on
    /// the schema's tables (other tests run at the same time, on other schemas).</summary>
    private static async Task WaitForLockWaiterAsync(string schema)
    {
        const string Waiting = """
            SELECT count(DISTINCT l.pid) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE NOT l.granted
              AND (strpos(a.query, $2) > 0 OR (l.locktype = 'advisory' AND ((l.classid::bigint << 32) | l.objid::bigint) = $1))
            """;
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var waiting = await PostgreSqlServer.ColumnAsync(Waiting, new SchemaNames(schema).AppendLockKey, schema);
            if ((long)waiting[0]! >= 1) return;
            await Task.Delay(20);
        }

        throw new TimeoutException($"No session started waiting for a lock on schema {schema} within {Patience}.");
    }

    private async Task<PostgreSqlRecordStore> OpenAsync(string? schema = null)
    {
        var store = await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(PostgreSqlServer.RequireConnectionString()) { Schema = schema ?? NewSchema() });
        _open.Add(store);
        return store;
    }

    private string NewSchema()
    {
        var schema = PostgreSqlServer.NewSchema("behaviour");
        _schemas.Add(schema);
        return schema;
    }
}

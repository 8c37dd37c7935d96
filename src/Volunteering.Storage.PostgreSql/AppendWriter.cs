using System.Runtime.InteropServices;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql;

/// <summary>
/// The store's writer: one loop per store instance that takes the appends its callers queued and writes them, as many
/// as are waiting (up to <see cref="PostgreSqlStoreOptions.MaxRecordsPerTransaction"/> records), in one transaction.
/// </summary>
/// <remarks>
/// <para><b>Order.</b> Every transaction first takes the schema's transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>), so appends to a schema, from every process, run one after another. Under the lock
/// the writer reads the head position and gives the records the next positions; PostgreSQL makes a transaction's rows
/// visible before it releases its locks, so each transaction's records are visible before the next one can even read
/// the head. Positions are therefore gap-free, and committed (and seen by readers) in position order: a reader that has
/// seen position p never later finds a new record below p.</para>
/// <para><b>Checks.</b> Under the lock the writer reads, in one round trip, the version of every stream the queued
/// batches touch, the head position, the highest stream id and which of their keys are already stored. It then decides
/// each batch in queue order exactly as <see cref="InMemoryRecordStore"/> does (versions in batch order, then keys,
/// then a key repeated in the batch), counting the batches it accepted before it, and writes the accepted ones in one
/// round trip: a multi-row insert (<c>unnest</c> of arrays) into <c>streams</c>, <c>records</c> and
/// <c>stream_slots</c>, then <c>COMMIT</c>. A refused batch gets its answer and nothing of it is written.</para>
/// <para><b>One round trip when nothing changed.</b> The writer remembers the state its last transaction left (head,
/// highest stream id, the versions of the streams it read or wrote). When every stream of the queued batches is known
/// and every batch goes in on that state, it sends <c>BEGIN</c>, the lock, the inserts and <c>COMMIT</c> in one round
/// trip without reading: if another writer appended meanwhile, position head + 1 is taken and the insert fails on the
/// primary key, and the group is rolled back and decided by the checked path above. Refusals are only ever answered
/// from a fresh read.</para>
/// <para><b>Constraints.</b> The primary key of <c>stream_slots</c> (stream, version) and the unique index on item keys
/// back the checks. A writer that does not take the lock (an older or foreign program) can only make an insert fail
/// with a unique violation: then the transaction is rolled back and decided again from scratch, so the callers get the
/// answers the reference store gives (<see cref="AppendStatus.WrongExpectedVersion"/> naming the stream with both
/// versions, or <see cref="AppendStatus.DuplicateItem"/>).</para>
/// <para><b>Retries.</b> A serialization failure (40001) or deadlock (40P01) rolls the whole transaction back; it is
/// run again, with every check redone, up to <see cref="PostgreSqlStoreOptions.RetryCount"/> times.</para>
/// </remarks>
internal sealed class AppendWriter
{
    private readonly PostgreSqlDatabase _database;
    private readonly StreamIdCache _streamIds;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly string _lock;
    private readonly string _streams;
    private readonly string _head;
    private readonly string _existingKeys;
    private readonly string _insertStreams;
    private readonly string _insertRecords;
    private readonly string _insertSlots;
    private readonly WriterCache _cache = new();
    private PendingAppend? _carried;
    private long _transactions;
    private long _fastTransactions;

    internal AppendWriter(PostgreSqlDatabase database, StreamIdCache streamIds)
    {
        _database = database;
        _streamIds = streamIds;
        var names = database.Names;
        _lock = "SELECT pg_advisory_xact_lock($1)";
        _streams = names.Expand("""
            SELECT s.id, s.name, coalesce((SELECT max(sl.version) FROM {schema}.stream_slots sl WHERE sl.stream_id = s.id), 0)
            FROM {schema}.streams s WHERE s.name = ANY($1)
            """);
        _head = names.Expand("SELECT coalesce(max(position), 0), (SELECT coalesce(max(id), 0) FROM {schema}.streams) FROM {schema}.records");
        _existingKeys = names.Expand("""
            SELECT r.item_scope, r.item_id FROM unnest($1::text[], $2::uuid[]) AS k(scope, id)
            JOIN {schema}.records r ON r.item_scope = k.scope AND r.item_id = k.id
            """);
        _insertStreams = names.Expand("INSERT INTO {schema}.streams (id, name) SELECT * FROM unnest($1::bigint[], $2::text[])");
        _insertRecords = names.Expand("""
            INSERT INTO {schema}.records (position, stream_id, version, links, item_scope, item_id, type_name, schema_version, data)
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bytea[], $5::text[], $6::uuid[], $7::text[], $8::integer[], $9::bytea[])
            """);
        _insertSlots = names.Expand("INSERT INTO {schema}.stream_slots (stream_id, version, position) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])");
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many transactions wrote records (for tests and measurements: appends per transaction).</summary>
    internal long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>How many of them took the one-round-trip path (see <see cref="TryWriteFromCacheAsync"/>).</summary>
    internal long FastTransactions => Interlocked.Read(ref _fastTransactions);

    /// <summary>Queues an append.</summary>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    internal Task<AppendResult> EnqueueAsync(PendingAppend append)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(append), typeof(PostgreSqlRecordStore));
        return append.Task;
    }

    /// <summary>Stops taking appends and waits for the queued ones to be written.</summary>
    internal Task CloseAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        var group = new List<PendingAppend>();
        while (_carried is not null || await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var records = 0;
            if (_carried is { } carried)
            {
                _carried = null;
                if (carried.TryTake())
                {
                    group.Add(carried);
                    records = carried.Batch.Count;
                }
            }

            while (_queue.Reader.TryRead(out var next))
            {
                if (group.Count > 0 && records + next.Batch.Count > _database.MaxRecordsPerTransaction)
                {
                    _carried = next;
                    break;
                }

                if (!next.TryTake()) continue; // cancelled while it waited
                group.Add(next);
                records += next.Batch.Count;
            }

            if (group.Count == 0) continue;
            try
            {
                var results = await WriteAsync(group).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++) group[i].Complete(results[i]);
            }
            catch (Exception exception)
            {
                foreach (var append in group) append.Fail(exception);
            }
        }
    }

    /// <summary>Writes a group in one transaction, retrying as the remarks describe.</summary>
    private async Task<AppendResult[]> WriteAsync(List<PendingAppend> group)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync().ConfigureAwait(false);
        var transientRetries = 0;
        var uniqueRetries = 0;
        while (true)
        {
            try
            {
                var fromCache = await TryWriteFromCacheAsync(connection, group).ConfigureAwait(false);
                if (fromCache is not null) return fromCache;
                return await WriteCheckedAsync(connection, group).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (PostgreSqlDatabase.IsTransient(exception) && transientRetries < _database.RetryCount)
            {
                _cache.Invalidate();
                await RollbackAsync(connection).ConfigureAwait(false);
                await _database.BeforeRetryAsync(++transientRetries).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgreSqlDatabase.UniqueViolation)
            {
                _cache.Invalidate();
                await RollbackAsync(connection).ConfigureAwait(false);
                if (uniqueRetries++ > 0)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL store in schema \"{_database.Names.Schema}\" refused a batch that passed every version and key check twice ({exception.ConstraintName}); it may have been changed by something other than this store.",
                        exception);
                }
            }
            catch
            {
                _cache.Invalidate();
                await TryRollbackAsync(connection).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// The one-round-trip path: when this instance knows the state as of its last transaction (head, highest stream
    /// id, the versions of every stream the group touches) and every batch goes in on that state, it sends
    /// <c>BEGIN</c>, the lock, the inserts and <c>COMMIT</c> at once, without reading. Positions are gap-free, so the
    /// head is unchanged exactly when position head + 1 is free, and then no stream or key has changed either (only
    /// appends change them): if anything did, an insert breaks a primary key or the key index, the transaction is
    /// rolled back and the group is decided again by <see cref="WriteCheckedAsync"/>.
    /// </summary>
    /// <returns>The answers, or null when the group needs the checked path.</returns>
    private async Task<AppendResult[]?> TryWriteFromCacheAsync(NpgsqlConnection connection, List<PendingAppend> group)
    {
        if (!_cache.TryGet(group, out var head, out var maxStreamId, out var streams)) return null;
        var stored = new HashSet<ItemKey>();
        var outcome = Decide(group, streams, stored, head, maxStreamId);
        if (outcome.Refused) return null; // refusals are only ever answered from a fresh read

        try
        {
            await WriteRowsAsync(connection, outcome, takeLock: true).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgreSqlDatabase.UniqueViolation)
        {
            // Another writer appended since this instance last looked: decide again on what is there now.
            _cache.Invalidate();
            await RollbackAsync(connection).ConfigureAwait(false);
            return null;
        }

        Interlocked.Increment(ref _fastTransactions);
        Committed(outcome, streams);
        return outcome.Results;
    }

    /// <summary>The checked path: two round trips, reading everything the group's decisions need under the lock.</summary>
    private async Task<AppendResult[]> WriteCheckedAsync(NpgsqlConnection connection, List<PendingAppend> group)
    {
        // What the group touches: every stream (in order of first appearance) and every key.
        var names = new List<string>();
        var seenStreams = new HashSet<StreamName>();
        var keys = new HashSet<ItemKey>();
        foreach (var append in group)
        {
            foreach (var expectation in append.Plan.Expectations)
            {
                if (seenStreams.Add(expectation.Stream)) names.Add(expectation.Stream.Value);
            }

            foreach (var item in append.Plan.Items) keys.Add(item);
        }

        // Round trip 1: begin, take the lock, then read versions, head and stored keys under it.
        var streams = new Dictionary<StreamName, StreamState>(names.Count);
        var stored = new HashSet<ItemKey>();
        long head, maxStreamId;
        await using (var read = new NpgsqlBatch(connection))
        {
            read.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL READ COMMITTED"));
            read.BatchCommands.Add(Command(_lock, Parameter(_database.Names.AppendLockKey)));
            read.BatchCommands.Add(Command(_streams, Parameter(names.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
            read.BatchCommands.Add(new NpgsqlBatchCommand(_head));
            if (keys.Count > 0)
            {
                read.BatchCommands.Add(Command(
                    _existingKeys,
                    Parameter(keys.Select(static k => k.Scope).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                    Parameter(keys.Select(static k => k.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)));
            }

            await using var reader = await read.ExecuteReaderAsync().ConfigureAwait(false);
            // The lock's row.
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
            }

            await reader.NextResultAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                streams.Add(new StreamName(reader.GetString(1)), new StreamState(reader.GetInt64(0), reader.GetInt64(2)));
            }

            await reader.NextResultAsync().ConfigureAwait(false);
            await reader.ReadAsync().ConfigureAwait(false);
            head = reader.GetInt64(0);
            maxStreamId = reader.GetInt64(1);
            if (keys.Count > 0)
            {
                await reader.NextResultAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false)) stored.Add(new ItemKey(reader.GetString(0), reader.GetGuid(1)));
            }
        }

        // What was read is the state as of this head; streams the group touches but the schema lacks are at 0.
        var known = new Dictionary<StreamName, StreamState>(streams);
        foreach (var name in seenStreams)
        {
            if (!known.ContainsKey(name)) known.Add(name, new StreamState(0, 0));
        }

        _cache.Reset(head, maxStreamId, known);

        // Decide each batch in queue order, as the reference store would one after another.
        var outcome = Decide(group, streams, stored, head, maxStreamId);

        // Round trip 2: the inserts and the commit (or a rollback when every batch was refused).
        await WriteRowsAsync(connection, outcome, takeLock: false).ConfigureAwait(false);
        if (outcome.Rows.Count > 0) Committed(outcome, streams);
        return outcome.Results;
    }

    /// <summary>Decides each batch of the group in queue order on the given state (which it moves on as batches are
    /// accepted) and lays out the rows of the accepted ones.</summary>
    private static GroupOutcome Decide(List<PendingAppend> group, Dictionary<StreamName, StreamState> streams, HashSet<ItemKey> stored, long head, long maxStreamId)
    {
        var outcome = new GroupOutcome(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var append = group[i];
            var refusal = Decide(append.Plan, streams, stored);
            if (refusal is { } refused)
            {
                outcome.Results[i] = refused;
                outcome.Refused = true;
                continue;
            }

            foreach (var expectation in append.Plan.Expectations)
            {
                if (streams.TryGetValue(expectation.Stream, out var known) && known.Id != 0) continue;
                var state = new StreamState(++maxStreamId, 0);
                streams[expectation.Stream] = state;
                outcome.NewStreams.Add((state.Id, expectation.Stream));
            }

            for (var r = 0; r < append.Batch.Count; r++) outcome.Rows.Add(++head, append.Batch[r], append.Payloads[r], streams);
            foreach (var item in append.Plan.Items) stored.Add(item);
            outcome.Results[i] = AppendResult.Appended(head);
        }

        outcome.Head = head;
        outcome.MaxStreamId = maxStreamId;
        return outcome;
    }

    /// <summary>Sends the group's inserts and <c>COMMIT</c> in one round trip (after <c>BEGIN</c> and the lock when
    /// <paramref name="takeLock"/>), or a rollback when no batch went in.</summary>
    private async Task WriteRowsAsync(NpgsqlConnection connection, GroupOutcome outcome, bool takeLock)
    {
        var rows = outcome.Rows;
        await using var write = new NpgsqlBatch(connection);
        if (rows.Count == 0)
        {
            write.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK"));
            await write.ExecuteNonQueryAsync().ConfigureAwait(false);
            return;
        }

        if (takeLock)
        {
            write.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL READ COMMITTED"));
            write.BatchCommands.Add(Command(_lock, Parameter(_database.Names.AppendLockKey)));
        }

        if (outcome.NewStreams.Count > 0)
        {
            write.BatchCommands.Add(Command(
                _insertStreams,
                Parameter(outcome.NewStreams.Select(static s => s.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
                Parameter(outcome.NewStreams.Select(static s => s.Name.Value).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
        }

        write.BatchCommands.Add(Command(
            _insertRecords,
            Parameter(rows.Positions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            Parameter(rows.StreamIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            Parameter(rows.Versions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            Parameter(rows.Links.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea),
            Parameter(rows.Scopes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            Parameter(rows.ItemIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid),
            Parameter(rows.Types.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            Parameter(rows.SchemaVersions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer),
            Parameter(rows.Data.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea)));
        write.BatchCommands.Add(Command(
            _insertSlots,
            Parameter(rows.SlotStreamIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            Parameter(rows.SlotVersions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            Parameter(rows.SlotPositions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)));
        write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await write.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>After a commit: counts it, learns the new streams' ids, and moves the cache to the new state.</summary>
    private void Committed(GroupOutcome outcome, Dictionary<StreamName, StreamState> streams)
    {
        Interlocked.Increment(ref _transactions);
        foreach (var (id, name) in outcome.NewStreams) _streamIds.Add(name, id);
        _cache.Advance(outcome.Head, outcome.MaxStreamId, streams);
    }

    /// <summary>The reference store's answer for a batch that is refused, or null when it goes in.</summary>
    private static AppendResult? Decide(BatchPlan plan, Dictionary<StreamName, StreamState> streams, HashSet<ItemKey> stored)
    {
        foreach (var expectation in plan.Expectations)
        {
            var actual = streams.TryGetValue(expectation.Stream, out var state) ? state.Version : 0;
            if (actual != expectation.Version) return AppendResult.VersionConflict(expectation.Stream, expectation.Version, actual);
        }

        foreach (var item in plan.Items)
        {
            if (stored.Contains(item)) return AppendResult.Duplicate(item);
        }

        return plan.RepeatedItem.IsNone ? null : AppendResult.Duplicate(plan.RepeatedItem);
    }

    private static async Task RollbackAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open) return;
        await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
        await rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Rolls back after an error that is passed on; a broken connection (which the pool discards) is not
    /// worth a second error.</summary>
    private static async Task TryRollbackAsync(NpgsqlConnection connection)
    {
        try
        {
            await RollbackAsync(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The original error says what went wrong.
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Parameter(object value) => new() { Value = value };

    private static NpgsqlParameter Parameter(object value, NpgsqlDbType type) => new() { Value = value, NpgsqlDbType = type };

    /// <summary>What deciding a group gave: each batch's answer, the rows of the accepted ones, and the state after them.</summary>
    private sealed class GroupOutcome(int count)
    {
        internal AppendResult[] Results { get; } = new AppendResult[count];

        internal Rows Rows { get; } = new();

        internal List<(long Id, StreamName Name)> NewStreams { get; } = [];

        internal bool Refused { get; set; }

        internal long Head { get; set; }

        internal long MaxStreamId { get; set; }
    }

    /// <summary>
    /// What this writer knows of the schema as of its last transaction: the head, the highest stream id and the
    /// versions (and ids; 0 for a stream the schema lacks) of the streams it read or wrote. All of it stays true
    /// exactly as long as nobody else appends, which the next insert finds out (see
    /// <see cref="TryWriteFromCacheAsync"/>). Only the writer loop uses it.
    /// </summary>
    private sealed class WriterCache
    {
        /// <summary>Past this many streams the cache starts over.</summary>
        private const int MaxStreams = 1 << 16;

        private readonly Dictionary<StreamName, (long Id, long Version)> _streams = [];
        private bool _valid;
        private long _head;
        private long _maxStreamId;

        /// <summary>The state for every stream of the group, when all of them are known.</summary>
        internal bool TryGet(List<PendingAppend> group, out long head, out long maxStreamId, out Dictionary<StreamName, StreamState> streams)
        {
            head = _head;
            maxStreamId = _maxStreamId;
            streams = [];
            if (!_valid) return false;
            foreach (var append in group)
            {
                foreach (var expectation in append.Plan.Expectations)
                {
                    if (streams.ContainsKey(expectation.Stream)) continue;
                    if (!_streams.TryGetValue(expectation.Stream, out var known)) return false;
                    if (known.Id != 0) streams.Add(expectation.Stream, new StreamState(known.Id, known.Version));
                }
            }

            return true;
        }

        /// <summary>Starts over from a fresh read under the lock.</summary>
        internal void Reset(long head, long maxStreamId, Dictionary<StreamName, StreamState> streams)
        {
            if (!_valid || head != _head || _streams.Count > MaxStreams) _streams.Clear();
            _valid = true;
            _head = head;
            _maxStreamId = maxStreamId;
            foreach (var (name, state) in streams) _streams[name] = (state.Id, state.Version);
        }

        /// <summary>Moves on to the state a commit left.</summary>
        internal void Advance(long head, long maxStreamId, Dictionary<StreamName, StreamState> streams)
        {
            if (!_valid) return;
            _head = head;
            _maxStreamId = maxStreamId;
            foreach (var (name, state) in streams) _streams[name] = (state.Id, state.Version);
        }

        /// <summary>Forgets everything (after a failure, or when another writer appended).</summary>
        internal void Invalidate()
        {
            _valid = false;
            _streams.Clear();
        }
    }

    /// <summary>A stream as the writer sees it during one transaction: its id and version so far.</summary>
    private sealed class StreamState(long id, long version)
    {
        internal long Id { get; } = id;

        internal long Version { get; set; } = version;
    }

    /// <summary>The columns of the rows one transaction inserts, as arrays for <c>unnest</c>.</summary>
    private sealed class Rows
    {
        private long[] _linkIds = new long[4];
        private byte[] _linkBytes = new byte[4 * SlotBlob.MaxBytesPerLink];

        internal List<long> Positions { get; } = [];

        internal List<long> StreamIds { get; } = [];

        internal List<long> Versions { get; } = [];

        internal List<byte[]?> Links { get; } = [];

        internal List<string?> Scopes { get; } = [];

        internal List<Guid?> ItemIds { get; } = [];

        internal List<string> Types { get; } = [];

        internal List<int> SchemaVersions { get; } = [];

        internal List<byte[]> Data { get; } = [];

        internal List<long> SlotStreamIds { get; } = [];

        internal List<long> SlotVersions { get; } = [];

        internal List<long> SlotPositions { get; } = [];

        internal int Count => Positions.Count;

        /// <summary>Adds a record's row and its slots (own stream first, then each link), and moves the streams'
        /// versions on.</summary>
        internal void Add(long position, NewRecord record, SerializedPayload payload, Dictionary<StreamName, StreamState> streams)
        {
            var own = streams[record.Stream];
            Positions.Add(position);
            StreamIds.Add(own.Id);
            Versions.Add(record.Version);
            AddSlot(own, record.Version, position);

            var links = record.Links;
            if (links.Count == 0)
            {
                Links.Add(null);
            }
            else
            {
                if (_linkIds.Length < links.Count)
                {
                    _linkIds = new long[links.Count];
                    _linkBytes = new byte[links.Count * SlotBlob.MaxBytesPerLink];
                }

                for (var i = 0; i < links.Count; i++)
                {
                    var linked = streams[links[i].Stream];
                    _linkIds[i] = linked.Id;
                    AddSlot(linked, links[i].Version, position);
                }

                var length = SlotBlob.Write(_linkIds.AsSpan(0, links.Count), links, _linkBytes);
                Links.Add(_linkBytes.AsSpan(0, length).ToArray());
            }

            if (record.Item.IsNone)
            {
                Scopes.Add(null);
                ItemIds.Add(null);
            }
            else
            {
                Scopes.Add(record.Item.Scope);
                ItemIds.Add(record.Item.Id);
            }

            Types.Add(payload.TypeName);
            SchemaVersions.Add(payload.SchemaVersion);
            Data.Add(MemoryMarshal.TryGetArray(payload.Data, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : payload.Data.ToArray());
        }

        private void AddSlot(StreamState stream, long version, long position)
        {
            SlotStreamIds.Add(stream.Id);
            SlotVersions.Add(version);
            SlotPositions.Add(position);
            stream.Version = version;
        }
    }
}

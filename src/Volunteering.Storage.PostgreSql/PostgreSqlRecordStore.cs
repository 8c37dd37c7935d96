using System.Runtime.CompilerServices;
using NodaTime;
using Npgsql;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql;

/// <summary>
/// The <see cref="IRecordStore"/> for deployments beyond one machine: every record in PostgreSQL tables of one schema,
/// written by any number of processes and connections at once. It behaves exactly as <see cref="InMemoryRecordStore"/>
/// (the conformance kit holds it to that) and keeps everything a committed transaction wrote.
/// </summary>
/// <remarks>
/// <para><b>Appends</b> are serialized per schema by a transaction-scoped advisory lock, taken before anything is read
/// and released by the commit, so the global positions are gap-free and become visible in position order; expected
/// versions and item keys are checked under the lock and backed by the primary key of <c>stream_slots</c> and a unique
/// index on keys. Appends that callers of one instance make at the same time are written together in one transaction
/// (each batch still accepted or refused on its own), so concurrent callers share the round trips and the commit's
/// flush. Serialization failures and deadlocks are retried (<see cref="PostgreSqlStoreOptions.RetryCount"/>). An
/// append returns once its commit is durable as the server's <c>synchronous_commit</c> setting makes it (on by
/// default).</para>
/// <para><b>Reads</b> run on pooled connections in pages of a few hundred rows, never waiting for writers; a long read
/// sees every record committed before it reaches that position.</para>
/// <para><b>Schema.</b> The store creates its PostgreSQL schema and tables, records the version in
/// <c>schema_version</c>, and migrates an older schema when it opens it, all in one transaction under an advisory lock
/// (so processes starting together are safe); a newer schema is refused with
/// <see cref="PostgreSqlSchemaTooNewException"/>.</para>
/// <para>Safe for concurrent callers. Dispose the store to stop its writer (queued appends are written first) and, when
/// it built its data source from a connection string, close its connections.</para>
/// </remarks>
public sealed class PostgreSqlRecordStore : IRecordStore, IAsyncDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly RecordReader _reader;
    private readonly AppendWriter _writer;
    private readonly string _saveSnapshot;
    private int _disposed;

    private PostgreSqlRecordStore(PostgreSqlDatabase database)
    {
        _database = database;
        var streamIds = new StreamIdCache();
        _reader = new RecordReader(database, streamIds);
        _writer = new AppendWriter(database, streamIds);
        _saveSnapshot = database.Names.Expand("""
            INSERT INTO {schema}.snapshots (stream, version, type_name, schema_version, data) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (stream) DO UPDATE SET
                version = excluded.version, type_name = excluded.type_name, schema_version = excluded.schema_version, data = excluded.data
            WHERE excluded.version >= snapshots.version
            """);
    }

    /// <summary>The schema version this code creates, migrates older schemas to, and reads.</summary>
    public static int SchemaVersion => PostgreSqlSchema.CurrentVersion;

    /// <summary>The PostgreSQL schema that holds the store's tables.</summary>
    public string Schema => _database.Names.Schema;

    /// <summary>The data source the store's connections come from.</summary>
    public NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>How many transactions were run again after a serialization failure or a deadlock, since the store
    /// was opened.</summary>
    public long TransientRetries => _database.Retries;

    /// <summary>How many transactions have written records since the store was opened; with
    /// <see cref="IRecordStore.AppendAsync"/> calls counted separately, it tells how many appends shared a commit.</summary>
    public long Transactions => _writer.Transactions;

    /// <summary>How many of <see cref="Transactions"/> went in one round trip, on the state the store's previous
    /// transaction left (no other writer had appended in between).</summary>
    public long SingleRoundTripTransactions => _writer.FastTransactions;

    /// <summary>Opens the store: connects, creates the schema and its tables if needed, and migrates an older schema
    /// (in one transaction, under an advisory lock).</summary>
    /// <param name="options">The database and settings.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The open store; dispose it when done.</returns>
    /// <exception cref="PostgreSqlSchemaTooNewException">The schema was written by a newer version of this package.</exception>
    /// <exception cref="InvalidOperationException">The application's data source was built without <c>UseNodaTime()</c>.</exception>
    /// <exception cref="NpgsqlException">The database could not be reached or refused the migration.</exception>
    public static async ValueTask<PostgreSqlRecordStore> OpenAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        var database = await PostgreSqlDatabase.OpenAsync(options, SystemClock.Instance, cancellationToken).ConfigureAwait(false);
        return new PostgreSqlRecordStore(database);
    }

    /// <inheritdoc />
    public ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
    {
        try
        {
            var plan = RecordBatch.Plan(batch);
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfDisposed();
            var payloads = new SerializedPayload[batch.Count];
            for (var i = 0; i < payloads.Length; i++) payloads[i] = Serialize(batch[i].Payload);
            cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<AppendResult>(_writer.EnqueueAsync(new PendingAppend(batch, plan, payloads, cancellationToken)));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<AppendResult>(exception);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        var after = afterPosition;
        while (true)
        {
            var page = await _reader.ReadAllPageAsync(after, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }

            if (page.Count < RecordReader.PageSize) yield break;
            after = page[^1].Position;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        var id = await _reader.StreamIdAsync(stream, cancellationToken).ConfigureAwait(false);
        if (id == 0) yield break;
        var after = afterVersion;
        while (true)
        {
            var page = await _reader.ReadStreamPageAsync(id, after, cancellationToken).ConfigureAwait(false);
            foreach (var (record, _) in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return record;
            }

            if (page.Count < RecordReader.PageSize) yield break;
            after = page[^1].Version;
        }
    }

    /// <inheritdoc />
    public async ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return await _reader.StreamVersionAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return await _reader.HeadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default)
    {
        if (item.IsNone) throw new ArgumentException("Look up a real key, not the default.", nameof(item));
        item.Validate(nameof(item));
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return await _reader.FindItemAsync(item, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        GuardStream(snapshot.Stream);
        ArgumentNullException.ThrowIfNull(snapshot.State);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        var state = Serialize(snapshot.State);
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // A stream's version only grows, so a snapshot not ahead of it now never will be.
        var current = await _reader.StreamVersionAsync(connection, snapshot.Stream, cancellationToken).ConfigureAwait(false);
        if (snapshot.Version > current)
        {
            throw new ArgumentException($"The snapshot is at version {snapshot.Version} of {snapshot.Stream}, which is only at {current}.", nameof(snapshot));
        }

        await using var command = new NpgsqlCommand(_saveSnapshot, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.Stream.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = snapshot.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = state.TypeName });
        command.Parameters.Add(new NpgsqlParameter { Value = state.SchemaVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = state.Data.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        return await _reader.LoadSnapshotAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the writer after the queued appends are written and, when the store built its data source from a
    /// connection string, closes its connections. Reads still running finish on their own connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _writer.CloseAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }

    private SerializedPayload Serialize(object payload)
    {
        var serialized = _database.Serializer.Serialize(payload);
        if (string.IsNullOrEmpty(serialized.TypeName))
        {
            throw new InvalidOperationException($"The serializer {_database.Serializer.GetType().Name} gave a {payload.GetType().Name} no type name.");
        }

        return serialized;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static void GuardStream(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
    }
}

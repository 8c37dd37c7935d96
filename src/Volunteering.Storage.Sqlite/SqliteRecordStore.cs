using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite;

/// <summary>
/// The embedded default <see cref="IRecordStore"/>: every record in one SQLite file, in WAL mode. It behaves exactly
/// as <see cref="InMemoryRecordStore"/> (the conformance kit holds it to that) and keeps everything across restarts.
/// </summary>
/// <remarks>
/// <para><b>Durability.</b> Each batch is one transaction, begun with <c>BEGIN IMMEDIATE</c> so the file's write lock
/// is held from the first check to the commit. With <see cref="SqliteSynchronousMode.Full"/> (the default) an append
/// returns only after its commit reached stable storage: acknowledged batches survive a power loss, and a batch is
/// never half there after any crash.</para>
/// <para><b>Several writers.</b> Any number of instances, in any number of processes on one machine, may open the same
/// file. Writers take turns on the file's write lock (an instance lets one of its own callers in at a time); a caller
/// that finds the lock taken waits up to <see cref="SqliteStoreOptions.BusyTimeout"/>. Expected versions and item keys
/// are checked under the lock, and <c>stream_slots</c>' primary key and the unique index on item keys back the checks,
/// so no record is ever lost or applied twice; a writer that lost a race gets
/// <see cref="AppendStatus.WrongExpectedVersion"/>. Network file systems are not supported (SQLite's WAL mode needs
/// shared memory between the processes).</para>
/// <para><b>Reads.</b> Reads use their own connections and never wait for writers; a streamed read sees one consistent
/// state of the file. A stream's version and records come from the primary key of <c>stream_slots</c>, so an
/// account's history and balance (<see cref="LedgerStoreQueries"/>) read without the rest of the journal.</para>
/// <para><b>Schema.</b> The store creates its tables, records the schema version in <c>schema_version</c>, and
/// migrates a file of an older version when it opens it; a file of a newer version is refused with
/// <see cref="SqliteSchemaTooNewException"/>.</para>
/// <para>Safe for concurrent callers. Dispose the store to close the file.</para>
/// </remarks>
public sealed class SqliteRecordStore : IRecordStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteFile _file;
    private readonly IRecordSerializer _serializer;
    private readonly SqliteWriter _writer;
    private readonly SqliteReaderPool _readers;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    private SqliteRecordStore(SqliteFile file, IRecordSerializer serializer, SqliteConnection writeConnection)
    {
        var streamIds = new StreamIdCache();
        _file = file;
        _serializer = serializer;
        _writer = new SqliteWriter(file, writeConnection, streamIds);
        _readers = new SqliteReaderPool(file, serializer, streamIds);
    }

    /// <summary>The schema version this code creates, migrates older files to, and reads.</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _file.Path;

    /// <summary>Opens the store in a file, creating the file and its schema if needed and migrating a file of an older
    /// schema version (each step in its own transaction).</summary>
    /// <param name="options">The file and settings.</param>
    /// <param name="cancellationToken">Cancels before the file is opened.</param>
    /// <returns>The open store; dispose it to close the file.</returns>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer version of this package.</exception>
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    /// <exception cref="InvalidOperationException">SQLite could not put the file in WAL mode (e.g. on a file system
    /// without shared memory).</exception>
    /// <exception cref="TimeoutException">Another connection held the file locked for longer than the busy timeout.</exception>
    /// <exception cref="SqliteException">SQLite could not open or read the file (e.g. it is not a database).</exception>
    public static ValueTask<SqliteRecordStore> OpenAsync(SqliteStoreOptions options, CancellationToken cancellationToken = default)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(options.Serializer, nameof(options));
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Open(options));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<SqliteRecordStore>(exception);
        }
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
            if (_writeGate.Wait(0, CancellationToken.None)) return ValueTask.FromResult(AppendEntered(batch, plan, payloads, cancellationToken));
            return AppendAfterWaitAsync(batch, plan, payloads, cancellationToken);
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
        var session = RentReader();
        try
        {
            using var reader = Busy(() => session.ReadAll(afterPosition));
            while (await ReadRowAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                yield return session.ToRecord(reader);
            }
        }
        finally
        {
            _readers.Return(session);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        GuardStream(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var session = RentReader();
        try
        {
            using var reader = Busy(() => session.ReadStream(stream, afterVersion));
            while (reader is not null && await ReadRowAsync(reader, cancellationToken).ConfigureAwait(false))
            {
                yield return session.ToRecord(reader);
            }
        }
        finally
        {
            _readers.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        try
        {
            GuardStream(stream);
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(WithReader(stream, static (session, s) => session.StreamVersion(s)));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<long>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(WithReader(0, static (session, _) => session.HeadPosition()));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<long>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default)
    {
        try
        {
            if (item.IsNone) throw new ArgumentException("Look up a real key, not the default.", nameof(item));
            item.Validate(nameof(item));
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(WithReader(item, static (session, key) => session.FindItem(key)));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<StoredRecord?>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(snapshot);
            GuardStream(snapshot.Stream);
            ArgumentNullException.ThrowIfNull(snapshot.State);
            ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1);
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfDisposed();
            var state = Serialize(snapshot.State);
            if (_writeGate.Wait(0, CancellationToken.None))
            {
                SaveSnapshotEntered(snapshot, state);
                return ValueTask.CompletedTask;
            }

            return SaveSnapshotAfterWaitAsync(snapshot, state, cancellationToken);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        try
        {
            GuardStream(stream);
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(WithReader(stream, static (session, s) => session.LoadSnapshot(s)));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<RecordSnapshot?>(exception);
        }
    }

    /// <summary>Closes the file, after any append in progress has finished. Reads still streaming close their
    /// connections when they end.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _writeGate.Wait();
        CloseConnections();
    }

    /// <summary>Closes the file, after any append in progress has finished.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _writeGate.WaitAsync().ConfigureAwait(false);
        CloseConnections();
    }

    /// <summary>Reads a pragma on the write connection (for tests: <c>journal_mode</c>, <c>synchronous</c>, ...).</summary>
    /// <param name="name">The pragma's name.</param>
    internal object? ReadWriterPragma(string name)
    {
        _writeGate.Wait();
        try
        {
            ThrowIfDisposed();
            return _writer.ReadPragma(name);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static SqliteRecordStore Open(SqliteStoreOptions options)
    {
        var file = new SqliteFile(options);
        var connection = file.OpenMigrated();
        return new SqliteRecordStore(file, options.Serializer, connection);
    }

    private AppendResult AppendEntered(IReadOnlyList<NewRecord> batch, BatchPlan plan, SerializedPayload[] payloads, CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfDisposed();
            return _writer.Append(batch, plan, payloads, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async ValueTask<AppendResult> AppendAfterWaitAsync(IReadOnlyList<NewRecord> batch, BatchPlan plan, SerializedPayload[] payloads, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return AppendEntered(batch, plan, payloads, cancellationToken);
    }

    private void SaveSnapshotEntered(RecordSnapshot snapshot, SerializedPayload state)
    {
        try
        {
            ThrowIfDisposed();
            _writer.SaveSnapshot(snapshot, state);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async ValueTask SaveSnapshotAfterWaitAsync(RecordSnapshot snapshot, SerializedPayload state, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SaveSnapshotEntered(snapshot, state);
    }

    private SerializedPayload Serialize(object payload)
    {
        var serialized = _serializer.Serialize(payload);
        if (string.IsNullOrEmpty(serialized.TypeName))
        {
            throw new InvalidOperationException($"The serializer {_serializer.GetType().Name} gave a {payload.GetType().Name} no type name.");
        }

        return serialized;
    }

    private TResult WithReader<TArgument, TResult>(TArgument argument, Func<SqliteReader, TArgument, TResult> read)
    {
        var session = RentReader();
        try
        {
            return read(session, argument);
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            throw _file.BusyTimeoutExpired(exception);
        }
        finally
        {
            _readers.Return(session);
        }
    }

    private SqliteReader RentReader()
    {
        ThrowIfDisposed();
        try
        {
            return _readers.Rent();
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            throw _file.BusyTimeoutExpired(exception);
        }
    }

    private T Busy<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            throw _file.BusyTimeoutExpired(exception);
        }
    }

    private async ValueTask<bool> ReadRowAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            throw _file.BusyTimeoutExpired(exception);
        }
    }

    private void CloseConnections()
    {
        try
        {
            _readers.Dispose();
            _writer.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static void GuardStream(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
    }
}

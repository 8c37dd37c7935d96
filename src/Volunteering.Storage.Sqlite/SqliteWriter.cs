using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite;

/// <summary>
/// The store's one write connection and its prepared statements. Not thread-safe: <see cref="SqliteRecordStore"/>
/// lets one caller in at a time. Each call is one <c>BEGIN IMMEDIATE</c> transaction, so the file's write lock is
/// taken before anything is read, and the checks and the writes see the same state even with other processes writing.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>The most stream slots one INSERT statement writes; a record with more is written in several.</summary>
    private const int MaxSlotRowsPerStatement = 4;

    private const int CancellationCheckInterval = 64;

    private readonly SqliteFile _file;
    private readonly SqliteConnection _connection;
    private readonly StreamIdCache _streamIds;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _findStream;
    private readonly SqliteParameter _findStreamName;
    private readonly SqliteCommand _addStream;
    private readonly SqliteParameter _addStreamName;
    private readonly SqliteCommand _streamVersion;
    private readonly SqliteParameter _streamVersionId;
    private readonly SqliteCommand _headPosition;
    private readonly SqliteCommand _itemExists;
    private readonly SqliteParameter _itemExistsScope;
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteParameter _recordPosition;
    private readonly SqliteParameter _recordStreamId;
    private readonly SqliteParameter _recordVersion;
    private readonly SqliteParameter _recordLinks;
    private readonly SqliteParameter _recordScope;
    private readonly SqliteParameter _recordId;
    private readonly SqliteParameter _recordType;
    private readonly SqliteParameter _recordSchemaVersion;
    private readonly SqliteParameter _recordData;
    private readonly SlotInsert?[] _slotInserts = new SlotInsert?[MaxSlotRowsPerStatement + 1];
    private readonly SqliteCommand _saveSnapshot;
    private readonly SqliteParameter _snapshotStream;
    private readonly SqliteParameter _snapshotVersion;
    private readonly SqliteParameter _snapshotType;
    private readonly SqliteParameter _snapshotSchemaVersion;
    private readonly SqliteParameter _snapshotData;
    private readonly byte[] _recordIdBytes = new byte[16];
    private readonly byte[] _itemExistsIdBytes = new byte[16];
    private readonly Dictionary<StreamName, long> _batchStreamIds = [];
    private readonly List<StreamName> _newStreams = [];
    private long[] _linkIds = new long[8];
    private byte[] _linkBytes = new byte[8 * SlotBlob.MaxBytesPerLink];

    internal SqliteWriter(SqliteFile file, SqliteConnection connection, StreamIdCache streamIds)
    {
        _file = file;
        _connection = connection;
        _streamIds = streamIds;
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _findStream = Prepare("SELECT id FROM streams WHERE name = $name");
        _findStreamName = _findStream.Parameters.Add("$name", SqliteType.Text);
        _addStream = Prepare("INSERT INTO streams (name) VALUES ($name) RETURNING id");
        _addStreamName = _addStream.Parameters.Add("$name", SqliteType.Text);
        _streamVersion = Prepare(SqliteReader.StreamVersionSql);
        _streamVersionId = _streamVersion.Parameters.Add("$id", SqliteType.Integer);
        _headPosition = Prepare("SELECT max(position) FROM records");
        _itemExists = Prepare("SELECT 1 FROM records WHERE item_scope = $scope AND item_id = $id");
        _itemExistsScope = _itemExists.Parameters.Add("$scope", SqliteType.Text);
        _itemExists.Parameters.Add("$id", SqliteType.Blob).Value = _itemExistsIdBytes;

        _insertRecord = Prepare("""
            INSERT INTO records (position, stream_id, version, links, item_scope, item_id, type, schema_version, data)
            VALUES ($position, $streamId, $version, $links, $scope, $id, $type, $schemaVersion, $data)
            """);
        _recordPosition = _insertRecord.Parameters.Add("$position", SqliteType.Integer);
        _recordStreamId = _insertRecord.Parameters.Add("$streamId", SqliteType.Integer);
        _recordVersion = _insertRecord.Parameters.Add("$version", SqliteType.Integer);
        _recordLinks = _insertRecord.Parameters.Add("$links", SqliteType.Blob);
        _recordScope = _insertRecord.Parameters.Add("$scope", SqliteType.Text);
        _recordId = _insertRecord.Parameters.Add("$id", SqliteType.Blob);
        _recordType = _insertRecord.Parameters.Add("$type", SqliteType.Text);
        _recordSchemaVersion = _insertRecord.Parameters.Add("$schemaVersion", SqliteType.Integer);
        _recordData = _insertRecord.Parameters.Add("$data", SqliteType.Blob);

        _saveSnapshot = Prepare("""
            INSERT INTO snapshots (stream, version, type, schema_version, data)
            VALUES ($stream, $version, $type, $schemaVersion, $data)
            ON CONFLICT (stream) DO UPDATE SET
                version = excluded.version, type = excluded.type, schema_version = excluded.schema_version, data = excluded.data
            WHERE excluded.version >= snapshots.version
            """);
        _snapshotStream = _saveSnapshot.Parameters.Add("$stream", SqliteType.Text);
        _snapshotVersion = _saveSnapshot.Parameters.Add("$version", SqliteType.Integer);
        _snapshotType = _saveSnapshot.Parameters.Add("$type", SqliteType.Text);
        _snapshotSchemaVersion = _saveSnapshot.Parameters.Add("$schemaVersion", SqliteType.Integer);
        _snapshotData = _saveSnapshot.Parameters.Add("$data", SqliteType.Blob);
    }

    /// <summary>Writes a batch, or nothing and why not, exactly as <see cref="InMemoryRecordStore"/> decides.</summary>
    /// <param name="batch">The batch, already checked by <see cref="RecordBatch.Plan"/>.</param>
    /// <param name="plan">Its plan.</param>
    /// <param name="payloads">The serialized payload of each record.</param>
    /// <param name="cancellationToken">Cancels before the commit; then nothing is written.</param>
    internal AppendResult Append(IReadOnlyList<NewRecord> batch, BatchPlan plan, SerializedPayload[] payloads, CancellationToken cancellationToken)
    {
        // First attempt: the unique index on item keys is the key check (one index probe per record instead of two).
        // If it fires, the transaction is rolled back and the second attempt checks every key explicitly, in batch
        // order, so the answer names the same key the in-memory store would. A batch that repeats a key itself goes
        // straight to the explicit checks.
        var checkItemsFirst = !plan.RepeatedItem.IsNone;
        while (true)
        {
            Begin();
            try
            {
                _batchStreamIds.Clear();
                _newStreams.Clear();
                foreach (var expectation in plan.Expectations)
                {
                    var id = FindStreamId(expectation.Stream);
                    _batchStreamIds[expectation.Stream] = id;
                    var actual = id == 0 ? 0 : StreamVersion(id);
                    if (actual != expectation.Version) return AppendResult.VersionConflict(expectation.Stream, expectation.Version, actual);
                }

                if (checkItemsFirst)
                {
                    foreach (var item in plan.Items)
                    {
                        if (ItemExists(item)) return AppendResult.Duplicate(item);
                    }

                    if (!plan.RepeatedItem.IsNone) return AppendResult.Duplicate(plan.RepeatedItem);
                }

                foreach (var expectation in plan.Expectations)
                {
                    if (_batchStreamIds[expectation.Stream] != 0) continue;
                    _addStreamName.Value = expectation.Stream.Value;
                    _batchStreamIds[expectation.Stream] = (long)_addStream.ExecuteScalar()!;
                    _newStreams.Add(expectation.Stream);
                }

                var head = HeadPosition();
                try
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        if (i % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
                        InsertRecord(head + i + 1, batch[i], payloads[i]);
                    }
                }
                catch (SqliteException exception) when (SqliteFile.IsUniquenessViolation(exception))
                {
                    if (checkItemsFirst)
                    {
                        throw new InvalidOperationException(
                            $"The SQLite store file '{_file.Path}' refused a batch that passed every version and key check; it may have been changed by something other than this store.", exception);
                    }

                    checkItemsFirst = true;
                    continue; // the finally block rolls back
                }

                cancellationToken.ThrowIfCancellationRequested();
                _commit.ExecuteNonQuery();
                foreach (var stream in _newStreams) _streamIds.Add(stream, _batchStreamIds[stream]);
                return AppendResult.Appended(head + batch.Count);
            }
            finally
            {
                RollbackIfOpen();
            }
        }
    }

    /// <summary>Saves a snapshot unless the stream is behind it, replacing an older one.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="state">Its serialized state.</param>
    /// <exception cref="ArgumentException">The snapshot is ahead of its stream.</exception>
    internal void SaveSnapshot(RecordSnapshot snapshot, SerializedPayload state)
    {
        Begin();
        try
        {
            var id = FindStreamId(snapshot.Stream);
            var current = id == 0 ? 0 : StreamVersion(id);
            if (snapshot.Version > current)
            {
                throw new ArgumentException($"The snapshot is at version {snapshot.Version} of {snapshot.Stream}, which is only at {current}.", nameof(snapshot));
            }

            _snapshotStream.Value = snapshot.Stream.Value;
            _snapshotVersion.Value = snapshot.Version;
            _snapshotType.Value = state.TypeName;
            _snapshotSchemaVersion.Value = state.SchemaVersion;
            _snapshotData.Value = BlobValue(state.Data);
            _saveSnapshot.ExecuteNonQuery();
            _commit.ExecuteNonQuery();
        }
        finally
        {
            RollbackIfOpen();
        }
    }

    /// <summary>Reads a pragma on the write connection (for tests).</summary>
    /// <param name="name">The pragma's name.</param>
    internal object? ReadPragma(string name) => SqliteFile.Scalar(_connection, "PRAGMA " + name);

    /// <inheritdoc />
    public void Dispose()
    {
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _findStream.Dispose();
        _addStream.Dispose();
        _streamVersion.Dispose();
        _headPosition.Dispose();
        _itemExists.Dispose();
        _insertRecord.Dispose();
        _saveSnapshot.Dispose();
        foreach (var insert in _slotInserts) insert?.Command.Dispose();
        _connection.Dispose();
    }

    private void Begin()
    {
        try
        {
            _begin.ExecuteNonQuery();
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            throw _file.BusyTimeoutExpired(exception);
        }
    }

    private void RollbackIfOpen()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0) _rollback.ExecuteNonQuery();
    }

    /// <summary>The stream's id, or 0 if the file has no such stream yet.</summary>
    private long FindStreamId(StreamName stream)
    {
        if (_streamIds.TryGetId(stream, out var id)) return id;
        _findStreamName.Value = stream.Value;
        if (_findStream.ExecuteScalar() is not long found) return 0;
        _streamIds.Add(stream, found); // committed by another writer: the row is there to stay
        return found;
    }

    private long StreamVersion(long streamId)
    {
        _streamVersionId.Value = streamId;
        return _streamVersion.ExecuteScalar() is long version ? version : 0;
    }

    private long HeadPosition() => _headPosition.ExecuteScalar() is long position ? position : 0;

    private bool ItemExists(ItemKey item)
    {
        _itemExistsScope.Value = item.Scope;
        item.Id.TryWriteBytes(_itemExistsIdBytes, bigEndian: true, out _);
        return _itemExists.ExecuteScalar() is not null;
    }

    private void InsertRecord(long position, NewRecord record, SerializedPayload payload)
    {
        var streamId = _batchStreamIds[record.Stream];
        var links = record.Links;
        _recordPosition.Value = position;
        _recordStreamId.Value = streamId;
        _recordVersion.Value = record.Version;
        if (links.Count == 0)
        {
            _recordLinks.Value = DBNull.Value;
        }
        else
        {
            if (_linkIds.Length < links.Count)
            {
                _linkIds = new long[links.Count];
                _linkBytes = new byte[links.Count * SlotBlob.MaxBytesPerLink];
            }

            for (var i = 0; i < links.Count; i++) _linkIds[i] = _batchStreamIds[links[i].Stream];
            var length = SlotBlob.Write(_linkIds.AsSpan(0, links.Count), links, _linkBytes);
            _recordLinks.Value = new ReadOnlyMemory<byte>(_linkBytes, 0, length);
        }

        if (record.Item.IsNone)
        {
            _recordScope.Value = DBNull.Value;
            _recordId.Value = DBNull.Value;
        }
        else
        {
            _recordScope.Value = record.Item.Scope;
            record.Item.Id.TryWriteBytes(_recordIdBytes, bigEndian: true, out _);
            _recordId.Value = _recordIdBytes;
        }

        _recordType.Value = payload.TypeName;
        _recordSchemaVersion.Value = payload.SchemaVersion;
        _recordData.Value = BlobValue(payload.Data);
        _insertRecord.ExecuteNonQuery();

        // Every slot, the record's own stream first: stream reads and version checks use only stream_slots.
        var total = links.Count + 1;
        for (var first = 0; first < total; first += MaxSlotRowsPerStatement)
        {
            var rows = Math.Min(MaxSlotRowsPerStatement, total - first);
            var insert = SlotInsertFor(rows);
            insert.Position.Value = position;
            for (var row = 0; row < rows; row++)
            {
                var index = first + row;
                insert.StreamIds[row].Value = index == 0 ? streamId : _linkIds[index - 1];
                insert.Versions[row].Value = index == 0 ? record.Version : links[index - 1].Version;
            }

            insert.Command.ExecuteNonQuery();
        }
    }

    private SlotInsert SlotInsertFor(int rows)
    {
        if (_slotInserts[rows] is { } existing) return existing;
        var sql = new StringBuilder("INSERT INTO stream_slots (stream_id, version, position) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            if (row > 0) sql.Append(", ");
            sql.Append(CultureInfo.InvariantCulture, $"($s{row}, $v{row}, $p)");
        }

        var command = Prepare(sql.ToString());
        var streamIds = new SqliteParameter[rows];
        var versions = new SqliteParameter[rows];
        for (var row = 0; row < rows; row++)
        {
            streamIds[row] = command.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$s{row}"), SqliteType.Integer);
            versions[row] = command.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$v{row}"), SqliteType.Integer);
        }

        var position = command.Parameters.Add("$p", SqliteType.Integer);
        return (_slotInserts[rows] = new SlotInsert(command, streamIds, versions, position))!;
    }

    /// <summary>A parameter value for blob bytes: the array itself when the memory is a whole array, so nothing is
    /// copied or boxed; otherwise the memory (bound without a copy by Microsoft.Data.Sqlite).</summary>
    private static object BlobValue(ReadOnlyMemory<byte> data)
        => MemoryMarshal.TryGetArray(data, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : data;

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private sealed record SlotInsert(SqliteCommand Command, SqliteParameter[] StreamIds, SqliteParameter[] Versions, SqliteParameter Position);
}

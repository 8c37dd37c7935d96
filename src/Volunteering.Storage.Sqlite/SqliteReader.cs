using Microsoft.Data.Sqlite;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite;

/// <summary>
/// A read connection with its prepared statements, used by one read at a time (the store keeps a few in a pool).
/// The connection is query-only. In WAL mode readers never wait for the writer and the writer never waits for them;
/// each statement reads one consistent snapshot of the file, so a streamed read never sees half a batch.
/// </summary>
internal sealed class SqliteReader : IDisposable
{
    /// <summary>A stream's records after a version: a range of <c>stream_slots</c>' primary key, each joined to its
    /// record by <c>records</c>' primary key.</summary>
    internal const string ReadStreamSql = $"""
        SELECT {RecordColumns} FROM stream_slots s JOIN records r ON r.position = s.position
        WHERE s.stream_id = $id AND s.version > $after ORDER BY s.version
        """;

    /// <summary>A stream's version: the last entry of its range of <c>stream_slots</c>' primary key.</summary>
    internal const string StreamVersionSql = "SELECT max(version) FROM stream_slots WHERE stream_id = $id";

    /// <summary>The record holding a key: one probe of the unique index on keys.</summary>
    internal const string FindItemSql = $"SELECT {RecordColumns} FROM records r WHERE r.item_scope = $scope AND r.item_id = $id";

    private const string RecordColumns = "r.position, r.stream_id, r.version, r.links, r.item_scope, r.item_id, r.type, r.schema_version, r.data";

    private readonly SqliteConnection _connection;
    private readonly IRecordSerializer _serializer;
    private readonly StreamIdCache _streamIds;
    private readonly SqliteCommand _readAll;
    private readonly SqliteParameter _readAllAfter;
    private readonly SqliteCommand _readStream;
    private readonly SqliteParameter _readStreamId;
    private readonly SqliteParameter _readStreamAfter;
    private readonly SqliteCommand _streamVersion;
    private readonly SqliteParameter _streamVersionId;
    private readonly SqliteCommand _headPosition;
    private readonly SqliteCommand _findItem;
    private readonly SqliteParameter _findItemScope;
    private readonly SqliteCommand _findStreamId;
    private readonly SqliteParameter _findStreamIdName;
    private readonly SqliteCommand _findStreamName;
    private readonly SqliteParameter _findStreamNameId;
    private readonly SqliteCommand _loadSnapshot;
    private readonly SqliteParameter _loadSnapshotStream;
    private readonly byte[] _findItemId = new byte[16];
    private readonly byte[] _guidBytes = new byte[16];
    private byte[] _blob = new byte[4096];

    internal SqliteReader(SqliteConnection connection, IRecordSerializer serializer, StreamIdCache streamIds)
    {
        _connection = connection;
        _serializer = serializer;
        _streamIds = streamIds;
        _readAll = Create($"SELECT {RecordColumns} FROM records r WHERE r.position > $after ORDER BY r.position");
        _readAllAfter = _readAll.Parameters.Add("$after", SqliteType.Integer);
        _readStream = Create(ReadStreamSql);
        _readStreamId = _readStream.Parameters.Add("$id", SqliteType.Integer);
        _readStreamAfter = _readStream.Parameters.Add("$after", SqliteType.Integer);
        _streamVersion = Create(StreamVersionSql);
        _streamVersionId = _streamVersion.Parameters.Add("$id", SqliteType.Integer);
        _headPosition = Create("SELECT max(position) FROM records");
        _findItem = Create(FindItemSql);
        _findItemScope = _findItem.Parameters.Add("$scope", SqliteType.Text);
        _findItem.Parameters.Add("$id", SqliteType.Blob).Value = _findItemId;
        _findStreamId = Create("SELECT id FROM streams WHERE name = $name");
        _findStreamIdName = _findStreamId.Parameters.Add("$name", SqliteType.Text);
        _findStreamName = Create("SELECT name FROM streams WHERE id = $id");
        _findStreamNameId = _findStreamName.Parameters.Add("$id", SqliteType.Integer);
        _loadSnapshot = Create("SELECT version, type, schema_version, data FROM snapshots WHERE stream = $stream");
        _loadSnapshotStream = _loadSnapshot.Parameters.Add("$stream", SqliteType.Text);
    }

    /// <summary>Starts reading every record after a position, in global order.</summary>
    /// <param name="afterPosition">The position to read after.</param>
    internal SqliteDataReader ReadAll(long afterPosition)
    {
        _readAllAfter.Value = afterPosition;
        return _readAll.ExecuteReader();
    }

    /// <summary>Starts reading a stream's records after a version, in version order; null when the file has no such
    /// stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="afterVersion">The version to read after.</param>
    internal SqliteDataReader? ReadStream(StreamName stream, long afterVersion)
    {
        var id = FindStreamId(stream);
        if (id == 0) return null;
        _readStreamId.Value = id;
        _readStreamAfter.Value = afterVersion;
        return _readStream.ExecuteReader();
    }

    /// <summary>The stream's newest version, 0 for none.</summary>
    /// <param name="stream">The stream.</param>
    internal long StreamVersion(StreamName stream)
    {
        var id = FindStreamId(stream);
        if (id == 0) return 0;
        _streamVersionId.Value = id;
        return _streamVersion.ExecuteScalar() is long version ? version : 0;
    }

    /// <summary>The newest record's position, 0 for none.</summary>
    internal long HeadPosition() => _headPosition.ExecuteScalar() is long position ? position : 0;

    /// <summary>The record that claimed a key, or null.</summary>
    /// <param name="item">The key.</param>
    internal StoredRecord? FindItem(ItemKey item)
    {
        _findItemScope.Value = item.Scope;
        item.Id.TryWriteBytes(_findItemId, bigEndian: true, out _);
        using var reader = _findItem.ExecuteReader();
        return reader.Read() ? ToRecord(reader) : null;
    }

    /// <summary>The stream's snapshot, or null.</summary>
    /// <param name="stream">The stream.</param>
    internal RecordSnapshot? LoadSnapshot(StreamName stream)
    {
        _loadSnapshotStream.Value = stream.Value;
        using var reader = _loadSnapshot.ExecuteReader();
        if (!reader.Read()) return null;
        var version = reader.GetInt64(0);
        var type = reader.GetString(1);
        var schemaVersion = reader.GetInt32(2);
        var state = _serializer.Deserialize(type, schemaVersion, ReadBlob(reader, 3));
        return new RecordSnapshot(stream, version, state);
    }

    /// <summary>The record in the reader's current row (the columns of <see cref="RecordColumns"/>).</summary>
    /// <param name="reader">A reader on a row.</param>
    /// <exception cref="RecordFormatException">The row does not hold a valid record.</exception>
    internal StoredRecord ToRecord(SqliteDataReader reader)
    {
        var position = reader.GetInt64(0);
        var payload = _serializer.Deserialize(reader.GetString(6), reader.GetInt32(7), ReadBlob(reader, 8));
        try
        {
            var stream = StreamNameOf(reader.GetInt64(1));
            var version = reader.GetInt64(2);
            StreamSlot[]? links = null;
            if (!reader.IsDBNull(3))
            {
                var pairs = SlotBlob.Read(ReadBlob(reader, 3));
                links = new StreamSlot[pairs.Length];
                for (var i = 0; i < pairs.Length; i++) links[i] = new StreamSlot(StreamNameOf(pairs[i].Id), pairs[i].Version);
            }

            var item = default(ItemKey);
            if (!reader.IsDBNull(4))
            {
                if (reader.GetBytes(5, 0, _guidBytes, 0, 16) != 16) throw new FormatException("The item id is not 16 bytes.");
                item = new ItemKey(reader.GetString(4), new Guid(_guidBytes, bigEndian: true));
            }

            return new StoredRecord(position, new NewRecord(stream, version, payload, item, links));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            throw new RecordFormatException($"The record at position {position} of the SQLite store could not be read back: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _readAll.Dispose();
        _readStream.Dispose();
        _streamVersion.Dispose();
        _headPosition.Dispose();
        _findItem.Dispose();
        _findStreamId.Dispose();
        _findStreamName.Dispose();
        _loadSnapshot.Dispose();
        _connection.Dispose();
    }

    private long FindStreamId(StreamName stream)
    {
        if (_streamIds.TryGetId(stream, out var id)) return id;
        _findStreamIdName.Value = stream.Value;
        if (_findStreamId.ExecuteScalar() is not long found) return 0;
        _streamIds.Add(stream, found);
        return found;
    }

    private StreamName StreamNameOf(long id)
    {
        if (_streamIds.TryGetName(id, out var stream)) return stream;
        _findStreamNameId.Value = id;
        if (_findStreamName.ExecuteScalar() is not string name) throw new FormatException($"Stream id {id} is not in the streams table.");
        stream = new StreamName(name);
        _streamIds.Add(stream, id);
        return stream;
    }

    private ReadOnlySpan<byte> ReadBlob(SqliteDataReader reader, int ordinal)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        if (length > _blob.Length) _blob = new byte[Math.Max(length, _blob.Length * 2)];
        var read = (int)reader.GetBytes(ordinal, 0, _blob, 0, length);
        return _blob.AsSpan(0, read);
    }

    private SqliteCommand Create(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

using Npgsql;
using NpgsqlTypes;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql;

/// <summary>
/// Reads records back: the queries of every read, in pages, and turning rows into <see cref="StoredRecord"/>s. A page
/// is read whole on a pooled connection, which goes back to the pool before the page's records are handed out, so a
/// slow consumer holds no connection. Appends commit in position order (see <see cref="AppendWriter"/>), so reading
/// page after page, each after the last position (or version) seen, never skips a record.
/// </summary>
internal sealed class RecordReader
{
    /// <summary>Rows per page.</summary>
    internal const int PageSize = 512;

    private const string Columns = "r.position, r.stream_id, r.version, r.links, r.item_scope, r.item_id, r.type_name, r.schema_version, r.data";

    private readonly PostgreSqlDatabase _database;
    private readonly StreamIdCache _streamIds;
    private readonly string _readAll;
    private readonly string _readStream;
    private readonly string _streamId;
    private readonly string _streamNames;
    private readonly string _streamVersion;
    private readonly string _head;
    private readonly string _findItem;
    private readonly string _loadSnapshot;

    internal RecordReader(PostgreSqlDatabase database, StreamIdCache streamIds)
    {
        _database = database;
        _streamIds = streamIds;
        var names = database.Names;
        _readAll = names.Expand($"SELECT {Columns} FROM {{schema}}.records r WHERE r.position > $1 ORDER BY r.position LIMIT $2");
        _readStream = names.Expand($$"""
            SELECT {{Columns}}, sl.version FROM {schema}.stream_slots sl JOIN {schema}.records r ON r.position = sl.position
            WHERE sl.stream_id = $1 AND sl.version > $2 ORDER BY sl.version LIMIT $3
            """);
        _streamId = names.Expand("SELECT id FROM {schema}.streams WHERE name = $1");
        _streamNames = names.Expand("SELECT id, name FROM {schema}.streams WHERE id = ANY($1)");
        _streamVersion = names.Expand("""
            SELECT coalesce(max(sl.version), 0) FROM {schema}.stream_slots sl
            WHERE sl.stream_id = (SELECT s.id FROM {schema}.streams s WHERE s.name = $1)
            """);
        _head = names.Expand("SELECT coalesce(max(position), 0) FROM {schema}.records");
        _findItem = names.Expand($"SELECT {Columns} FROM {{schema}}.records r WHERE r.item_scope = $1 AND r.item_id = $2");
        _loadSnapshot = names.Expand("SELECT version, type_name, schema_version, data FROM {schema}.snapshots WHERE stream = $1");
    }

    /// <summary>The records after <paramref name="afterPosition"/>, at most a page.</summary>
    internal Task<List<StoredRecord>> ReadAllPageAsync(long afterPosition, CancellationToken cancellationToken)
        => ReadPageAsync(_readAll, [afterPosition, PageSize], hasSlotVersion: false, cancellationToken);

    /// <summary>The records of a stream after <paramref name="afterVersion"/>, at most a page, with their versions in
    /// the stream.</summary>
    internal async Task<List<(StoredRecord Record, long Version)>> ReadStreamPageAsync(long streamId, long afterVersion, CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync(_readStream, [streamId, afterVersion, PageSize], hasSlotVersion: true, cancellationToken).ConfigureAwait(false);
        var records = await ToRecordsAsync(rows, cancellationToken).ConfigureAwait(false);
        var page = new List<(StoredRecord, long)>(rows.Count);
        for (var i = 0; i < rows.Count; i++) page.Add((records[i], rows[i].SlotVersion));
        return page;
    }

    /// <summary>The stream's id, or 0 when the schema has no such stream.</summary>
    internal async Task<long> StreamIdAsync(StreamName stream, CancellationToken cancellationToken)
    {
        if (_streamIds.TryGetId(stream, out var id)) return id;
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_streamId, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long found) return 0;
        _streamIds.Add(stream, found);
        return found;
    }

    /// <summary>The stream's version: its newest slot, 0 when it has none.</summary>
    internal async Task<long> StreamVersionAsync(StreamName stream, CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await StreamVersionAsync(connection, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stream's version on an open connection.</summary>
    internal async Task<long> StreamVersionAsync(NpgsqlConnection connection, StreamName stream, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_streamVersion, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The newest record's position, 0 when there is none.</summary>
    internal async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_head, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The record that claimed a key, or null.</summary>
    internal async Task<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken)
    {
        var page = await ReadPageAsync(_findItem, [item.Scope, item.Id], hasSlotVersion: false, cancellationToken).ConfigureAwait(false);
        return page.Count == 0 ? null : page[0];
    }

    /// <summary>The stream's snapshot, or null.</summary>
    internal async Task<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken)
    {
        long version;
        string type;
        int schemaVersion;
        byte[] data;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = new NpgsqlCommand(_loadSnapshot, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = stream.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            version = reader.GetInt64(0);
            type = reader.GetString(1);
            schemaVersion = reader.GetInt32(2);
            data = reader.GetFieldValue<byte[]>(3);
        }

        try
        {
            return new RecordSnapshot(stream, version, _database.Serializer.Deserialize(type, schemaVersion, data));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            throw new RecordFormatException($"The snapshot of {stream} in the PostgreSQL store could not be read back: {exception.Message}", exception);
        }
    }

    private async Task<List<StoredRecord>> ReadPageAsync(string sql, object[] arguments, bool hasSlotVersion, CancellationToken cancellationToken)
    {
        var rows = await ReadRowsAsync(sql, arguments, hasSlotVersion, cancellationToken).ConfigureAwait(false);
        return await ToRecordsAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<Row>> ReadRowsAsync(string sql, object[] arguments, bool hasSlotVersion, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var argument in arguments) command.Parameters.Add(new NpgsqlParameter { Value = argument });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new Row(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? Guid.Empty : reader.GetGuid(5),
                reader.GetString(6),
                reader.GetInt32(7),
                reader.GetFieldValue<byte[]>(8),
                hasSlotVersion ? reader.GetInt64(9) : 0));
        }

        return rows;
    }

    private async Task<List<StoredRecord>> ToRecordsAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var links = new (long Id, long Version)[rows.Count][];
        List<long>? missing = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            try
            {
                links[i] = row.Links is null ? [] : SlotBlob.Read(row.Links);
            }
            catch (FormatException exception)
            {
                throw new RecordFormatException($"The record at position {row.Position} of the PostgreSQL store could not be read back: {exception.Message}", exception);
            }

            if (!_streamIds.TryGetName(row.StreamId, out _)) (missing ??= []).Add(row.StreamId);
            foreach (var (id, _) in links[i])
            {
                if (!_streamIds.TryGetName(id, out _)) (missing ??= []).Add(id);
            }
        }

        var learned = missing is null ? null : await LearnStreamNamesAsync(missing, cancellationToken).ConfigureAwait(false);

        var records = new List<StoredRecord>(rows.Count);
        for (var i = 0; i < rows.Count; i++) records.Add(ToRecord(rows[i], links[i], learned));
        return records;
    }

    private StoredRecord ToRecord(Row row, (long Id, long Version)[] links, Dictionary<long, StreamName>? learned)
    {
        try
        {
            var payload = _database.Serializer.Deserialize(row.Type, row.SchemaVersion, row.Data);
            StreamSlot[]? slots = null;
            if (links.Length > 0)
            {
                slots = new StreamSlot[links.Length];
                for (var i = 0; i < links.Length; i++) slots[i] = new StreamSlot(NameOf(links[i].Id, learned), links[i].Version);
            }

            var item = row.ItemScope is null ? default : new ItemKey(row.ItemScope, row.ItemId);
            return new StoredRecord(row.Position, new NewRecord(NameOf(row.StreamId, learned), row.Version, payload, item, slots));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            throw new RecordFormatException($"The record at position {row.Position} of the PostgreSQL store could not be read back: {exception.Message}", exception);
        }
    }

    private StreamName NameOf(long id, Dictionary<long, StreamName>? learned)
    {
        if (_streamIds.TryGetName(id, out var name)) return name;
        if (learned is not null && learned.TryGetValue(id, out name)) return name;
        throw new FormatException($"Stream id {id} is not in the streams table.");
    }

    /// <summary>Reads the names of stream ids the cache lacks, adds them to it, and returns them (the cache may start
    /// over at any time, so the page's records are built from what this returns).</summary>
    private async Task<Dictionary<long, StreamName>> LearnStreamNamesAsync(List<long> ids, CancellationToken cancellationToken)
    {
        var learned = new Dictionary<long, StreamName>();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_streamNames, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stream = new StreamName(reader.GetString(1));
            var id = reader.GetInt64(0);
            _streamIds.Add(stream, id);
            learned[id] = stream;
        }

        return learned;
    }

    /// <summary>One row of <c>records</c> as read, before its payload is deserialized.</summary>
    private readonly record struct Row(
        long Position, long StreamId, long Version, byte[]? Links, string? ItemScope, Guid ItemId, string Type, int SchemaVersion, byte[] Data, long SlotVersion);
}

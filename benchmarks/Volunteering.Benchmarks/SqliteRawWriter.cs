using System.Globalization;
using Microsoft.Data.Sqlite;
using Volunteering.Domain.Json;
using Volunteering.Domain.Storage;

namespace Volunteering.Benchmarks;

/// <summary>
/// The raw baseline of the SQLite append benchmarks: the rows <c>SqliteRecordStore</c> writes for a batch of ledger
/// records — one <c>records</c> row and three <c>stream_slots</c> rows (journal, debit account, credit account) per
/// record, into the same tables with the same indexes — inserted with plain Microsoft.Data.Sqlite prepared commands,
/// one transaction per batch. Everything else is done beforehand by <see cref="Prepare"/>: payloads serialized with
/// <see cref="JsonRecordSerializer.Default"/>, stream ids resolved, the links column and item id encoded. No version
/// or key checks, no head-position query, no serialization in the measured part.
/// </summary>
/// <remarks>The connection is set up as the store sets up its write connection: WAL (already the file's journal
/// mode), the same <c>synchronous</c> level, a 16 MiB page cache, no pooling.</remarks>
internal sealed class SqliteRawWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, long> _streamIds = new(StringComparer.Ordinal);
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteParameter _position;
    private readonly SqliteParameter _streamId;
    private readonly SqliteParameter _version;
    private readonly SqliteParameter _links;
    private readonly SqliteParameter _scope;
    private readonly SqliteParameter _itemId;
    private readonly SqliteParameter _type;
    private readonly SqliteParameter _schemaVersion;
    private readonly SqliteParameter _data;
    private readonly SqliteCommand _insertSlots;
    private readonly SqliteParameter[] _slotStream = new SqliteParameter[3];
    private readonly SqliteParameter[] _slotVersion = new SqliteParameter[3];
    private readonly SqliteParameter _slotPosition;

    /// <summary>Opens a connection to the file, as the store's write connection is set up.</summary>
    /// <param name="path">A store file (created by <c>SqliteRecordStore</c>, so its schema is there).</param>
    /// <param name="synchronous">1 (NORMAL) or 2 (FULL).</param>
    public SqliteRawWriter(string path, int synchronous)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA busy_timeout = 30000");
        if (!string.Equals(Scalar("PRAGMA journal_mode = WAL") as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The raw baseline could not put the file in WAL mode.");
        }

        Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous = {synchronous}"));
        Execute("PRAGMA cache_size = -16384");

        using (var names = _connection.CreateCommand())
        {
            names.CommandText = "SELECT id, name FROM streams";
            using var reader = names.ExecuteReader();
            while (reader.Read()) _streamIds.Add(reader.GetString(1), reader.GetInt64(0));
        }

        _insertRecord = _connection.CreateCommand();
        _insertRecord.CommandText = """
            INSERT INTO records (position, stream_id, version, links, item_scope, item_id, type, schema_version, data)
            VALUES ($position, $streamId, $version, $links, $scope, $id, $type, $schemaVersion, $data)
            """;
        _position = _insertRecord.Parameters.Add("$position", SqliteType.Integer);
        _streamId = _insertRecord.Parameters.Add("$streamId", SqliteType.Integer);
        _version = _insertRecord.Parameters.Add("$version", SqliteType.Integer);
        _links = _insertRecord.Parameters.Add("$links", SqliteType.Blob);
        _scope = _insertRecord.Parameters.Add("$scope", SqliteType.Text);
        _itemId = _insertRecord.Parameters.Add("$id", SqliteType.Blob);
        _type = _insertRecord.Parameters.Add("$type", SqliteType.Text);
        _schemaVersion = _insertRecord.Parameters.Add("$schemaVersion", SqliteType.Integer);
        _data = _insertRecord.Parameters.Add("$data", SqliteType.Blob);

        _insertSlots = _connection.CreateCommand();
        _insertSlots.CommandText = "INSERT INTO stream_slots (stream_id, version, position) VALUES ($s0, $v0, $p), ($s1, $v1, $p), ($s2, $v2, $p)";
        for (var i = 0; i < 3; i++)
        {
            _slotStream[i] = _insertSlots.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$s{i}"), SqliteType.Integer);
            _slotVersion[i] = _insertSlots.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$v{i}"), SqliteType.Integer);
        }

        _slotPosition = _insertSlots.Parameters.Add("$p", SqliteType.Integer);
    }

    /// <summary>Turns ledger transfer records (a journal record with two account links and a transfer key) into rows.</summary>
    /// <param name="records">Records from <c>LedgerStreams.ToRecords</c>, of posted transfers.</param>
    public RawRow[] Prepare(IReadOnlyList<NewRecord> records)
    {
        var rows = new RawRow[records.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var record = records[i];
            if (record.Links.Count != 2 || record.Item.IsNone) throw new ArgumentException("The raw baseline writes transfers only (two links, a key).", nameof(records));
            var streamId = _streamIds[record.Stream.Value];
            var debit = _streamIds[record.Links[0].Stream.Value];
            var credit = _streamIds[record.Links[1].Stream.Value];
            var links = new byte[40];
            var length = WriteVarint((ulong)debit, links, 0);
            length += WriteVarint((ulong)record.Links[0].Version, links, length);
            length += WriteVarint((ulong)credit, links, length);
            length += WriteVarint((ulong)record.Links[1].Version, links, length);
            var itemId = new byte[16];
            record.Item.Id.TryWriteBytes(itemId, bigEndian: true, out _);
            var payload = JsonRecordSerializer.Default.Serialize(record.Payload);
            rows[i] = new RawRow(
                record.Version, streamId, record.Version, links[..length], record.Item.Scope, itemId,
                payload.TypeName, payload.SchemaVersion, payload.Data.ToArray(),
                debit, record.Links[0].Version, credit, record.Links[1].Version);
        }

        return rows;
    }

    /// <summary>Inserts the rows in one transaction (the measured part).</summary>
    public void Insert(ReadOnlySpan<RawRow> rows)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _insertRecord.Transaction = transaction;
        _insertSlots.Transaction = transaction;
        foreach (var row in rows)
        {
            _position.Value = row.Position;
            _streamId.Value = row.StreamId;
            _version.Value = row.Version;
            _links.Value = row.Links;
            _scope.Value = row.Scope;
            _itemId.Value = row.ItemId;
            _type.Value = row.Type;
            _schemaVersion.Value = row.SchemaVersion;
            _data.Value = row.Data;
            _insertRecord.ExecuteNonQuery();

            _slotPosition.Value = row.Position;
            _slotStream[0].Value = row.StreamId;
            _slotVersion[0].Value = row.Version;
            _slotStream[1].Value = row.DebitStreamId;
            _slotVersion[1].Value = row.DebitVersion;
            _slotStream[2].Value = row.CreditStreamId;
            _slotVersion[2].Value = row.CreditVersion;
            _insertSlots.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The newest position and the number of records in the file.</summary>
    public (long Head, long Count) Head()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT max(position), count(*) FROM records";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _insertRecord.Dispose();
        _insertSlots.Dispose();
        _connection.Dispose();
    }

    private static int WriteVarint(ulong value, byte[] buffer, int offset)
    {
        var i = offset;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[i++] = (byte)value;
        return i - offset;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>One prepared ledger transfer for <see cref="SqliteRawWriter"/>: the <c>records</c> row and its three slots.</summary>
internal sealed record RawRow(
    long Position, long StreamId, long Version, byte[] Links, string Scope, byte[] ItemId, string Type, int SchemaVersion, byte[] Data,
    long DebitStreamId, long DebitVersion, long CreditStreamId, long CreditVersion);

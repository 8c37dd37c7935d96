using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Volunteering.Domain.Json;
using Volunteering.Domain.Storage;
using Volunteering.Storage.PostgreSql;

namespace Volunteering.Benchmarks;

/// <summary>
/// The raw baseline of the PostgreSQL append benchmarks: the rows <c>PostgreSqlRecordStore</c> writes for a batch —
/// one <c>records</c> row and one <c>stream_slots</c> row per slot (journal, debit account, credit account), into the
/// same tables with the same indexes — inserted with plain Npgsql, one transaction per batch: <c>BEGIN</c>, a
/// multi-row insert (<c>unnest</c> of arrays) into each table, <c>COMMIT</c>, in one round trip. Positions come from a
/// shared counter and stream ids are resolved beforehand; no lock, no version or key checks, no head read, and
/// payloads serialized in setup. Each writer has a connection of its own.
/// </summary>
internal sealed class PostgreSqlRawWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly Dictionary<string, long> _streamIds = new(StringComparer.Ordinal);
    private readonly string _insertRecords;
    private readonly string _insertSlots;
    private long _position;

    private PostgreSqlRawWriter(NpgsqlDataSource dataSource, string schema, long head)
    {
        _dataSource = dataSource;
        _position = head;
        _insertRecords = $"""
            INSERT INTO "{schema}".records (position, stream_id, version, links, item_scope, item_id, type_name, schema_version, data)
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bytea[], $5::text[], $6::uuid[], $7::text[], $8::integer[], $9::bytea[])
            """;
        _insertSlots = $"INSERT INTO \"{schema}\".stream_slots (stream_id, version, position) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])";
    }

    /// <summary>Opens the baseline on a schema whose streams the store already created (in setup).</summary>
    public static async Task<PostgreSqlRawWriter> OpenAsync(string schema)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgreSqlLedgerWorkload.ConnectionString) { MaxAutoPrepare = 32, AutoPrepareMinUsages = 2 };
        var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var head = new NpgsqlCommand($"SELECT coalesce(max(position), 0) FROM \"{schema}\".records", connection);
        var writer = new PostgreSqlRawWriter(dataSource, schema, (long)(await head.ExecuteScalarAsync())!);
        await using var names = new NpgsqlCommand($"SELECT id, name FROM \"{schema}\".streams", connection);
        await using var reader = await names.ExecuteReaderAsync();
        while (await reader.ReadAsync()) writer._streamIds.Add(reader.GetString(1), reader.GetInt64(0));
        return writer;
    }

    /// <summary>Turns a writer's batches into the arrays of one insert each (serialized, ids resolved, positions taken).</summary>
    public RawBatch[] Prepare(IEnumerable<NewRecord[]> batches) => [.. batches.Select(PrepareBatch)];

    /// <summary>Inserts a prepared batch in one transaction, one round trip (the measured part).</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, RawBatch batch, PostgreSqlRawWriter writer)
    {
        await using var command = new NpgsqlBatch(connection);
        command.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        var records = new NpgsqlBatchCommand(writer._insertRecords);
        records.Parameters.Add(Array(batch.Positions, NpgsqlDbType.Bigint));
        records.Parameters.Add(Array(batch.StreamIds, NpgsqlDbType.Bigint));
        records.Parameters.Add(Array(batch.Versions, NpgsqlDbType.Bigint));
        records.Parameters.Add(Array(batch.Links, NpgsqlDbType.Bytea));
        records.Parameters.Add(Array(batch.Scopes, NpgsqlDbType.Text));
        records.Parameters.Add(Array(batch.ItemIds, NpgsqlDbType.Uuid));
        records.Parameters.Add(Array(batch.Types, NpgsqlDbType.Text));
        records.Parameters.Add(Array(batch.SchemaVersions, NpgsqlDbType.Integer));
        records.Parameters.Add(Array(batch.Data, NpgsqlDbType.Bytea));
        command.BatchCommands.Add(records);
        var slots = new NpgsqlBatchCommand(writer._insertSlots);
        slots.Parameters.Add(Array(batch.SlotStreams, NpgsqlDbType.Bigint));
        slots.Parameters.Add(Array(batch.SlotVersions, NpgsqlDbType.Bigint));
        slots.Parameters.Add(Array(batch.SlotPositions, NpgsqlDbType.Bigint));
        command.BatchCommands.Add(slots);
        command.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection for one writer.</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => _dataSource.OpenConnectionAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private RawBatch PrepareBatch(NewRecord[] records)
    {
        var batch = new RawBatch(records.Length);
        foreach (var record in records)
        {
            var position = Interlocked.Increment(ref _position);
            var payload = JsonRecordSerializer.Default.Serialize(record.Payload);
            var own = _streamIds[record.Stream.Value];
            var linkIds = record.Links.Select(l => _streamIds[l.Stream.Value]).ToArray();
            var links = new byte[record.Links.Count * 20];
            var length = 0;
            for (var i = 0; i < linkIds.Length; i++)
            {
                length += WriteVarint((ulong)linkIds[i], links, length);
                length += WriteVarint((ulong)record.Links[i].Version, links, length);
            }

            batch.Positions.Add(position);
            batch.StreamIds.Add(own);
            batch.Versions.Add(record.Version);
            batch.Links.Add(length == 0 ? null : links[..length]);
            batch.Scopes.Add(record.Item.IsNone ? null : record.Item.Scope);
            batch.ItemIds.Add(record.Item.IsNone ? null : record.Item.Id);
            batch.Types.Add(payload.TypeName);
            batch.SchemaVersions.Add(payload.SchemaVersion);
            batch.Data.Add(payload.Data.ToArray());
            batch.AddSlot(own, record.Version, position);
            for (var i = 0; i < linkIds.Length; i++) batch.AddSlot(linkIds[i], record.Links[i].Version, position);
        }

        return batch;
    }

    private static NpgsqlParameter Array<T>(List<T> values, NpgsqlDbType type) => new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };

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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"raw writer at position {Interlocked.Read(ref _position)}");
}

/// <summary>One prepared batch of <see cref="PostgreSqlRawWriter"/>: the columns of its rows.</summary>
internal sealed class RawBatch(int capacity)
{
    public List<long> Positions { get; } = new(capacity);

    public List<long> StreamIds { get; } = new(capacity);

    public List<long> Versions { get; } = new(capacity);

    public List<byte[]?> Links { get; } = new(capacity);

    public List<string?> Scopes { get; } = new(capacity);

    public List<Guid?> ItemIds { get; } = new(capacity);

    public List<string> Types { get; } = new(capacity);

    public List<int> SchemaVersions { get; } = new(capacity);

    public List<byte[]> Data { get; } = new(capacity);

    public List<long> SlotStreams { get; } = new(capacity * 3);

    public List<long> SlotVersions { get; } = new(capacity * 3);

    public List<long> SlotPositions { get; } = new(capacity * 3);

    public void AddSlot(long stream, long version, long position)
    {
        SlotStreams.Add(stream);
        SlotVersions.Add(version);
        SlotPositions.Add(position);
    }
}

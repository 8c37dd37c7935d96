using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Json;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The store creates, migrates and guards its own schema.</summary>
public sealed class SchemaTests
{
    /// <summary>Version 1 as it was released: files in the field hold exactly this. Kept here, apart from the code, so
    /// that an edit to a released step fails <see cref="Released_migration_steps_are_never_edited"/>.</summary>
    private const string ReleasedVersion1 = """
        CREATE TABLE streams (
            id   INTEGER PRIMARY KEY,
            name TEXT    NOT NULL UNIQUE
        );
        CREATE TABLE records (
            position       INTEGER PRIMARY KEY,
            stream_id      INTEGER NOT NULL,
            version        INTEGER NOT NULL,
            links          BLOB    NULL,
            item_scope     TEXT    NULL,
            item_id        BLOB    NULL,
            type           TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            data           BLOB    NOT NULL
        );
        CREATE TABLE stream_slots (
            stream_id INTEGER NOT NULL,
            version   INTEGER NOT NULL,
            position  INTEGER NOT NULL,
            PRIMARY KEY (stream_id, version)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX records_item ON records (item_scope, item_id) WHERE item_scope IS NOT NULL;
        """;

    private const string ReleasedVersion2 = """
        CREATE TABLE snapshots (
            stream         TEXT    NOT NULL PRIMARY KEY,
            version        INTEGER NOT NULL,
            type           TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            data           BLOB    NOT NULL
        );
        """;

    private const string ReleasedVersion3 = """
        CREATE TABLE personal_data (
            subject_id     BLOB    NOT NULL PRIMARY KEY,
            type           TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            data           BLOB    NOT NULL,
            updated_at     TEXT    NOT NULL
        ) WITHOUT ROWID;
        """;

    private const string ReleasedVersionTable = """
        CREATE TABLE schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        );
        """;

    [Fact]
    public void Released_migration_steps_are_never_edited()
    {
        string[] released = [ReleasedVersion1, ReleasedVersion2, ReleasedVersion3];
        Assert.True(SqliteSchema.Migrations.Count >= released.Length);
        for (var i = 0; i < SqliteSchema.Migrations.Count; i++) Assert.Equal(i + 1, SqliteSchema.Migrations[i].Version);
        for (var i = 0; i < released.Length; i++) Assert.Equal(released[i], SqliteSchema.Migrations[i].Sql);
        Assert.Equal(SqliteSchema.Migrations[^1].Version, SqliteRecordStore.SchemaVersion);
    }

    [Fact]
    public async Task A_new_file_gets_every_table_at_the_current_schema_version_in_WAL_mode()
    {
        using var folder = new TempFolder();
        var file = folder.File("new.db");
        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            Assert.Equal(Path.GetFullPath(file), store.FilePath);
            Assert.Equal("wal", store.ReadWriterPragma("journal_mode"));
            Assert.True(File.Exists(file + "-wal"), "An open store in WAL mode keeps a -wal file beside the database.");
        }

        using var connection = OpenRaw(file);
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(8192L, Scalar(connection, "PRAGMA page_size"));
        Assert.Equal([1L, 2L, 3L], Column(connection, "SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(
            ["personal_data", "records", "records_item", "schema_version", "snapshots", "stream_slots", "streams"],
            Column(connection, "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").Cast<string>());
        Assert.Contains("WITHOUT ROWID", (string)Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'stream_slots'")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqliteSynchronousMode.Full, 2L)]
    [InlineData(SqliteSynchronousMode.Normal, 1L)]
    public async Task The_synchronous_mode_is_the_one_asked_for_and_Full_by_default(SqliteSynchronousMode mode, long pragma)
    {
        using var folder = new TempFolder();
        Assert.Equal(SqliteSynchronousMode.Full, new SqliteStoreOptions("x.db").Synchronous);
        await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(folder.File("sync.db"), mode));
        Assert.Equal(pragma, store.ReadWriterPragma("synchronous"));
    }

    [Fact]
    public async Task A_version_1_file_is_migrated_when_opened_and_keeps_its_records()
    {
        using var folder = new TempFolder();
        var file = folder.File("v1.db");
        var (ledger, issuer, members) = TestLedger.Build(members: 2, transfers: 3);
        var records = LedgerStreams.ToRecords(ledger.Journal);
        WriteVersion1File(file, records);

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            // Version 2 is there: its snapshots table works.
            var snapshot = new RecordSnapshot(LedgerStreams.Account(members[0]), 2, ledger.Journal[^1]);
            await store.SaveSnapshotAsync(snapshot);
            var loaded = await store.LoadSnapshotAsync(snapshot.Stream);
            Assert.Equal(snapshot, loaded);

            // Everything version 1 held reads back as written.
            var stored = await TestLedger.ReadAllAsync(store);
            Assert.Equal(records.Length, stored.Count);
            for (var i = 0; i < records.Length; i++) TestLedger.AssertSame(new StoredRecord(i + 1, records[i]), stored[i]);
            Assert.Equal(60 + 62, (await store.GetBalanceAsync(members[0]))!.Value.Posted);
            Assert.Equal(ledger.Journal[^1], await store.FindTransferAsync(ledger.Journal[^1].TransferId));
            Assert.True((await LedgerAudit.VerifyAsync(store)).IsClean);

            // And the ledger carries on where the version 1 file left off.
            var persistent = await PersistentLedger.OpenAsync(store, TestLedger.Clock());
            Assert.Equal(TransferResult.Ok, await persistent.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), issuer, members[1], 5, 3))));
            Assert.Equal(records.Length + 1, await store.GetPositionAsync());
        }

        using var connection = OpenRaw(file);
        Assert.Equal([1L, 2L, 3L], Column(connection, "SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_file_of_a_newer_schema_version_is_refused_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        var file = folder.File("future.db");
        using (var connection = OpenRaw(file))
        {
            Execute(connection, ReleasedVersionTable);
            Execute(connection, "INSERT INTO schema_version VALUES (1, 'one', '2026-01-01'), (2, 'two', '2026-02-01'), (3, 'three', '2026-04-01'), (4, 'from a newer release', '2027-01-01')");
            Execute(connection, "CREATE TABLE from_the_future (x INTEGER)");
        }

        var before = SHA256.HashData(File.ReadAllBytes(file));
        var refusal = await Assert.ThrowsAsync<SqliteSchemaTooNewException>(() => SqliteRecordStore.OpenAsync(TestLedger.Options(file)).AsTask());
        Assert.Equal(4, refusal.FileVersion);
        Assert.Equal(SqliteRecordStore.SchemaVersion, refusal.SupportedVersion);
        Assert.Equal(Path.GetFullPath(file), refusal.FilePath);
        Assert.Contains("schema version 4", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(file)));
        using (var connection = OpenRaw(file))
        {
            Assert.Equal("delete", Scalar(connection, "PRAGMA journal_mode"));
        }
    }

    [Fact]
    public async Task A_vault_refuses_a_file_of_a_newer_schema_version_too()
    {
        using var folder = new TempFolder();
        var file = folder.File("future-vault.db");
        using (var connection = OpenRaw(file))
        {
            Execute(connection, ReleasedVersionTable);
            Execute(connection, "INSERT INTO schema_version VALUES (4, 'from a newer release', '2027-01-01')");
        }

        var refusal = await Assert.ThrowsAsync<SqliteSchemaTooNewException>(() => SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)).AsTask());
        Assert.Equal(4, refusal.FileVersion);
    }

    [Fact]
    public async Task A_version_2_file_is_migrated_to_version_3_and_keeps_its_records_and_snapshots()
    {
        using var folder = new TempFolder();
        var file = folder.File("v2.db");
        var (ledger, _, members) = TestLedger.Build(members: 2, transfers: 4);
        var records = LedgerStreams.ToRecords(ledger.Journal);
        WriteVersion1File(file, records);
        var snapshot = new RecordSnapshot(LedgerStreams.Account(members[0]), 2, ledger.Journal[^1]);
        var state = JsonRecordSerializer.Default.Serialize(snapshot.State);
        using (var connection = OpenRaw(file))
        {
            Execute(connection, "BEGIN");
            Execute(connection, ReleasedVersion2);
            Execute(connection, "INSERT INTO schema_version VALUES (2, 'snapshots', '2026-03-15T00:00:00Z')");
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO snapshots VALUES ($stream, $version, $type, $schemaVersion, $data)";
                insert.Parameters.AddWithValue("$stream", snapshot.Stream.Value);
                insert.Parameters.AddWithValue("$version", snapshot.Version);
                insert.Parameters.AddWithValue("$type", state.TypeName);
                insert.Parameters.AddWithValue("$schemaVersion", state.SchemaVersion);
                insert.Parameters.AddWithValue("$data", state.Data.ToArray());
                insert.ExecuteNonQuery();
            }

            Execute(connection, "COMMIT");
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'personal_data'"));
        }

        var wang = VolunteerId.New();
        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)))
        {
            await vault.PutAsync(wang, Testing.PersonalDataSamples.Wang());
        }

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            var stored = await TestLedger.ReadAllAsync(store);
            Assert.Equal(records.Length, stored.Count);
            for (var i = 0; i < records.Length; i++) TestLedger.AssertSame(new StoredRecord(i + 1, records[i]), stored[i]);
            Assert.Equal(snapshot, await store.LoadSnapshotAsync(snapshot.Stream));
            Assert.True((await LedgerAudit.VerifyAsync(store)).IsClean);
        }

        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)))
        {
            Assert.Equal(Testing.PersonalDataSamples.Wang(), await vault.GetAsync(wang));
        }

        using (var connection = OpenRaw(file))
        {
            Assert.Equal([1L, 2L, 3L], Column(connection, "SELECT version FROM schema_version ORDER BY version"));
            Assert.Equal("personal_data (the personal-data vault)", Scalar(connection, "SELECT description FROM schema_version WHERE version = 3"));
            Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM personal_data"));
        }
    }

    [Fact]
    public async Task Reopening_a_file_gives_back_every_record_key_and_snapshot()
    {
        using var folder = new TempFolder();
        var file = folder.File("reopen.db");
        var (ledger, _, members) = TestLedger.Build(members: 3, transfers: 20);
        var records = LedgerStreams.ToRecords(ledger.Journal);
        var snapshot = new RecordSnapshot(LedgerStreams.Account(members[1]), 3, ledger.Journal[10]);
        List<StoredRecord> written;
        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            Assert.True((await store.AppendAsync(records[..10])).IsAppended);
            Assert.True((await store.AppendAsync(records[10..])).IsAppended);
            await store.SaveSnapshotAsync(snapshot);
            written = await TestLedger.ReadAllAsync(store);
        }

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            var read = await TestLedger.ReadAllAsync(store);
            Assert.Equal(written.Count, read.Count);
            for (var i = 0; i < read.Count; i++) TestLedger.AssertSame(written[i], read[i]);
            Assert.Equal(records.Length, await store.GetPositionAsync());
            Assert.Equal(records.Length, await store.GetStreamVersionAsync(LedgerStreams.Journal));
            Assert.Equal(snapshot, await store.LoadSnapshotAsync(snapshot.Stream));
            foreach (var entry in ledger.Journal)
            {
                var item = LedgerStreams.ItemOf(entry);
                Assert.Equal(entry.Position, (await store.FindItemAsync(item))!.Position);
            }

            var reloaded = await PersistentLedger.OpenAsync(store, TestLedger.Clock());
            Assert.Equal(ledger.Journal, reloaded.Ledger.Journal);
            Assert.Empty(reloaded.Ledger.VerifyInvariants());
        }
    }

    [Fact]
    public async Task Stores_opening_a_new_file_at_the_same_time_migrate_it_once()
    {
        using var folder = new TempFolder();
        var file = folder.File("race.db");
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))));
        foreach (var store in stores) await store.DisposeAsync();
        using var connection = OpenRaw(file);
        Assert.Equal([1L, 2L, 3L], Column(connection, "SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task Opening_checks_its_options_and_the_folder()
    {
        using var folder = new TempFolder();
        Assert.Throws<ArgumentException>(() => new SqliteStoreOptions(" "));
        await Assert.ThrowsAsync<ArgumentNullException>(() => SqliteRecordStore.OpenAsync(null!).AsTask());
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => SqliteRecordStore.OpenAsync(TestLedger.Options(folder.File("missing/x.db"))).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SqliteRecordStore.OpenAsync(new SqliteStoreOptions(folder.File("x.db")) { BusyTimeout = TimeSpan.Zero }).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => SqliteRecordStore.OpenAsync(new SqliteStoreOptions(folder.File("x.db")) { Serializer = null! }).AsTask());
        Assert.Same(JsonRecordSerializer.Default, new SqliteStoreOptions("x.db").Serializer);
        Assert.False(File.Exists(folder.File("x.db")));
    }

    /// <summary>Writes a file as version 1 of the store wrote it, from the released SQL and the documented row format
    /// (streams numbered in order of first use, links as varint pairs, item ids as big-endian bytes).</summary>
    private static void WriteVersion1File(string file, NewRecord[] records)
    {
        using var connection = OpenRaw(file);
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, "BEGIN");
        Execute(connection, ReleasedVersionTable);
        Execute(connection, ReleasedVersion1);
        Execute(connection, "INSERT INTO schema_version VALUES (1, 'streams, records, stream_slots and the unique index on item keys', '2026-03-01T00:00:00Z')");
        var ids = new Dictionary<StreamName, long>();
        long IdOf(StreamName stream)
        {
            if (ids.TryGetValue(stream, out var id)) return id;
            ids.Add(stream, id = ids.Count + 1);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO streams (id, name) VALUES ($id, $name)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$name", stream.Value);
            insert.ExecuteNonQuery();
            return id;
        }

        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var position = i + 1L;
            var payload = JsonRecordSerializer.Default.Serialize(record.Payload);
            var links = new List<byte>();
            foreach (var link in record.Links)
            {
                Varint(links, IdOf(link.Stream));
                Varint(links, link.Version);
            }

            var itemId = new byte[16];
            record.Item.Id.TryWriteBytes(itemId, bigEndian: true, out _);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO records VALUES ($position, $stream, $version, $links, $scope, $id, $type, $schemaVersion, $data)";
            insert.Parameters.AddWithValue("$position", position);
            insert.Parameters.AddWithValue("$stream", IdOf(record.Stream));
            insert.Parameters.AddWithValue("$version", record.Version);
            insert.Parameters.AddWithValue("$links", links.Count == 0 ? DBNull.Value : links.ToArray());
            insert.Parameters.AddWithValue("$scope", record.Item.IsNone ? DBNull.Value : record.Item.Scope);
            insert.Parameters.AddWithValue("$id", record.Item.IsNone ? DBNull.Value : itemId);
            insert.Parameters.AddWithValue("$type", payload.TypeName);
            insert.Parameters.AddWithValue("$schemaVersion", payload.SchemaVersion);
            insert.Parameters.AddWithValue("$data", payload.Data.ToArray());
            insert.ExecuteNonQuery();
            foreach (var slot in record.Slots())
            {
                using var slotInsert = connection.CreateCommand();
                slotInsert.CommandText = "INSERT INTO stream_slots VALUES ($stream, $version, $position)";
                slotInsert.Parameters.AddWithValue("$stream", IdOf(slot.Stream));
                slotInsert.Parameters.AddWithValue("$version", slot.Version);
                slotInsert.Parameters.AddWithValue("$position", position);
                slotInsert.ExecuteNonQuery();
            }
        }

        Execute(connection, "COMMIT");
    }

    private static void Varint(List<byte> bytes, long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }

        bytes.Add((byte)v);
    }

    internal static SqliteConnection OpenRaw(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal static List<object> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read()) values.Add(reader.GetValue(0));
        return values;
    }
}

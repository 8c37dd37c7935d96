using NodaTime;
using Npgsql;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>The store creates, migrates and guards its own schema; stores in different schemas of one database are
/// independent.</summary>
public sealed class SchemaTests : IAsyncLifetime
{
    /// <summary>Version 1 as released: databases in the field hold exactly this. Kept apart from the code, so an edit to
    /// a released step fails <see cref="Released_migration_steps_are_never_edited"/>.</summary>
    private const string ReleasedVersion1 = """
        CREATE TABLE {schema}.streams (
            id   bigint       NOT NULL PRIMARY KEY,
            name varchar(128) COLLATE "C" NOT NULL UNIQUE
        );
        CREATE TABLE {schema}.records (
            position       bigint      NOT NULL PRIMARY KEY,
            stream_id      bigint      NOT NULL,
            version        bigint      NOT NULL,
            links          bytea       NULL,
            item_scope     varchar(32) COLLATE "C" NULL,
            item_id        uuid        NULL,
            type_name      text        NOT NULL,
            schema_version integer     NOT NULL,
            data           bytea       NOT NULL,
            CHECK ((item_scope IS NULL) = (item_id IS NULL))
        );
        CREATE UNIQUE INDEX records_item ON {schema}.records (item_scope, item_id) WHERE item_scope IS NOT NULL;
        CREATE TABLE {schema}.stream_slots (
            stream_id bigint NOT NULL,
            version   bigint NOT NULL,
            position  bigint NOT NULL,
            PRIMARY KEY (stream_id, version)
        );
        CREATE TABLE {schema}.snapshots (
            stream         varchar(128) COLLATE "C" NOT NULL PRIMARY KEY,
            version        bigint       NOT NULL,
            type_name      text         NOT NULL,
            schema_version integer      NOT NULL,
            data           bytea        NOT NULL
        );
        """;

    private const string ReleasedVersion2 = """
        CREATE TABLE {schema}.personal_data (
            subject_id     uuid        NOT NULL PRIMARY KEY,
            type_name      text        NOT NULL,
            schema_version integer     NOT NULL,
            data           bytea       NOT NULL,
            updated_at     timestamptz NOT NULL
        );
        """;

    private readonly List<string> _schemas = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgreSqlServer.DropSchemasAsync(_schemas);

    [Fact]
    public void Released_migration_steps_are_never_edited()
    {
        string[] released = [ReleasedVersion1, ReleasedVersion2];
        Assert.True(PostgreSqlSchema.Migrations.Count >= released.Length);
        for (var i = 0; i < PostgreSqlSchema.Migrations.Count; i++) Assert.Equal(i + 1, PostgreSqlSchema.Migrations[i].Version);
        for (var i = 0; i < released.Length; i++) Assert.Equal(released[i], PostgreSqlSchema.Migrations[i].Sql);
        Assert.Equal(PostgreSqlSchema.Migrations[^1].Version, PostgreSqlRecordStore.SchemaVersion);
    }

    [Fact]
    public async Task A_new_schema_gets_every_table_at_the_current_version_dated_as_timestamptz()
    {
        var schema = NewSchema();
        var before = SystemClock.Instance.GetCurrentInstant();
        await using (var store = await PostgreSqlRecordStore.OpenAsync(Options(schema)))
        {
            Assert.Equal(schema, store.Schema);
        }

        Assert.Equal(
            ["personal_data", "records", "schema_version", "snapshots", "stream_slots", "streams"],
            (await PostgreSqlServer.ColumnAsync("SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1", schema)).Cast<string>());
        Assert.Single(await PostgreSqlServer.ColumnAsync("SELECT indexname::text FROM pg_indexes WHERE schemaname = $1 AND indexname = 'records_item'", schema));
        Assert.Equal([1, 2], (await PostgreSqlServer.ColumnAsync($"SELECT version FROM \"{schema}\".schema_version ORDER BY version")).Cast<int>());

        await using var dataSource = PostgreSqlServer.CreateDataSource();
        await using var command = dataSource.CreateCommand($"SELECT applied_at FROM \"{schema}\".schema_version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Equal("timestamp with time zone", reader.GetDataTypeName(0));
            var applied = reader.GetFieldValue<Instant>(0);
            Assert.InRange(applied, before - Duration.FromSeconds(1), SystemClock.Instance.GetCurrentInstant());
        }
    }

    [Fact]
    public async Task A_schema_of_a_newer_version_is_refused_and_left_as_it_was()
    {
        var schema = NewSchema();
        await PostgreSqlServer.ExecuteAsync($"CREATE SCHEMA \"{schema}\"");
        await PostgreSqlServer.ExecuteAsync($"CREATE TABLE \"{schema}\".schema_version (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL)");
        await PostgreSqlServer.ExecuteAsync($"INSERT INTO \"{schema}\".schema_version VALUES (1, 'one', now()), (2, 'two', now()), (3, 'from a newer release', now())");
        await PostgreSqlServer.ExecuteAsync($"CREATE TABLE \"{schema}\".from_the_future (x integer)");

        var refusal = await Assert.ThrowsAsync<PostgreSqlSchemaTooNewException>(() => PostgreSqlRecordStore.OpenAsync(Options(schema)).AsTask());
        Assert.Equal(3, refusal.DatabaseVersion);
        Assert.Equal(PostgreSqlRecordStore.SchemaVersion, refusal.SupportedVersion);
        Assert.Equal(schema, refusal.Schema);
        Assert.Contains("schema version 3", refusal.Message, StringComparison.Ordinal);
        var vaultRefusal = await Assert.ThrowsAsync<PostgreSqlSchemaTooNewException>(() => PostgreSqlPersonalDataVault.OpenAsync(Options(schema)).AsTask());
        Assert.Equal(3, vaultRefusal.DatabaseVersion);

        Assert.Equal(
            ["from_the_future", "schema_version"],
            (await PostgreSqlServer.ColumnAsync("SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1", schema)).Cast<string>());
        Assert.Equal([1, 2, 3], (await PostgreSqlServer.ColumnAsync($"SELECT version FROM \"{schema}\".schema_version ORDER BY version")).Cast<int>());
    }

    [Fact]
    public async Task A_version_1_schema_is_migrated_to_version_2_and_keeps_its_records_and_snapshots()
    {
        var schema = NewSchema();
        var (ledger, issuer, members) = BuildLedger(transfers: 12);
        var records = LedgerStreams.ToRecords(ledger.Journal);
        var snapshot = new RecordSnapshot(LedgerStreams.Account(members[0]), 2, ledger.Journal[^1]);
        await using (var dataSource = PostgreSqlServer.CreateDataSource())
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            Assert.Equal(0, await PostgreSqlSchema.MigrateAsync(connection, new SchemaNames(schema), SystemClock.Instance, targetVersion: 1, CancellationToken.None));
        }

        Assert.Equal([1], (await PostgreSqlServer.ColumnAsync($"SELECT version FROM \"{schema}\".schema_version")).Cast<int>());
        Assert.Empty(await PostgreSqlServer.ColumnAsync("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'personal_data'", schema));

        // Fill the version 1 tables through the store's own writer, without letting the store migrate first.
        await using (var dataSource = PostgreSqlServer.CreateDataSource())
        {
            var database = await OpenVersion1Async(dataSource, schema);
            var writer = new AppendWriter(database, new StreamIdCache());
            var plan = RecordBatch.Plan(records);
            var payloads = records.Select(r => database.Serializer.Serialize(r.Payload)).ToArray();
            Assert.True((await writer.EnqueueAsync(new PendingAppend(records, plan, payloads, CancellationToken.None))).IsAppended);
            await writer.CloseAsync();
        }

        var wang = VolunteerId.New();
        await using (var vault = await PostgreSqlPersonalDataVault.OpenAsync(Options(schema)))
        {
            await vault.PutAsync(wang, PersonalDataSamples.Wang());
            Assert.Equal(PersonalDataSamples.Wang(), await vault.GetAsync(wang));
        }

        await using (var store = await PostgreSqlRecordStore.OpenAsync(Options(schema)))
        {
            Assert.Equal(records.Length, await store.GetPositionAsync());
            var stored = new List<StoredRecord>();
            await foreach (var record in store.ReadAllAsync()) stored.Add(record);
            Assert.Equal(records.Length, stored.Count);
            for (var i = 0; i < records.Length; i++)
            {
                Assert.Equal(i + 1, stored[i].Position);
                Assert.Equal(records[i].Payload, stored[i].Payload);
                Assert.Equal(records[i].Links, stored[i].Record.Links);
            }

            await store.SaveSnapshotAsync(snapshot);
            Assert.Equal(snapshot, await store.LoadSnapshotAsync(snapshot.Stream));
            Assert.True((await LedgerAudit.VerifyAsync(store)).IsClean);
            var persistent = await PersistentLedger.OpenAsync(store, SystemClock.Instance);
            Assert.Equal(TransferResult.Ok, await persistent.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), issuer, members[1], 5, 3))));
        }

        Assert.Equal([1, 2], (await PostgreSqlServer.ColumnAsync($"SELECT version FROM \"{schema}\".schema_version ORDER BY version")).Cast<int>());
        Assert.Equal(
            "personal_data (the personal-data vault)",
            Assert.Single(await PostgreSqlServer.ColumnAsync($"SELECT description FROM \"{schema}\".schema_version WHERE version = 2")));
    }

    [Fact]
    public async Task Stores_and_vaults_opening_a_new_schema_at_the_same_time_migrate_it_once()
    {
        var schema = NewSchema();
        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run<IAsyncDisposable>(async () => i % 2 == 0
            ? await PostgreSqlRecordStore.OpenAsync(Options(schema))
            : await PostgreSqlPersonalDataVault.OpenAsync(Options(schema)))));
        foreach (var instance in opened) await instance.DisposeAsync();
        Assert.Equal([1, 2], (await PostgreSqlServer.ColumnAsync($"SELECT version FROM \"{schema}\".schema_version ORDER BY version")).Cast<int>());
    }

    [Fact]
    public async Task Stores_in_different_schemas_of_one_database_are_independent()
    {
        var first = NewSchema();
        var second = NewSchema();
        await using var a = await PostgreSqlRecordStore.OpenAsync(Options(first));
        await using var b = await PostgreSqlRecordStore.OpenAsync(Options(second));
        var stream = new StreamName("district-7");
        var key = new ItemKey("transfer", Guid.NewGuid());
        NewRecord[] batch = [new(stream, 1, ConformancePayloads.Entry(1), key), new(stream, 2, ConformancePayloads.Entry(2))];

        Assert.Equal(AppendResult.Appended(2), await a.AppendAsync(batch));
        Assert.Equal(AppendResult.Appended(2), await b.AppendAsync(batch));
        Assert.Equal(AppendResult.VersionConflict(stream, 0, 2), await a.AppendAsync(batch));
        NewRecord[] more = [new(stream, 3, ConformancePayloads.Entry(3))];
        Assert.Equal(AppendResult.Appended(3), await a.AppendAsync(more));
        Assert.Equal(2, await b.GetPositionAsync());
        Assert.Equal(3, await a.GetStreamVersionAsync(stream));
        Assert.Equal(2, await b.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task A_data_source_without_NodaTime_is_refused_with_a_message_saying_what_to_do()
    {
        var schema = NewSchema();
        await using var plain = NpgsqlDataSource.Create(PostgreSqlServer.RequireConnectionString());
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(plain) { Schema = schema }).AsTask());
        Assert.Contains("UseNodaTime()", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(await PostgreSqlServer.ColumnAsync("SELECT 1 FROM pg_namespace WHERE nspname = $1", schema));

        // The application's data source is the application's: the store leaves it open.
        await using var withNodaTime = PostgreSqlServer.CreateDataSource();
        await (await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(withNodaTime) { Schema = schema })).DisposeAsync();
        await using var command = withNodaTime.CreateCommand("SELECT 1");
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_store_opens_and_reads_on_a_read_only_session_once_the_schema_is_current_and_refuses_appends_there()
    {
        var schema = NewSchema();
        var stream = new StreamName("statement");
        await using (var primary = await PostgreSqlRecordStore.OpenAsync(Options(schema)))
        {
            Assert.True((await primary.AppendAsync([new NewRecord(stream, 1, ConformancePayloads.Entry(1))])).IsAppended);
        }

        // A hot standby refuses every write as a session with default_transaction_read_only does.
        var readOnly = new NpgsqlConnectionStringBuilder(PostgreSqlServer.RequireConnectionString()) { Options = "-c default_transaction_read_only=on" };
        await using var replica = await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(readOnly.ConnectionString) { Schema = schema });
        Assert.Equal(1, await replica.GetStreamVersionAsync(stream));
        var all = new List<StoredRecord>();
        await foreach (var record in replica.ReadAllAsync()) all.Add(record);
        Assert.Equal(ConformancePayloads.Entry(1), Assert.Single(all).Payload);
        var refusal = await Assert.ThrowsAsync<PostgresException>(async () => await replica.AppendAsync([new NewRecord(stream, 2, ConformancePayloads.Entry(2))]));
        Assert.Equal("25006", refusal.SqlState); // read_only_sql_transaction

        // A read-only session cannot create a schema: the open fails rather than pretend.
        await Assert.ThrowsAsync<PostgresException>(() => PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(readOnly.ConnectionString) { Schema = NewSchema() }).AsTask());
    }

    internal static (DoubleEntryLedger Ledger, AccountId Issuer, AccountId[] Members) BuildLedger(int transfers)
    {
        var ledger = new DoubleEntryLedger(SystemClock.Instance);
        var issuer = AccountId.New();
        var members = new[] { AccountId.New(), AccountId.New(), AccountId.New() };
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(issuer, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        foreach (var m in members) Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(m, Asset.TimeCredit, m.Value, 2)));
        for (var i = 0; i < transfers; i++)
        {
            Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Post(TransferId.New(), issuer, members[i % members.Length], 10 + i, 3)));
        }

        return (ledger, issuer, members);
    }

    private static async Task<PostgreSqlDatabase> OpenVersion1Async(NpgsqlDataSource dataSource, string schema)
    {
        // PostgreSqlDatabase.OpenAsync would migrate to the current version; build one over the version 1 tables instead.
        var options = new PostgreSqlStoreOptions(dataSource) { Schema = schema };
        return await PostgreSqlDatabase.OpenAtVersionAsync(options, targetVersion: 1);
    }

    private static PostgreSqlStoreOptions Options(string schema) => new(PostgreSqlServer.RequireConnectionString()) { Schema = schema };

    private string NewSchema()
    {
        var schema = PostgreSqlServer.NewSchema("schema");
        _schemas.Add(schema);
        return schema;
    }
}

using System.Collections.Concurrent;
using Npgsql;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>The conformance kit's fixture for the PostgreSQL store, set up as an integrator would: one data source (with
/// the NodaTime plugin) for the test class, and every store in a new schema of its own with the default options, so
/// every test starts empty and no two tests share data; reopening disposes the store and opens a new instance on the
/// same schema. The schemas are dropped with the fixture.</summary>
public sealed class PostgreSqlStoreFixture : RecordStoreFixture
{
    private readonly ConcurrentBag<string> _schemas = [];
    private NpgsqlDataSource? _dataSource;

    private NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The fixture was not initialized.");

    public override Task InitializeAsync()
    {
        if (PostgreSqlServer.SkipReason is null) _dataSource = PostgreSqlServer.CreateDataSource();
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_dataSource is null) return;
        await PostgreSqlServer.DropSchemasAsync(_schemas);
        await _dataSource.DisposeAsync();
    }

    protected override async Task<IRecordStore> OpenNewStoreAsync()
    {
        var schema = PostgreSqlServer.NewSchema("kit");
        _schemas.Add(schema);
        return await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(DataSource) { Schema = schema });
    }

    protected override async Task<IRecordStore> ReopenStoreAsync(IRecordStore store)
    {
        var postgres = (PostgreSqlRecordStore)store;
        await postgres.DisposeAsync();
        return await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(DataSource) { Schema = postgres.Schema });
    }
}

/// <summary>The vault kit's fixture for <see cref="PostgreSqlPersonalDataVault"/>: every vault in a new schema with the
/// default options, opened from the connection string (so each vault owns its data source); reopening disposes the
/// vault and opens the schema again. The schemas are dropped with the fixture.</summary>
public sealed class PostgreSqlVaultFixture : PersonalDataVaultFixture
{
    private readonly ConcurrentBag<string> _schemas = [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgreSqlServer.ConnectionString is not null) await PostgreSqlServer.DropSchemasAsync(_schemas);
    }

    protected override async Task<IPersonalDataVault> OpenNewVaultAsync()
    {
        var schema = PostgreSqlServer.NewSchema("vault");
        _schemas.Add(schema);
        return await PostgreSqlPersonalDataVault.OpenAsync(new PostgreSqlStoreOptions(PostgreSqlServer.RequireConnectionString()) { Schema = schema });
    }

    protected override async Task<IPersonalDataVault> ReopenVaultAsync(IPersonalDataVault vault)
    {
        var postgres = (PostgreSqlPersonalDataVault)vault;
        await postgres.DisposeAsync();
        return await PostgreSqlPersonalDataVault.OpenAsync(new PostgreSqlStoreOptions(PostgreSqlServer.RequireConnectionString()) { Schema = postgres.Schema });
    }
}

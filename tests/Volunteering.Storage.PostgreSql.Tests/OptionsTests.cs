using Npgsql;
using Volunteering.Domain.Json;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>The options' checks and defaults; no server needed.</summary>
[RunsWithoutServer]
public sealed class OptionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Volunteering")]
    [InlineData("district-7")]
    [InlineData("7district")]
    [InlineData("pg_catalog")]
    [InlineData("\"quoted\"")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void A_schema_name_outside_the_safe_set_is_refused(string schema)
    {
        var refusal = Assert.Throws<ArgumentException>(() => new PostgreSqlStoreOptions("Host=localhost") { Schema = schema });
        Assert.Contains("schema name", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("_private")]
    [InlineData("district_07")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Safe_schema_names_are_taken(string schema)
        => Assert.Equal(schema, new PostgreSqlStoreOptions("Host=localhost") { Schema = schema }.Schema);

    [Fact]
    public void The_defaults_are_the_volunteering_schema_the_standard_serializer_five_retries_and_group_commit()
    {
        var options = new PostgreSqlStoreOptions("Host=localhost");
        Assert.Equal("volunteering", options.Schema);
        Assert.Equal(PostgreSqlStoreOptions.DefaultSchema, options.Schema);
        Assert.Same(JsonRecordSerializer.Default, options.Serializer);
        Assert.Equal(5, options.RetryCount);
        Assert.Equal(10_000, options.MaxRecordsPerTransaction);
        Assert.Equal("Host=localhost", options.ConnectionString);
        Assert.Null(options.DataSource);
    }

    [Fact]
    public async Task Missing_or_out_of_range_settings_are_programmer_errors()
    {
        Assert.Throws<ArgumentException>(() => new PostgreSqlStoreOptions(" "));
        Assert.Throws<ArgumentNullException>(() => new PostgreSqlStoreOptions((string)null!));
        Assert.Throws<ArgumentNullException>(() => new PostgreSqlStoreOptions((NpgsqlDataSource)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgreSqlStoreOptions("Host=localhost") { RetryCount = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PostgreSqlStoreOptions("Host=localhost") { MaxRecordsPerTransaction = 0 });
        Assert.Equal(0, new PostgreSqlStoreOptions("Host=localhost") { RetryCount = 0 }.RetryCount);
        await Assert.ThrowsAsync<ArgumentNullException>(() => PostgreSqlRecordStore.OpenAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => PostgreSqlPersonalDataVault.OpenAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions("Host=localhost") { Serializer = null! }).AsTask());
    }

    [Fact]
    public void Advisory_lock_keys_are_stable_and_differ_between_schemas_and_purposes()
    {
        // Every process and every version of the package must take the same lock for a schema: the keys are pinned.
        var a = new SchemaNames("volunteering");
        Assert.Equal(-5435530051760329187L, a.AppendLockKey);
        Assert.Equal(-760764572616678460L, a.MigrationLockKey);
        Assert.NotEqual(a.AppendLockKey, a.MigrationLockKey);
        Assert.NotEqual(a.AppendLockKey, new SchemaNames("volunteering2").AppendLockKey);
        Assert.Equal("\"volunteering\"", a.Quoted);
        Assert.Equal("SELECT 1 FROM \"volunteering\".records", a.Expand("SELECT 1 FROM {schema}.records"));
    }
}

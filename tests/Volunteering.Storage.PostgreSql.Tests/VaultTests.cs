using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL vault beyond the kit: its rows are dated by its clock as <c>timestamptz</c>, and purging
/// takes erased values out of the table's files.</summary>
public sealed class VaultTests : IAsyncLifetime
{
    private readonly string _schema = PostgreSqlServer.NewSchema("vaultfile");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgreSqlServer.DropSchemasAsync([_schema]);

    [Fact]
    public async Task Each_row_is_dated_by_the_vaults_clock_as_timestamptz()
    {
        var now = Instant.FromUtc(2026, 3, 3, 6, 0, 1) + Duration.FromTicks(1_234_560); // microsecond precision, as timestamptz keeps
        var clock = new FakeClock(now);
        await using var vault = await PostgreSqlPersonalDataVault.OpenAsync(Options(), clock);
        var wang = VolunteerId.New();

        await vault.PutAsync(wang, PersonalDataSamples.Wang());
        Assert.Equal(now, await UpdatedAtAsync(wang));

        clock.Advance(Duration.FromDays(40));
        await vault.PutAsync(wang, PersonalDataSamples.Wang("13911112222"));
        Assert.Equal(now + Duration.FromDays(40), await UpdatedAtAsync(wang));
    }

    [Fact]
    public async Task After_purging_an_erased_value_is_in_no_file_of_the_table_while_kept_values_are()
    {
        await using var vault = await PostgreSqlPersonalDataVault.OpenAsync(Options());
        var erased = VolunteerId.New();
        var kept = VolunteerId.New();
        await vault.PutAsync(erased, PersonalDataSamples.Wang("13987654321"));
        await vault.PutAsync(kept, PersonalDataSamples.Wang("13812345678"));

        Assert.True(await vault.EraseAsync(erased));
        Assert.Null(await vault.GetAsync(erased));

        // A purge keeps a deleted row version that a transaction still running (other tests run beside this one) might
        // see; once every transaction that began before the erasure has ended, a purge removes it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        byte[] file;
        do
        {
            await vault.PurgeErasedAsync();
            await PostgreSqlServer.ExecuteAsync("CHECKPOINT"); // every page of the table is in its files now
            file = await TableFileAsync();
            Assert.True(Contains(file, "13812345678"), "The kept value is not in the table file: the check reads the wrong file.");
        }
        while (Contains(file, "13987654321") && DateTime.UtcNow < deadline && await Pause());

        Assert.False(Contains(file, "13987654321"), "The erased value is still in the table file after purging.");
        Assert.Equal(PersonalDataSamples.Wang("13812345678"), await vault.GetAsync(kept));
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(200);
        return true;
    }

    private async Task<byte[]> TableFileAsync()
    {
        var rows = await PostgreSqlServer.ColumnAsync($"SELECT pg_read_binary_file(pg_relation_filepath('\"{_schema}\".personal_data'))");
        return (byte[])rows[0]!;
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    private async Task<Instant> UpdatedAtAsync(VolunteerId volunteer)
    {
        await using var dataSource = PostgreSqlServer.CreateDataSource();
        await using var command = dataSource.CreateCommand($"SELECT updated_at FROM \"{_schema}\".personal_data WHERE subject_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = volunteer.Value });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("timestamp with time zone", reader.GetDataTypeName(0));
        return reader.GetFieldValue<Instant>(0);
    }

    private PostgreSqlStoreOptions Options() => new(PostgreSqlServer.RequireConnectionString()) { Schema = _schema };
}

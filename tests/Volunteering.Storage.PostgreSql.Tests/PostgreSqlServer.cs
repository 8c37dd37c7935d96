using Npgsql;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: the connection string in <see cref="Variable"/> (an Npgsql connection
/// string of a role that may create schemas and read relation files, e.g. <c>postgres</c>). Every test works in schemas
/// of its own (<see cref="NewSchema"/>) and drops them afterwards, so tests and test runs never share data.
/// </summary>
internal static class PostgreSqlServer
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string Variable = "VOLUNTEERING_PG";

    /// <summary>The connection string, or null when the variable is unset or empty.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>True in CI (the variable <c>CI</c> is set), where the tests must run and never skip.</summary>
    public static bool InContinuousIntegration => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why the tests that need the server are skipped, or null when they run: they are skipped only when there
    /// is no server and this is not CI. In CI without a server they run, and fail with <see cref="RequireConnectionString"/>'s
    /// message.</summary>
    public static string? SkipReason => ConnectionString is null && !InContinuousIntegration
        ? $"No PostgreSQL server: set {Variable} to an Npgsql connection string of a superuser role (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres), " +
          "or run the tests through .ci/with-postgres, which starts a throwaway PostgreSQL 15 cluster. (With CI set, these tests fail instead of being skipped.)"
        : null;

    /// <summary>The connection string.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string RequireConnectionString()
        => ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set, and CI is set, so the PostgreSQL tests must run: .ci/run starts a throwaway cluster and sets {Variable}; " +
            $"elsewhere set it to an Npgsql connection string of a superuser role, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres.");

    /// <summary>A connection of its own, not pooled: closing it ends the session, with its locks and settings.</summary>
    public static NpgsqlConnection UnpooledConnection()
        => new(new NpgsqlConnectionStringBuilder(RequireConnectionString()) { Pooling = false }.ConnectionString);

    /// <summary>A data source on the server with the NodaTime plugin, as the store builds its own.</summary>
    public static NpgsqlDataSource CreateDataSource()
    {
        var builder = new NpgsqlDataSourceBuilder(RequireConnectionString());
        builder.UseNodaTime();
        return builder.Build();
    }

    /// <summary>A schema name no other test uses.</summary>
    /// <param name="prefix">A short lower-case prefix saying which test made it.</param>
    public static string NewSchema(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>Drops schemas and everything in them.</summary>
    /// <param name="schemas">The schemas.</param>
    public static async Task DropSchemasAsync(IReadOnlyCollection<string> schemas)
    {
        if (schemas.Count == 0) return;
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Runs SQL on a connection of its own and returns the first column of every row.</summary>
    public static async Task<List<object?>> ColumnAsync(string sql, params object[] arguments)
    {
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var argument in arguments) command.Parameters.Add(new NpgsqlParameter { Value = argument });
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object?>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        return values;
    }

    /// <summary>Runs SQL on a connection of its own.</summary>
    public static async Task ExecuteAsync(string sql, params object[] arguments)
    {
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var argument in arguments) command.Parameters.Add(new NpgsqlParameter { Value = argument });
        await command.ExecuteNonQueryAsync();
    }
}

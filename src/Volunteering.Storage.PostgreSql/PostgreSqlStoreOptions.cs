using System.Text.RegularExpressions;
using Npgsql;
using Volunteering.Domain.Json;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql;

/// <summary>How <see cref="PostgreSqlRecordStore.OpenAsync"/> and <see cref="PostgreSqlPersonalDataVault.OpenAsync"/>
/// reach the database, and where in it they keep their tables.</summary>
public sealed partial class PostgreSqlStoreOptions
{
    private readonly string _schema = DefaultSchema;
    private readonly int _retryCount = 5;
    private readonly int _maxRecordsPerTransaction = 10_000;

    /// <summary>Options for a store that opens its own connections from a connection string; the store builds (and
    /// disposes) an <see cref="NpgsqlDataSource"/> with the NodaTime plugin.</summary>
    /// <param name="connectionString">An Npgsql (libpq-style keywords) connection string, e.g.
    /// <c>Host=db;Username=app;Password=...;Database=timebank</c>.</param>
    /// <exception cref="ArgumentException">The connection string is null, empty or white space.</exception>
    public PostgreSqlStoreOptions(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
    }

    /// <summary>Options for a store on a data source the application owns (and disposes after the store). It must be
    /// built with <c>UseNodaTime()</c> (<see cref="NpgsqlDataSourceBuilder"/> and the Npgsql.NodaTime plugin): the
    /// store writes <see cref="NodaTime.Instant"/> values as <c>timestamptz</c>, and checks this when it opens.</summary>
    /// <param name="dataSource">The data source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is null.</exception>
    public PostgreSqlStoreOptions(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        DataSource = dataSource;
    }

    /// <summary>The schema used when none is given: <c>volunteering</c>.</summary>
    public const string DefaultSchema = "volunteering";

    /// <summary>The connection string, when the options were made from one; otherwise null.</summary>
    public string? ConnectionString { get; }

    /// <summary>The application's data source, when the options were made from one; otherwise null.</summary>
    public NpgsqlDataSource? DataSource { get; }

    /// <summary>The PostgreSQL schema that holds the store's tables, created if missing. Several stores (one per time
    /// bank scheme, district or tenant) can share a database, each in its own schema; they are fully independent
    /// (own global order, own keys, own lock). 1 to 63 characters: lower-case ASCII letters, digits and <c>_</c>, not
    /// starting with a digit, and not beginning with <c>pg_</c>. Default <see cref="DefaultSchema"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a valid schema name.</exception>
    public string Schema
    {
        get => _schema;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!SchemaName().IsMatch(value) || value.StartsWith("pg_", StringComparison.Ordinal))
            {
                throw new ArgumentException($"A schema name is 1 to 63 characters of lower-case ASCII letters, digits and '_', not starting with a digit or 'pg_'; got \"{value}\".", nameof(value));
            }

            _schema = value;
        }
    }

    /// <summary>Turns payloads and snapshot states into bytes and back. Default:
    /// <see cref="JsonRecordSerializer.Default"/>. Every process on the schema must use a serializer that reads what
    /// the others wrote.</summary>
    public IRecordSerializer Serializer { get; init; } = JsonRecordSerializer.Default;

    /// <summary>How many times a transaction that PostgreSQL aborted with a serialization failure (SQLSTATE 40001) or a
    /// deadlock (40P01) is run again before the error reaches the caller. Such an abort writes nothing, so running the
    /// transaction again (with every check redone) is safe. Default 5; 0 turns retrying off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public int RetryCount
    {
        get => _retryCount;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _retryCount = value;
        }
    }

    /// <summary>The most records one transaction writes when the store combines concurrent appends of its callers
    /// (group commit); a single batch larger than this is still written whole, in a transaction of its own. Default
    /// 10,000; 1 combines nothing (one transaction per append).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1.</exception>
    public int MaxRecordsPerTransaction
    {
        get => _maxRecordsPerTransaction;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxRecordsPerTransaction = value;
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}

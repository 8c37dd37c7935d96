using NodaTime;
using Npgsql;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql;

/// <summary>What a store or vault shares about its database: the data source (built from the connection string, or
/// the application's), the schema's names, the serializer and the retry policy; and how it is opened.</summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    /// <summary>SQLSTATE of a unique or primary-key violation.</summary>
    internal const string UniqueViolation = "23505";

    /// <summary>SQLSTATE of a serialization failure.</summary>
    internal const string SerializationFailure = "40001";

    /// <summary>SQLSTATE of a detected deadlock.</summary>
    internal const string DeadlockDetected = "40P01";

    private readonly bool _ownsDataSource;
    private long _retries;

    private PostgreSqlDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, PostgreSqlStoreOptions options)
    {
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        Names = new SchemaNames(options.Schema);
        Serializer = options.Serializer;
        RetryCount = options.RetryCount;
        MaxRecordsPerTransaction = options.MaxRecordsPerTransaction;
    }

    internal NpgsqlDataSource DataSource { get; }

    internal SchemaNames Names { get; }

    internal IRecordSerializer Serializer { get; }

    internal int RetryCount { get; }

    internal int MaxRecordsPerTransaction { get; }

    /// <summary>How many transactions were run again after a serialization failure or a deadlock.</summary>
    internal long Retries => Interlocked.Read(ref _retries);

    /// <summary>Builds or takes the data source, checks it maps NodaTime, and migrates the schema.</summary>
    /// <exception cref="PostgreSqlSchemaTooNewException">The schema is newer than this code.</exception>
    /// <exception cref="InvalidOperationException">The application's data source was built without UseNodaTime().</exception>
    internal static Task<PostgreSqlDatabase> OpenAsync(PostgreSqlStoreOptions options, IClock clock, CancellationToken cancellationToken)
        => OpenAsync(options, clock, PostgreSqlSchema.CurrentVersion, cancellationToken);

    /// <summary>For tests: opens over a schema migrated only up to <paramref name="targetVersion"/>.</summary>
    internal static Task<PostgreSqlDatabase> OpenAtVersionAsync(PostgreSqlStoreOptions options, int targetVersion)
        => OpenAsync(options, SystemClock.Instance, targetVersion, CancellationToken.None);

    private static async Task<PostgreSqlDatabase> OpenAsync(PostgreSqlStoreOptions options, IClock clock, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Serializer, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();
        var owns = options.DataSource is null;
        var dataSource = options.DataSource ?? Build(options.ConnectionString!);
        var database = new PostgreSqlDatabase(dataSource, owns, options);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await CheckNodaTimeAsync(connection, cancellationToken).ConfigureAwait(false);
            await PostgreSqlSchema.MigrateAsync(connection, database.Names, clock, targetVersion, cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>True for the errors after which PostgreSQL has rolled the transaction back and running it again is
    /// safe: a serialization failure or a deadlock.</summary>
    /// <param name="exception">The error.</param>
    internal static bool IsTransient(PostgresException exception) => exception.SqlState is SerializationFailure or DeadlockDetected;

    /// <summary>Counts a retry and waits a little (longer after each attempt, with jitter) before it.</summary>
    /// <param name="attempt">1 for the first retry.</param>
    internal Task BeforeRetryAsync(int attempt)
    {
        Interlocked.Increment(ref _retries);
        var milliseconds = Math.Min(200, (1 << Math.Min(attempt, 7)) + Random.Shared.Next(5));
        return Task.Delay(milliseconds);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource) await DataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlDataSource Build(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            // The store runs a handful of statement shapes over and over: let Npgsql prepare them on every connection.
            settings.MaxAutoPrepare = 32;
            settings.AutoPrepareMinUsages = 2;
        }

        var builder = new NpgsqlDataSourceBuilder(settings.ConnectionString);
        builder.UseNodaTime();
        return builder.Build();
    }

    private static async Task CheckNodaTimeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT $1::timestamptz", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Instant.FromUnixTimeSeconds(0) });
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidCastException or NotSupportedException or ArgumentException)
        {
            throw new InvalidOperationException(
                "The NpgsqlDataSource given to PostgreSqlStoreOptions cannot write NodaTime values; build it with NpgsqlDataSourceBuilder.UseNodaTime() (package Npgsql.NodaTime).",
                exception);
        }
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Volunteering.Storage.Sqlite;

/// <summary>The store file and how every connection to it is opened and set up.</summary>
internal sealed class SqliteFile
{
    /// <summary>SQLite's primary result code for "the file is locked by another connection".</summary>
    internal const int SqliteBusy = 5;

    /// <summary>SQLite's primary result code for "a table is locked" (shared cache, or a statement of the same
    /// connection).</summary>
    internal const int SqliteLocked = 6;

    /// <summary>SQLite's extended result code for a violated UNIQUE constraint.</summary>
    internal const int SqliteConstraintUnique = 2067;

    /// <summary>SQLite's extended result code for a violated PRIMARY KEY constraint.</summary>
    internal const int SqliteConstraintPrimaryKey = 1555;

    private const int CacheSizeKibibytes = 16 * 1024;

    /// <summary>The page size of a new file (an existing file keeps its own). Ledger records are a few hundred bytes;
    /// with 8 KiB pages batched appends were measured about 30% faster than with SQLite's default 4 KiB.</summary>
    private const int NewFilePageSize = 8192;

    private readonly string _connectionString;
    private readonly int _synchronous;
    private readonly long _busyTimeoutMilliseconds;

    internal SqliteFile(SqliteStoreOptions options)
    {
        Path = System.IO.Path.GetFullPath(options.FilePath);
        BusyTimeout = options.BusyTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.FromMilliseconds(1), nameof(options));
        _busyTimeoutMilliseconds = (long)Math.Ceiling(BusyTimeout.TotalMilliseconds);
        if (_busyTimeoutMilliseconds > int.MaxValue) _busyTimeoutMilliseconds = int.MaxValue;
        _synchronous = options.Synchronous switch
        {
            SqliteSynchronousMode.Full => 2,
            SqliteSynchronousMode.Normal => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Synchronous, "Unknown synchronous mode."),
        };
        FullFsync = options.Synchronous == SqliteSynchronousMode.Full;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout; SQLite's own busy handler
            // (busy_timeout below) does the waiting first, with short sleeps.
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    internal string Path { get; }

    /// <summary>How long to wait for another writer.</summary>
    internal TimeSpan BusyTimeout { get; }

    private bool FullFsync { get; }

    /// <summary>Opens a connection with the store's settings (busy timeout, synchronous mode, cache size).</summary>
    /// <param name="queryOnly">True for a reader: the connection refuses every statement that would write.</param>
    internal SqliteConnection Open(bool queryOnly)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}"));
            if (!queryOnly) Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {NewFilePageSize}"));
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous = {_synchronous}"));
            if (FullFsync) Execute(connection, "PRAGMA fullfsync = 1");
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{CacheSizeKibibytes}"));
            if (queryOnly) Execute(connection, "PRAGMA query_only = 1");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the write connection of a store or vault: checks the folder, refuses a file of a newer schema,
    /// puts the file in WAL mode and applies the missing migration steps.</summary>
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    /// <exception cref="SqliteSchemaTooNewException">The file is newer than this code.</exception>
    /// <exception cref="InvalidOperationException">WAL mode could not be set.</exception>
    /// <exception cref="TimeoutException">Another connection held the file locked for longer than the busy timeout.</exception>
    internal SqliteConnection OpenMigrated()
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder of the SQLite store file '{Path}' does not exist.");
        }

        var connection = Open(queryOnly: false);
        try
        {
            var version = SqliteSchema.ReadVersion(connection);
            if (version > SqliteSchema.CurrentVersion) throw new SqliteSchemaTooNewException(Path, version, SqliteSchema.CurrentVersion);
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite could not put the store file '{Path}' in WAL mode (journal mode is '{mode}').");
            }

            SqliteSchema.Migrate(connection, Path, SqliteSchema.CurrentVersion);
            return connection;
        }
        catch (SqliteException exception) when (IsBusy(exception))
        {
            connection.Dispose();
            throw BusyTimeoutExpired(exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>True for SQLite's busy and locked errors, which mean "another connection holds a lock".</summary>
    /// <param name="exception">The error.</param>
    internal static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is SqliteBusy or SqliteLocked;

    /// <summary>True for a violated unique index or primary key: another record already holds the key or slot.</summary>
    /// <param name="exception">The error.</param>
    internal static bool IsUniquenessViolation(SqliteException exception)
        => exception.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    /// <summary>The exception a caller sees when the file stayed locked for longer than the busy timeout.</summary>
    /// <param name="exception">SQLite's busy or locked error.</param>
    internal TimeoutException BusyTimeoutExpired(SqliteException exception)
        => new($"The SQLite store file '{Path}' stayed locked by another connection for longer than the busy timeout ({BusyTimeout}).", exception);

    internal static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

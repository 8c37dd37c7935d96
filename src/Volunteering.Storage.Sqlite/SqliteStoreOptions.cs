using Volunteering.Domain.Json;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite;

/// <summary>How <see cref="SqliteRecordStore.OpenAsync"/> opens a store file.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Options for the store in <paramref name="filePath"/>, with the defaults for everything else.</summary>
    /// <param name="filePath">The database file, created if it does not exist (its folder must exist). SQLite keeps
    /// two companion files beside it while it is open, <c>-wal</c> and <c>-shm</c>; copy or move all three together,
    /// or none while a store has the file open.</param>
    /// <exception cref="ArgumentException"><paramref name="filePath"/> is null, empty or white space.</exception>
    public SqliteStoreOptions(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        FilePath = filePath;
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Turns payloads and snapshot states into bytes and back. Default:
    /// <see cref="JsonRecordSerializer.Default"/>. Every process that opens the file must use a serializer that reads
    /// what the others wrote.</summary>
    public IRecordSerializer Serializer { get; init; } = JsonRecordSerializer.Default;

    /// <summary>How hard each commit is pushed to disk. Default <see cref="SqliteSynchronousMode.Full"/>: an acknowledged
    /// batch survives a power loss. <see cref="SqliteSynchronousMode.Normal"/> survives process crashes only.</summary>
    public SqliteSynchronousMode Synchronous { get; init; } = SqliteSynchronousMode.Full;

    /// <summary>How long a call waits for another connection (in this process or another) that holds the file's write
    /// lock before giving up with a <see cref="TimeoutException"/>; busy and locked errors never reach the caller
    /// otherwise. Default 30 seconds; at least 1 millisecond. Microsoft.Data.Sqlite retries in whole seconds, so the
    /// wait is in practice rounded up to a whole number of seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

namespace Volunteering.Storage.Sqlite;

/// <summary>How hard a <see cref="SqliteRecordStore"/> pushes each committed batch to disk (SQLite's
/// <c>PRAGMA synchronous</c> in WAL mode).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>The default: every commit is flushed to stable storage (<c>fsync</c>) before the append returns, so an
    /// acknowledged batch survives a process crash, an operating-system crash and a power loss. On macOS the store also
    /// asks for <c>F_FULLFSYNC</c>, without which the drive's cache is not flushed.</summary>
    Full = 0,

    /// <summary>Commits are written to the WAL file but flushed only at checkpoints: faster, and an acknowledged batch
    /// survives a crash of the process, but the newest batches may be lost (never half-written) if the operating system
    /// crashes or the power fails.</summary>
    Normal = 1,
}

namespace Volunteering.Domain.Storage;

/// <summary>
/// The one persistence port: every aggregate (the ledger and its accounts, and the volunteers, activities, catalogues
/// and programmes built on it) persists as versioned records in streams through these members. A storage adapter
/// (SQLite, PostgreSQL, ...) implements this interface and nothing else; domain code never sees SQL.
/// </summary>
/// <remarks>
/// <para>The contract, which the conformance kit (<c>Volunteering.Storage.Testing</c>) checks for every adapter:</para>
/// <list type="bullet">
/// <item><description><b>Atomic batches.</b> <see cref="AppendAsync"/> writes every record of a batch or none, across
/// all the streams it touches.</description></item>
/// <item><description><b>Expected versions.</b> A batch's first record in each stream (its own stream or a link) must
/// sit at that stream's current version + 1, and its records in a stream follow on densely; otherwise nothing is
/// written and the answer is <see cref="AppendStatus.WrongExpectedVersion"/>. Versions are checked before keys.</description></item>
/// <item><description><b>Idempotency.</b> A store holds at most one record per <see cref="ItemKey"/>; a batch claiming an
/// existing key (or one key twice) writes nothing and answers <see cref="AppendStatus.DuplicateItem"/>.</description></item>
/// <item><description><b>Order.</b> Records get strictly increasing global positions in append order. A reader that has
/// seen position <c>p</c> never later sees a new record below <c>p</c>.</description></item>
/// <item><description><b>Fidelity.</b> Records read back equal what was written: stream, version, links, key and
/// payload, field for field.</description></item>
/// <item><description><b>Append-only.</b> Nothing is updated or deleted, except snapshots, which may be replaced or
/// dropped.</description></item>
/// </list>
/// <para>Programmer errors (a null or empty batch, versions that do not follow on inside the batch) throw
/// <see cref="ArgumentException"/> before anything is written; <see cref="RecordBatch.Plan"/> checks them for adapters.</para>
/// </remarks>
public interface IRecordStore
{
    /// <summary>Appends a batch of records atomically.</summary>
    /// <param name="batch">One or more records; see <see cref="NewRecord"/>.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled append wrote everything or nothing, never part.</param>
    /// <returns><see cref="AppendStatus.Appended"/> with the last record's position, or why nothing was written.</returns>
    /// <exception cref="ArgumentException">The batch is empty or its versions do not follow on within the batch.</exception>
    ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default);

    /// <summary>Reads every record in global order, from the one after <paramref name="afterPosition"/>.</summary>
    /// <param name="afterPosition">0 to read from the start.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default);

    /// <summary>Reads the records placed in a stream (as their own stream or as a link), in version order, from the one
    /// after <paramref name="afterVersion"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="afterVersion">0 to read from the stream's first record.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>The stream's current version: the version of its newest record, 0 when it has none.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default);

    /// <summary>The global position of the newest record, 0 when the store is empty.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds the record that claimed an idempotency key, or null.</summary>
    /// <param name="item">The key; not <see cref="ItemKey.IsNone"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default);

    /// <summary>Saves a snapshot, replacing any older one of the same stream (a snapshot at a lower version than the
    /// one held is ignored). Not part of any batch: a lost snapshot costs time, never correctness.</summary>
    /// <param name="snapshot">The snapshot; its version must not exceed the stream's current version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The snapshot is ahead of its stream.</exception>
    ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Loads the newest snapshot of a stream, or null.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default);
}

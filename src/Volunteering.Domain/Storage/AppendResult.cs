namespace Volunteering.Domain.Storage;

/// <summary>The answer to <see cref="IRecordStore.AppendAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Position">On success, the global position of the batch's last record; otherwise 0.</param>
/// <param name="Stream">For <see cref="AppendStatus.WrongExpectedVersion"/>, the first stream (in batch order) whose
/// version did not match.</param>
/// <param name="ExpectedVersion">For <see cref="AppendStatus.WrongExpectedVersion"/>, the version the batch expected.</param>
/// <param name="ActualVersion">For <see cref="AppendStatus.WrongExpectedVersion"/>, the stream's actual version.</param>
/// <param name="Item">For <see cref="AppendStatus.DuplicateItem"/>, the key that already exists.</param>
public readonly record struct AppendResult(
    AppendStatus Status,
    long Position,
    StreamName Stream = default,
    long ExpectedVersion = 0,
    long ActualVersion = 0,
    ItemKey Item = default)
{
    /// <summary>True when the records were written.</summary>
    public bool IsAppended => Status == AppendStatus.Appended;

    /// <summary>A success ending at <paramref name="position"/>.</summary>
    /// <param name="position">The global position of the batch's last record.</param>
    public static AppendResult Appended(long position) => new(AppendStatus.Appended, position);

    /// <summary>A version conflict on <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="expected">The version the batch expected.</param>
    /// <param name="actual">The stream's actual version.</param>
    public static AppendResult VersionConflict(StreamName stream, long expected, long actual)
        => new(AppendStatus.WrongExpectedVersion, 0, stream, expected, actual);

    /// <summary>A duplicate idempotency key.</summary>
    /// <param name="item">The key that already exists.</param>
    public static AppendResult Duplicate(ItemKey item) => new(AppendStatus.DuplicateItem, 0, Item: item);

    /// <summary>A one-line description naming the stream and versions, or the key.</summary>
    public override string ToString() => Status switch
    {
        AppendStatus.Appended => $"Appended up to position {Position}",
        AppendStatus.WrongExpectedVersion => $"WrongExpectedVersion on {Stream}: expected {ExpectedVersion}, actual {ActualVersion}",
        AppendStatus.DuplicateItem => $"DuplicateItem {Item}",
        _ => Status.ToString(),
    };
}

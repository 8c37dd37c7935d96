namespace Volunteering.Domain.Storage;

/// <summary>The answer to <see cref="ILedgerStore.AppendAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Position">The store's head position after the call: the last entry written on success, the actual head
/// otherwise.</param>
/// <param name="ConflictingItemId">For <see cref="AppendStatus.DuplicateItemId"/>, the id that already exists.</param>
public readonly record struct AppendResult(AppendStatus Status, long Position, Guid ConflictingItemId = default)
{
    /// <summary>True when the entries were written.</summary>
    public bool IsAppended => Status == AppendStatus.Appended;
}

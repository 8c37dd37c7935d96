namespace Volunteering.Domain.Storage;

/// <summary>How a store answered <see cref="IRecordStore.AppendAsync"/>.</summary>
public enum AppendStatus
{
    /// <summary>Every record of the batch was written, atomically.</summary>
    Appended = 0,

    /// <summary>A stream the batch writes to was not at the version the batch expects (its first version there, less
    /// one): another writer got there first. Nothing was written. Read the stream, decide again and retry.</summary>
    WrongExpectedVersion = 1,

    /// <summary>A record's idempotency key is already in the store (or twice in the batch). Nothing was written. The
    /// command was applied before: look the key up with <see cref="IRecordStore.FindItemAsync"/>.</summary>
    DuplicateItem = 2,
}

namespace Volunteering.Domain.Storage;

/// <summary>How a store answered an append.</summary>
public enum AppendStatus
{
    /// <summary>Every entry was written, atomically.</summary>
    Appended = 0,

    /// <summary>The store's head was not at the expected position: another writer got there first. Nothing was written;
    /// catch up and decide again.</summary>
    WrongExpectedPosition = 1,

    /// <summary>An entry's transfer id, or the account id of an opening, is already in the store (see
    /// <see cref="LedgerStoreItems"/>). Nothing was written.</summary>
    DuplicateItemId = 2,
}

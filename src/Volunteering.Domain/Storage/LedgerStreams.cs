using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>
/// How the ledger lies in an <see cref="IRecordStore"/>: every <see cref="LedgerEvent"/> is a record of the journal
/// stream <see cref="Journal"/> at its <see cref="LedgerEvent.Position"/>, linked into the stream of each account it
/// touched at that account's version, and claims its transfer id (scope <c>transfer</c>) or, for an opening, its
/// account id (scope <c>account</c>). So the store itself enforces that a transfer id is applied once, that the journal
/// has one writer at a time, and that an account's history reads without the rest of the journal.
/// </summary>
public static class LedgerStreams
{
    /// <summary>The idempotency scope of transfer ids.</summary>
    public const string TransferScope = "transfer";

    /// <summary>The idempotency scope of account ids (claimed by openings).</summary>
    public const string AccountScope = "account";

    /// <summary>The category of account streams: <c>ledger.account-{id:N}</c>.</summary>
    public const string AccountCategory = "ledger.account";

    /// <summary>The journal stream, <c>ledger</c>: every entry, at its position.</summary>
    public static StreamName Journal { get; } = new("ledger");

    /// <summary>The stream of one account's entries, at the account's versions.</summary>
    /// <param name="accountId">The account; not empty.</param>
    public static StreamName Account(AccountId accountId) => StreamName.For(AccountCategory, accountId.Value);

    /// <summary>The key an entry claims: its transfer id for every transfer entry (applied or rejected), its account
    /// id for an opening, none for other account events and for expiries (which reuse the pending transfer's id).</summary>
    /// <param name="entry">The entry.</param>
    public static ItemKey ItemOf(in LedgerEvent entry)
    {
        if (entry.Kind == LedgerEventKind.AccountOpened) return new ItemKey(AccountScope, entry.AccountId.Value);
        if (entry.IsAccountEvent || entry.Kind == LedgerEventKind.PendingExpired) return default;
        return new ItemKey(TransferScope, entry.TransferId.Value);
    }

    /// <summary>The record for an entry: the journal at its position, links to the accounts it touched, its key.</summary>
    /// <param name="entry">The entry; its position is 1 or more.</param>
    public static NewRecord ToRecord(in LedgerEvent entry)
    {
        StreamSlot[] links;
        if (entry.IsAccountEvent)
        {
            links = [new StreamSlot(Account(entry.AccountId), entry.AccountVersion)];
        }
        else if (entry.Kind == LedgerEventKind.TransferRejected)
        {
            links = [];
        }
        else
        {
            links =
            [
                new StreamSlot(Account(entry.DebitAccountId), entry.DebitAccountVersion),
                new StreamSlot(Account(entry.CreditAccountId), entry.CreditAccountVersion),
            ];
        }

        return new NewRecord(Journal, entry.Position, entry, ItemOf(entry), links);
    }

    /// <summary>The records for consecutive entries, in order.</summary>
    /// <param name="entries">The entries.</param>
    public static NewRecord[] ToRecords(IReadOnlyList<LedgerEvent> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = new NewRecord[entries.Count];
        for (var i = 0; i < records.Length; i++) records[i] = ToRecord(entries[i]);
        return records;
    }

    /// <summary>The entry a stored record holds.</summary>
    /// <param name="record">A record of the journal stream.</param>
    /// <exception cref="InvalidDataException">The record does not hold a ledger entry.</exception>
    public static LedgerEvent EntryOf(StoredRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Payload is LedgerEvent entry
            ? entry
            : throw new InvalidDataException($"Record {record} holds a {record.Payload.GetType().Name}, not a ledger entry.");
    }
}

using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Storage;

/// <summary>
/// Checks a store's ledger end to end: the journal is dense and every record lies where <see cref="LedgerStreams"/>
/// says (stream, version, links, key); the journal replays; every ledger invariant holds
/// (<see cref="DoubleEntryLedger.VerifyInvariants"/>: per-asset sums zero, limits, pending amounts, ...); each account's
/// stream is exactly its entries in version order and its stored balance equals the fold; each transfer id finds its
/// entry; the global order is strictly increasing. Read-only; linear in the journal's size. For audits, recovery
/// checks and tests.
/// </summary>
public static class LedgerAudit
{
    /// <summary>The most violations a report lists; the audit stops early once it has this many.</summary>
    public const int MaxViolations = 100;

    /// <summary>Audits the ledger held by <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the audit.</param>
    /// <returns>The report; <see cref="LedgerAuditReport.IsClean"/> when every check passed.</returns>
    public static async ValueTask<LedgerAuditReport> VerifyAsync(IRecordStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var violations = new List<string>();
        var entries = new List<LedgerEvent>();
        var positions = new List<long>();

        // 1. The journal stream: dense, ledger entries only, each record placed as the mapping says.
        await foreach (var record in store.ReadStreamAsync(LedgerStreams.Journal, 0, cancellationToken).ConfigureAwait(false))
        {
            if (record.Payload is not LedgerEvent entry)
            {
                Add(violations, $"Journal record {record} holds a {record.Payload.GetType().Name}, not a ledger entry.");
                continue;
            }

            var expectedVersion = entries.Count + 1;
            if (record.Version != expectedVersion || entry.Position != expectedVersion)
            {
                Add(violations, $"Journal record {record} (entry position {entry.Position}) should be at version {expectedVersion}.");
            }

            CheckPlacement(record, entry, violations);
            entries.Add(entry);
            positions.Add(record.Position);
        }

        var head = await store.GetStreamVersionAsync(LedgerStreams.Journal, cancellationToken).ConfigureAwait(false);
        if (head != entries.Count) Add(violations, $"The journal stream reports version {head} but {entries.Count} records were read.");
        for (var i = 1; i < positions.Count; i++)
        {
            if (positions[i] <= positions[i - 1]) Add(violations, $"Journal entries {i} and {i + 1} have global positions {positions[i - 1]} and {positions[i]}, not increasing.");
        }

        if (violations.Count > 0) return new LedgerAuditReport(entries.Count, 0, violations);

        // 2. The journal replays, and every ledger invariant holds on the fold.
        DoubleEntryLedger ledger;
        try
        {
            ledger = DoubleEntryLedger.Replay(entries, new FrozenClock(entries.Count == 0 ? Instant.MinValue : entries[^1].Timestamp));
        }
        catch (InvalidOperationException ex)
        {
            Add(violations, $"The journal does not replay: {ex.Message}");
            return new LedgerAuditReport(entries.Count, 0, violations);
        }

        foreach (var v in ledger.VerifyInvariants()) Add(violations, v);

        // 3. Account streams and stored balances agree with the fold.
        foreach (var account in ledger.Accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (violations.Count >= MaxViolations) break;
            await CheckAccountAsync(store, ledger, account, violations, cancellationToken).ConfigureAwait(false);
        }

        // 4. Every claimed key finds its entry.
        foreach (var entry in entries)
        {
            if (violations.Count >= MaxViolations) break;
            var item = LedgerStreams.ItemOf(entry);
            if (item.IsNone) continue;
            var found = await store.FindItemAsync(item, cancellationToken).ConfigureAwait(false);
            if (found is null || found.Stream != LedgerStreams.Journal || found.Version != entry.Position)
            {
                Add(violations, $"Key {item} of entry {entry.Position} finds {(found is null ? "nothing" : found.ToString())}.");
            }
        }

        // 5. The global order holds the journal in the same order, with nothing of it lost.
        long previous = 0, journalSeen = 0;
        await foreach (var record in store.ReadAllAsync(0, cancellationToken).ConfigureAwait(false))
        {
            if (record.Position <= previous) Add(violations, $"Global position {record.Position} follows {previous}.");
            previous = record.Position;
            if (record.Stream == LedgerStreams.Journal)
            {
                journalSeen++;
                if (record.Version != journalSeen) Add(violations, $"The global order holds journal version {record.Version} where {journalSeen} was due.");
            }
        }

        if (journalSeen != entries.Count) Add(violations, $"The global order holds {journalSeen} journal records, the journal stream {entries.Count}.");
        return new LedgerAuditReport(entries.Count, ledger.AccountCount, violations);
    }

    private static void CheckPlacement(StoredRecord record, in LedgerEvent entry, List<string> violations)
    {
        var expected = LedgerStreams.ToRecord(entry);
        if (record.Record.Item != expected.Item)
        {
            Add(violations, $"Journal record {record} claims key {record.Record.Item}; its entry claims {expected.Item}.");
        }

        var links = record.Record.Links;
        var same = links.Count == expected.Links.Count;
        for (var i = 0; same && i < links.Count; i++) same = links[i] == expected.Links[i];
        if (!same)
        {
            Add(violations, $"Journal record {record} is linked to [{string.Join(", ", links)}]; its entry touches [{string.Join(", ", expected.Links)}].");
        }
    }

    private static async ValueTask CheckAccountAsync(IRecordStore store, DoubleEntryLedger ledger, LedgerAccount account, List<string> violations, CancellationToken cancellationToken)
    {
        var id = account.Id;
        var expected = ledger.GetAccountEntries(id).ToList();
        var i = 0;
        await foreach (var e in store.ReadAccountAsync(id, 0, cancellationToken).ConfigureAwait(false))
        {
            if (i >= expected.Count || e != expected[i])
            {
                Add(violations, $"Account {id}'s stream holds entry {e.Position} at version {i + 1}, where the journal has {(i < expected.Count ? expected[i].Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "nothing")}.");
                return;
            }

            i++;
        }

        if (i != expected.Count || account.Version != expected.Count)
        {
            Add(violations, $"Account {id}'s stream has {i} entries; the journal touches it {expected.Count} times and gives version {account.Version}.");
            return;
        }

        var balance = await store.GetBalanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (balance is not { } b || b.Posted != account.Balance || b.Version != account.Version)
        {
            Add(violations, $"Account {id}'s stored balance is {(balance is { } x ? $"{x.Posted} at version {x.Version}" : "missing")}; the fold gives {account.Balance} at version {account.Version}.");
        }
    }

    private static void Add(List<string> violations, string violation)
    {
        if (violations.Count < MaxViolations) violations.Add(violation);
    }

    /// <summary>The replayed ledger is only read, never written, so its clock stands still at the last entry.</summary>
    private sealed class FrozenClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

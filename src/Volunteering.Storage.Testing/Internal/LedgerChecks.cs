using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Scripts;

namespace Volunteering.Storage.Testing.Internal;

/// <summary>Checks that a store holds exactly what a ledger says, read through the store's own queries.</summary>
internal static class LedgerChecks
{
    public static async Task<List<LedgerEvent>> ReadJournalListAsync(this IRecordStore store)
    {
        var list = new List<LedgerEvent>();
        await foreach (var e in store.ReadJournalAsync()) list.Add(e);
        return list;
    }

    public static async Task<List<LedgerEvent>> ReadAccountListAsync(this IRecordStore store, AccountId id, long afterVersion = 0)
    {
        var list = new List<LedgerEvent>();
        await foreach (var e in store.ReadAccountAsync(id, afterVersion)) list.Add(e);
        return list;
    }

    /// <summary>Every ledger invariant holds, per asset the posted and pending balances sum to zero, and the store's
    /// journal, account histories and stored balances equal the ledger's.</summary>
    public static async Task AssertStoreHoldsAsync(IRecordStore store, DoubleEntryLedger ledger, string where)
    {
        AssertInvariants(ledger, where);

        var journal = await store.ReadJournalListAsync();
        Assert.True(journal.Count == ledger.Journal.Count, $"{where}: the store's journal has {journal.Count} entries, the ledger's {ledger.Journal.Count}");
        for (var i = 0; i < journal.Count; i++)
        {
            Assert.True(journal[i] == ledger.Journal[i], $"{where}: journal entry {i + 1} reads back as\n{journal[i]}\nbut was\n{ledger.Journal[i]}");
        }

        Assert.Equal(ledger.Position, await store.GetStreamVersionAsync(LedgerStreams.Journal));

        var storedSums = new Dictionary<Asset, Int128>();
        var accounts = ledger.Accounts.ToDictionary(static a => a.Id);
        foreach (var id in accounts.Keys.Concat(Enumerable.Range(0, LedgerGen.AccountPool).Select(LedgerScripts.Account)).Distinct())
        {
            var balance = await store.GetBalanceAsync(id);
            var history = await store.ReadAccountListAsync(id);
            if (!accounts.TryGetValue(id, out var account))
            {
                Assert.True(balance is null, $"{where}: the store has a balance for {id}, which the ledger never opened");
                Assert.True(history.Count == 0, $"{where}: the store has {history.Count} entries for {id}, which the ledger never opened");
                continue;
            }

            Assert.True(balance is { } b && b.Posted == account.Balance && b.Version == account.Version && b.AccountId == id,
                $"{where}: the store's balance of {id} is {balance}; the ledger's is {account.Balance} at version {account.Version}");
            var expected = ledger.GetAccountEntries(id).ToList();
            Assert.True(expected.SequenceEqual(history), $"{where}: the store's history of {id} has {history.Count} entries ({string.Join(", ", history.Select(static e => e.Position))}); the ledger's {expected.Count} ({string.Join(", ", expected.Select(static e => e.Position))})");
            storedSums[account.Asset] = storedSums.GetValueOrDefault(account.Asset) + balance.Value.Posted;
        }

        foreach (var (asset, sum) in storedSums)
        {
            Assert.True(sum == 0, $"{where}: the store's balances of {asset} sum to {sum}, not zero");
        }
    }

    /// <summary><see cref="DoubleEntryLedger.VerifyInvariants"/> is empty, and per asset the posted balances and the
    /// pending amounts each sum to zero.</summary>
    public static void AssertInvariants(DoubleEntryLedger ledger, string where)
    {
        var violations = ledger.VerifyInvariants();
        Assert.True(violations.Count == 0, $"{where}: invariants violated:\n{string.Join("\n", violations)}");
        foreach (var group in ledger.Accounts.GroupBy(static a => a.Asset))
        {
            var posted = group.Aggregate(Int128.Zero, static (sum, a) => sum + a.Balance);
            var pending = group.Aggregate(Int128.Zero, static (sum, a) => sum + a.CreditsPending - a.DebitsPending);
            Assert.True(posted == 0 && pending == 0, $"{where}: {group.Key} balances sum to {posted} posted and {pending} pending, not zero");
        }
    }

    /// <summary><see cref="LedgerAudit.VerifyAsync"/> finds nothing, and counts the ledger's entries and accounts.</summary>
    public static async Task AssertAuditCleanAsync(IRecordStore store, DoubleEntryLedger ledger, string where)
    {
        var report = await LedgerAudit.VerifyAsync(store);
        Assert.True(report.IsClean, $"{where}: the ledger audit found:\n{string.Join("\n", report.Violations)}");
        Assert.Equal(ledger.Position, report.Entries);
        Assert.Equal(ledger.AccountCount, report.Accounts);
    }

    /// <summary>Two ledgers have the same journal, accounts and transfers.</summary>
    public static void AssertSameLedger(DoubleEntryLedger expected, DoubleEntryLedger actual, IEnumerable<TransferId> ids, string where)
    {
        Assert.True(expected.Journal.SequenceEqual(actual.Journal), $"{where}: the journals differ ({expected.Position} and {actual.Position} entries)");
        Assert.Equal(expected.Accounts.OrderBy(static a => a.Id), actual.Accounts.OrderBy(static a => a.Id));
        foreach (var id in ids)
        {
            Assert.Equal(expected.TryGetTransfer(id, out var a), actual.TryGetTransfer(id, out var b));
            Assert.Equal(a, b);
        }
    }

    /// <summary>Each transfer id has at most one creating entry, each pending transfer resolves at most once, and
    /// positions are dense.</summary>
    public static void AssertEachIdAppliedOnce(IReadOnlyList<LedgerEvent> journal, string where)
    {
        var creating = journal.Where(static e => !e.IsAccountEvent && e.Kind != LedgerEventKind.PendingExpired).Select(static e => e.TransferId).ToArray();
        var doubled = creating.GroupBy(static t => t).Where(static g => g.Count() > 1).Select(static g => g.Key).ToArray();
        Assert.True(doubled.Length == 0, $"{where}: transfer ids applied more than once: {string.Join(", ", doubled)}");
        var resolved = journal.Where(static e => e.Kind is LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired)
            .Select(static e => e.RelatedTransferId).ToArray();
        Assert.True(resolved.Length == resolved.Distinct().Count(), $"{where}: a pending transfer resolved more than once");
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(static p => (long)p), journal.Select(static e => e.Position));
    }

    /// <summary>Each id the script named finds, through the store, the entry that applied or rejected it, or nothing;
    /// account ids find no transfer, and each opened account's key finds its opening.</summary>
    public static async Task AssertLookupsAsync(IRecordStore store, DoubleEntryLedger ledger, IEnumerable<TransferId> ids, string where)
    {
        foreach (var id in ids.Where(static i => !i.IsEmpty))
        {
            var found = await store.FindTransferAsync(id);
            if (!ledger.TryGetTransfer(id, out var t))
            {
                Assert.True(found is null, $"{where}: FindTransferAsync({id}) finds entry {found?.Position}, but the ledger does not know the id");
                continue;
            }

            Assert.True(found is { } e && e == ledger.Journal[(int)t.Position - 1], $"{where}: FindTransferAsync({id}) finds {found?.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}; the ledger has it at {t.Position}");
        }

        foreach (var account in ledger.Accounts)
        {
            Assert.Null(await store.FindTransferAsync(new TransferId(account.Id.Value)));
            var opening = await store.FindItemAsync(new ItemKey(LedgerStreams.AccountScope, account.Id.Value));
            Assert.True(opening is not null && opening.Payload is LedgerEvent { Kind: LedgerEventKind.AccountOpened } e && e.AccountId == account.Id, $"{where}: the key of account {account.Id} finds {opening}");
        }
    }
}

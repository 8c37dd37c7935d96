using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Storage.Testing.Scripts;

namespace Volunteering.Domain.Tests.Ledger;

/// <summary>Assertion helpers shared by the ledger tests: snapshots of every account, journal prefixes, and the
/// state-unchanged checks every rejection must pass.</summary>
internal static class LedgerTestKit
{
    public static readonly Instant Start = LedgerScripts.Start;

    public static FakeClock NewClock() => LedgerScripts.NewClock();

    public static Dictionary<AccountId, LedgerAccount> Accounts(DoubleEntryLedger ledger)
        => ledger.Accounts.ToDictionary(static a => a.Id);

    /// <summary>Every account exists with exactly the same snapshot (balances, pending totals, version, flags, limits).</summary>
    public static void AssertAccountsUnchanged(IReadOnlyDictionary<AccountId, LedgerAccount> before, DoubleEntryLedger ledger)
    {
        var now = Accounts(ledger);
        Assert.Equal(before.Count, now.Count);
        foreach (var (id, was) in before)
        {
            Assert.True(now.TryGetValue(id, out var is_), $"account {id} disappeared");
            Assert.Equal(was.Balance, ledger.GetBalance(id));
            Assert.Equal(was, is_);
        }
    }

    /// <summary>The journal still starts with exactly the entries it had (it is append-only).</summary>
    public static void AssertJournalExtends(IReadOnlyList<LedgerEvent> before, DoubleEntryLedger ledger)
    {
        Assert.True(ledger.Journal.Count >= before.Count, $"journal shrank from {before.Count} to {ledger.Journal.Count}");
        Assert.Equal(ledger.Journal.Count, ledger.Position);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], ledger.Journal[i]);
        }
    }

    public static void AssertInvariants(DoubleEntryLedger ledger)
    {
        var violations = ledger.VerifyInvariants();
        Assert.True(violations.Count == 0, "invariants violated:\n" + string.Join("\n", violations));
    }

    /// <summary>A deterministic, non-empty account id from a small pool index (the scripts' pool).</summary>
    public static AccountId AccountAt(int index) => LedgerScripts.Account(index);

    /// <summary>A deterministic, non-empty transfer id from a small pool index (disjoint from the account ids).</summary>
    public static TransferId TransferAt(int index) => LedgerScripts.Transfer(index);
}

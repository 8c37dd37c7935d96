using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Benchmarks;

/// <summary>
/// Recovery: rebuilding the ledger from a 1,000,000-entry journal (what a storage adapter does on start-up), against a
/// bare fold of the same entries into a <c>Dictionary&lt;Guid, long&gt;</c> of posted balances.
/// </summary>
/// <remarks>The journal is produced in <c>[GlobalSetup]</c> by a real ledger: 10,001 account openings, 10,000 funding
/// posts, then posts between members with, every 20th operation, a pending transfer and its post.</remarks>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    /// <summary>Journal length.</summary>
    public const int JournalLength = 1_000_000;

    private const int Members = 10_000;

    private LedgerEvent[] _entries = [];
    private AccountId _probe;
    private long _probeBalance;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var ledger = new DoubleEntryLedger(FixedClock.Default, new LedgerOptions { AccountCapacity = Members + 1, TransferCapacity = JournalLength });
        var members = LedgerFixture.AccountIds(Members, seed: 21);
        LedgerFixture.OpenAndFund(ledger, AccountId.New(), members);
        var random = new Random(22);
        var operation = 0;
        while (ledger.Position < JournalLength)
        {
            var (d, c) = LedgerFixture.Pair(random, Members);
            var amount = 1 + random.Next(100);
            if (operation++ % 20 == 0 && ledger.Position + 2 <= JournalLength)
            {
                var pending = TransferId.New();
                LedgerFixture.Check(ledger.Submit(TransferRequest.Pending(pending, members[d], members[c], amount, 5)));
                LedgerFixture.Check(ledger.Submit(TransferRequest.PostPending(TransferId.New(), pending, amount)));
            }
            else
            {
                LedgerFixture.Check(ledger.Submit(TransferRequest.Post(TransferId.New(), members[d], members[c], amount, 3)));
            }
        }

        _entries = [.. ledger.Journal];
        _probe = members[0];
        _probeBalance = ledger.GetBalance(_probe);

        // The baseline must agree with the ledger, or it is not folding the same thing.
        if (BareFold() != _probeBalance) throw new InvalidOperationException("The bare fold disagrees with the ledger.");
        if (Replay() != _probeBalance || ReplayPresized() != _probeBalance) throw new InvalidOperationException("Replay disagrees with the ledger.");
    }

    /// <summary>Folds the entries that move posted balances into a dictionary of balances: debit -= amount,
    /// credit += amount. No checks, no transfer table, no journal.</summary>
    [Benchmark(Baseline = true)]
    public long BareFold()
    {
        var balances = new Dictionary<Guid, long>();
        foreach (ref readonly var e in _entries.AsSpan())
        {
            if (e.Kind == LedgerEventKind.AccountOpened)
            {
                balances.Add(e.AccountId.Value, 0);
            }
            else if (e.MovesPostedBalance)
            {
                CollectionsMarshal.GetValueRefOrNullRef(balances, e.DebitAccountId.Value) -= e.Amount;
                CollectionsMarshal.GetValueRefOrNullRef(balances, e.CreditAccountId.Value) += e.Amount;
            }
        }

        return balances[_probe.Value];
    }

    /// <summary><c>DoubleEntryLedger.Replay</c> with default options (tables grow as the journal is read).</summary>
    [Benchmark]
    public long Replay() => DoubleEntryLedger.Replay(_entries, FixedClock.Default).GetBalance(_probe);

    /// <summary><c>DoubleEntryLedger.Replay</c> with the account and transfer tables and the journal reserved up front.</summary>
    [Benchmark]
    public long ReplayPresized()
        => DoubleEntryLedger.Replay(_entries, FixedClock.Default, new LedgerOptions { AccountCapacity = Members + 1, TransferCapacity = JournalLength })
            .GetBalance(_probe);
}

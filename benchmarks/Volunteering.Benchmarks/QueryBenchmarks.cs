using BenchmarkDotNet.Attributes;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Benchmarks;

/// <summary>
/// The read path: a balance lookup in a ledger of 1,000,000 accounts, and statements of one account in a ledger whose
/// journal holds 1,000,000 entries spread over 2025, the account being touched by every 100th entry (10,000 entries).
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    /// <summary>Accounts in the balance-lookup ledger.</summary>
    public const int AccountCount = 1_000_000;

    /// <summary>Journal length of the statement ledger.</summary>
    public const int JournalLength = 1_000_000;

    /// <summary>The statement account is touched by every this-many-th journal entry.</summary>
    public const int TouchEvery = 100;

    private const int StatementMembers = 1_000;

    private DoubleEntryLedger _accounts = null!;
    private AccountId[] _lookupOrder = [];
    private int _nextLookup;

    private DoubleEntryLedger _journal = null!;
    private AccountId _statementAccount;
    private readonly Interval _march = new(Instant.FromUtc(2025, 3, 1, 0, 0), Instant.FromUtc(2025, 4, 1, 0, 0));
    private readonly Interval _everything = new(null, null);

    [GlobalSetup]
    public void GlobalSetup()
    {
        // 1,000,000 accounts; lookups visit them in a shuffled order so each one is a cold-ish hash probe.
        var ids = LedgerFixture.AccountIds(AccountCount, seed: 11);
        _accounts = new DoubleEntryLedger(FixedClock.Default, new LedgerOptions { AccountCapacity = AccountCount, TransferCapacity = AccountCount + 16 });
        foreach (var id in ids)
        {
            LedgerFixture.Check(_accounts.OpenAccount(new OpenAccountRequest(id, Asset.Points, id.Value, 2)));
        }

        _lookupOrder = (AccountId[])ids.Clone();
        new Random(12).Shuffle(_lookupOrder);

        // A 1,000,000-entry journal over 2025 (one entry every 31.536 s), the statement account in every 100th entry.
        var clock = new SteppingClock(Instant.FromUtc(2025, 1, 1, 0, 0), Duration.FromMilliseconds(31_536));
        _journal = new DoubleEntryLedger(clock, new LedgerOptions { AccountCapacity = StatementMembers + 2, TransferCapacity = JournalLength });
        var issuing = AccountId.New();
        _statementAccount = AccountId.New();
        var members = LedgerFixture.AccountIds(StatementMembers, seed: 13);
        LedgerFixture.Check(_journal.OpenAccount(new OpenAccountRequest(_statementAccount, Asset.TimeCredit, Guid.NewGuid(), 2)));
        LedgerFixture.OpenAndFund(_journal, issuing, members);
        var random = new Random(14);
        var touches = 0;
        while (_journal.Position < JournalLength)
        {
            var position = _journal.Position + 1;
            TransferRequest request;
            if (position % TouchEvery == 0)
            {
                // Alternately earn 100 from a member and spend 60 with another: the balance stays positive.
                var member = members[random.Next(StatementMembers)];
                request = touches++ % 2 == 0
                    ? TransferRequest.Post(TransferId.New(), member, _statementAccount, 100, 3)
                    : TransferRequest.Post(TransferId.New(), _statementAccount, member, 60, 4);
            }
            else
            {
                var (d, c) = LedgerFixture.Pair(random, StatementMembers);
                request = TransferRequest.Post(TransferId.New(), members[d], members[c], 1 + random.Next(100), 3);
            }

            LedgerFixture.Check(_journal.Submit(request));
        }

        var march = _journal.GetStatement(_statementAccount, _march);
        var all = _journal.GetStatement(_statementAccount, _everything);
        Console.WriteLine($"// Statement ledger: {_journal.Position} entries, {_journal.Journal[^1].Timestamp}; " +
                          $"account lines: March {march.Lines.Count}, all {all.Lines.Count}; closing {all.ClosingBalance}.");
    }

    /// <summary>The posted balance of one account among 1,000,000 (a different account each call).</summary>
    [Benchmark]
    public long Balance()
    {
        var i = _nextLookup;
        _nextLookup = i + 1 == _lookupOrder.Length ? 0 : i + 1;
        return _accounts.GetBalance(_lookupOrder[i]);
    }

    /// <summary>A one-month statement (March 2025, ~850 lines) of an account with 10,000 entries in a 1,000,000-entry journal.</summary>
    [Benchmark]
    public AccountStatement StatementOneMonth() => _journal.GetStatement(_statementAccount, _march);

    /// <summary>The unbounded statement (every one of its 10,000 entries) of the same account.</summary>
    [Benchmark]
    public AccountStatement StatementEverything() => _journal.GetStatement(_statementAccount, _everything);
}

using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Benchmarks;

/// <summary>
/// The write path of the in-memory ledger. The ledger keeps every transfer id (idempotency) and every journal entry,
/// so it can only be measured without table growth if the tables are reserved up front: each iteration starts from a
/// fresh ledger built in <c>[IterationSetup]</c> with <see cref="LedgerOptions"/> sized for every entry the iteration
/// will write, and the iteration runs a fixed number of invocations (<c>[InvocationCount]</c>) over requests built once
/// in <c>[GlobalSetup]</c> (transfer ids only need to be unique within one ledger, and each iteration has its own).
/// Each measured iteration therefore writes 1,000,000 transfers into pre-sized tables.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(PostInvocations)]
public class TransferBenchmarks
{
    /// <summary>Member accounts that transfers move between (plus one issuing account that funds them).</summary>
    public const int Members = 10_000;

    /// <summary>Single-transfer invocations per iteration.</summary>
    public const int PostInvocations = 1_000_000;

    /// <summary>Linked batches per iteration (8 transfers each: 1,000,000 transfers).</summary>
    public const int BatchInvocations = 125_000;

    /// <summary>Pending-then-post pairs per iteration (2 transfers each: 1,000,000 transfers).</summary>
    public const int PendingInvocations = 500_000;

    private const int BatchSize = 8;

    // Journal entries written by setup: 1 + Members openings and Members funding posts.
    private const int SetupEntries = 1 + 2 * Members;

    // Every journal entry and transfer id an iteration can write, with slack for the jitting invocation.
    private const int Capacity = SetupEntries + PostInvocations + 1_024;

    private readonly AccountId _issuing = new(new Guid("00000000-0000-0000-0000-000000000001"));
    private AccountId[] _members = [];
    private TransferRequest[] _posts = [];
    private TransferRequest[] _batches = [];
    private TransferRequest[] _pendings = [];
    private TransferRequest[] _postPendings = [];
    private readonly TransferResult[] _batchResults = new TransferResult[BatchSize];

    // The same transfers as bare balance updates: account index -> balance.
    private long[] _bareDebit = [];
    private long[] _bareCredit = [];
    private long[] _bareAmount = [];
    private Dictionary<long, long> _bare = [];

    private DoubleEntryLedger _ledger = null!;
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var random = new Random(20250101);
        _members = LedgerFixture.AccountIds(Members, seed: 7);

        _posts = new TransferRequest[PostInvocations];
        _bareDebit = new long[PostInvocations];
        _bareCredit = new long[PostInvocations];
        _bareAmount = new long[PostInvocations];
        for (var i = 0; i < _posts.Length; i++)
        {
            var (d, c) = LedgerFixture.Pair(random, Members);
            var amount = 1 + random.Next(100);
            _posts[i] = TransferRequest.Post(TransferId.New(), _members[d], _members[c], amount, 3);
            _bareDebit[i] = d;
            _bareCredit[i] = c;
            _bareAmount[i] = amount;
        }

        _batches = new TransferRequest[BatchInvocations * BatchSize];
        for (var i = 0; i < _batches.Length; i++)
        {
            var (d, c) = LedgerFixture.Pair(random, Members);
            _batches[i] = TransferRequest.Post(TransferId.New(), _members[d], _members[c], 1 + random.Next(100), 4);
        }

        _pendings = new TransferRequest[PendingInvocations];
        _postPendings = new TransferRequest[PendingInvocations];
        for (var i = 0; i < _pendings.Length; i++)
        {
            var (d, c) = LedgerFixture.Pair(random, Members);
            var amount = 1 + random.Next(100);
            var pendingId = TransferId.New();
            _pendings[i] = TransferRequest.Pending(pendingId, _members[d], _members[c], amount, 5);
            _postPendings[i] = TransferRequest.PostPending(TransferId.New(), pendingId, amount);
        }
    }

    [IterationSetup(Targets = [nameof(Post), nameof(LinkedBatchOf8), nameof(PendingThenPost)])]
    public void NewLedger()
    {
        _ledger = null!;
        _ledger = new DoubleEntryLedger(FixedClock.Default, new LedgerOptions { AccountCapacity = Members + 1, TransferCapacity = Capacity });
        LedgerFixture.OpenAndFund(_ledger, _issuing, _members);
        _next = 0;
    }

    [IterationCleanup(Targets = [nameof(Post), nameof(LinkedBatchOf8), nameof(PendingThenPost)])]
    public void CheckLedger()
    {
        // Every measured request must have been applied: a rejection would be journalled as TransferRejected and
        // would make the benchmark measure the wrong path.
        var journal = _ledger.Journal;
        for (var i = SetupEntries; i < journal.Count; i++)
        {
            if (journal[i].Kind == LedgerEventKind.TransferRejected)
            {
                throw new InvalidOperationException($"Entry {i + 1} is a rejection ({journal[i].Rejection}).");
            }
        }
    }

    [IterationSetup(Target = nameof(BareDictionary))]
    public void NewBareBalances()
    {
        _bare = new Dictionary<long, long>(Members);
        for (var i = 0; i < Members; i++)
        {
            _bare[i] = LedgerFixture.Funding;
        }

        _next = 0;
    }

    /// <summary>The same transfers as <see cref="Post"/>, as bare balance updates in a <c>Dictionary&lt;long, long&gt;</c>:
    /// the floor check, debit -= amount, credit += amount. No idempotency, journal, limits or account state.</summary>
    [Benchmark(Baseline = true)]
    public bool BareDictionary()
    {
        var i = _next++;
        var amount = _bareAmount[i];
        ref var debit = ref CollectionsMarshal.GetValueRefOrNullRef(_bare, _bareDebit[i]);
        if (debit - amount < 0) return false;
        debit -= amount;
        CollectionsMarshal.GetValueRefOrNullRef(_bare, _bareCredit[i]) += amount;
        return true;
    }

    /// <summary>One posted transfer between two member accounts (<c>Submit</c>).</summary>
    [Benchmark]
    public TransferResult Post() => _ledger.Submit(in _posts[_next++]);

    /// <summary>One linked batch of 8 posted transfers (<c>SubmitLinked</c>); one operation is the whole batch.</summary>
    [Benchmark]
    [InvocationCount(BatchInvocations)]
    public TransferResult LinkedBatchOf8()
    {
        var start = _next++ * BatchSize;
        return _ledger.SubmitLinked(new ReadOnlySpan<TransferRequest>(_batches, start, BatchSize), _batchResults);
    }

    /// <summary>A pending transfer (no expiry) and then the post of its full amount: two <c>Submit</c> calls.</summary>
    [Benchmark]
    [InvocationCount(PendingInvocations)]
    public TransferResult PendingThenPost()
    {
        var i = _next++;
        var pending = _ledger.Submit(in _pendings[i]);
        var posted = _ledger.Submit(in _postPendings[i]);
        return pending == TransferResult.Ok ? posted : pending;
    }
}

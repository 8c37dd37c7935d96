using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Ledger.LedgerTestKit;
using NodaInterval = NodaTime.Interval;

namespace Volunteering.Domain.Tests.Ledger;

/// <summary>
/// <see cref="InMemoryRecordStore"/> and <see cref="PersistentLedger"/>: random operation sequences persisted and
/// reopened, two writers sharing a store (interleaved, forced races and real threads), the append contract, per-account
/// reads, transfer look-ups and statements.
/// </summary>
public class LedgerStoreTests
{
    // ------------------------------------------------------------------------------------------------------------
    // Reopening rebuilds the same ledger
    // ------------------------------------------------------------------------------------------------------------

    [Property(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public async Task Reopening_the_store_rebuilds_an_identical_ledger(LedgerScript script)
    {
        var clock = NewClock();
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, clock);
        var driver = new ScriptDriver(clock);
        foreach (var op in script.Ops)
        {
            await driver.ExecuteAsync(writer, op);
            Assert.Equal(writer.Ledger.Position, await store.GetPositionAsync());
        }

        var stored = await ReadAll(store);
        Assert.Equal(writer.Ledger.Journal, stored);

        var reopened = await PersistentLedger.OpenAsync(store, clock);
        AssertSameLedger(writer.Ledger, reopened.Ledger, driver.Ids);
        AssertInvariants(reopened.Ledger);

        // The reopened ledger carries on where the first left off: the same requests are now repeats.
        foreach (var request in driver.AppliedRequests.TakeLast(5))
        {
            Assert.Equal(TransferResult.Exists, await reopened.ExecuteAsync(l => l.Submit(request)));
        }

        Assert.Equal(stored.Count, await store.GetPositionAsync());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Two writers on one store
    // ------------------------------------------------------------------------------------------------------------

    [Property(MaxTest = 60, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public async Task Two_writers_interleaving_on_one_store_never_double_apply_and_converge(LedgerScript script)
    {
        var clock = NewClock();
        var store = new InMemoryRecordStore();
        var a = await PersistentLedger.OpenAsync(store, clock);
        var b = await PersistentLedger.OpenAsync(store, clock);
        var driver = new ScriptDriver(clock);
        for (var i = 0; i < script.Ops.Count; i++)
        {
            // Alternate writers, and every third op also repeat it on the other writer: the repeat must be a no-op.
            var (first, second) = i % 2 == 0 ? (a, b) : (b, a);
            var position = await store.GetPositionAsync();
            var decided = await driver.ExecuteAsync(first, script.Ops[i]);
            if (i % 3 == 0)
            {
                var written = await store.GetPositionAsync();
                foreach (var (r, result) in decided)
                {
                    // The other writer sees the first one's decision: applied ids exist, state-failed ids stay
                    // failed, and request-only rejections are rejected the same way again.
                    var expected = result.IsSuccess() ? TransferResult.Exists : result.IsStateRejection() ? TransferResult.IdAlreadyFailed : result;
                    Assert.Equal(expected, await second.ExecuteAsync(l => l.Submit(r)));
                }

                Assert.Equal(written, await store.GetPositionAsync());
            }

            Assert.True(await store.GetPositionAsync() >= position);
        }

        await a.CatchUpAsync();
        await b.CatchUpAsync();
        var stored = await ReadAll(store);
        AssertEachIdCreatedOnce(stored);
        Assert.Equal(stored, a.Ledger.Journal);
        AssertSameLedger(a.Ledger, b.Ledger, driver.Ids);
        AssertInvariants(a.Ledger);
        AssertInvariants(b.Ledger);
    }

    [Fact]
    public async Task A_writer_that_loses_a_race_decides_again_on_the_fresh_state()
    {
        var clock = NewClock();
        var inner = new InMemoryRecordStore();
        var setup = await PersistentLedger.OpenAsync(inner, clock);
        var mint = AccountAt(0);
        var alice = AccountAt(1);
        var bob = AccountAt(2);
        await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(mint, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(alice, Asset.TimeCredit, Guid.Empty, 2)));
        await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(bob, Asset.TimeCredit, Guid.Empty, 2)));
        await setup.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferAt(0), mint, alice, 100, 1)));

        // Before the racer's first append, a rival on the same store spends Alice's 100 and applies the racer's own
        // transfer id; the racer's stale decisions must not reach the store.
        var rival = await PersistentLedger.OpenAsync(inner, clock);
        var racing = new RacingStore(inner, async () =>
        {
            Assert.Equal(TransferResult.Ok, await rival.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferAt(1), alice, bob, 100, 1))));
            Assert.Equal(TransferResult.Ok, await rival.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferAt(2), mint, bob, 5, 1))));
        });
        var racer = await PersistentLedger.OpenAsync(racing, clock);

        var spend = TransferRequest.Post(TransferAt(3), alice, mint, 60, 1);
        Assert.Equal(TransferResult.ExceedsFloor, await racer.ExecuteAsync(l => l.Submit(spend)));
        Assert.Equal(1, racing.Conflicts);
        Assert.Equal(TransferResult.Exists, await racer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferAt(2), mint, bob, 5, 1))));

        var stored = await ReadAll(inner);
        AssertEachIdCreatedOnce(stored);
        Assert.Equal(stored, racer.Ledger.Journal);
        Assert.Equal(0, racer.Ledger.GetBalance(alice));
        Assert.Equal(105, racer.Ledger.GetBalance(bob));
        Assert.Equal(LedgerEventKind.TransferRejected, stored[^1].Kind);
        Assert.Equal(TransferAt(3), stored[^1].TransferId);
        AssertInvariants(racer.Ledger);
    }

    [Fact]
    public async Task A_writer_that_loses_every_race_throws_and_writes_nothing()
    {
        var clock = NewClock();
        var inner = new InMemoryRecordStore();
        var rival = await PersistentLedger.OpenAsync(inner, clock);
        await rival.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(0), Asset.Points, Guid.Empty, 1, floor: null)));
        var n = 0;
        var racing = new RacingStore(inner, async () =>
        {
            n++;
            await rival.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(10 + n), Asset.Points, Guid.Empty, 1)));
        }, races: int.MaxValue);
        var racer = await PersistentLedger.OpenAsync(racing, clock);

        await Assert.ThrowsAsync<LedgerConcurrencyException>(async () => await racer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(1), Asset.Points, Guid.Empty, 1))));

        Assert.Equal(racer.MaxAttempts, racing.Conflicts);
        var stored = await ReadAll(inner);
        Assert.DoesNotContain(stored, e => e.AccountId == AccountAt(1));
        Assert.Equal(1 + racer.MaxAttempts, stored.Count);

        // Once caught up, the in-memory ledger holds no decision the store refused, and the writer works again.
        await racer.CatchUpAsync();
        Assert.False(racer.Ledger.TryGetAccount(AccountAt(1), out _));
        Assert.Equal(stored, racer.Ledger.Journal);
        var calm = await PersistentLedger.OpenAsync(inner, clock);
        Assert.Equal(AccountResult.Ok, await calm.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(1), Asset.Points, Guid.Empty, 1))));
        Assert.Equal(AccountResult.Exists, await racer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(1), Asset.Points, Guid.Empty, 1))));
        Assert.Equal(await ReadAll(inner), racer.Ledger.Journal);
    }

    [Fact]
    public async Task Writers_on_parallel_threads_apply_each_transfer_id_once_and_converge()
    {
        var clock = NewClock();
        var store = new InMemoryRecordStore();
        var setup = await PersistentLedger.OpenAsync(store, clock);
        var mint = AccountAt(0);
        await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(mint, Asset.Points, Guid.Empty, 1, floor: null)));
        for (var i = 1; i <= 4; i++)
        {
            var id = AccountAt(i);
            await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(id, Asset.Points, Guid.Empty, 2)));
        }

        // Four writers submit overlapping sets of ids (each id always with the same content) from four threads.
        var writers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async w =>
        {
            var writer = await PersistentLedger.OpenAsync(store, clock);
            return writer;
        }));
        var tasks = writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var k = 0; k < 40; k++)
            {
                var t = (k + (w * 10)) % 60;
                var request = t % 3 == 0
                    ? TransferRequest.Post(TransferAt(t), mint, AccountAt(1 + (t % 4)), 1 + t, 1)
                    : TransferRequest.Post(TransferAt(t), AccountAt(1 + (t % 4)), AccountAt(1 + ((t + 1) % 4)), 1 + (t % 7), 1);
                while (true)
                {
                    try
                    {
                        var result = await writer.ExecuteAsync(l => l.Submit(request));
                        Assert.NotEqual(TransferResult.LinkedEventFailed, result);
                        Assert.DoesNotContain(result, new[] { TransferResult.ExistsWithDifferentAmount, TransferResult.ExistsWithDifferentDebitAccount });
                        break;
                    }
                    catch (LedgerConcurrencyException)
                    {
                        // Safe to retry with the same id.
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var stored = await ReadAll(store);
        AssertEachIdCreatedOnce(stored);
        Assert.Equal(65, stored.Count); // 5 openings + one entry (applied or rejected) for each of the 60 ids
        foreach (var writer in writers)
        {
            await writer.CatchUpAsync();
            Assert.Equal(stored, writer.Ledger.Journal);
            AssertInvariants(writer.Ledger);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reads
    // ------------------------------------------------------------------------------------------------------------

    [Property(MaxTest = 60, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public async Task ReadAccountAsync_returns_exactly_the_entries_touching_the_account_in_version_order(LedgerScript script)
    {
        var (store, writer, _) = await Persist(script);
        var journal = writer.Ledger.Journal;
        for (var i = 0; i < LedgerGen.AccountPool; i++)
        {
            var id = AccountAt(i);
            var expected = journal.Where(e => Touches(e, id)).ToArray();
            var read = await ReadAccount(store, id);
            Assert.Equal(expected, read);
            Assert.Equal(Enumerable.Range(1, read.Count).Select(static v => (long)v), read.Select(e => e.VersionOf(id)));
            if (!writer.Ledger.TryGetAccount(id, out var account))
            {
                Assert.Empty(read);
                continue;
            }

            Assert.Equal(account.Version, read.Count);
            Assert.Equal(expected, writer.Ledger.GetAccountEntries(id));
            foreach (var after in new long[] { 1, read.Count / 2, read.Count, read.Count + 3 })
            {
                Assert.Equal(expected.Skip((int)Math.Min(after, expected.Length)), await ReadAccount(store, id, after));
                Assert.Equal(expected.Skip((int)Math.Min(after, expected.Length)), writer.Ledger.GetAccountEntries(id, after));
            }
        }
    }

    [Property(MaxTest = 60, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public async Task FindTransferAsync_finds_the_entry_that_applied_or_rejected_each_id(LedgerScript script)
    {
        var (store, writer, driver) = await Persist(script);
        foreach (var id in driver.Ids.Where(static i => !i.IsEmpty))
        {
            var found = await store.FindTransferAsync(id);
            if (!writer.Ledger.TryGetTransfer(id, out var t))
            {
                Assert.Null(found);
                continue;
            }

            Assert.NotNull(found);
            var e = found.Value;
            Assert.Equal(id, e.TransferId);
            Assert.Equal(t.Position, e.Position);
            Assert.Equal(writer.Ledger.Journal[(int)t.Position - 1], e);
            Assert.Equal(t.IsFailed, e.Kind == LedgerEventKind.TransferRejected);
            if (t.IsFailed) Assert.Equal(t.FailedWith, e.Rejection);
            Assert.NotEqual(LedgerEventKind.PendingExpired, e.Kind);
        }

        for (var i = 0; i < LedgerGen.AccountPool; i++)
        {
            Assert.Null(await store.FindTransferAsync(new TransferId(AccountAt(i).Value)));
        }

        Assert.Null(await store.FindTransferAsync(TransferId.New()));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Statements
    // ------------------------------------------------------------------------------------------------------------

    [Property(MaxTest = 60, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public async Task Statements_add_up_and_agree_with_the_balances_at_their_ends(LedgerScript script)
    {
        var (_, writer, _) = await Persist(script);
        var ledger = writer.Ledger;
        var journal = ledger.Journal;
        if (journal.Count == 0) return;

        // Boundaries: before everything, exactly at entries' timestamps, just after them, and after everything.
        var instants = new List<Instant> { journal[0].Timestamp - Duration.FromDays(1) };
        for (var i = 0; i < journal.Count; i += Math.Max(1, journal.Count / 6))
        {
            instants.Add(journal[i].Timestamp);
            instants.Add(journal[i].Timestamp + Duration.Epsilon);
        }

        instants.Add(journal[^1].Timestamp + Duration.FromDays(1));
        instants.Sort();

        foreach (var account in ledger.Accounts)
        {
            var id = account.Id;
            foreach (var start in instants)
            {
                foreach (var end in instants.Where(e => e >= start))
                {
                    var s = ledger.GetStatement(id, new NodaInterval(start, end));
                    CheckStatement(journal, id, s, start, end);
                }

                // Open-ended: the closing balance is today's balance.
                var open = ledger.GetStatement(id, new NodaInterval(start, null));
                CheckStatement(journal, id, open, start, Instant.MaxValue);
                Assert.Equal(ledger.GetBalance(id), open.ClosingBalance);
            }

            var all = ledger.GetStatement(id, new NodaInterval(null, null));
            Assert.Equal(0, all.OpeningBalance);
            Assert.Equal(ledger.GetBalance(id), all.ClosingBalance);
            Assert.Equal(account.CreditsPosted, all.TotalCredits);
            Assert.Equal(account.DebitsPosted, all.TotalDebits);

            // Consecutive periods chain: one's closing is the next one's opening.
            for (var i = 0; i + 2 < instants.Count; i++)
            {
                Assert.Equal(
                    ledger.GetStatement(id, new NodaInterval(instants[i], instants[i + 1])).ClosingBalance,
                    ledger.GetStatement(id, new NodaInterval(instants[i + 1], instants[i + 2])).OpeningBalance);
            }
        }
    }

    [Fact]
    public void A_statement_lists_posts_posted_pendings_and_reversals_but_not_reservations()
    {
        var clock = NewClock();
        var ledger = new DoubleEntryLedger(clock);
        var mint = AccountAt(0);
        var a = AccountAt(1);
        var b = AccountAt(2);
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(mint, Asset.Points, Guid.Empty, 1, floor: null)));
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(a, Asset.Points, Guid.Empty, 1)));
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(b, Asset.Points, Guid.Empty, 1)));
        clock.AdvanceHours(1);
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Post(TransferAt(0), mint, a, 100, 7, "deposit")));
        var periodStart = clock.GetCurrentInstant() + Duration.FromMinutes(30);
        clock.AdvanceHours(1);
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Pending(TransferAt(1), a, b, 40, 8)));
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.PostPending(TransferAt(2), TransferAt(1), 30)));
        Assert.Equal(TransferResult.ExceedsFloor, ledger.Submit(TransferRequest.Post(TransferAt(3), a, b, 1_000, 1)));
        Assert.Equal(AccountResult.Ok, ledger.FreezeAccount(a));
        Assert.Equal(AccountResult.Ok, ledger.UnfreezeAccount(a));
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Reverse(TransferAt(4), TransferAt(2))));
        var periodEnd = clock.GetCurrentInstant() + Duration.FromMinutes(30);
        clock.AdvanceHours(1);
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Post(TransferAt(5), a, b, 1, 1)));

        var s = ledger.GetStatement(a, new NodaInterval(periodStart, periodEnd));
        Assert.Equal((a, Asset.Points, 100L, 100L), (s.AccountId, s.Asset, s.OpeningBalance, s.ClosingBalance));
        Assert.Equal(
            new[] { (TransferAt(2), LedgerEventKind.PendingPosted, b, -30L, 70L, 8), (TransferAt(4), LedgerEventKind.TransferReversed, b, 30L, 100L, 8) },
            s.Lines.Select(static l => (l.TransferId, l.Kind, l.CounterpartyAccountId, l.Change, l.BalanceAfter, l.Code)));
        Assert.Equal((30L, 30L), (s.TotalCredits, s.TotalDebits));
        Assert.Equal(99, ledger.GetStatement(a, new NodaInterval(periodStart, null)).ClosingBalance);
        Assert.Equal("deposit", ledger.GetStatement(a, new NodaInterval(null, periodStart)).Lines.Single().Memo);
        Assert.Throws<KeyNotFoundException>(() => ledger.GetStatement(AccountAt(9), new NodaInterval(null, null)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    private static void CheckStatement(IReadOnlyList<LedgerEvent> journal, AccountId id, AccountStatement s, Instant start, Instant end)
    {
        // Worked out from the journal directly: movements before the start, and those in [start, end).
        var moves = journal.Where(e => e.MovesPostedBalance && (e.DebitAccountId == id || e.CreditAccountId == id))
            .Select(e => (Entry: e, Change: e.DebitAccountId == id ? -e.Amount : e.Amount))
            .ToArray();
        var opening = moves.Where(m => m.Entry.Timestamp < start).Aggregate(Int128.Zero, static (sum, m) => sum + m.Change);
        var inPeriod = moves.Where(m => m.Entry.Timestamp >= start && m.Entry.Timestamp < end).ToArray();
        Assert.Equal(opening, (Int128)s.OpeningBalance);
        Assert.Equal(inPeriod.Select(static m => (m.Entry.Position, m.Entry.TransferId, m.Change)), s.Lines.Select(static l => (l.Position, l.TransferId, l.Change)));
        var running = (Int128)s.OpeningBalance;
        foreach (var line in s.Lines)
        {
            running += line.Change;
            Assert.Equal(running, (Int128)line.BalanceAfter);
            Assert.True(line.Timestamp >= start && line.Timestamp < end);
        }

        Assert.Equal(running, (Int128)s.ClosingBalance);
        Assert.Equal(inPeriod.Aggregate(opening, static (sum, m) => sum + m.Change), (Int128)s.ClosingBalance);
        Assert.Equal((Int128)s.ClosingBalance - s.OpeningBalance, (Int128)s.TotalCredits - s.TotalDebits);
    }

    private static bool Touches(LedgerEvent e, AccountId id)
        => e.IsAccountEvent ? e.AccountId == id : e.Kind != LedgerEventKind.TransferRejected && (e.DebitAccountId == id || e.CreditAccountId == id);

    private static void AssertEachIdCreatedOnce(List<LedgerEvent> journal)
    {
        var creating = journal.Where(static e => !e.IsAccountEvent && e.Kind != LedgerEventKind.PendingExpired).Select(static e => e.TransferId).ToArray();
        Assert.Equal(creating.Length, creating.Distinct().Count());
        var resolved = journal.Where(static e => e.Kind is LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired)
            .Select(static e => e.RelatedTransferId).ToArray();
        Assert.Equal(resolved.Length, resolved.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(static p => (long)p), journal.Select(static e => e.Position));
    }

    private static void AssertSameLedger(DoubleEntryLedger expected, DoubleEntryLedger actual, IEnumerable<TransferId> ids)
    {
        Assert.Equal(expected.Journal, actual.Journal);
        Assert.Equal(expected.Accounts.OrderBy(static a => a.Id), actual.Accounts.OrderBy(static a => a.Id));
        foreach (var id in ids)
        {
            Assert.Equal(expected.TryGetTransfer(id, out var a), actual.TryGetTransfer(id, out var b));
            Assert.Equal(a, b);
        }
    }

    private static async Task<List<LedgerEvent>> ReadAll(InMemoryRecordStore store, long after = 0)
    {
        var all = new List<LedgerEvent>();
        await foreach (var e in store.ReadJournalAsync(after)) all.Add(e);
        return all;
    }

    private static async Task<List<LedgerEvent>> ReadAccount(InMemoryRecordStore store, AccountId id, long after = 0)
    {
        var all = new List<LedgerEvent>();
        await foreach (var e in store.ReadAccountAsync(id, after)) all.Add(e);
        return all;
    }

    /// <summary>The entries <paramref name="request"/> would append next, decided on a copy of the ledger.</summary>
    private static LedgerEvent[] Next(DoubleEntryLedger ledger, TransferRequest request)
    {
        var copy = DoubleEntryLedger.Replay(ledger.Journal, ledger.Clock);
        Assert.Equal(TransferResult.Ok, copy.Submit(request));
        return copy.Journal.Skip((int)ledger.Position).ToArray();
    }

    private static async Task<(InMemoryRecordStore Store, DoubleEntryLedger Ledger)> Filled()
    {
        var clock = NewClock();
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, clock);
        await writer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(0), Asset.Points, Guid.Empty, 1, floor: null)));
        await writer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(AccountAt(1), Asset.Points, Guid.Empty, 1)));
        await writer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), AccountAt(0), AccountAt(1), 10, 1)));
        await writer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), AccountAt(1), AccountAt(0), 11, 1)));
        Assert.Equal(4, await store.GetPositionAsync());
        return (store, writer.Ledger);
    }

    private static async Task<(InMemoryRecordStore Store, PersistentLedger Writer, ScriptDriver Driver)> Persist(LedgerScript script)
    {
        var clock = NewClock();
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, clock);
        var driver = new ScriptDriver(clock);
        foreach (var op in script.Ops) await driver.ExecuteAsync(writer, op);
        Assert.Equal(writer.Ledger.Journal, await ReadAll(store));
        return (store, writer, driver);
    }
}

/// <summary>Runs script operations through <see cref="PersistentLedger.ExecuteAsync"/>.</summary>
internal sealed class ScriptDriver(FakeClock clock)
{
    private static readonly Guid Owner = new("5e1f0000-0000-0000-0000-000000000001");
    private readonly SpecResolver _resolver = new();

    public IEnumerable<TransferId> Ids => _resolver.Ids;

    public List<TransferRequest> AppliedRequests { get; } = [];

    /// <summary>Runs one op; returns the transfer requests it decided and their answers (a single submit, or every
    /// member of a batch that applied; members of a failed batch were not decided on their own).</summary>
    public async Task<IReadOnlyList<(TransferRequest Request, TransferResult Result)>> ExecuteAsync(PersistentLedger writer, Op op)
    {
        switch (op)
        {
            case OpenOp o when !(o.Floor > o.Ceiling):
                var opening = new OpenAccountRequest(AccountAt(o.Account), SpecResolver.AssetOf(o.Asset), o.Owner == 0 ? Guid.Empty : Owner, o.Code, o.Floor, o.Ceiling);
                await writer.ExecuteAsync(l => l.OpenAccount(opening));
                return [];
            case SubmitOp s:
            {
                var request = _resolver.Resolve(s.Spec, clock.GetCurrentInstant());
                var result = await writer.ExecuteAsync(l => l.Submit(request));
                if (result == TransferResult.Ok) Applied(request);
                return [(request, result)];
            }

            case LinkedOp l:
            {
                var requests = new List<TransferRequest>();
                for (var i = 0; i <= l.Members.Length; i++)
                {
                    if (i == l.PoisonAt) requests.Add(_resolver.Poison(l.Members.Length + i));
                    if (i < l.Members.Length) requests.Add(_resolver.Resolve(l.Members[i], clock.GetCurrentInstant()));
                }

                var batch = requests.ToArray();
                var (code, results) = await writer.ExecuteAsync(ledger =>
                {
                    var r = new TransferResult[batch.Length];
                    return (ledger.SubmitLinked(batch, r), r);
                });
                if (code != TransferResult.Ok) return [];
                for (var i = 0; i < batch.Length; i++)
                {
                    if (results[i] == TransferResult.Ok) Applied(batch[i]);
                }

                return batch.Zip(results).ToArray();
            }

            case AdvanceOp a:
                clock.AdvanceSeconds(a.Seconds);
                if (a.Expire) await writer.ExecuteAsync(static l => l.ExpirePending());
                return [];
            case FreezeOp f:
                await writer.ExecuteAsync(l => l.FreezeAccount(AccountAt(f.Account)));
                return [];
            case UnfreezeOp u:
                await writer.ExecuteAsync(l => l.UnfreezeAccount(AccountAt(u.Account)));
                return [];
            case CloseOp c:
                await writer.ExecuteAsync(l => l.CloseAccount(AccountAt(c.Account)));
                return [];
            case LimitsOp m when !(m.Floor > m.Ceiling):
                await writer.ExecuteAsync(l => l.ChangeLimits(AccountAt(m.Account), m.Floor, m.Ceiling));
                return [];
            default:
                return [];
        }
    }

    private void Applied(TransferRequest request)
    {
        _resolver.Applied(request);
        AppliedRequests.Add(request);
    }
}

/// <summary>A store that lets a rival write first: before each of the first <c>races</c> appends it runs
/// <c>rival</c>, so the append it forwards is at a stale position.</summary>
internal sealed class RacingStore(IRecordStore inner, Func<Task> rival, int races = 1) : IRecordStore
{
    private int _left = races;

    public int Conflicts { get; private set; }

    public async ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
    {
        if (_left > 0)
        {
            _left--;
            await rival();
        }

        var result = await inner.AppendAsync(batch, cancellationToken);
        if (result.Status == AppendStatus.WrongExpectedVersion) Conflicts++;
        return result;
    }

    public IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default)
        => inner.ReadAllAsync(afterPosition, cancellationToken);

    public IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default)
        => inner.ReadStreamAsync(stream, afterVersion, cancellationToken);

    public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default)
        => inner.GetStreamVersionAsync(stream, cancellationToken);

    public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default)
        => inner.GetPositionAsync(cancellationToken);

    public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default)
        => inner.FindItemAsync(item, cancellationToken);

    public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default)
        => inner.SaveSnapshotAsync(snapshot, cancellationToken);

    public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default)
        => inner.LoadSnapshotAsync(stream, cancellationToken);
}

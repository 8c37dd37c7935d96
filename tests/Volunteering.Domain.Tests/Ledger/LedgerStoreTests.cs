using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Scripts;
using static Volunteering.Domain.Tests.Ledger.LedgerTestKit;
using NodaInterval = NodaTime.Interval;

namespace Volunteering.Domain.Tests.Ledger;

/// <summary>
/// <see cref="PersistentLedger"/> on <see cref="InMemoryRecordStore"/>: a writer that loses races decides again or
/// gives up without writing, and statements over persisted random scripts. The store contract itself, reopening,
/// writers sharing a store, per-account reads and transfer look-ups are checked by the conformance kit
/// (<c>Volunteering.Storage.Testing</c>), which <c>Storage/InMemoryStoreConformanceTests.cs</c> runs against the
/// in-memory store.
/// </summary>
public class LedgerStoreTests
{
    // ------------------------------------------------------------------------------------------------------------
    // Writers that lose races
    // ------------------------------------------------------------------------------------------------------------

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

    private static void AssertEachIdCreatedOnce(List<LedgerEvent> journal)
    {
        var creating = journal.Where(static e => !e.IsAccountEvent && e.Kind != LedgerEventKind.PendingExpired).Select(static e => e.TransferId).ToArray();
        Assert.Equal(creating.Length, creating.Distinct().Count());
        var resolved = journal.Where(static e => e.Kind is LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired)
            .Select(static e => e.RelatedTransferId).ToArray();
        Assert.Equal(resolved.Length, resolved.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(static p => (long)p), journal.Select(static e => e.Position));
    }

    private static async Task<List<LedgerEvent>> ReadAll(InMemoryRecordStore store, long after = 0)
    {
        var all = new List<LedgerEvent>();
        await foreach (var e in store.ReadJournalAsync(after)) all.Add(e);
        return all;
    }

    private static async Task<(InMemoryRecordStore Store, PersistentLedger Writer, LedgerScriptDriver Driver)> Persist(LedgerScript script)
    {
        var clock = NewClock();
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, clock);
        var driver = new LedgerScriptDriver(clock);
        foreach (var op in script.Ops) await driver.ExecuteAsync(writer, op);
        Assert.Equal(writer.Ledger.Journal, await ReadAll(store));
        return (store, writer, driver);
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

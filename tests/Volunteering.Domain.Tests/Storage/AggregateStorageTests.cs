using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Storage;

/// <summary><see cref="AggregateRoot{TEvent}"/>, <see cref="AggregateRepository{TAggregate, TEvent}"/> and
/// <see cref="UnitOfWork"/> on the reference store, with a small aggregate made for the test.</summary>
public class AggregateStorageTests
{
    private readonly InMemoryRecordStore _store = new();
    private readonly AggregateRepository<Tally, TallyEvent> _tallies;

    public AggregateStorageTests() => _tallies = new AggregateRepository<Tally, TallyEvent>(_store, static s => new Tally(s));

    [Fact]
    public async Task An_aggregate_saved_and_loaded_has_the_same_state_and_versions()
    {
        var tally = Tally.Start("visits");
        tally.Count(Guid.NewGuid(), 3);
        tally.Count(Guid.NewGuid(), 4);
        Assert.Equal(3, tally.Version);
        Assert.Equal(0, tally.SavedVersion);
        Assert.Equal(3, tally.UnsavedEvents.Count);

        Assert.True((await _tallies.SaveAsync(tally)).IsAppended);
        Assert.Empty(tally.UnsavedEvents);
        Assert.Equal(3, tally.SavedVersion);

        var loaded = await _tallies.LoadAsync(tally.Stream);
        Assert.NotNull(loaded);
        Assert.Equal(("visits", 7L, 3L, 3L), (loaded.Name, loaded.Total, loaded.Version, loaded.SavedVersion));
        Assert.Null(await _tallies.LoadAsync(StreamName.For("tally", Guid.NewGuid())));
    }

    [Fact]
    public async Task A_kept_aggregate_is_refreshed_with_only_the_records_stored_since_and_one_with_unsaved_events_is_not()
    {
        var tally = Tally.Start("visits");
        await _tallies.SaveAsync(tally);
        var kept = (await _tallies.LoadAsync(tally.Stream))!;
        var other = (await _tallies.LoadAsync(tally.Stream))!;
        other.Count(Guid.NewGuid(), 5);
        other.Count(Guid.NewGuid(), 6);
        await _tallies.SaveAsync(other);

        Assert.Equal(2, await _tallies.RefreshAsync(kept));
        Assert.Equal((11L, 3L, 3L), (kept.Total, kept.Version, kept.SavedVersion));
        Assert.Equal(0, await _tallies.RefreshAsync(kept));

        kept.Count(Guid.NewGuid(), 1);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _tallies.RefreshAsync(kept));
    }

    [Fact]
    public async Task Two_writers_changing_one_aggregate_conflict_and_the_loser_saves_nothing()
    {
        var tally = Tally.Start("visits");
        await _tallies.SaveAsync(tally);
        var a = (await _tallies.LoadAsync(tally.Stream))!;
        var b = (await _tallies.LoadAsync(tally.Stream))!;
        a.Count(Guid.NewGuid(), 1);
        b.Count(Guid.NewGuid(), 10);

        Assert.True((await _tallies.SaveAsync(a)).IsAppended);
        var lost = await _tallies.SaveAsync(b);
        Assert.Equal(AppendResult.VersionConflict(tally.Stream, 1, 2), lost);
        Assert.Single(b.UnsavedEvents);
        Assert.Equal(1, (await _tallies.LoadAsync(tally.Stream))!.Total);
    }

    [Fact]
    public async Task An_event_key_makes_a_command_apply_once_across_aggregates()
    {
        var id = Guid.NewGuid();
        var first = Tally.Start("one");
        first.Count(id, 5);
        Assert.True((await _tallies.SaveAsync(first)).IsAppended);

        var second = Tally.Start("two");
        second.Count(id, 5);
        var result = await _tallies.SaveAsync(second);
        Assert.Equal(AppendResult.Duplicate(new ItemKey("tally.count", id)), result);
        Assert.Null(await _tallies.LoadAsync(second.Stream));
    }

    [Fact]
    public async Task A_unit_of_work_saves_aggregates_and_ledger_entries_together_or_not_at_all()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 5, 1, 0, 0));
        var ledger = await PersistentLedger.OpenAsync(_store, clock);
        var issuing = AccountId.New();
        var member = AccountId.New();
        ledger.Ledger.OpenAccount(new OpenAccountRequest(issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null));
        ledger.Ledger.OpenAccount(new OpenAccountRequest(member, Asset.TimeCredit, Guid.NewGuid(), 2));
        var tally = Tally.Start("credited");
        Assert.True((await new UnitOfWork(_store).Add(tally).AddLedger(ledger).CommitAsync()).IsAppended);
        Assert.Equal(2, ledger.SavedPosition);

        // A stale copy of the aggregate makes the whole unit fail: the ledger's transfer is not stored either.
        var stale = (await _tallies.LoadAsync(tally.Stream))!;
        tally.Count(Guid.NewGuid(), 1);
        await _tallies.SaveAsync(tally);
        stale.Count(Guid.NewGuid(), 60);
        var transfer = TransferId.New();
        Assert.Equal(TransferResult.Ok, ledger.Ledger.Submit(TransferRequest.Post(transfer, issuing, member, 60, 1)));
        var failed = await new UnitOfWork(_store).Add(stale).AddLedger(ledger).CommitAsync();
        Assert.Equal(AppendStatus.WrongExpectedVersion, failed.Status);
        Assert.Null(await _store.FindTransferAsync(transfer));
        await ledger.CatchUpAsync();
        Assert.False(ledger.Ledger.TryGetTransfer(transfer, out _));

        // Decided again on fresh state, the unit goes through whole.
        var fresh = (await _tallies.LoadAsync(tally.Stream))!;
        fresh.Count(Guid.NewGuid(), 60);
        Assert.Equal(TransferResult.Ok, ledger.Ledger.Submit(TransferRequest.Post(transfer, issuing, member, 60, 1)));
        var unit = new UnitOfWork(_store).Add(fresh).AddLedger(ledger);
        Assert.Equal(2, unit.Count);
        Assert.True((await unit.CommitAsync()).IsAppended);
        Assert.Equal(61, (await _tallies.LoadAsync(tally.Stream))!.Total);
        Assert.Equal(60, (await _store.GetBalanceAsync(member))!.Value.Posted);
        Assert.True((await LedgerAudit.VerifyAsync(_store)).IsClean);
    }

    [Fact]
    public async Task Linked_events_appear_in_the_linked_stream_and_loading_that_aggregate_skips_them()
    {
        var owner = Tally.Start("owner");
        await _tallies.SaveAsync(owner);
        var counter = Tally.Start("counter", linkTo: owner.Stream);
        counter.Count(Guid.NewGuid(), 2);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await new UnitOfWork(_store).Add(counter).CommitAsync());

        var unit = new UnitOfWork(_store).ExpectLink(owner.Stream, await _store.GetStreamVersionAsync(owner.Stream)).Add(counter);
        Assert.True((await unit.CommitAsync()).IsAppended);
        Assert.Equal(3, await _store.GetStreamVersionAsync(owner.Stream));
        var reloaded = (await _tallies.LoadAsync(owner.Stream))!;
        Assert.Equal((0L, 1L), (reloaded.Total, reloaded.Version));
    }

    /// <summary>A running total with a name: enough of an aggregate to exercise the storage pattern.</summary>
    private sealed class Tally(StreamName stream) : AggregateRoot<TallyEvent>
    {
        public override StreamName Stream { get; } = stream;

        public string Name { get; private set; } = "";

        public long Total { get; private set; }

        public StreamName LinkTo { get; private set; }

        public static Tally Start(string name, StreamName linkTo = default)
        {
            var tally = new Tally(StreamName.For("tally", Guid.NewGuid()));
            tally.Raise(new TallyStarted(name, linkTo.IsEmpty ? null : linkTo.Value));
            return tally;
        }

        public void Count(Guid id, long amount) => Raise(new TallyCounted(id, amount));

        protected override void Apply(TallyEvent e)
        {
            switch (e)
            {
                case TallyStarted s:
                    Name = s.Name;
                    LinkTo = s.LinkTo is null ? default : new StreamName(s.LinkTo);
                    break;
                case TallyCounted c:
                    Total += c.Amount;
                    break;
            }
        }

        public override ItemKey ItemKeyOf(TallyEvent e) => e is TallyCounted c ? new ItemKey("tally.count", c.Id) : default;

        public override IReadOnlyList<StreamName> LinksOf(TallyEvent e) => LinkTo.IsEmpty ? [] : [LinkTo];
    }

    private abstract record TallyEvent;

    private sealed record TallyStarted(string Name, string? LinkTo) : TallyEvent;

    private sealed record TallyCounted(Guid Id, long Amount) : TallyEvent;
}

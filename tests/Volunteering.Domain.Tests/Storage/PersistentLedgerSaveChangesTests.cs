using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Storage;

/// <summary><see cref="PersistentLedger.SaveChangesAsync"/>: changes made directly on the in-memory ledger are saved as
/// one batch, or discarded whole when another writer got there first.</summary>
public class PersistentLedgerSaveChangesTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromSeconds(1));
    private readonly AccountId _issuing = AccountId.New();
    private readonly AccountId _member = AccountId.New();

    [Fact]
    public async Task Direct_changes_are_saved_as_one_batch_and_survive_reopening()
    {
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, _clock);
        OpenAccounts(writer.Ledger);
        Assert.Equal(TransferResult.Ok, writer.Ledger.Submit(TransferRequest.Post(TransferId.New(), _issuing, _member, 90, 1)));
        Assert.Equal(0, writer.SavedPosition);
        Assert.Equal(0, await store.GetPositionAsync());

        var saved = await writer.SaveChangesAsync();
        Assert.Equal(AppendResult.Appended(3), saved);
        Assert.Equal(3, writer.SavedPosition);

        var reopened = await PersistentLedger.OpenAsync(store, _clock);
        Assert.Equal(90, reopened.Ledger.GetBalance(_member));
        Assert.True((await LedgerAudit.VerifyAsync(store)).IsClean);
    }

    [Fact]
    public async Task Saving_with_nothing_new_writes_nothing()
    {
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, _clock);
        OpenAccounts(writer.Ledger);
        await writer.SaveChangesAsync();

        Assert.Equal(AppendResult.Appended(2), await writer.SaveChangesAsync());
        Assert.Equal(2, await store.GetPositionAsync());
    }

    [Fact]
    public async Task Unsaved_changes_lose_to_another_writer_and_are_discarded_whole()
    {
        var store = new InMemoryRecordStore();
        var first = await PersistentLedger.OpenAsync(store, _clock);
        OpenAccounts(first.Ledger);
        await first.SaveChangesAsync();

        var second = await PersistentLedger.OpenAsync(store, _clock);
        Assert.Equal(TransferResult.Ok, await second.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _issuing, _member, 10, 1))));

        var lost = TransferId.New();
        var before = first.Ledger;
        Assert.Equal(TransferResult.Ok, before.Submit(TransferRequest.Post(lost, _issuing, _member, 50, 1)));
        var result = await first.SaveChangesAsync();
        Assert.Equal(AppendStatus.WrongExpectedVersion, result.Status);
        Assert.Equal(LedgerStreams.Journal, result.Stream);
        Assert.Equal(2, result.ExpectedVersion);
        Assert.Equal(3, result.ActualVersion);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await first.SaveChangesAsync());

        await first.CatchUpAsync();
        Assert.NotSame(before, first.Ledger);
        Assert.Equal(10, first.Ledger.GetBalance(_member));
        Assert.False(first.Ledger.TryGetTransfer(lost, out _));
        Assert.Null(await store.FindTransferAsync(lost));
    }

    [Fact]
    public async Task Unsaved_changes_survive_a_catch_up_when_nobody_else_wrote_and_ride_with_the_next_operation()
    {
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, _clock);
        OpenAccounts(writer.Ledger);
        await writer.CatchUpAsync();
        Assert.Equal(2, writer.Ledger.Position);
        Assert.Equal(0, writer.SavedPosition);

        Assert.Equal(TransferResult.Ok, await writer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _issuing, _member, 5, 1))));
        Assert.Equal(3, writer.SavedPosition);
        Assert.Equal(3, await store.GetStreamVersionAsync(LedgerStreams.Journal));
        Assert.True((await LedgerAudit.VerifyAsync(store)).IsClean);
    }

    private void OpenAccounts(DoubleEntryLedger ledger)
    {
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(_issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(_member, Asset.TimeCredit, Guid.NewGuid(), 2)));
    }
}

using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Ledger;

public class LedgerSmokeTests
{
    [Fact]
    public async Task Post_pending_batch_reverse_and_replay_hold_invariants()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromSeconds(1));
        var ledger = new DoubleEntryLedger(clock);
        var issuing = AccountId.New();
        var alice = AccountId.New();
        var bob = AccountId.New();
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(alice, Asset.TimeCredit, Guid.NewGuid(), 2)));
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(bob, Asset.TimeCredit, Guid.NewGuid(), 2)));

        var t1 = TransferId.New();
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Post(t1, issuing, alice, 816, 1)));
        Assert.Equal(TransferResult.Exists, ledger.Submit(TransferRequest.Post(t1, issuing, alice, 816, 1)));
        Assert.Equal(TransferResult.ExistsWithDifferentAmount, ledger.Submit(TransferRequest.Post(t1, issuing, alice, 817, 1)));
        var over = TransferId.New();
        Assert.Equal(TransferResult.ExceedsFloor, ledger.Submit(TransferRequest.Post(over, alice, bob, 1000, 2)));
        Assert.Equal(TransferResult.IdAlreadyFailed, ledger.Submit(TransferRequest.Post(over, alice, bob, 1000, 2)));

        var p = TransferId.New();
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Pending(p, alice, bob, 300, 3)));
        Assert.Equal(516, ledger.TryGetAccount(alice, out var a) ? a.Available : -1);
        var posted = TransferId.New();
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.PostPending(posted, p, 200)));
        Assert.Equal(TransferResult.PendingTransferAlreadyPosted, ledger.Submit(TransferRequest.VoidPending(TransferId.New(), p)));

        var results = new TransferResult[2];
        var batch = new[]
        {
            TransferRequest.Post(TransferId.New(), alice, bob, 10, 4),
            TransferRequest.Post(TransferId.New(), alice, bob, 100_000, 4),
        };
        var before = ledger.Position;
        Assert.Equal(TransferResult.ExceedsFloor, ledger.SubmitLinked(batch, results));
        Assert.Equal(new[] { TransferResult.LinkedEventFailed, TransferResult.ExceedsFloor }, results);
        Assert.Equal(before, ledger.Position);

        // Alice spent 200 of the 816, so reversing the deposit would take her below zero.
        Assert.Equal(TransferResult.ExceedsFloor, ledger.Submit(TransferRequest.Reverse(TransferId.New(), t1)));
        Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Reverse(TransferId.New(), posted)));
        Assert.Equal(816, ledger.GetBalance(alice));
        Assert.Equal(TransferResult.TransferAlreadyReversed, ledger.Submit(TransferRequest.Reverse(TransferId.New(), posted)));
        Assert.Empty(ledger.VerifyInvariants());

        var store = new InMemoryRecordStore();
        var durable = await PersistentLedger.OpenAsync(store, clock);
        foreach (var r in new[] { issuing, alice })
        {
            await durable.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(r, Asset.TimeCredit, Guid.Empty, 1, floor: r == issuing ? null : 0)));
        }

        Assert.Equal(TransferResult.Ok, await durable.ExecuteAsync(l => l.Submit(TransferRequest.Post(t1, issuing, alice, 816, 1))));
        var reopened = await PersistentLedger.OpenAsync(store, clock);
        Assert.Equal(816, reopened.Ledger.GetBalance(alice));
        Assert.Empty(reopened.Ledger.VerifyInvariants());
    }
}

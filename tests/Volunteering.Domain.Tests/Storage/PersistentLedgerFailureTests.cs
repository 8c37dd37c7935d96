using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Storage;

public class PersistentLedgerFailureTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromSeconds(1));
    private readonly AccountId _issuing = AccountId.New();
    private readonly AccountId _member = AccountId.New();

    [Fact]
    public async Task An_append_that_throws_leaves_no_unwritten_entry_to_build_on()
    {
        var store = new FlakyStore(new InMemoryRecordStore());
        var first = await PersistentLedger.OpenAsync(store, _clock);
        await OpenAccountsAsync(first);

        store.FailNextAppend = true;
        var lost = TransferId.New();
        await Assert.ThrowsAsync<IOException>(async () => await first.ExecuteAsync(l => l.Submit(TransferRequest.Post(lost, _issuing, _member, 60, 1))));

        // Another writer moves the store on meanwhile.
        var second = await PersistentLedger.OpenAsync(store, _clock);
        Assert.Equal(TransferResult.Ok, await second.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _issuing, _member, 30, 1))));

        // The first writer carries on: it must not build on the entry that was never written.
        Assert.Equal(TransferResult.Ok, await first.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _issuing, _member, 15, 1))));
        Assert.Equal(45, first.Ledger.GetBalance(_member));
        Assert.False(first.Ledger.TryGetTransfer(lost, out _));

        var reopened = await PersistentLedger.OpenAsync(store, _clock);
        Assert.Equal(45, reopened.Ledger.GetBalance(_member));
        Assert.Empty(reopened.Ledger.VerifyInvariants());
        Assert.Null(await store.FindTransferAsync(lost));
    }

    [Fact]
    public async Task A_transfer_id_equal_to_an_account_id_is_stored()
    {
        var store = new InMemoryRecordStore();
        var ledger = await PersistentLedger.OpenAsync(store, _clock);
        await OpenAccountsAsync(ledger);

        var sameGuid = new TransferId(_member.Value);
        Assert.Equal(TransferResult.Ok, await ledger.ExecuteAsync(l => l.Submit(TransferRequest.Post(sameGuid, _issuing, _member, 60, 1))));

        var found = await store.FindTransferAsync(sameGuid);
        Assert.NotNull(found);
        Assert.Equal(LedgerEventKind.TransferPosted, found.Value.Kind);
        var reopened = await PersistentLedger.OpenAsync(store, _clock);
        Assert.Equal(60, reopened.Ledger.GetBalance(_member));
    }

    private async Task OpenAccountsAsync(PersistentLedger ledger)
    {
        Assert.Equal(AccountResult.Ok, await ledger.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(_issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null))));
        Assert.Equal(AccountResult.Ok, await ledger.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(_member, Asset.TimeCredit, Guid.NewGuid(), 2))));
    }

    /// <summary>A real in-memory store whose next append can be made to fail after writing nothing, like a dropped
    /// connection.</summary>
    private sealed class FlakyStore(IRecordStore inner) : IRecordStore
    {
        public bool FailNextAppend { get; set; }

        public ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
        {
            if (FailNextAppend)
            {
                FailNextAppend = false;
                throw new IOException("connection dropped");
            }

            return inner.AppendAsync(batch, cancellationToken);
        }

        public IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, cancellationToken);

        public IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default) => inner.ReadStreamAsync(stream, afterVersion, cancellationToken);

        public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default) => inner.GetStreamVersionAsync(stream, cancellationToken);

        public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default) => inner.GetPositionAsync(cancellationToken);

        public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default) => inner.FindItemAsync(item, cancellationToken);

        public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default) => inner.SaveSnapshotAsync(snapshot, cancellationToken);

        public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default) => inner.LoadSnapshotAsync(stream, cancellationToken);
    }
}

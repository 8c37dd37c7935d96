using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Storage;

/// <summary><see cref="LedgerAudit"/> passes a sound store and names each kind of damage it is shown.</summary>
public class LedgerAuditTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromSeconds(1));
    private readonly AccountId _issuing = AccountId.New();
    private readonly AccountId _member = AccountId.New();
    private readonly AccountId _pool = AccountId.New();

    [Fact]
    public async Task A_store_written_through_PersistentLedger_is_clean()
    {
        var (store, ledger) = await FilledAsync();
        var report = await LedgerAudit.VerifyAsync(store);
        Assert.True(report.IsClean, string.Join("\n", report.Violations));
        Assert.Equal(ledger.Position, report.Entries);
        Assert.Equal(3, report.Accounts);
    }

    [Fact]
    public async Task An_empty_store_is_clean()
    {
        var report = await LedgerAudit.VerifyAsync(new InMemoryRecordStore());
        Assert.True(report.IsClean);
        Assert.Equal(0, report.Entries);
        Assert.Equal(0, report.Accounts);
    }

    [Fact]
    public async Task An_entry_whose_running_balance_contradicts_the_fold_is_reported()
    {
        var (_, ledger) = await FilledAsync();
        var entries = ledger.Journal.ToArray();
        var last = Array.FindLastIndex(entries, static e => e.Kind == LedgerEventKind.TransferPosted);
        entries[last] = entries[last] with { CreditAccountBalance = entries[last].CreditAccountBalance + 1 };
        var store = await RawStoreAsync(entries.Select(static e => LedgerStreams.ToRecord(e)));

        var report = await LedgerAudit.VerifyAsync(store);
        Assert.False(report.IsClean);
        Assert.Contains(report.Violations, static v => v.StartsWith("The journal does not replay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_record_not_linked_into_its_accounts_streams_is_reported()
    {
        var (_, ledger) = await FilledAsync();
        var records = ledger.Journal.Select(static e => LedgerStreams.ToRecord(e)).ToList();
        var e = ledger.Journal[^1];
        records[^1] = new NewRecord(LedgerStreams.Journal, e.Position, e, LedgerStreams.ItemOf(e));
        var store = await RawStoreAsync(records);

        var report = await LedgerAudit.VerifyAsync(store);
        Assert.Contains(report.Violations, v => v.Contains($"Journal record #{records.Count}", StringComparison.Ordinal) && v.Contains("is linked to []", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_record_claiming_the_wrong_key_is_reported()
    {
        var (_, ledger) = await FilledAsync();
        var records = ledger.Journal.Select(static e => LedgerStreams.ToRecord(e)).ToList();
        var e = ledger.Journal[^1];
        var wrong = new ItemKey(LedgerStreams.TransferScope, Guid.NewGuid());
        records[^1] = new NewRecord(LedgerStreams.Journal, e.Position, e, wrong, LedgerStreams.ToRecord(e).Links);
        var store = await RawStoreAsync(records);

        var report = await LedgerAudit.VerifyAsync(store);
        Assert.Contains(report.Violations, v => v.Contains($"claims key {wrong}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_foreign_payload_in_the_journal_is_reported()
    {
        var (_, ledger) = await FilledAsync();
        var records = ledger.Journal.Select(static e => LedgerStreams.ToRecord(e)).ToList();
        records.Add(new NewRecord(LedgerStreams.Journal, records.Count + 1, "not an entry"));
        var store = await RawStoreAsync(records);

        var report = await LedgerAudit.VerifyAsync(store);
        Assert.Contains(report.Violations, static v => v.Contains("holds a String, not a ledger entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_extra_record_slipped_into_an_account_stream_is_reported()
    {
        var (store, ledger) = await FilledAsync();
        var stream = LedgerStreams.Account(_member);
        var version = await store.GetStreamVersionAsync(stream);
        var stray = ledger.Journal[^1];
        Assert.True((await store.AppendAsync([new NewRecord(stream, version + 1, stray)])).IsAppended);

        var report = await LedgerAudit.VerifyAsync(store);
        Assert.Contains(report.Violations, v => v.Contains($"Account {_member}'s stream", StringComparison.Ordinal));
    }

    private async Task<(InMemoryRecordStore Store, DoubleEntryLedger Ledger)> FilledAsync()
    {
        var store = new InMemoryRecordStore();
        var writer = await PersistentLedger.OpenAsync(store, _clock);
        Assert.Equal(AccountResult.Ok, await writer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(_issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null))));
        Assert.Equal(AccountResult.Ok, await writer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(_member, Asset.TimeCredit, Guid.NewGuid(), 2))));
        Assert.Equal(AccountResult.Ok, await writer.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(_pool, Asset.TimeCredit, Guid.Empty, 3))));
        Assert.Equal(TransferResult.Ok, await writer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _issuing, _member, 120, 1))));
        Assert.Equal(TransferResult.Ok, await writer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _member, _pool, 30, 2))));
        Assert.Equal(TransferResult.ExceedsFloor, await writer.ExecuteAsync(l => l.Submit(TransferRequest.Post(TransferId.New(), _member, _pool, 1_000, 2))));
        Assert.Equal(AccountResult.Ok, await writer.ExecuteAsync(l => l.FreezeAccount(_pool)));
        return (store, writer.Ledger);
    }

    private static async Task<InMemoryRecordStore> RawStoreAsync(IEnumerable<NewRecord> records)
    {
        var store = new InMemoryRecordStore();
        foreach (var record in records) Assert.True((await store.AppendAsync([record])).IsAppended);
        return store;
    }
}

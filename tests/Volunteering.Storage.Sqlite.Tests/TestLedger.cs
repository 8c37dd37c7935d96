using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>Small ledgers and stores for the tests.</summary>
internal static class TestLedger
{
    public static FakeClock Clock() => new(Instant.FromUtc(2026, 3, 3, 6, 0), Duration.FromSeconds(1));

    public static SqliteStoreOptions Options(string file, SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full)
        => new(file) { Synchronous = synchronous };

    /// <summary>A ledger with an issuing account, <paramref name="members"/> member accounts and
    /// <paramref name="transfers"/> posted transfers from the issuer to the members in turn.</summary>
    public static (DoubleEntryLedger Ledger, AccountId Issuer, AccountId[] Members) Build(int members, int transfers)
    {
        var ledger = new DoubleEntryLedger(Clock());
        var issuer = AccountId.New();
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(issuer, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        var accounts = new AccountId[members];
        for (var i = 0; i < members; i++)
        {
            accounts[i] = AccountId.New();
            Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(accounts[i], Asset.TimeCredit, Guid.NewGuid(), 2)));
        }

        for (var t = 0; t < transfers; t++)
        {
            Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Post(TransferId.New(), issuer, accounts[t % members], 60 + t, 3, $"visit {t}")));
        }

        return (ledger, issuer, accounts);
    }

    public static async Task<List<StoredRecord>> ReadAllAsync(IRecordStore store, long afterPosition = 0)
    {
        var records = new List<StoredRecord>();
        await foreach (var record in store.ReadAllAsync(afterPosition)) records.Add(record);
        return records;
    }

    public static async Task<List<StoredRecord>> ReadStreamAsync(IRecordStore store, StreamName stream, long afterVersion = 0)
    {
        var records = new List<StoredRecord>();
        await foreach (var record in store.ReadStreamAsync(stream, afterVersion)) records.Add(record);
        return records;
    }

    /// <summary>Asserts two records are the same field for field: position, stream, version, links in order, key and
    /// payload.</summary>
    public static void AssertSame(StoredRecord expected, StoredRecord actual)
    {
        Assert.Equal(expected.Position, actual.Position);
        AssertSame(expected.Record, actual.Record);
    }

    public static void AssertSame(NewRecord expected, NewRecord actual)
    {
        Assert.Equal(expected.Stream, actual.Stream);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.Item, actual.Item);
        Assert.Equal(expected.Payload, actual.Payload);
    }
}

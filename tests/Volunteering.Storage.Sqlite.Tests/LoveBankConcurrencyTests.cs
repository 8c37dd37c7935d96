using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The love bank on a real SQLite file: concurrent reservations from several desks (each with its own
/// connection-backed store and ledger, as separate app servers would have) never oversell, and everything reads back
/// the same after a reopen.</summary>
public sealed class LoveBankConcurrencyTests
{
    private static readonly LoveBankRulebook Rules = new()
    {
        Earning = new EarningRules { PerDonatedItem = new PointRate(1, 1) },
        PointsLifetime = Period.FromYears(3),
    };

    [Fact]
    public async Task Parallel_reservations_from_separate_stores_on_one_file_never_oversell_and_the_books_balance()
    {
        using var folder = new TempFolder();
        var file = folder.File("lovebank.db");
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 2, 0));
        var scheme = new LoveBankScheme(SchemeId.New(), "Hunan Road love supermarket");
        var history = new RulebookHistory(Rules);
        var item = CatalogueItemId.New();
        var outlet = OutletId.New();
        var books = Enumerable.Range(0, 12).Select(_ => PassbookId.New()).ToArray();
        const int Units = 5;

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            var desk = new LoveBankDesk(store, await PersistentLedger.OpenAsync(store, clock), scheme, history, clock);
            Assert.Equal(LoveBankResult.Ok, await desk.OpenOutletAsync(outlet, "counter"));
            Assert.Equal(LoveBankResult.Ok, await desk.ListItemAsync(new CatalogueItem(item, "Umbrella", 10)));
            Assert.Equal(LoveBankResult.Ok, await desk.RestockAsync(TransferId.New(), item, outlet, Units, "donated"));
            foreach (var book in books)
            {
                Assert.Equal(LoveBankResult.Ok, await desk.OpenPassbookAsync(book, PassbookHolderKind.Household, Guid.NewGuid()));
                Assert.Equal(LoveBankResult.Ok, await desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 25)));
            }
        }

        // Four writers, each with its own store instance (own connections) and ledger, three passbooks each, all at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file));
            var desk = new LoveBankDesk(store, await PersistentLedger.OpenAsync(store, clock), scheme, history, clock) { MaxAttempts = 100 };
            var codes = new List<LoveBankResult>();
            for (var k = w; k < books.Length; k += 4)
            {
                var id = RedemptionId.New();
                var outcome = await desk.ReserveAsync(id, books[k], item, outlet, 1);
                codes.Add(outcome.Code);
                if (outcome.Code == LoveBankResult.Ok) Assert.Equal(LoveBankResult.Ok, await desk.FulfilAsync(id, outcome.RedemptionCode!));
            }

            return codes;
        })));

        var all = results.SelectMany(c => c).ToList();
        Assert.Equal(Units, all.Count(c => c == LoveBankResult.Ok));
        Assert.All(all.Where(c => c != LoveBankResult.Ok), c => Assert.Equal(LoveBankResult.OutOfStock, c));

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            var ledger = await PersistentLedger.OpenAsync(store, clock);
            var desk = new LoveBankDesk(store, ledger, scheme, history, clock);
            Assert.Equal(new StockLevel(0, 0), await desk.GetStockAsync(item, outlet));
            Assert.Empty(ledger.Ledger.VerifyInvariants());
            Assert.Empty((await LedgerAudit.VerifyAsync(store)).Violations);
            long spent = 0;
            foreach (var book in books)
            {
                var passbook = (await desk.LoadPassbookAsync(book))!;
                Assert.True(ledger.Ledger.TryGetAccount(scheme.PassbookAccountId(book), out var account));
                Assert.Equal((account.Available, account.DebitsPending), (passbook.Available, passbook.Reserved));
                spent += 25 - passbook.Balance;
            }

            Assert.Equal(Units * 10, spent);
            Assert.Equal(Units * 10, ledger.Ledger.GetBalance(scheme.RedeemedAccountId));
        }
    }
}

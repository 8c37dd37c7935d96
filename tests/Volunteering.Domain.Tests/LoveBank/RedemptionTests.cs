using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>The catalogue, stock per outlet, and two-phase redemption: reserve, fulfil with the code, cancel, lapse;
/// every rule with its code.</summary>
public class RedemptionTests
{
    [Fact]
    public async Task A_redemption_reserves_points_and_stock_and_fulfilment_with_the_code_makes_it_final()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync(umbrellas: 3);
        var book = await kit.FundedAsync(40);   // 40 + 5 points from 5 hours of service (2 + 2 + 1)
        var redemption = RedemptionId.New();

        var reserved = await kit.Desk.ReserveAsync(redemption, book, kit.Umbrella, kit.Station, 1);

        Assert.Equal(LoveBankResult.Ok, reserved.Code);
        Assert.Equal("00000001", reserved.RedemptionCode);
        Assert.Equal(kit.Clock.GetCurrentInstant() + Duration.FromDays(3), reserved.HoldUntil);
        var passbook = (await kit.Desk.LoadPassbookAsync(book))!;
        Assert.Equal((45L, 15L, 30L), (passbook.Balance, passbook.Available, passbook.Reserved));
        Assert.Equal(new StockLevel(3, 1), await kit.Desk.GetStockAsync(kit.Umbrella, kit.Station));
        Assert.DoesNotContain("00000001", passbook.Redemptions[redemption].CodeHash, StringComparison.Ordinal);

        Assert.Equal(LoveBankResult.WrongRedemptionCode, await kit.Desk.FulfilAsync(redemption, "12345678"));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.FulfilAsync(redemption, "00000001"));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.FulfilAsync(redemption, "00000001"));
        Assert.Equal(LoveBankResult.RedemptionAlreadyFulfilled, await kit.Desk.CancelAsync(redemption));

        Assert.Equal(15, kit.PointsOnLedger(book));
        Assert.Equal(new StockLevel(2, 0), await kit.Desk.GetStockAsync(kit.Umbrella, kit.Station));
        Assert.Equal(1, kit.Account(kit.Scheme.HandedOutAccountId(kit.Umbrella)).Balance);
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task Cancelling_or_lapsing_returns_points_and_stock_and_a_lapsed_code_no_longer_works()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync(sanitiser: 4);
        var book = await kit.FundedAsync(20);
        var cancelled = RedemptionId.New();
        var lapsing = RedemptionId.New();
        Assert.Equal(LoveBankResult.Ok, (await kit.Desk.ReserveAsync(cancelled, book, kit.Sanitiser, kit.Station, 2)).Code);
        var code = (await kit.Desk.ReserveAsync(lapsing, book, kit.Sanitiser, kit.Station, 1)).RedemptionCode!;
        Assert.Equal(new StockLevel(4, 3), await kit.Desk.GetStockAsync(kit.Sanitiser, kit.Station));

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.CancelAsync(cancelled));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.CancelAsync(cancelled));
        Assert.Equal(LoveBankResult.RedemptionCancelled, await kit.Desk.FulfilAsync(cancelled, "00000001"));

        kit.Clock.AdvanceDays(3);
        Assert.Equal(LoveBankResult.ReservationLapsed, await kit.Desk.FulfilAsync(lapsing, code));
        var lapsed = await kit.Desk.LapseReservationsAsync(book, kit.Clock.GetCurrentInstant());
        Assert.Equal(new ExpiryOutcome(LoveBankResult.Ok, 5, 1), lapsed);
        Assert.Equal(LoveBankResult.AlreadyDone, (await kit.Desk.LapseReservationsAsync(book, kit.Clock.GetCurrentInstant())).Code);
        Assert.Equal(LoveBankResult.RedemptionCancelled, await kit.Desk.FulfilAsync(lapsing, code));

        Assert.Equal(25, kit.PointsOnLedger(book));
        Assert.Equal(new StockLevel(4, 0), await kit.Desk.GetStockAsync(kit.Sanitiser, kit.Station));
        Assert.Equal(RedemptionStatus.Lapsed, (await kit.Desk.LoadPassbookAsync(book))!.Redemptions[lapsing].Status);
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task Each_rule_of_reservation_refuses_with_its_code_and_writes_nothing()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync(umbrellas: 1, sanitiser: 1);
        var rich = await kit.FundedAsync(100);
        var poor = await kit.FundedAsync(0);
        var newcomer = await kit.PersonAsync();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(newcomer, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 50)));
        var household = PassbookId.New();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.OpenPassbookAsync(household, PassbookHolderKind.Household, Guid.NewGuid()));
        var forHouseholds = CatalogueItemId.New();
        var later = CatalogueItemId.New();
        var ended = CatalogueItemId.New();
        var withdrawn = CatalogueItemId.New();
        var now = kit.Clock.GetCurrentInstant();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ListItemAsync(new CatalogueItem(forHouseholds, "Rice", 10) { OnlyFor = PassbookHolderKind.Household, MinimumServiceMinutes = 600 }));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ListItemAsync(new CatalogueItem(later, "Mooncakes", 10) { AvailableFrom = now + Duration.FromDays(200) }));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ListItemAsync(new CatalogueItem(ended, "Calendar", 10) { AvailableUntil = now }));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ListItemAsync(new CatalogueItem(withdrawn, "Towel", 10)));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.WithdrawItemAsync(withdrawn));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.WithdrawItemAsync(withdrawn));
        Assert.Equal(LoveBankResult.ItemNotFound, await kit.Desk.WithdrawItemAsync(CatalogueItemId.New()));
        var taken = RedemptionId.New();
        Assert.Equal(LoveBankResult.Ok, (await kit.Desk.ReserveAsync(taken, rich, kit.Sanitiser, kit.Station, 1)).Code);
        var position = await kit.Store.GetPositionAsync();

        async Task<LoveBankResult> Reserve(PassbookId book, CatalogueItemId item, int quantity = 1, OutletId? outlet = null, RedemptionId? id = null)
            => (await kit.Desk.ReserveAsync(id ?? RedemptionId.New(), book, item, outlet ?? kit.Station, quantity)).Code;

        Assert.Equal(LoveBankResult.PassbookNotFound, await Reserve(PassbookId.New(), kit.Umbrella));
        Assert.Equal(LoveBankResult.RedemptionIdTaken, await Reserve(rich, kit.Umbrella, id: taken));
        Assert.Equal(LoveBankResult.RedemptionIdTaken, await Reserve(poor, kit.Sanitiser, id: taken));
        Assert.Equal(LoveBankResult.AlreadyDone, await Reserve(rich, kit.Sanitiser, id: taken));
        Assert.Equal(LoveBankResult.ItemNotFound, await Reserve(rich, CatalogueItemId.New()));
        Assert.Equal(LoveBankResult.ItemWithdrawn, await Reserve(rich, withdrawn));
        Assert.Equal(LoveBankResult.ItemNotAvailable, await Reserve(rich, later));
        Assert.Equal(LoveBankResult.ItemNotAvailable, await Reserve(rich, ended));
        Assert.Equal(LoveBankResult.OutletNotFound, await Reserve(rich, kit.Umbrella, outlet: OutletId.New()));
        Assert.Equal(LoveBankResult.NotEligibleForItem, await Reserve(rich, forHouseholds));
        Assert.Equal(LoveBankResult.ServiceThresholdNotMet, await Reserve(household, forHouseholds));
        Assert.Equal(LoveBankResult.ServiceThresholdNotMet, await Reserve(newcomer, kit.Sanitiser));
        Assert.Equal(LoveBankResult.InsufficientPoints, await Reserve(poor, kit.Umbrella));
        Assert.Equal(LoveBankResult.OutOfStock, await Reserve(rich, kit.Sanitiser));
        Assert.Equal(LoveBankResult.LimitPerPeriodReached, await Reserve(rich, kit.Umbrella, quantity: 2));
        Assert.Equal(position, await kit.Store.GetPositionAsync());

        Assert.Equal(LoveBankResult.Ok, await Reserve(rich, kit.Umbrella));
        Assert.Equal(LoveBankResult.RedemptionNotFound, await kit.Desk.FulfilAsync(RedemptionId.New(), "1"));
        Assert.Equal(LoveBankResult.RedemptionNotFound, await kit.Desk.CancelAsync(RedemptionId.New()));
        await kit.AssertConsistentAsync(rich, poor, newcomer, household);
    }

    [Fact]
    public async Task The_limit_per_person_counts_calendar_periods_and_ignores_cancelled_reservations()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync(umbrellas: 5);
        var book = await kit.FundedAsync(200);
        var first = RedemptionId.New();
        Assert.Equal(LoveBankResult.Ok, (await kit.Desk.ReserveAsync(first, book, kit.Umbrella, kit.Station, 1)).Code);
        Assert.Equal(LoveBankResult.LimitPerPeriodReached, (await kit.Desk.ReserveAsync(RedemptionId.New(), book, kit.Umbrella, kit.Station, 1)).Code);
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.CancelAsync(first));
        Assert.Equal(LoveBankResult.Ok, (await kit.Desk.ReserveAsync(RedemptionId.New(), book, kit.Umbrella, kit.Station, 1)).Code);

        kit.Clock.Reset(Instant.FromUtc(2026, 1, 31, 16, 0));   // 1 February 00:00 in Shanghai
        Assert.Equal(LoveBankResult.Ok, (await kit.Desk.ReserveAsync(RedemptionId.New(), book, kit.Umbrella, kit.Station, 1)).Code);
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task Stock_moves_are_logged_idempotent_and_never_go_below_zero()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync(umbrellas: 0, sanitiser: 0);
        var delivery = TransferId.New();

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.RestockAsync(delivery, kit.Umbrella, kit.Station, 10, "donated by Suguo supermarket"));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.RestockAsync(delivery, kit.Umbrella, kit.Station, 10, "donated by Suguo supermarket"));
        Assert.Equal(LoveBankResult.MovementIdTaken, await kit.Desk.RestockAsync(delivery, kit.Umbrella, kit.Station, 11, "another"));
        Assert.Equal(LoveBankResult.ItemNotFound, await kit.Desk.RestockAsync(TransferId.New(), CatalogueItemId.New(), kit.Station, 1, "x"));
        Assert.Equal(LoveBankResult.OutletNotFound, await kit.Desk.RestockAsync(TransferId.New(), kit.Umbrella, OutletId.New(), 1, "x"));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.WriteOffAsync(TransferId.New(), kit.Umbrella, kit.Station, 3, "broken in the rain"));
        Assert.Equal(LoveBankResult.WriteOffExceedsStock, await kit.Desk.WriteOffAsync(TransferId.New(), kit.Umbrella, kit.Station, 8, "lost"));
        Assert.Equal(LoveBankResult.WriteOffExceedsStock, await kit.Desk.WriteOffAsync(TransferId.New(), kit.Sanitiser, kit.Station, 1, "lost"));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.OpenOutletAsync(kit.Station, "again"));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.ListItemAsync(new CatalogueItem(kit.Sanitiser, "Hand sanitiser", 5)));

        Assert.Equal(new StockLevel(7, 0), await kit.Desk.GetStockAsync(kit.Umbrella, kit.Station));
        var memos = kit.Ledger.Ledger.GetAccountEntries(kit.Scheme.StockAccountId(kit.Umbrella, kit.Station)).Select(e => e.Memo).OfType<string>().ToList();
        Assert.Contains(memos, m => m.Contains("restock: Umbrella: donated by Suguo supermarket", StringComparison.Ordinal));
        Assert.Contains(memos, m => m.Contains("write-off: Umbrella: broken in the rain", StringComparison.Ordinal));
        await kit.AssertConsistentAsync();
    }

    [Fact]
    public async Task Two_people_racing_for_the_last_item_never_both_get_it()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync(umbrellas: 1);
        var books = new List<PassbookId>();
        for (var i = 0; i < 6; i++) books.Add(await kit.FundedAsync(40));
        var desks = new List<LoveBankDesk>();
        foreach (var _ in books) desks.Add(await kit.OtherDeskAsync());

        var results = await Task.WhenAll(books.Select((b, i) => Task.Run(async () => (await desks[i].ReserveAsync(RedemptionId.New(), b, kit.Umbrella, kit.Station, 1)).Code)));

        Assert.Equal(1, results.Count(r => r == LoveBankResult.Ok));
        Assert.All(results.Where(r => r != LoveBankResult.Ok), r => Assert.Equal(LoveBankResult.OutOfStock, r));
        Assert.Equal(new StockLevel(1, 1), await kit.Desk.GetStockAsync(kit.Umbrella, kit.Station));
        await kit.AssertConsistentAsync([.. books]);
    }
}

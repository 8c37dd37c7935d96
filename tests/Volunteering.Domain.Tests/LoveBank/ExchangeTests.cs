using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>Exchanges between hours, points and voucher value: linked transfers through exchange accounts, one-way
/// unless the rule allows the reverse.</summary>
public class ExchangeTests
{
    [Fact]
    public async Task Hours_become_points_through_the_exchange_accounts_and_each_asset_still_sums_to_zero()
    {
        var kit = await LoveBankKit.CreateAsync();
        var records = kit.Records;
        var wang = await records.RegisterAsync();
        var activity = await records.PlanAsync(records.Station, new NodaTime.LocalDate(2026, 3, 3), hours: 4);
        await records.VerifiedAsync(activity, wang, 240);
        var book = await kit.PersonAsync(wang);
        var memberAccount = records.Scheme.MemberAccountId(wang);
        await kit.Ledger.CatchUpAsync();
        Assert.Equal(240, kit.Ledger.Ledger.GetBalance(memberAccount));

        var exchange = Guid.NewGuid();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ExchangeAsync(exchange, book, ExchangeDirection.HoursToPoints, reverse: false, 150));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.ExchangeAsync(exchange, book, ExchangeDirection.HoursToPoints, reverse: false, 150));

        Assert.Equal(90, kit.Ledger.Ledger.GetBalance(memberAccount));          // 150 minutes taken
        Assert.Equal(2, kit.PointsOnLedger(book));                              // 2.5 points rounded down
        Assert.Equal(150, kit.Account(kit.Scheme.ExchangeTimeAccountId).Balance);
        Assert.Equal(-2, kit.Account(kit.Scheme.ExchangePointsAccountId).Balance);
        foreach (var asset in new[] { Asset.TimeCredit, Asset.Points })
        {
            Assert.Equal(0, kit.Ledger.Ledger.Accounts.Where(a => a.Asset == asset).Sum(a => a.Balance));
        }

        Assert.Equal(LoveBankResult.ExchangeNotAllowed, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.HoursToPoints, reverse: true, 1));
        Assert.Equal(LoveBankResult.ExchangeTooSmall, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.HoursToPoints, reverse: false, 59));
        Assert.Equal(LoveBankResult.InsufficientSource, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.HoursToPoints, reverse: false, 120));
        var stranger = await kit.PersonAsync();
        Assert.Equal(LoveBankResult.TimeBankAccountNotFound, await kit.Desk.ExchangeAsync(Guid.NewGuid(), stranger, ExchangeDirection.HoursToPoints, reverse: false, 60));
        await kit.AssertConsistentAsync(book, stranger);
    }

    [Fact]
    public async Task Points_become_voucher_value_and_back_when_the_rule_allows_it_without_creating_value()
    {
        var kit = await LoveBankKit.CreateAsync();
        var book = await kit.PersonAsync();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 10)));
        var voucher = kit.Scheme.VoucherAccountId(book);

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.PointsToVoucher, reverse: false, 4));
        Assert.Equal((6L, 200L), (kit.PointsOnLedger(book), kit.Ledger.Ledger.GetBalance(voucher)));   // 4 points: ¥2.00
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.PointsToVoucher, reverse: true, 149));
        Assert.Equal((8L, 51L), (kit.PointsOnLedger(book), kit.Ledger.Ledger.GetBalance(voucher)));   // 149 fen back: 2 points
        Assert.Equal(LoveBankResult.ExchangeTooSmall, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.PointsToVoucher, reverse: true, 49));
        Assert.Equal(LoveBankResult.InsufficientSource, await kit.Desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.PointsToVoucher, reverse: false, 9));
        Assert.Equal(0, kit.Ledger.Ledger.Accounts.Where(a => a.Asset == Asset.MoneyCny).Sum(a => a.Balance));

        var oneWay = await LoveBankKit.CreateAsync(new RulebookHistory(LoveBankKit.Rulebook with { Exchanges = [] }));
        var other = await oneWay.PersonAsync();
        Assert.Equal(LoveBankResult.ExchangeNotAllowed, await oneWay.Desk.ExchangeAsync(Guid.NewGuid(), other, ExchangeDirection.PointsToVoucher, reverse: false, 1));
        await kit.AssertConsistentAsync(book);
    }
}

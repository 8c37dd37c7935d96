using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>Deductions by rule and expiry of points, oldest first, as an explicit idempotent operation; statements.</summary>
public class DeductionAndExpiryTests
{
    [Fact]
    public async Task A_deduction_is_logged_with_its_rule_and_never_takes_a_passbook_below_zero()
    {
        var kit = await LoveBankKit.CreateAsync();
        var book = await kit.PersonAsync();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 10)));
        var deduction = Guid.NewGuid();

        Assert.Equal(LoveBankResult.DeductionReasonRequired, await kit.Desk.DeductAsync(book, deduction, " ", "no-show", 4));
        Assert.Equal(LoveBankResult.DeductionReasonRequired, await kit.Desk.DeductAsync(book, deduction, "misconduct", "", 4));
        Assert.Equal(LoveBankResult.DeductionExceedsBalance, await kit.Desk.DeductAsync(book, deduction, "misconduct", "sold redeemed goods", 11));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.DeductAsync(book, deduction, "misconduct", "sold redeemed goods", 4));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.DeductAsync(book, deduction, "misconduct", "sold redeemed goods", 4));
        var other = await kit.PersonAsync();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(other, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 10)));
        Assert.Equal(LoveBankResult.DeductionIdTaken, await kit.Desk.DeductAsync(other, deduction, "misconduct", "x", 1));

        Assert.Equal(6, kit.PointsOnLedger(book));
        var line = (await kit.Desk.GetStatementAsync(book, new Interval(null, null)))!.Lines[^1];
        Assert.Equal((PassbookLineKind.Deducted, -4L, 6L, "misconduct: sold redeemed goods", (int?)1), (line.Kind, line.Change, line.Balance, line.Detail, line.RuleVersion));
        await kit.AssertConsistentAsync(book, other);
    }

    [Fact]
    public async Task Points_expire_three_years_after_earning_oldest_first_and_expiry_is_idempotent()
    {
        var kit = await LoveBankKit.CreateAsync();
        var book = await kit.PersonAsync();
        var start = kit.Clock.GetCurrentInstant();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 10)));
        kit.Clock.AdvanceDays(100);
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 7)));
        kit.Clock.AdvanceDays(1);
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.DeductAsync(book, Guid.NewGuid(), "misconduct", "late cancellations", 4));   // from the oldest lot

        var threeYears = start.InZone(kit.Scheme.TimeZone).LocalDateTime.PlusYears(3).InZoneLeniently(kit.Scheme.TimeZone).ToInstant();
        kit.Clock.Reset(threeYears + Duration.FromDays(1));
        Assert.Equal(new ExpiryOutcome(LoveBankResult.AlreadyDone, 0, 0), await kit.Desk.ExpirePointsAsync(book, threeYears - Duration.FromSeconds(1)));
        var statement = (await kit.Desk.GetStatementAsync(book, new Interval(null, null)))!;
        Assert.Equal([(threeYears, 6L), (threeYears + Duration.FromDays(100), 7L)], statement.Expiring);

        Assert.Equal(new ExpiryOutcome(LoveBankResult.Ok, 6, 1), await kit.Desk.ExpirePointsAsync(book, threeYears));
        Assert.Equal(new ExpiryOutcome(LoveBankResult.AlreadyDone, 0, 0), await kit.Desk.ExpirePointsAsync(book, threeYears));
        Assert.Equal(new ExpiryOutcome(LoveBankResult.AlreadyDone, 0, 0), await (await kit.OtherDeskAsync()).ExpirePointsAsync(book, threeYears + Duration.FromDays(1)));
        Assert.Equal(7, kit.PointsOnLedger(book));
        Assert.Equal(6, kit.Account(kit.Scheme.ExpiredAccountId).Balance);
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Desk.ExpirePointsAsync(book, kit.Clock.GetCurrentInstant() + Duration.FromSeconds(1)).AsTask().GetAwaiter().GetResult());
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task Reserved_points_do_not_expire_but_come_back_to_their_lot_when_released()
    {
        var kit = await LoveBankKit.CreateAsync();
        await kit.StockAsync();
        var book = await kit.FundedAsync(30);    // a 30-point lot, then service lots of 2, 2 and 1 points (120, 120, 60 minutes)
        var redemption = RedemptionId.New();
        Assert.Equal(LoveBankResult.Ok, (await kit.Desk.ReserveAsync(redemption, book, kit.Umbrella, kit.Station, 1)).Code);
        kit.Clock.AdvanceDays(365 * 3 + 10);

        // The reservation drew the oldest lot; only the service lots' 5 points are left to expire.
        Assert.Equal(new ExpiryOutcome(LoveBankResult.Ok, 5, 3), await kit.Desk.ExpirePointsAsync(book, kit.Clock.GetCurrentInstant()));
        Assert.Equal(30, kit.PointsOnLedger(book));   // the reserved 30 are still held
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.CancelAsync(redemption));
        var second = await kit.Desk.ExpirePointsAsync(book, kit.Clock.GetCurrentInstant());
        Assert.Equal(new ExpiryOutcome(LoveBankResult.Ok, 30, 1), second);
        Assert.Equal(0, kit.PointsOnLedger(book));
        await kit.AssertConsistentAsync(book);
    }
}

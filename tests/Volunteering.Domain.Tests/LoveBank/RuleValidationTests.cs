using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>Rules and catalogue items refuse values no scheme can mean, at the boundary; rulebooks compare by value;
/// histories keep their versions in order and answer the version in force.</summary>
public class RuleValidationTests
{
    [Fact]
    public void Earning_rules_refuse_negative_points_limits_and_undefined_rounding()
    {
        Assert.ThrowsAny<ArgumentException>(() => new EarningRules { MaxServiceMinutesPerActivity = -1 });
        Assert.ThrowsAny<ArgumentException>(() => new EarningRules { ReferralPoints = -5 });
        Assert.ThrowsAny<ArgumentException>(() => new EarningRules { HouseholdStartingGrant = -1 });
        Assert.ThrowsAny<ArgumentException>(() => new EarningRules { Bonuses = new Dictionary<string, long> { ["x"] = -1 } });
        Assert.ThrowsAny<ArgumentException>(() => new EarningRules { ProfessionalServicePoints = new Dictionary<string, long> { [" "] = 1 } });
        Assert.ThrowsAny<ArgumentException>(() => new EarningRules { Rounding = (PointsRounding)9 });
        Assert.ThrowsAny<ArgumentException>(() => new ExchangeRule(ExchangeDirection.HoursToPoints, new PointRate(0, 60)));
        Assert.ThrowsAny<ArgumentException>(() => new ExchangeRule(ExchangeDirection.HoursToPoints, new PointRate(1, 60)) { Rounding = (PointsRounding)9 });
    }

    [Fact]
    public void A_rulebook_refuses_two_exchanges_one_way_and_lifetimes_or_holds_out_of_range()
    {
        var rule = new ExchangeRule(ExchangeDirection.HoursToPoints, new PointRate(1, 60));
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { Exchanges = [rule, rule with { AllowReverse = true }] });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { PointsLifetime = Period.Zero });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { PointsLifetime = Period.FromDays(-1) });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { PointsLifetime = Period.FromYears(101) });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { ReservationHold = Duration.Zero });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { ReservationHold = Duration.FromDays(366) });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { Version = 0 });
        Assert.ThrowsAny<ArgumentException>(() => new LoveBankRulebook { MinimumServiceMinutesToRedeem = -1 });
        Assert.ThrowsAny<ArgumentException>(() => new TimeBankSettings { AccountCap = TimeCredit.FromMinutes(-1) });
        Assert.ThrowsAny<ArgumentException>(() => new TimeBankSettings { RedeemerMinimumAge = 151 });
        Assert.Equal(Period.FromYears(100), new LoveBankRulebook { PointsLifetime = Period.FromYears(100) }.PointsLifetime);
    }

    [Fact]
    public void Catalogue_items_refuse_empty_windows_and_negative_limits()
    {
        var at = Instant.FromUtc(2026, 6, 1, 0, 0);
        var item = new CatalogueItem(CatalogueItemId.New(), "Umbrella", 30);
        Assert.ThrowsAny<ArgumentException>(() => item with { LimitPerPeriod = 0 });
        Assert.ThrowsAny<ArgumentException>(() => item with { MinimumServiceMinutes = -1 });
        Assert.ThrowsAny<ArgumentException>(() => item with { LimitPeriod = (LimitPeriod)7 });
        Assert.ThrowsAny<ArgumentException>(() => item with { OnlyFor = (PassbookHolderKind)7 });
        Assert.ThrowsAny<ArgumentException>(() => item with { AvailableFrom = at, AvailableUntil = at });
        Assert.ThrowsAny<ArgumentException>(() => item with { AvailableUntil = at, AvailableFrom = at + Duration.FromDays(1) });
        Assert.ThrowsAny<ArgumentException>(() => new CatalogueItem(CatalogueItemId.New(), "Free", 0));
        Assert.Equal(at, (item with { AvailableFrom = at, AvailableUntil = at + Duration.FromDays(1) }).AvailableFrom);
    }

    [Fact]
    public void Rulebooks_built_separately_with_the_same_rules_are_equal()
    {
        static LoveBankRulebook Build() => LoveBankKit.Rulebook with
        {
            Earning = LoveBankKit.Rulebook.Earning with { Bonuses = new Dictionary<string, long> { ["a"] = 1, ["b"] = 2 } },
            Exchanges = [new ExchangeRule(ExchangeDirection.PointsToVoucher, new PointRate(50, 1))],
        };

        Assert.Equal(Build(), Build());
        Assert.Equal(Build().GetHashCode(), Build().GetHashCode());
        Assert.NotEqual(Build(), Build() with { Earning = Build().Earning with { Bonuses = new Dictionary<string, long> { ["a"] = 1, ["b"] = 3 } } });
        Assert.NotEqual(Build(), Build() with { Exchanges = [] });
    }

    [Fact]
    public void A_history_keeps_versions_in_order_and_answers_the_version_in_force()
    {
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var one = new LoveBankRulebook { Version = 1, EffectiveFrom = start };
        var two = new LoveBankRulebook { Version = 2, EffectiveFrom = start + Duration.FromDays(10) };
        var history = new RulebookHistory(one).With(two);

        Assert.Same(one, history.At(start - Duration.FromDays(1)));
        Assert.Same(one, history.At(start + Duration.FromDays(9)));
        Assert.Same(two, history.At(start + Duration.FromDays(10)));
        Assert.Same(two, history.Find(2));
        Assert.Null(history.Find(3));
        Assert.ThrowsAny<ArgumentException>(() => new RulebookHistory(two));
        Assert.ThrowsAny<ArgumentException>(() => history.With(two));
        Assert.ThrowsAny<ArgumentException>(() => history.With(new LoveBankRulebook { Version = 3, EffectiveFrom = start }));
    }
}

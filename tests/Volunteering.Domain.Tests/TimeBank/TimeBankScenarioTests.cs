using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;
using static Volunteering.Domain.Tests.TimeBank.TimeBankTestKit;
using Bank = Volunteering.Domain.TimeBank.TimeBank;

namespace Volunteering.Domain.Tests.TimeBank;

/// <summary>Stories drawn from real schemes (Nanjing, Shanghai, Beijing), each ending with the time in circulation
/// equal to what members, the pool and the fund hold, and the ledger's invariants intact.</summary>
public class TimeBankScenarioTests
{
    private static Instant Local(int year, int month, int day, int hour, int minute)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    [Fact]
    public void Nanjing_a_55_year_old_serves_an_82_year_old_living_alone_three_times()
    {
        var stars = new StarLevelPolicy([H("2h"), H("5h"), H("10h")]);
        var kit = new TimeBankTestKit(new TimeBankRules { StarLevels = stars }, name: "Gulou time bank");
        var wang = kit.JoinAged("Wang Fang", 55);
        var liu = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var visits = new (int DaysAgo, string Content, string Category, TimeCredit Credited, Duration OnSite)[]
        {
            (9, "companionship", "companionship", H("2h"), Duration.FromHours(2)),
            (6, "cleaning the flat", "cleaning", H("1.5h"), Duration.FromMinutes(100)),
            (2, "accompanied to the hospital", "escort", H("3h"), Duration.FromHours(3)),
        };
        var expectedLevels = new[] { 1, 1, 2 };
        var confirmed = TimeCredit.Zero;

        for (var i = 0; i < visits.Length; i++)
        {
            var v = visits[i];
            var start = kit.Today.PlusDays(-v.DaysAgo).At(new LocalTime(9, 0)).InZoneStrictly(Shanghai).ToInstant();
            var id = kit.Record(kit.Service(wang, liu, v.Credited, start, category: v.Category, span: v.OnSite, content: v.Content));
            Assert.Equal(confirmed, kit.Balance(wang)); // nothing is credited before the recipient confirms
            var outcome = kit.Bank.ConfirmService(id, liu);
            Assert.Equal(TimeBankResult.Ok, outcome.Code);
            Assert.Equal(v.Credited, outcome.Credited);
            confirmed += v.Credited;
            Assert.Equal(confirmed, kit.Balance(wang));
            Assert.Equal(expectedLevels[i], kit.Bank.GetStarLevel(wang));
        }

        Assert.Equal(H("6.5h"), kit.Balance(wang));
        Assert.Equal(H("6.5h"), kit.Bank.GetTotalGiven(wang));
        Assert.Equal(TimeCredit.Zero, kit.Balance(liu));
        Assert.Equal(0, kit.Bank.GetStarLevel(liu));
        Assert.Equal(3, kit.Bank.ServiceRecords.Count(r => r.Status == ServiceRecordStatus.Credited));
        Assert.Equal(H("6.5h"), kit.Bank.TimeInCirculation);

        // At 55, Wang stores time; she draws on it from 60.
        Assert.Equal(TimeBankResult.RedeemerTooYoung, kit.Bank.Redeem(TransferId.New(), wang, H("1h"), HunanRoad, "haircut").Code);
        kit.AssertInvariants();
    }

    [Theory]
    [InlineData("0h", 0)]
    [InlineData("99h59m", 0)]
    [InlineData("100h", 1)]
    [InlineData("299h59m", 1)]
    [InlineData("300h", 2)]
    [InlineData("599h59m", 2)]
    [InlineData("600h", 3)]
    [InlineData("999h59m", 3)]
    [InlineData("1000h", 4)]
    [InlineData("1499h59m", 4)]
    [InlineData("1500h", 5)]
    [InlineData("100000h", 5)]
    public void Default_star_levels_are_100_300_600_1000_1500_hours(string given, int level)
    {
        Assert.Equal(level, StarLevelPolicy.Default.LevelFor(H(given)));
        Assert.Equal([H("100h"), H("300h"), H("600h"), H("1000h"), H("1500h")], StarLevelPolicy.Default.Thresholds.ToArray());
    }

    [Fact]
    public void A_member_statement_for_a_month_of_816_minutes_reads_13_6_hours()
    {
        var kit = new TimeBankTestKit(now: Local(2026, 1, 1, 8, 0));
        var zhang = kit.Join("Zhang Min", new LocalDate(1980, 5, 20));
        var elder = kit.JoinAged("Zhao Nainai", 86, Hardship.LivingAlone);
        var january = new (int Day, int Hour, int Minute, long Minutes)[]
        {
            (3, 10, 0, 180), (10, 16, 0, 150), (17, 11, 30, 240), (24, 15, 0, 96),
            (31, 23, 30, 150), // 23:30 in Shanghai on the last day of the month (15:30 UTC)
        };

        foreach (var (day, hour, minute, minutes) in january)
        {
            kit.SetLocalTime(new LocalDateTime(2026, 1, day, hour, minute));
            var start = kit.Now - Duration.FromMinutes(minutes + 10);
            var id = kit.Record(kit.Service(zhang, elder, TimeCredit.FromMinutes(minutes), start));
            Assert.Equal(TimeBankResult.Ok, kit.Bank.ConfirmService(id, elder).Code);
        }

        // 00:30 on 1 February in Shanghai is still 31 January in UTC (16:30).
        kit.SetLocalTime(new LocalDateTime(2026, 2, 1, 0, 30));
        Assert.Equal(Instant.FromUtc(2026, 1, 31, 16, 30), kit.Now);
        kit.Earn(zhang, elder, H("1h"), start: kit.Now - Duration.FromHours(2));
        kit.SetLocalTime(new LocalDateTime(2026, 2, 10, 9, 0));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.DonateToPool(TransferId.New(), zhang, H("30m")).Code);

        var jan = kit.Bank.GetStatement(zhang, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 31)));
        Assert.Equal(0, jan.OpeningBalance);
        Assert.Equal([180L, 150, 240, 96, 150], jan.Lines.Select(l => l.Change));
        Assert.All(jan.Lines, l => Assert.Equal((int)TimeBankTransferCode.Deposit, l.Code));
        Assert.Equal(816, jan.ClosingBalance);
        Assert.Equal(816, jan.TotalCredits);
        Assert.Equal(0, jan.TotalDebits);
        Assert.Equal(TimeCredit.Parse("13.6h"), TimeCredit.FromMinutes(jan.ClosingBalance));
        Assert.Equal("13.6h", TimeCredit.FromMinutes(jan.ClosingBalance).ToString());
        Assert.Equal(Instant.FromUtc(2026, 1, 31, 15, 30), jan.Lines[^1].Timestamp);
        Assert.Equal(816, jan.Lines[^1].BalanceAfter);

        var feb = kit.Bank.GetStatement(zhang, new DateInterval(new LocalDate(2026, 2, 1), new LocalDate(2026, 2, 28)));
        Assert.Equal(816, feb.OpeningBalance);
        Assert.Equal("13.6h", TimeCredit.FromMinutes(feb.OpeningBalance).ToString());
        Assert.Equal([60L, -30], feb.Lines.Select(l => l.Change));
        Assert.Equal(Instant.FromUtc(2026, 1, 31, 16, 30), feb.Lines[0].Timestamp);
        Assert.Equal((int)TimeBankTransferCode.PoolDonation, feb.Lines[1].Code);
        Assert.Equal(846, feb.ClosingBalance);

        var march = kit.Bank.GetStatement(zhang, new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(846, march.OpeningBalance);
        Assert.Empty(march.Lines);
        Assert.Equal(846, march.ClosingBalance);

        var both = kit.Bank.GetStatement(zhang, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 28)));
        Assert.Equal(0, both.OpeningBalance);
        Assert.Equal(7, both.Lines.Count);
        Assert.Equal(kit.Balance(zhang).Minutes, both.ClosingBalance);

        // A UTC calendar month would have put the 00:30 deposit in January.
        Assert.True(kit.Bank.TryGetMember(zhang, out var member));
        var utcJanuary = kit.Ledger.GetStatement(member.AccountId, new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0)));
        Assert.Equal(876, utcJanuary.ClosingBalance);
        kit.AssertInvariants();
    }

    [Fact]
    public void Family_a_62_year_old_gives_5_hours_to_an_88_year_old_parent_who_redeems_in_the_district()
    {
        var kit = new TimeBankTestKit(new TimeBankRules { RedemptionScope = new AreaRedemptionScopePolicy(RedemptionScope.District) });
        var daughter = kit.JoinAged("Wang Fang", 62);
        var father = kit.JoinAged("Wang Laoye", 88);
        var neighbour = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        kit.Earn(daughter, neighbour, H("4h"));
        kit.Earn(daughter, neighbour, H("4h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(daughter, father, Relationship.Parent));

        var gift = kit.Bank.GiveToFamily(TransferId.New(), daughter, father, H("5h"));
        Assert.Equal(TimeBankResult.Ok, gift.Code);
        Assert.Equal(H("3h"), kit.Balance(daughter));
        Assert.Equal(H("5h"), kit.Balance(father));

        // The father has a haircut and a bath at home from a volunteer in Ninghai Road, same district.
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), father, H("3h"), Ninghai, "haircut and bath").Code);
        Assert.Equal(TimeBankResult.OutsideRedemptionScope, kit.Bank.Redeem(TransferId.New(), father, H("1h"), Xuanwu, "meal").Code);
        Assert.Equal(H("2h"), kit.Balance(father));

        Assert.True(kit.Bank.TryGetMember(father, out var f));
        var statement = kit.Bank.GetStatement(father, new DateInterval(kit.Today, kit.Today));
        Assert.Equal([300L, -180], statement.Lines.Select(l => l.Change));
        Assert.Equal([(int)TimeBankTransferCode.FamilyGift, (int)TimeBankTransferCode.Redemption], statement.Lines.Select(l => l.Code));
        Assert.Equal(TimeCredit.Zero, kit.Bank.GetTotalGiven(father));
        Assert.Equal(H("8h"), kit.Bank.GetTotalGiven(daughter));
        Assert.Equal(H("5h"), kit.Bank.TimeInCirculation);
        Assert.Equal(120, kit.Ledger.GetBalance(f.AccountId));
        kit.AssertInvariants();
    }

    [Fact]
    public void Pool_and_guarantee_fund_serve_an_85_year_old_living_alone_who_cannot_earn()
    {
        var kit = new TimeBankTestKit();
        var chen = kit.JoinAged("Chen Jie", 45);
        var sun = kit.JoinAged("Sun Li", 30);
        var zhao = kit.JoinAged("Zhao Nainai", 85, Hardship.LivingAlone);
        var hale = kit.JoinAged("Hale Grandpa Qian", 70);
        kit.Earn(chen, zhao, H("10h"));
        kit.Earn(sun, zhao, H("6h"));

        Assert.Equal(TimeBankResult.Ok, kit.Bank.DonateToPool(TransferId.New(), chen, H("4h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.DonateToPool(TransferId.New(), sun, H("2h")).Code);
        Assert.Equal(H("6h"), kit.Bank.PoolBalance);

        var grant = kit.Bank.GrantFromPool(TransferId.New(), zhao, H("5h"));
        Assert.Equal(TimeBankResult.Ok, grant.Code);
        Assert.Equal(H("5h"), grant.Credited);
        Assert.Equal(TimeBankResult.NotEligibleForGrant, kit.Bank.GrantFromPool(TransferId.New(), hale, H("1h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), zhao, H("3h"), HunanRoad, "meal delivery").Code);

        // The scheme backs the guarantee fund (government guarantee) and grants from it.
        var funding = TransferId.New();
        Assert.Equal(TimeBankResult.Ok, kit.Bank.FundGuarantee(funding, H("100h")).Code);
        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.FundGuarantee(funding, H("100h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.GrantFromGuaranteeFund(TransferId.New(), zhao, H("20h")).Code);
        Assert.Equal(TimeBankResult.NotEligibleForGrant, kit.Bank.GrantFromGuaranteeFund(TransferId.New(), hale, H("1h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), zhao, H("10h"), HunanRoad, "home care").Code);

        Assert.Equal(H("6h"), kit.Balance(chen));
        Assert.Equal(H("4h"), kit.Balance(sun));
        Assert.Equal(H("12h"), kit.Balance(zhao));
        Assert.Equal(TimeCredit.Zero, kit.Balance(hale));
        Assert.Equal(H("1h"), kit.Bank.PoolBalance);
        Assert.Equal(H("80h"), kit.Bank.GuaranteeFundBalance);
        Assert.Equal(H("103h"), kit.Bank.TimeInCirculation);
        Assert.Equal(TimeCredit.Zero, kit.Bank.GetTotalGiven(zhao));
        kit.AssertInvariants();
    }

    [Fact]
    public void A_member_at_the_1500_hour_cap_sends_the_overflow_to_the_pool()
    {
        var kit = new TimeBankTestKit();
        Assert.Equal(TimeCredit.FromHours(1500), kit.Bank.Scheme.Rules.Cap.Cap);
        var chen = kit.JoinAged("Model volunteer Chen", 50);
        var elders = Enumerable.Range(0, 5).Select(i => kit.JoinAged($"Elder {i}", 80 + i, Hardship.LivingAlone)).ToArray();

        // 187 working days of 8 hours, and 2 more hours: 1,498 hours.
        for (var day = 0; day < 187; day++)
        {
            var start = kit.Today.PlusDays(-400 + day).At(new LocalTime(8, 0)).InZoneStrictly(Shanghai).ToInstant();
            kit.Earn(chen, elders[day % elders.Length], H("8h"), start);
        }

        Assert.Equal(H("1496h"), kit.Balance(chen));
        Assert.Equal(4, kit.Bank.GetStarLevel(chen));
        kit.Earn(chen, elders[0], H("2h"));
        Assert.Equal(H("1498h"), kit.Balance(chen));

        var partly = kit.Record(kit.Service(chen, elders[1], H("3h")));
        var outcome = kit.Bank.ConfirmService(partly, elders[1]);
        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        Assert.Equal(H("2h"), outcome.Credited);
        Assert.Equal(H("1h"), outcome.ToPool);
        Assert.Equal(H("1500h"), kit.Balance(chen));
        Assert.Equal(5, kit.Bank.GetStarLevel(chen));

        var wholly = kit.Record(kit.Service(chen, elders[2], H("1.5h")));
        outcome = kit.Bank.ConfirmService(wholly, elders[2]);
        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        Assert.Equal(TimeCredit.Zero, outcome.Credited);
        Assert.Equal(H("1.5h"), outcome.ToPool);

        Assert.Equal(H("1500h"), kit.Balance(chen));
        Assert.Equal(H("2.5h"), kit.Bank.PoolBalance);
        Assert.Equal(H("1502.5h"), kit.Bank.GetTotalGiven(chen));
        Assert.Equal(H("1502.5h"), kit.Bank.TimeInCirculation);
        Assert.True(kit.Bank.TryGetMember(chen, out var m));
        Assert.True(kit.Ledger.TryGetAccount(m.AccountId, out var account));
        Assert.Equal(H("1500h").Minutes, account.Ceiling);

        // The pool's overflow then helps someone who cannot earn.
        Assert.Equal(TimeBankResult.Ok, kit.Bank.GrantFromPool(TransferId.New(), elders[4], H("2.5h")).Code);
        kit.AssertInvariants();
    }

    [Fact]
    public void Shanghai_redeems_from_65_or_60_in_special_hardship_while_Beijing_redeems_from_60()
    {
        var clock = new FakeClock(DefaultNow);
        var ledger = new DoubleEntryLedger(clock);
        var shanghaiRules = new TimeBankRules { Redeemer = new MinimumAgeRedeemerPolicy(65, 60, Hardship.SpecialHardship) };
        var shanghai = new TimeBankTestKit(Bank.Open(new TimeBankScheme(SchemeId.New(), "Shanghai elder-care time bank", Shanghai, shanghaiRules), ledger), clock);
        var beijing = new TimeBankTestKit(Bank.Open(new TimeBankScheme(SchemeId.New(), "Beijing elder-care time bank", DateTimeZoneProviders.Tzdb["Asia/Shanghai"]), ledger), clock);
        var inShanghai = new ResidenceArea("Shanghai", "Huangpu", "Bund");
        var inBeijing = new ResidenceArea("Beijing", "Dongcheng", "Jingshan");
        var today = shanghai.Today;

        var people = new (string Name, LocalDate Birth, Hardship Hardship, bool Shanghai, bool Beijing)[]
        {
            ("Aunt Li, 62", today.PlusYears(-62), Hardship.None, false, true),
            ("Uncle Zhou, 62, special hardship", today.PlusYears(-62), Hardship.SpecialHardship, true, true),
            ("Aunt Ma, 62, low income", today.PlusYears(-62), Hardship.LowIncome, false, true),
            ("Grandpa Wu, 65 today", today.PlusYears(-65), Hardship.None, true, true),
            ("Mr Hu, 60 tomorrow", today.PlusYears(-60).PlusDays(1), Hardship.SpecialHardship, false, false),
        };

        var shanghaiElder = shanghai.Join("Shanghai elder", today.PlusYears(-90), Hardship.LivingAlone, inShanghai);
        var beijingElder = beijing.Join("Beijing elder", today.PlusYears(-90), Hardship.LivingAlone, inBeijing);
        foreach (var p in people)
        {
            var person = VolunteerId.New();
            Assert.Equal(TimeBankResult.Ok, shanghai.Bank.OpenAccount(person, Profile(p.Name, p.Birth, p.Hardship, inShanghai), clock.GetCurrentInstant()));
            Assert.Equal(TimeBankResult.Ok, beijing.Bank.OpenAccount(person, Profile(p.Name, p.Birth, p.Hardship, inBeijing), clock.GetCurrentInstant()));
            Assert.Equal(TimeBankResult.Ok, shanghai.Bank.ConfirmService(shanghai.Record(shanghai.Service(person, shanghaiElder, H("4h"), place: inShanghai)), shanghaiElder).Code);
            Assert.Equal(TimeBankResult.Ok, beijing.Bank.ConfirmService(beijing.Record(beijing.Service(person, beijingElder, H("4h"), place: inBeijing)), beijingElder).Code);

            var inSh = shanghai.Bank.Redeem(TransferId.New(), person, H("1h"), inShanghai, "home care");
            var inBj = beijing.Bank.Redeem(TransferId.New(), person, H("1h"), inBeijing, "home care");

            Assert.Equal(p.Shanghai ? TimeBankResult.Ok : TimeBankResult.RedeemerTooYoung, inSh.Code);
            Assert.Equal(p.Beijing ? TimeBankResult.Ok : TimeBankResult.RedeemerTooYoung, inBj.Code);
            Assert.Equal(p.Shanghai ? H("3h") : H("4h"), shanghai.Balance(person));
            Assert.Equal(p.Beijing ? H("3h") : H("4h"), beijing.Balance(person));

            // Time never moves between schemes: each has its own account for the person.
            Assert.True(shanghai.Bank.TryGetMember(person, out var a));
            Assert.True(beijing.Bank.TryGetMember(person, out var b));
            Assert.NotEqual(a.AccountId, b.AccountId);
        }

        Assert.Equal(H("18h"), shanghai.Bank.TimeInCirculation);
        Assert.Equal(H("16h"), beijing.Bank.TimeInCirculation);
        shanghai.AssertInvariants();
        beijing.AssertInvariants();
    }
}

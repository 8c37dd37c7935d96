using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>Earning: every kind of contribution by its rule, once per source, with the rule version recorded; the
/// household grant; points from activity participations following their corrections.</summary>
public class EarningTests
{
    [Theory]
    [InlineData(PointsRounding.Down, 119, 1)]
    [InlineData(PointsRounding.Down, 120, 2)]
    [InlineData(PointsRounding.HalfUp, 89, 1)]
    [InlineData(PointsRounding.HalfUp, 90, 2)]
    [InlineData(PointsRounding.Up, 61, 2)]
    [InlineData(PointsRounding.Up, 0, 0)]
    public void A_rate_converts_exactly_and_rounds_to_whole_points(PointsRounding rounding, long minutes, long points)
        => Assert.Equal(points, new PointRate(1, 60).Apply(minutes, rounding));

    [Fact]
    public void A_rate_is_exact_for_large_quantities_and_refuses_bad_input()
    {
        Assert.Equal(long.MaxValue / 3, new PointRate(1, 3).Apply(long.MaxValue, PointsRounding.Down));
        Assert.Throws<OverflowException>(() => new PointRate(2, 1).Apply(long.MaxValue, PointsRounding.Down));
        Assert.Throws<ArgumentException>(() => new PointRate(1, 0));
        Assert.Throws<ArgumentException>(() => new PointRate(-1, 1));
        Assert.Throws<ArgumentException>(() => new PointRate(1, 1).Apply(-1, PointsRounding.Down));
    }

    [Fact]
    public async Task Each_kind_of_contribution_earns_by_its_rule()
    {
        var kit = await LoveBankKit.CreateAsync();
        var book = await kit.PersonAsync();

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 4, "winter coats")));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedGoods, 25_999, "rice")));  // 259.99 yuan: 25 points
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.ProfessionalService, 1, "haircut")));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.Referral, 1)));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.Bonus, 1, "volunteer-of-the-month")));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.VolunteerService, 200)));  // 120 counted: 2 points

        Assert.Equal(4 + 25 + 3 + 5 + 10 + 2, kit.PointsOnLedger(book));
        var passbook = (await kit.Desk.LoadPassbookAsync(book))!;
        Assert.Equal([4L, 25, 3, 5, 10, 2], passbook.Lots.Select(l => l.Points));
        Assert.Equal(120, passbook.ServiceMinutesCounted);
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task A_source_earns_once_and_only_in_one_passbook()
    {
        var kit = await LoveBankKit.CreateAsync();
        var first = await kit.PersonAsync();
        var second = await kit.PersonAsync();
        var donation = new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 3);

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(first, donation));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.AwardAsync(first, donation));
        Assert.Equal(LoveBankResult.SourceAlreadyAwarded, await kit.Desk.AwardAsync(second, donation));
        var other = await kit.OtherDeskAsync();
        Assert.Equal(LoveBankResult.SourceAlreadyAwarded, await other.AwardAsync(second, donation));

        Assert.Equal((3L, 0L), (kit.PointsOnLedger(first), kit.PointsOnLedger(second)));
        await kit.AssertConsistentAsync(first, second);
    }

    [Fact]
    public async Task A_contribution_without_a_rule_or_worth_less_than_a_point_is_refused_and_writes_nothing()
    {
        var kit = await LoveBankKit.CreateAsync();
        var book = await kit.PersonAsync();
        var position = await kit.Store.GetPositionAsync();

        Assert.Equal(LoveBankResult.NoRuleForContribution, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.ProfessionalService, 1, "legal-advice")));
        Assert.Equal(LoveBankResult.NoRuleForContribution, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.Bonus, 1, "unknown-bonus")));
        Assert.Equal(LoveBankResult.EarnsNothing, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedGoods, 999)));
        Assert.Equal(LoveBankResult.EarnsNothing, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.VolunteerService, 59)));
        Assert.Equal(LoveBankResult.PassbookNotFound, await kit.Desk.AwardAsync(PassbookId.New(), new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 1)));

        Assert.Equal(position, await kit.Store.GetPositionAsync());
    }

    [Fact]
    public void Programmer_errors_throw()
    {
        Assert.Throws<ArgumentException>(() => new Contribution(Guid.Empty, ContributionKind.DonatedItems, 1));
        Assert.Throws<ArgumentException>(() => new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 0));
        Assert.ThrowsAny<ArgumentException>(() => new Contribution(Guid.NewGuid(), ContributionKind.ProfessionalService, 1));
        Assert.Throws<ArgumentException>(() => new Contribution(Guid.NewGuid(), ContributionKind.StartingGrant, 1));
    }

    [Fact]
    public async Task A_household_passbook_gets_the_starting_grant_once_and_a_person_none()
    {
        var kit = await LoveBankKit.CreateAsync();
        var household = Guid.NewGuid();
        var home = PassbookId.New();

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.OpenPassbookAsync(home, PassbookHolderKind.Household, household));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.OpenPassbookAsync(home, PassbookHolderKind.Household, household));
        Assert.Equal(LoveBankResult.PassbookExistsForAnotherHolder, await kit.Desk.OpenPassbookAsync(home, PassbookHolderKind.Household, Guid.NewGuid()));
        var person = await kit.PersonAsync();

        Assert.Equal((20L, 0L), (kit.PointsOnLedger(home), kit.PointsOnLedger(person)));
        var lot = Assert.Single((await kit.Desk.LoadPassbookAsync(home))!.Lots);
        Assert.Equal(ContributionKind.StartingGrant, lot.Kind);
        await kit.AssertConsistentAsync(home, person);
    }

    [Fact]
    public async Task Each_award_is_explained_by_the_rule_version_in_force_when_it_was_made()
    {
        var doubled = LoveBankKit.Rulebook with
        {
            Version = 2,
            EffectiveFrom = LoveBankKit.Start + Duration.FromDays(30),
            Earning = LoveBankKit.Rulebook.Earning with { PerDonatedItem = new PointRate(2, 1) },
        };
        var kit = await LoveBankKit.CreateAsync(new RulebookHistory(LoveBankKit.Rulebook).With(doubled));
        var book = await kit.PersonAsync();

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 3)));
        kit.Clock.AdvanceDays(30);
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 3)));

        var statement = (await kit.Desk.GetStatementAsync(book, new Interval(null, null)))!;
        Assert.Equal([(3L, (int?)1), (6L, 2)], statement.Lines.Select(l => (l.Change, l.RuleVersion)));
        var memos = kit.Ledger.Ledger.GetAccountEntries(kit.Scheme.PassbookAccountId(book)).Select(e => e.Memo).ToList();
        Assert.Equal(["r1 DonatedItems: ", "r2 DonatedItems: "], memos.Where(m => m is not null).Select(m => m![..17]));
    }

    [Fact]
    public async Task Reversing_a_source_takes_its_points_back_once_unless_they_were_spent()
    {
        var kit = await LoveBankKit.CreateAsync();
        var book = await kit.PersonAsync();
        var donation = Guid.NewGuid();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(donation, ContributionKind.DonatedItems, 8)));

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.ReverseAwardAsync(book, donation, "the coats were taken back"));
        Assert.Equal(LoveBankResult.AwardNotFound, await kit.Desk.ReverseAwardAsync(book, donation, "again"));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.AwardAsync(book, new Contribution(donation, ContributionKind.DonatedItems, 8)));
        Assert.Equal(0, kit.PointsOnLedger(book));

        var spent = Guid.NewGuid();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardAsync(book, new Contribution(spent, ContributionKind.DonatedItems, 5)));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.DeductAsync(book, Guid.NewGuid(), "no-show", "missed two shifts", 3));
        Assert.Equal(LoveBankResult.PointsAlreadySpent, await kit.Desk.ReverseAwardAsync(book, spent, "returned"));
        Assert.Equal(2, kit.PointsOnLedger(book));
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task A_verified_participation_earns_by_its_credited_minutes_up_to_the_limit_and_follows_corrections()
    {
        var kit = await LoveBankKit.CreateAsync();
        var records = kit.Records;
        var wang = await records.RegisterAsync();
        var book = await kit.PersonAsync(wang);
        var activity = await records.PlanAsync(records.Station, new LocalDate(2026, 3, 3), hours: 4);
        var p = await records.VerifiedAsync(activity, wang, 90);

        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardParticipationAsync(book, activity, p));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.AwardParticipationAsync(book, activity, p));
        Assert.Equal(1, kit.PointsOnLedger(book));   // 90 minutes: 1 point, whole points only

        // The organisation accepts a correction to 200 minutes: the earlier award is reversed and 120 minutes count.
        Assert.Equal(ActivityResult.Ok, await records.Activities.RequestCorrectionAsync(activity, p, wang, "I stayed until the end", TimeCredit.FromMinutes(200)));
        Assert.Equal(ActivityResult.Ok, await records.Activities.AcceptCorrectionAsync(activity, p, 1, "confirmed by the leader"));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardParticipationAsync(book, activity, p));
        Assert.Equal(LoveBankResult.AlreadyDone, await kit.Desk.AwardParticipationAsync(book, activity, p));
        Assert.Equal(2, kit.PointsOnLedger(book));
        var passbook = (await kit.Desk.LoadPassbookAsync(book))!;
        Assert.Equal(120, passbook.ServiceMinutesCounted);
        Assert.Equal([(1L, true), (2L, false)], passbook.Lots.Select(l => (l.Points, l.IsReversed)));
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task The_feed_awards_verified_participations_to_personal_passbooks_and_follows_corrections_once()
    {
        var kit = await LoveBankKit.CreateAsync();
        var records = kit.Records;
        var wang = await records.RegisterAsync();
        var chen = await records.RegisterAsync("GL-0002", "Chen Jie");   // no passbook
        var book = await kit.PersonAsync(wang);
        var activity = await records.PlanAsync(records.Station, new LocalDate(2026, 3, 3), hours: 4);
        var p = await records.VerifiedAsync(activity, wang, 60);
        await records.VerifiedAsync(activity, chen, 120);

        var first = await kit.Desk.AwardVerifiedParticipationsAsync(0);
        Assert.Equal((1, 1), (first.Awarded, first.Outcomes[LoveBankResult.PassbookNotFound]));
        Assert.Equal(1, kit.PointsOnLedger(book));
        var again = await kit.Desk.AwardVerifiedParticipationsAsync(0);
        Assert.Equal((0, 1), (again.Awarded, again.Outcomes[LoveBankResult.AlreadyDone]));
        Assert.True(again.Position > first.Position);   // the first call's own awards were stored after what it read

        Assert.Equal(ActivityResult.Ok, await records.Activities.RequestCorrectionAsync(activity, p, wang, "stayed longer", TimeCredit.FromMinutes(180)));
        Assert.Equal(ActivityResult.Ok, await records.Activities.AcceptCorrectionAsync(activity, p, 1, "sheet checked"));
        var corrected = await kit.Desk.AwardVerifiedParticipationsAsync(first.Position);
        Assert.Equal(1, corrected.Awarded);
        Assert.Equal(2, kit.PointsOnLedger(book));   // 180 minutes, 120 counted
        Assert.Empty((await kit.Desk.AwardVerifiedParticipationsAsync(corrected.Position)).Outcomes);
        Assert.Throws<ArgumentException>(() => kit.Desk.AwardVerifiedParticipationsAsync(-1).AsTask().GetAwaiter().GetResult());
        await kit.AssertConsistentAsync(book);
    }

    [Fact]
    public async Task A_participation_must_exist_be_verified_and_belong_to_the_holder()
    {
        var kit = await LoveBankKit.CreateAsync();
        var records = kit.Records;
        var wang = await records.RegisterAsync();
        var chen = await records.RegisterAsync("GL-0002", "Chen Jie");
        var wangBook = await kit.PersonAsync(wang);
        var activity = await records.PlanAsync(records.Station, new LocalDate(2026, 3, 3));
        var attended = await records.AttendAsync(activity, chen);

        Assert.Equal(LoveBankResult.SourceNotFound, await kit.Desk.AwardParticipationAsync(wangBook, ActivityId.New(), attended));
        Assert.Equal(LoveBankResult.SourceNotFound, await kit.Desk.AwardParticipationAsync(wangBook, activity, ParticipationId.New()));
        Assert.Equal(LoveBankResult.SourceNotVerified, await kit.Desk.AwardParticipationAsync(wangBook, activity, attended));
        Assert.Equal(ActivityResult.Ok, await records.Activities.RecordServiceTimeAsync(activity, attended, TimeCredit.FromMinutes(120)));
        Assert.Equal(ActivityResult.Ok, await records.Activities.VerifyAsync(activity, attended));
        Assert.Equal(LoveBankResult.SourceOfAnotherHolder, await kit.Desk.AwardParticipationAsync(wangBook, activity, attended));

        var household = PassbookId.New();
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.OpenPassbookAsync(household, PassbookHolderKind.Household, Guid.NewGuid()));
        Assert.Equal(LoveBankResult.Ok, await kit.Desk.AwardParticipationAsync(household, activity, attended));
        Assert.Equal(LoveBankResult.SourceAlreadyAwarded, await kit.Desk.AwardParticipationAsync(await kit.PersonAsync(chen), activity, attended));
        await kit.AssertConsistentAsync(wangBook, household);
    }
}

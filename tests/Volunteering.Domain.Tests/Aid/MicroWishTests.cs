using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using static Volunteering.Domain.Tests.Aid.AidTestKit;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>Micro-wishes (微心愿): posted in a wish round, claimed by a donor, fulfilled in kind with a photo or
/// receipt reference, released or cancelled, and counted per round.</summary>
public class MicroWishTests
{
    private static ProgrammeTerms Round() => new("Children's Day wishes 2026", ProgrammeKind.MicroWishRound, BenefitStandard.UpTo(Money.FromYuan(200)), [BeneficiaryKind.Child]);

    private static AidBeneficiary Child(string name = "陈小雨") => AidBeneficiary.Child(BeneficiaryId.New(), name, 4, "Hunan Road", HardshipCategory.MinimumLiving);

    [Fact]
    public async Task A_wish_is_posted_claimed_by_a_donor_and_fulfilled_with_a_receipt_reference()
    {
        var kit = await CreateAsync(Round(), budgetYuan: 0, donationYuan: 0);
        var wish = WishId.New();
        var child = Child();
        Assert.Equal(AidResult.Ok, await kit.Desk.PostWishAsync(wish, kit.Programme, child, " a schoolbag ", Money.FromYuan(120), Clerk));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.PostWishAsync(wish, kit.Programme, child, "a schoolbag", Money.FromYuan(120), Clerk));
        await kit.RefusedAsync(AidResult.WishExistsWithDifferentDetails, () => kit.Desk.PostWishAsync(wish, kit.Programme, child, "a bicycle", Money.FromYuan(120), Clerk));
        await kit.RefusedAsync(AidResult.WishNotClaimed, () => kit.Desk.FulfilWishAsync(wish, "photo/1"));

        var donor = DonorId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.ClaimWishAsync(wish, donor));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.ClaimWishAsync(wish, donor));
        await kit.RefusedAsync(AidResult.WishAlreadyClaimed, () => kit.Desk.ClaimWishAsync(wish, DonorId.New()));
        Assert.Equal(AidResult.Ok, await kit.Desk.FulfilWishAsync(wish, "receipts/2026/0601-17.jpg"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.FulfilWishAsync(wish, "receipts/2026/0601-17.jpg"));
        await kit.RefusedAsync(AidResult.WishAlreadyFulfilled, () => kit.Desk.FulfilWishAsync(wish, "other.jpg"));
        await kit.RefusedAsync(AidResult.WishAlreadyFulfilled, () => kit.Desk.ReleaseWishAsync(wish, "x"));
        await kit.RefusedAsync(AidResult.WishAlreadyFulfilled, () => kit.Desk.CancelWishAsync(wish, "x"));
        await kit.RefusedAsync(AidResult.WishAlreadyFulfilled, () => kit.Desk.ClaimWishAsync(wish, DonorId.New()));

        var fulfilled = (await kit.Desk.LoadWishAsync(wish))!;
        Assert.Equal(WishStatus.Fulfilled, fulfilled.Status);
        Assert.Equal("a schoolbag", fulfilled.Item);
        Assert.Equal("陈*雨", fulfilled.MaskedName);
        Assert.Equal(donor, fulfilled.ClaimedBy);
        Assert.Equal("receipts/2026/0601-17.jpg", fulfilled.Evidence);

        // In kind: no money moved through the round's fund.
        Assert.Equal(0, await kit.FundAsync());
    }

    [Fact]
    public async Task A_claim_can_be_released_and_a_wish_cancelled_before_fulfilment()
    {
        var kit = await CreateAsync(Round(), budgetYuan: 0, donationYuan: 0);
        var wish = WishId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PostWishAsync(wish, kit.Programme, Child(), "a dictionary", Money.FromYuan(60), Clerk));
        await kit.RefusedAsync(AidResult.WishNotClaimed, () => kit.Desk.ReleaseWishAsync(wish, "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.ClaimWishAsync(wish, DonorId.New()));
        await kit.RefusedAsync(AidResult.ReasonRequired, () => kit.Desk.ReleaseWishAsync(wish, ""));
        Assert.Equal(AidResult.Ok, await kit.Desk.ReleaseWishAsync(wish, "the donor moved away"));
        Assert.Equal(AidResult.Ok, await kit.Desk.ClaimWishAsync(wish, DonorId.New()));
        await kit.RefusedAsync(AidResult.ReasonRequired, () => kit.Desk.CancelWishAsync(wish, " "));
        Assert.Equal(AidResult.Ok, await kit.Desk.CancelWishAsync(wish, "the family moved away"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.CancelWishAsync(wish, "again"));
        await kit.RefusedAsync(AidResult.WishCancelled, () => kit.Desk.ClaimWishAsync(wish, DonorId.New()));
        await kit.RefusedAsync(AidResult.WishCancelled, () => kit.Desk.FulfilWishAsync(wish, "x"));
        await kit.RefusedAsync(AidResult.WishCancelled, () => kit.Desk.ReleaseWishAsync(wish, "x"));
    }

    [Fact]
    public async Task Wishes_are_posted_only_for_children_in_a_wish_round()
    {
        var round = await CreateAsync(Round(), budgetYuan: 0, donationYuan: 0);
        var household = Household();
        await round.RefusedAsync(AidResult.NotEligible, () => round.Desk.PostWishAsync(WishId.New(), round.Programme, household, "a fridge", Money.FromYuan(100), Clerk));
        await round.RefusedAsync(AidResult.ProgrammeNotFound, () => round.Desk.PostWishAsync(WishId.New(), ProgrammeId.New(), Child(), "a ball", Money.FromYuan(30), Clerk));
        await round.RefusedAsync(AidResult.WishNotFound, () => round.Desk.ClaimWishAsync(WishId.New(), DonorId.New()));

        var fund = await CreateAsync(budgetYuan: 0, donationYuan: 0);
        await fund.RefusedAsync(AidResult.NotAWishRound, () => fund.Desk.PostWishAsync(WishId.New(), fund.Programme, Child(), "a ball", Money.FromYuan(30), Clerk));
    }

    [Fact]
    public async Task The_round_counts_wishes_posted_and_fulfilled_and_their_value_in_kind()
    {
        var kit = await CreateAsync(Round(), budgetYuan: 0, donationYuan: 0);
        var wishes = new[] { WishId.New(), WishId.New(), WishId.New() };
        var costs = new[] { 120, 60, 85 };
        for (var i = 0; i < wishes.Length; i++)
        {
            Assert.Equal(AidResult.Ok, await kit.Desk.PostWishAsync(wishes[i], kit.Programme, Child(), $"item {i}", Money.FromYuan(costs[i]), Clerk));
            Assert.Equal(AidResult.Ok, await kit.Desk.ClaimWishAsync(wishes[i], DonorId.New()));
        }

        Assert.Equal(AidResult.Ok, await kit.Desk.FulfilWishAsync(wishes[0], "photo/0"));
        Assert.Equal(AidResult.Ok, await kit.Desk.FulfilWishAsync(wishes[2], "photo/2"));
        var report = (await kit.RegisterAsync()).Report(kit.Programme, new NodaTime.DateInterval(new NodaTime.LocalDate(2026, 1, 1), new NodaTime.LocalDate(2026, 12, 31)));
        Assert.Equal(3, report.WishesPosted);
        Assert.Equal(2, report.WishesFulfilled);
        Assert.Equal(Money.FromYuan(205), report.WishValueFulfilled);
        Assert.Equal(Money.Zero, report.TotalPaid);
    }
}

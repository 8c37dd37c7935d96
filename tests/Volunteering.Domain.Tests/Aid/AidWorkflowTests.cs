using NodaTime;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using static Volunteering.Domain.Tests.Aid.AidTestKit;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>The application workflow step by step — submission, review, first opinion, notice, objections and their
/// re-review, the four-eyes decision, rejection, and the separate review of applications involving relatives of staff —
/// with every refusal on the way, each checked to write nothing.</summary>
public class AidWorkflowTests
{
    [Fact]
    public async Task An_application_goes_from_submission_through_review_notice_and_approval()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync(Household("李建国", 3));
        var submitted = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal("李*国", submitted.Beneficiary.MaskedName);
        Assert.Equal(3, submitted.Beneficiary.HouseholdSize);
        Assert.Equal(Handler, submitted.Handler);

        await kit.ReviewedAsync(id);
        Assert.Equal(2, (await kit.LoadAsync(id)).InitialReviewerCount);

        var schedule = kit.Monthly(3);
        Assert.Equal(AidResult.Ok, await kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, schedule, "three members at ¥300"));
        var proposed = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Proposed, proposed.Status);
        Assert.Equal(Money.FromYuan(2_700), proposed.ProposedAmount);
        Assert.Equal(Money.Zero, proposed.ApprovedAmount);

        Assert.Equal(AidResult.Ok, await kit.Desk.PublishNoticeAsync(id, Publisher));
        var noticed = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.InNotice, noticed.Status);
        Assert.Equal(kit.Today, noticed.Notice!.From);
        Assert.Equal(kit.Today.PlusDays(7), noticed.Notice.EndsOn);

        kit.AdvanceDays(7);
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Approver));
        var approved = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        Assert.Equal(Money.FromYuan(2_700), approved.ApprovedAmount);
        Assert.Equal(Approver, approved.Approval!.Approver);

        // The approval is committed to the programme's 2026 budget in the same batch.
        var programme = await kit.ProgrammeAsync();
        Assert.Equal(Money.FromYuan(2_700), programme.CommittedIn(kit.Today));
        Assert.Equal(Money.FromYuan(2_700), programme.CommittedTo(approved.Beneficiary.Id, kit.Today));

        // Repeats change nothing.
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.ApproveAsync(id, Approver));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.SubmitAsync(id, approved.Request));
    }

    [Fact]
    public async Task Submission_refusals()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        var other = kit.Request(Household("王芳"));
        await kit.RefusedAsync(AidResult.ApplicationExistsWithDifferentDetails, () => kit.Desk.SubmitAsync(id, other));
        await kit.RefusedAsync(AidResult.ProgrammeNotFound, () => kit.Desk.SubmitAsync(AidApplicationId.New(), kit.Request(programme: ProgrammeId.New())));
        var child = AidBeneficiary.Child(BeneficiaryId.New(), "陈小宝", 4, "Hunan Road");
        await kit.RefusedAsync(AidResult.NotEligible, () => kit.Desk.SubmitAsync(AidApplicationId.New(), kit.Request(child)));
        await kit.RefusedAsync(AidResult.RelatedStaffExcluded, () => kit.Desk.SubmitAsync(AidApplicationId.New(), kit.Request(related: Handler)));
        await kit.RefusedAsync(AidResult.ApplicationNotFound, () => kit.Desk.ReviewAsync(AidApplicationId.New(), ReviewerA, "x"));
    }

    [Fact]
    public async Task A_programme_limited_to_some_categories_refuses_the_others()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { EligibleCategories = [HardshipCategory.MinimumLiving, HardshipCategory.SpecialHardship] }));
        await kit.RefusedAsync(AidResult.NotEligible, () => kit.Desk.SubmitAsync(AidApplicationId.New(), kit.Request(Household(category: HardshipCategory.MarginalLowIncome))));
        Assert.Equal(AidResult.Ok, await kit.Desk.SubmitAsync(AidApplicationId.New(), kit.Request(Household(category: HardshipCategory.SpecialHardship))));
    }

    [Fact]
    public async Task Reviews_need_two_distinct_reviewers_before_the_first_opinion_and_close_with_it()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.RefusedAsync(AidResult.TooFewReviewers, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.ReviewAsync(id, ReviewerA, "visited"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.ReviewAsync(id, ReviewerA, "visited"));
        await kit.RefusedAsync(AidResult.AlreadyReviewed, () => kit.Desk.ReviewAsync(id, ReviewerA, "visited again, other finding"));
        await kit.RefusedAsync(AidResult.TooFewReviewers, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));

        Assert.Equal(AidResult.Ok, await kit.Desk.ReviewAsync(id, ReviewerB, "agrees"));
        Assert.Equal(AidResult.Ok, await kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));
        await kit.RefusedAsync(AidResult.FirstOpinionAlreadyGiven, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(2), "x"));
        await kit.RefusedAsync(AidResult.ReviewsClosed, () => kit.Desk.ReviewAsync(id, Clerk, "late"));
    }

    [Fact]
    public async Task The_first_opinion_must_meet_the_benefit_standard()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync(Household(size: 3));
        await kit.ReviewedAsync(id);

        // ¥300 per member for 3 members is exactly ¥900 an instalment: more or less is outside the standard.
        await kit.RefusedAsync(AidResult.OutsideBenefitStandard, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(3, Money.FromYuan(1_200)), "x"));
        await kit.RefusedAsync(AidResult.OutsideBenefitStandard, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(3, Money.FromYuan(600)), "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(3, Money.FromYuan(900)), "x"));
    }

    [Fact]
    public async Task A_capped_standard_allows_any_instalment_up_to_its_cap()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, ProgrammeKind.TemporaryAssistance, BenefitStandard.MultipleOf(Money.FromYuan(1_000), 3), t.EligibleKinds)));
        var id = await kit.SubmitAsync();
        await kit.ReviewedAsync(id);
        await kit.RefusedAsync(AidResult.OutsideBenefitStandard, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, AidSchedule.Once(kit.Today, Money.FromFen(300_001)), "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, AidSchedule.Once(kit.Today, Money.FromYuan(2_350)), "x"));
    }

    [Fact]
    public async Task The_notice_needs_the_first_opinion_and_is_published_once()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.ReviewedAsync(id);
        await kit.RefusedAsync(AidResult.FirstOpinionRequired, () => kit.Desk.PublishNoticeAsync(id, Publisher));
        await kit.RefusedAsync(AidResult.FirstOpinionRequired, () => kit.Desk.ApproveAsync(id, Approver));
        await kit.RefusedAsync(AidResult.NoticeNotPublished, () => kit.Desk.LodgeObjectionAsync(id, "not poor"));
        Assert.Equal(AidResult.Ok, await kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));
        await kit.RefusedAsync(AidResult.NoticeNotPublished, () => kit.Desk.ApproveAsync(id, Approver));
        Assert.Equal(AidResult.Ok, await kit.Desk.PublishNoticeAsync(id, Publisher));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.PublishNoticeAsync(id, Publisher));
        await kit.RefusedAsync(AidResult.NoticeAlreadyPublished, () => kit.Desk.PublishNoticeAsync(id, Clerk));
    }

    [Fact]
    public async Task The_decision_waits_until_the_notice_period_has_elapsed()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id);

        // Published on Monday 2 March for 7 days: the notice runs to Sunday 8 March; the decision is possible on the 9th.
        kit.AdvanceTo(new LocalDate(2026, 3, 8), 23);
        await kit.RefusedAsync(AidResult.NoticePeriodNotElapsed, () => kit.Desk.ApproveAsync(id, Approver));
        kit.AdvanceTo(new LocalDate(2026, 3, 9), 0);
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Approver));
    }

    [Fact]
    public async Task A_configured_notice_length_is_used()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { NoticeDays = 3 }));
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id);
        Assert.Equal(kit.Today.PlusDays(3), (await kit.LoadAsync(id)).Notice!.EndsOn);
        kit.AdvanceDays(2);
        await kit.RefusedAsync(AidResult.NoticePeriodNotElapsed, () => kit.Desk.ApproveAsync(id, Approver));
        kit.AdvanceDays(1);
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Approver));
    }

    [Fact]
    public async Task Four_eyes_the_approver_is_neither_the_handler_nor_a_reviewer()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id);
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.ApproverIsHandler, () => kit.Desk.ApproveAsync(id, Handler));
        await kit.RefusedAsync(AidResult.ApproverIsReviewer, () => kit.Desk.ApproveAsync(id, ReviewerA));
        await kit.RefusedAsync(AidResult.ApproverIsReviewer, () => kit.Desk.ApproveAsync(id, ReviewerB));

        // The publisher and the first-opinion giver's colleagues may approve; once decided, another approver is refused.
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Publisher));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.ApproveAsync(id, Approver));
    }

    [Fact]
    public async Task Objections_during_the_notice_need_a_re_review_before_the_decision()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id);
        kit.AdvanceDays(3);
        Assert.Equal(AidResult.Ok, await kit.Desk.LodgeObjectionAsync(id, "the household owns a car"));
        kit.AdvanceDays(4);
        await kit.RefusedAsync(AidResult.NoticePeriodOver, () => kit.Desk.LodgeObjectionAsync(id, "too late"));
        await kit.RefusedAsync(AidResult.ObjectionsUnresolved, () => kit.Desk.ApproveAsync(id, Approver));

        await kit.RefusedAsync(AidResult.ObjectionNotFound, () => kit.Desk.ResolveObjectionAsync(id, 2, Inspector, false, "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.ResolveObjectionAsync(id, 1, Inspector, false, "the car belongs to a son living elsewhere"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.ResolveObjectionAsync(id, 1, Inspector, false, "the car belongs to a son living elsewhere"));
        await kit.RefusedAsync(AidResult.ObjectionAlreadyResolved, () => kit.Desk.ResolveObjectionAsync(id, 1, Inspector, true, "changed mind"));

        // The re-reviewer counts as a reviewer for four eyes.
        await kit.RefusedAsync(AidResult.ApproverIsReviewer, () => kit.Desk.ApproveAsync(id, Inspector));
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Approver));
        var approved = await kit.LoadAsync(id);
        var objection = Assert.Single(approved.Objections);
        Assert.False(objection.IsUpheld);
        Assert.Equal(Inspector, objection.ResolvedBy);
    }

    [Fact]
    public async Task An_upheld_objection_rejects_the_application_with_the_finding_as_reason()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id);
        Assert.Equal(AidResult.Ok, await kit.Desk.LodgeObjectionAsync(id, "income from a shop not declared"));
        Assert.Equal(AidResult.Ok, await kit.Desk.ResolveObjectionAsync(id, 1, Inspector, true, "the shop's licence is in the applicant's name"));

        var rejected = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Contains("the shop's licence", rejected.Rejection!.Reason, StringComparison.Ordinal);
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.ApproveAsync(id, Approver));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.LodgeObjectionAsync(id, "more"));
        Assert.Equal(Money.Zero, (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
    }

    [Fact]
    public async Task Rejection_carries_a_reason_and_ends_the_workflow()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.RefusedAsync(AidResult.ReasonRequired, () => kit.Desk.RejectAsync(id, ReviewerA, "  "));
        Assert.Equal(AidResult.Ok, await kit.Desk.RejectAsync(id, ReviewerA, "income above the line"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.RejectAsync(id, ReviewerA, "income above the line"));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.RejectAsync(id, Approver, "another reason"));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.ReviewAsync(id, ReviewerB, "x"));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerB, kit.Monthly(), "x"));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.PublishNoticeAsync(id, Publisher));
        var rejected = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Equal("income above the line", rejected.Rejection!.Reason);
        Assert.Empty(rejected.OpenDeadlines(kit.Terms, kit.Desk.Rules));
    }

    [Fact]
    public async Task An_application_involving_a_relative_of_staff_is_flagged_and_routed_to_a_separate_review()
    {
        var kit = await CreateAsync();
        var colleague = StaffId.New();
        var id = await kit.SubmitAsync(related: colleague);
        Assert.True((await kit.LoadAsync(id)).InvolvesStaffRelative);

        // The related member of staff takes no part.
        await kit.RefusedAsync(AidResult.RelatedStaffExcluded, () => kit.Desk.ReviewAsync(id, colleague, "my aunt is poor"));
        await kit.ReviewedAsync(id);
        await kit.RefusedAsync(AidResult.SeparateReviewRequired, () => kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));

        // The separate reviewer is independent of the handler and the initial reviewers.
        await kit.RefusedAsync(AidResult.SeparateReviewerNotIndependent, () => kit.Desk.SeparateReviewAsync(id, Handler, "x"));
        await kit.RefusedAsync(AidResult.SeparateReviewerNotIndependent, () => kit.Desk.SeparateReviewAsync(id, ReviewerB, "x"));
        await kit.RefusedAsync(AidResult.RelatedStaffExcluded, () => kit.Desk.SeparateReviewAsync(id, colleague, "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.SeparateReviewAsync(id, Inspector, "checked by the discipline office: eligible"));
        await kit.RefusedAsync(AidResult.AlreadyReviewed, () => kit.Desk.SeparateReviewAsync(id, Clerk, "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.GiveFirstOpinionAsync(id, ReviewerA, kit.Monthly(), "x"));
        await kit.RefusedAsync(AidResult.RelatedStaffExcluded, () => kit.Desk.PublishNoticeAsync(id, colleague));
        Assert.Equal(AidResult.Ok, await kit.Desk.PublishNoticeAsync(id, Publisher));
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.RelatedStaffExcluded, () => kit.Desk.ApproveAsync(id, colleague));
        await kit.RefusedAsync(AidResult.RelatedStaffExcluded, () => kit.Desk.RejectAsync(id, colleague, "x"));
        await kit.RefusedAsync(AidResult.ApproverIsReviewer, () => kit.Desk.ApproveAsync(id, Inspector));
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Approver));
    }

    [Fact]
    public async Task A_separate_review_is_refused_when_no_relative_of_staff_is_involved_and_a_separate_reviewer_cannot_review_initially()
    {
        var kit = await CreateAsync();
        var plain = await kit.SubmitAsync();
        await kit.RefusedAsync(AidResult.SeparateReviewNotRequired, () => kit.Desk.SeparateReviewAsync(plain, Inspector, "x"));

        var flagged = await kit.SubmitAsync(related: StaffId.New());
        Assert.Equal(AidResult.Ok, await kit.Desk.SeparateReviewAsync(flagged, Inspector, "eligible"));
        await kit.RefusedAsync(AidResult.SeparateReviewerNotIndependent, () => kit.Desk.ReviewAsync(flagged, Inspector, "also initial"));
    }

    [Fact]
    public async Task Ordinary_steps_are_refused_on_urgent_applications_and_urgent_steps_on_ordinary_ones()
    {
        var kit = await CreateAsync();
        var urgent = await kit.SubmitAsync(urgent: true);
        await kit.RefusedAsync(AidResult.UrgentApplication, () => kit.Desk.ReviewAsync(urgent, ReviewerA, "x"));
        await kit.RefusedAsync(AidResult.UrgentApplication, () => kit.Desk.ApproveAsync(urgent, Approver));
        await kit.RefusedAsync(AidResult.UrgentApplication, () => kit.Desk.LodgeObjectionAsync(urgent, "x"));

        var ordinary = await kit.SubmitAsync();
        await kit.RefusedAsync(AidResult.NotUrgent, () => kit.Desk.GrantUrgentAsync(ordinary, PaymentId.New(), Approver, Money.FromYuan(500)));
        await kit.RefusedAsync(AidResult.NotUrgent, () => kit.Desk.DocumentUrgentAsync(ordinary, Clerk, "archive/1", "x"));
    }

    [Fact]
    public async Task Refusals_and_repeats_append_nothing_to_the_store_and_the_ledger_audits_clean()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync();
        var before = await kit.Store.GetPositionAsync();
        Assert.Equal(AidResult.AlreadyDone, await kit.Desk.ApproveAsync(id, Approver));
        Assert.Equal(AidResult.ApproverIsHandler, await kit.Desk.ApproveAsync(await kit.SubmitAsync(), Handler));
        Assert.Equal(before + 1, await kit.Store.GetPositionAsync()); // only the second submission
        await kit.AssertAuditCleanAsync();
    }
}

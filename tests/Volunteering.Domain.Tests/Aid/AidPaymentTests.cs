using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Tests.Activities;
using static Volunteering.Domain.Tests.Aid.AidTestKit;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>Payments of approved aid in scheduled instalments ("approve once, pay in stages"), their idempotency,
/// reversals with a reason, revocation for future instalments only, and urgent aid paid first and documented after —
/// each checked on the ledger in the store.</summary>
public class AidPaymentTests
{
    [Fact]
    public async Task Instalments_are_paid_from_the_fund_to_the_beneficiary_once_each_as_they_fall_due()
    {
        var kit = await CreateAsync();
        var household = Household();
        var id = await kit.ApprovedAsync(household); // 3 × ¥900 from 2 March; approved on 9 March
        var fundBefore = await kit.FundAsync();

        var first = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, first, 1));
        Assert.Equal(90_000, await kit.PaidToAsync(household.Id));
        Assert.Equal(fundBefore - 90_000, await kit.FundAsync());

        // The same payment again pays nothing; another payment id for the paid instalment goes beyond the approval.
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.PayAsync(id, first, 1));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.PayAsync(id, first, 1, Money.FromYuan(900)));
        await kit.RefusedAsync(AidResult.PaymentExistsWithDifferentDetails, () => kit.Desk.PayAsync(id, first, 2));
        await kit.RefusedAsync(AidResult.ExceedsApproval, () => kit.Desk.PayAsync(id, PaymentId.New(), 1));

        // The second falls due on 2 April.
        await kit.RefusedAsync(AidResult.InstalmentNotDue, () => kit.Desk.PayAsync(id, PaymentId.New(), 2));
        await kit.RefusedAsync(AidResult.InstalmentNotFound, () => kit.Desk.PayAsync(id, PaymentId.New(), 4));
        kit.AdvanceTo(new NodaTime.LocalDate(2026, 4, 2));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 2));
        kit.AdvanceTo(new NodaTime.LocalDate(2026, 5, 2));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 3));

        var paid = await kit.LoadAsync(id);
        Assert.Equal(Money.FromYuan(2_700), paid.PaidAmount);
        Assert.Equal(paid.ApprovedAmount, paid.PaidAmount);
        Assert.Equal(270_000, await kit.PaidToAsync(household.Id));
        Assert.Equal(fundBefore - 270_000, await kit.FundAsync());

        // The ledger transfer of each payment is derived from its payment id.
        var entry = await kit.Store.FindTransferAsync(AidFunds.PaymentTransferId(first));
        Assert.NotNull(entry);
        Assert.Equal((int)AidTransferCode.AidPayment, entry.Value.Code);
        Assert.Equal(AidFunds.FundAccountId(kit.Programme), entry.Value.DebitAccountId);
        Assert.Equal(entry.Value.Timestamp, paid.Payments[0].PaidAt);
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task Payment_beyond_approval_is_refused_and_an_instalment_may_be_paid_in_parts()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync();
        await kit.RefusedAsync(AidResult.ExceedsApproval, () => kit.Desk.PayAsync(id, PaymentId.New(), 1, Money.FromYuan(901)));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1, Money.FromYuan(500)));
        await kit.RefusedAsync(AidResult.ExceedsApproval, () => kit.Desk.PayAsync(id, PaymentId.New(), 1, Money.FromYuan(401)));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1));
        Assert.Equal(Money.FromYuan(900), (await kit.LoadAsync(id)).PaidOn(1));
        await kit.RefusedAsync(AidResult.ExceedsApproval, () => kit.Desk.PayAsync(id, PaymentId.New(), 1, Money.FromFen(1)));
    }

    [Fact]
    public async Task Nothing_is_paid_before_approval()
    {
        var kit = await CreateAsync();
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id);
        await kit.RefusedAsync(AidResult.NotApproved, () => kit.Desk.PayAsync(id, PaymentId.New(), 1));
        await kit.RefusedAsync(AidResult.NotApproved, () => kit.Desk.RevokeAsync(id, Approver, "x"));
        await kit.RefusedAsync(AidResult.PaymentNotFound, () => kit.Desk.ReversePaymentAsync(id, PaymentId.New(), Clerk, "x"));
    }

    [Fact]
    public async Task A_payment_id_is_used_once_in_the_store()
    {
        var kit = await CreateAsync();
        var one = await kit.ApprovedAsync();
        var two = await kit.ApprovedAsync();
        var payment = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(one, payment, 1));
        await kit.RefusedAsync(AidResult.PaymentIdTaken, () => kit.Desk.PayAsync(two, payment, 1));
        Assert.Empty((await kit.LoadAsync(two)).Payments);
    }

    [Fact]
    public async Task A_payment_id_another_desk_uses_meanwhile_is_refused_after_the_retry_and_pays_once()
    {
        // A second desk on the same store pays application one with the id while this desk is deciding application
        // two with it: this desk's save conflicts, it decides again on the caught-up ledger, and refuses.
        InterceptingStore? intercepting = null;
        var kit = await CreateAsync(deskStore: s => intercepting = new InterceptingStore(s));
        var one = await kit.ApprovedAsync();
        var two = await kit.ApprovedAsync();
        var other = new AidDesk(kit.Store, await PersistentLedger(kit), kit.Clock);
        var payment = PaymentId.New();
        intercepting!.BeforeAppend = async () => Assert.Equal(AidResult.Ok, await other.PayAsync(one, payment, 1));

        Assert.Equal(AidResult.PaymentIdTaken, await kit.Desk.PayAsync(two, payment, 1));
        Assert.True(intercepting.Conflicts >= 1);
        Assert.Empty((await kit.LoadAsync(two)).Payments);
        Assert.Single((await kit.LoadAsync(one)).Payments);
        Assert.Equal(Money.FromYuan(900).Fen, (await kit.Store.FindTransferAsync(AidFunds.PaymentTransferId(payment)))!.Value.Amount);
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task The_fund_never_pays_out_more_than_it_holds()
    {
        var kit = await CreateAsync(donationYuan: 1_000);
        var id = await kit.ApprovedAsync(schedule: AidSchedule.Monthly(new NodaTime.LocalDate(2026, 3, 2), 2, Money.FromYuan(900)));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1));
        kit.AdvanceTo(new NodaTime.LocalDate(2026, 4, 2));
        await kit.RefusedAsync(AidResult.FundInsufficient, () => kit.Desk.PayAsync(id, PaymentId.New(), 2));
        Assert.Equal(10_000, await kit.FundAsync());

        Assert.Equal(AidResult.Ok, await kit.Desk.ReceiveFundsAsync(kit.Programme, ContributionId.New(), DonorId.New(), FundSource.Allocation, Money.FromYuan(800)));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 2));
        Assert.Equal(0, await kit.FundAsync());
    }

    [Fact]
    public async Task A_reversal_restores_both_balances_exactly_keeps_the_payment_and_lets_the_instalment_be_paid_again()
    {
        var kit = await CreateAsync();
        var household = Household();
        var id = await kit.ApprovedAsync(household);
        var fundBefore = await kit.FundAsync();
        var payment = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, payment, 1));

        await kit.RefusedAsync(AidResult.ReasonRequired, () => kit.Desk.ReversePaymentAsync(id, payment, Clerk, ""));
        Assert.Equal(AidResult.Ok, await kit.Desk.ReversePaymentAsync(id, payment, Clerk, "bank account closed"));
        Assert.Equal(fundBefore, await kit.FundAsync());
        Assert.Equal(0, await kit.PaidToAsync(household.Id));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.ReversePaymentAsync(id, payment, Clerk, "bank account closed"));

        var reversed = await kit.LoadAsync(id);
        var kept = Assert.Single(reversed.Payments);
        Assert.True(kept.IsReversed);
        Assert.Equal("bank account closed", kept.Reversal!.Reason);
        Assert.Equal(Money.Zero, reversed.PaidAmount);

        // The original transfer stays on the ledger, reversed by a new one.
        Assert.True(kit.Ledger.Ledger.TryGetTransfer(AidFunds.PaymentTransferId(payment), out var original));
        Assert.Equal(AidFunds.ReversalTransferId(payment), original.ReversedBy);

        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1));
        Assert.Equal(90_000, await kit.PaidToAsync(household.Id));
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task Revoking_an_approval_stops_future_instalments_only_and_releases_their_budget()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync(schedule: AidSchedule.Monthly(new NodaTime.LocalDate(2026, 3, 2), 4, Money.FromYuan(900)));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1));
        kit.AdvanceTo(new NodaTime.LocalDate(2026, 4, 10));
        var committedBefore = (await kit.ProgrammeAsync()).CommittedIn(kit.Today);

        await kit.RefusedAsync(AidResult.ReasonRequired, () => kit.Desk.RevokeAsync(id, Approver, " "));
        await kit.RefusedAsync(AidResult.RevocationBackdated, () => kit.Desk.RevokeAsync(id, Approver, "x", new NodaTime.LocalDate(2026, 4, 1)));
        Assert.Equal(AidResult.Ok, await kit.Desk.RevokeAsync(id, Approver, "moved out of the district"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.RevokeAsync(id, Approver, "again"));

        // Instalment 2 (due 2 April) was due before the revocation: it stays payable. 3 and 4 are cancelled.
        var revoked = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.Revoked, revoked.Status);
        Assert.Equal(Money.FromYuan(1_800), revoked.Revocation!.Released);
        Assert.False(revoked.IsCancelled(2));
        Assert.True(revoked.IsCancelled(3));
        Assert.Equal(committedBefore - Money.FromYuan(1_800), (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
        Assert.Equal(revoked.CommittedAmount, (await kit.ProgrammeAsync()).CommittedIn(kit.Today));

        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 2));
        kit.AdvanceTo(new NodaTime.LocalDate(2026, 5, 2));
        await kit.RefusedAsync(AidResult.InstalmentCancelled, () => kit.Desk.PayAsync(id, PaymentId.New(), 3));
        Assert.Equal(Money.FromYuan(1_800), (await kit.LoadAsync(id)).PaidAmount);
    }

    [Fact]
    public async Task Revoking_when_every_future_instalment_is_paid_revokes_nothing()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync(schedule: AidSchedule.Once(new NodaTime.LocalDate(2026, 3, 2), Money.FromYuan(900)));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1));
        await kit.RefusedAsync(AidResult.NothingToRevoke, () => kit.Desk.RevokeAsync(id, Approver, "x", new NodaTime.LocalDate(2026, 3, 2).PlusDays(7)));
    }

    [Fact]
    public async Task Reversing_a_payment_of_a_cancelled_instalment_releases_it_from_the_budget_too()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync(schedule: AidSchedule.Monthly(new NodaTime.LocalDate(2026, 3, 9), 2, Money.FromYuan(900)));
        var payment = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, payment, 1));
        Assert.Equal(AidResult.Ok, await kit.Desk.RevokeAsync(id, Approver, "error in the household's records", kit.Today));
        Assert.Equal(Money.FromYuan(900), (await kit.ProgrammeAsync()).CommittedIn(kit.Today)); // instalment 1 was paid: it stays committed

        Assert.Equal(AidResult.Ok, await kit.Desk.ReversePaymentAsync(id, payment, Clerk, "paid by mistake"));
        Assert.Equal(Money.Zero, (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
        Assert.Equal(Money.Zero, (await kit.LoadAsync(id)).CommittedAmount);
        await kit.RefusedAsync(AidResult.InstalmentCancelled, () => kit.Desk.PayAsync(id, PaymentId.New(), 1));
    }

    [Fact]
    public async Task A_ledger_refusal_other_than_the_floor_is_reported_and_writes_nothing()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync();
        Assert.Equal(AccountResult.Ok, await kit.Ledger.ExecuteAsync(l => l.FreezeAccount(AidFunds.FundAccountId(kit.Programme))));
        await kit.RefusedAsync(AidResult.LedgerRejected, () => kit.Desk.PayAsync(id, PaymentId.New(), 1));
    }

    [Fact]
    public async Task Urgent_aid_is_paid_first_within_the_limit_and_documented_after_by_someone_else()
    {
        var kit = await CreateAsync();
        var household = Household("赵大勇", 2, HardshipCategory.Other);
        var id = await kit.SubmitAsync(household, cause: "fire", urgent: true);
        await kit.RefusedAsync(AidResult.NotApproved, () => kit.Desk.DocumentUrgentAsync(id, Clerk, "archive/7", "x"));
        await kit.RefusedAsync(AidResult.UrgentLimitExceeded, () => kit.Desk.GrantUrgentAsync(id, PaymentId.New(), Approver, Money.FromYuan(1_001)));
        await kit.RefusedAsync(AidResult.ApproverIsHandler, () => kit.Desk.GrantUrgentAsync(id, PaymentId.New(), Handler, Money.FromYuan(800)));

        var payment = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.GrantUrgentAsync(id, payment, Approver, Money.FromYuan(800)));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.GrantUrgentAsync(id, payment, Approver, Money.FromYuan(800)));
        await kit.RefusedAsync(AidResult.ApplicationDecided, () => kit.Desk.GrantUrgentAsync(id, PaymentId.New(), Approver, Money.FromYuan(100)));
        Assert.Equal(80_000, await kit.PaidToAsync(household.Id));
        var granted = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.UrgentGranted, granted.Status);
        Assert.Equal(Money.FromYuan(800), (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
        Assert.Equal(AidDeadlineKind.UrgentDocumentation, Assert.Single(granted.OpenDeadlines(kit.Terms, kit.Desk.Rules)).Kind);

        await kit.RefusedAsync(AidResult.DocumenterIsAuthoriser, () => kit.Desk.DocumentUrgentAsync(id, Approver, "archive/7", "x"));
        Assert.Equal(AidResult.Ok, await kit.Desk.DocumentUrgentAsync(id, Clerk, "archive/2026/fire-7", "receipts and the fire brigade's report"));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.DocumentUrgentAsync(id, Clerk, "archive/2026/fire-7", "receipts and the fire brigade's report"));
        await kit.RefusedAsync(AidResult.UrgentAlreadyDocumented, () => kit.Desk.DocumentUrgentAsync(id, Inspector, "other", "x"));
        var documented = await kit.LoadAsync(id);
        Assert.Equal(ApplicationStatus.UrgentDocumented, documented.Status);
        Assert.Empty(documented.OpenDeadlines(kit.Terms, kit.Desk.Rules));
    }

    [Fact]
    public async Task Urgent_aid_is_refused_by_a_programme_without_an_urgent_limit()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds)));
        await kit.RefusedAsync(AidResult.UrgentAidNotAllowed, () => kit.Desk.SubmitAsync(AidApplicationId.New(), kit.Request(urgent: true)));
    }

    [Fact]
    public async Task Urgent_aid_counts_against_the_budget_and_the_fund_like_any_approval()
    {
        var kit = await CreateAsync(budgetYuan: 500, donationYuan: 300);
        var id = await kit.SubmitAsync(urgent: true);
        await kit.RefusedAsync(AidResult.BudgetExceeded, () => kit.Desk.GrantUrgentAsync(id, PaymentId.New(), Approver, Money.FromYuan(600)));
        await kit.RefusedAsync(AidResult.FundInsufficient, () => kit.Desk.GrantUrgentAsync(id, PaymentId.New(), Approver, Money.FromYuan(400)));
        Assert.Equal(Money.Zero, (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
        Assert.Equal(AidResult.Ok, await kit.Desk.GrantUrgentAsync(id, PaymentId.New(), Approver, Money.FromYuan(300)));
    }

    private static async Task<Volunteering.Domain.Storage.PersistentLedger> PersistentLedger(AidTestKit kit)
        => await Volunteering.Domain.Storage.PersistentLedger.OpenAsync(kit.Store, kit.Clock);
}

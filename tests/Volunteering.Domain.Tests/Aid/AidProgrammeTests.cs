using NodaTime;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Aid.AidTestKit;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>Programmes and their funds: establishment with the fund account, budgets per period, donations and
/// allocations with the donor recorded on the ledger, the per-beneficiary cap, the once-per-cause-per-year rule, and the
/// value types (standards, periods, schedules) with their guards.</summary>
public class AidProgrammeTests
{
    [Fact]
    public async Task Establishing_opens_the_fund_with_a_floor_of_zero_and_repeats_are_idempotent()
    {
        var kit = await CreateAsync(budgetYuan: 0, donationYuan: 0);
        Assert.True(kit.Ledger.Ledger.TryGetAccount(AidFunds.FundAccountId(kit.Programme), out var fund));
        Assert.Equal(Asset.MoneyCny, fund.Asset);
        Assert.Equal(0, fund.Floor);
        Assert.Null(fund.Ceiling);
        Assert.Equal((int)AidAccountCode.Fund, fund.Code);
        Assert.Equal(kit.Programme.Value, fund.OwnerId);

        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.EstablishAsync(kit.Programme, DefaultTerms()));
        var other = new ProgrammeTerms("Another name", ProgrammeKind.HouseholdAid, BenefitStandard.PerMember(PerMember), [BeneficiaryKind.Household, BeneficiaryKind.Student]) { UrgentLimit = Money.FromYuan(1_000) };
        await kit.RefusedAsync(AidResult.ProgrammeExistsWithDifferentTerms, () => kit.Desk.EstablishAsync(kit.Programme, other));
        await kit.RefusedAsync(AidResult.ProgrammeNotFound, () => kit.Desk.SetBudgetAsync(ProgrammeId.New(), kit.Today, Money.FromYuan(1)));

        var loaded = await kit.ProgrammeAsync();
        Assert.Equal(kit.Terms, loaded.Terms);
        Assert.Equal("Asia/Shanghai", loaded.Terms.TimeZone.Id);
    }

    [Fact]
    public async Task Donations_and_allocations_are_ledger_transfers_from_the_donors_account_with_the_donor_recorded()
    {
        var kit = await CreateAsync(donationYuan: 0);
        var company = DonorId.New();
        var office = DonorId.New();
        var gift = ContributionId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.ReceiveFundsAsync(kit.Programme, gift, company, FundSource.Donation, Money.FromYuan(20_000)));
        Assert.Equal(AidResult.Ok, await kit.Desk.ReceiveFundsAsync(kit.Programme, ContributionId.New(), office, FundSource.Allocation, Money.FromYuan(80_000)));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.ReceiveFundsAsync(kit.Programme, gift, company, FundSource.Donation, Money.FromYuan(20_000)));
        await kit.RefusedAsync(AidResult.ContributionExistsWithDifferentDetails, () => kit.Desk.ReceiveFundsAsync(kit.Programme, gift, company, FundSource.Donation, Money.FromYuan(2_000)));

        Assert.Equal(10_000_000, await kit.FundAsync());
        var entry = (await kit.Store.FindTransferAsync(AidFunds.ContributionTransferId(gift)))!.Value;
        Assert.Equal(AidFunds.DonorAccountId(company), entry.DebitAccountId);
        Assert.Equal((int)AidTransferCode.Donation, entry.Code);
        Assert.True(kit.Ledger.Ledger.TryGetAccount(AidFunds.DonorAccountId(company), out var donor));
        Assert.Equal(company.Value, donor.OwnerId);
        Assert.Equal(-2_000_000, donor.Balance);
        Assert.Equal(0, donor.Ceiling);

        var programme = await kit.ProgrammeAsync();
        Assert.Equal(Money.FromYuan(100_000), programme.TotalReceived);
        Assert.Equal([company, office], programme.Contributions.Select(static c => c.Donor));
        Assert.Equal(entry.Timestamp, programme.Contributions[0].At);
    }

    [Fact]
    public async Task A_contribution_id_used_by_another_programme_is_refused()
    {
        var kit = await CreateAsync(donationYuan: 0);
        var second = ProgrammeId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.EstablishAsync(second, DefaultTerms(t => new ProgrammeTerms("Student grant", ProgrammeKind.StudentGrant, BenefitStandard.Fixed(Money.FromYuan(1_000)), [BeneficiaryKind.Student]))));
        var gift = ContributionId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.ReceiveFundsAsync(kit.Programme, gift, Donor, FundSource.Donation, Money.FromYuan(100)));
        await kit.RefusedAsync(AidResult.ContributionIdTaken, () => kit.Desk.ReceiveFundsAsync(second, gift, Donor, FundSource.Donation, Money.FromYuan(100)));
    }

    [Fact]
    public async Task Budgets_are_set_per_period_and_never_below_what_is_committed()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { PeriodUnit = AidPeriodUnit.Month }), budgetYuan: 0);
        await kit.RefusedAsync(AidResult.ProgrammeNotFound, () => kit.Desk.ReceiveFundsAsync(ProgrammeId.New(), ContributionId.New(), Donor, FundSource.Donation, Money.FromYuan(1)));

        // Monthly periods: March has a budget, April has none.
        Assert.Equal(AidResult.Ok, await kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2026, 3, 17), Money.FromYuan(2_000)));
        await kit.RefusedAsync(AidResult.AlreadyDone, () => kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2026, 3, 1), Money.FromYuan(2_000)));
        var programme = await kit.ProgrammeAsync();
        Assert.Equal(Money.FromYuan(2_000), programme.BudgetOf(new LocalDate(2026, 3, 31)));
        Assert.Null(programme.BudgetOf(new LocalDate(2026, 4, 1)));

        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id, kit.Monthly(2)); // due 2 March and 2 April
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.NoBudgetForPeriod, () => kit.Desk.ApproveAsync(id, Approver));
        Assert.Equal(AidResult.Ok, await kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2026, 4, 1), Money.FromYuan(900)));
        Assert.Equal(AidResult.Ok, await kit.Desk.ApproveAsync(id, Approver));

        // Each instalment is committed to the month it falls due in.
        programme = await kit.ProgrammeAsync();
        Assert.Equal(Money.FromYuan(900), programme.CommittedIn(new LocalDate(2026, 3, 1)));
        Assert.Equal(Money.FromYuan(900), programme.CommittedIn(new LocalDate(2026, 4, 1)));
        await kit.RefusedAsync(AidResult.BudgetBelowCommitted, () => kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2026, 4, 1), Money.FromYuan(899)));
        Assert.Equal(AidResult.Ok, await kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2026, 3, 1), Money.FromYuan(900)));
    }

    [Fact]
    public async Task An_approval_that_would_exceed_the_budget_is_refused_and_commits_nothing()
    {
        var kit = await CreateAsync(budgetYuan: 4_000);
        var first = await kit.ApprovedAsync(); // ¥2,700 of ¥4,000
        var second = await kit.SubmitAsync();
        await kit.NoticedAsync(second);
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.BudgetExceeded, () => kit.Desk.ApproveAsync(second, Approver));
        Assert.Equal(Money.FromYuan(2_700), (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
        Assert.Equal(ApplicationStatus.InNotice, (await kit.LoadAsync(second)).Status);
        Assert.Equal(ApplicationStatus.Approved, (await kit.LoadAsync(first)).Status);
    }

    [Fact]
    public async Task The_per_beneficiary_cap_per_period_counts_every_application_of_the_beneficiary()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { BeneficiaryCapPerPeriod = Money.FromYuan(3_000) }));
        var household = Household();
        await kit.ApprovedAsync(household, kit.Monthly(3), cause: "living"); // ¥2,700
        var again = await kit.SubmitAsync(household, cause: "medical");
        await kit.NoticedAsync(again, AidSchedule.Once(kit.Today, Money.FromYuan(900)));
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.BeneficiaryCapExceeded, () => kit.Desk.ApproveAsync(again, Approver));

        // Another household is not affected.
        await kit.ApprovedAsync(Household("张伟"), kit.Monthly(3));
    }

    [Fact]
    public async Task Once_per_cause_per_year_refuses_a_second_approval_for_the_same_cause_in_the_year()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { OncePerCausePerYear = true, UrgentLimit = Money.FromYuan(1_000) }));
        var household = Household();
        await kit.ApprovedAsync(household, AidSchedule.Once(kit.Today, Money.FromYuan(900)), cause: "medical");
        var again = await kit.SubmitAsync(household, cause: "medical");
        await kit.NoticedAsync(again, AidSchedule.Once(kit.Today, Money.FromYuan(900)));
        kit.AdvanceDays(7);
        await kit.RefusedAsync(AidResult.CauseAlreadyAidedThisYear, () => kit.Desk.ApproveAsync(again, Approver));
        var urgent = await kit.SubmitAsync(household, cause: "medical", urgent: true);
        await kit.RefusedAsync(AidResult.CauseAlreadyAidedThisYear, () => kit.Desk.GrantUrgentAsync(urgent, PaymentId.New(), Approver, Money.FromYuan(500)));

        // Another cause is fine; so is the same cause next year.
        await kit.ApprovedAsync(household, AidSchedule.Once(kit.Today, Money.FromYuan(900)), cause: "education");
        Assert.Equal(AidResult.Ok, await kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2027, 1, 1), Money.FromYuan(10_000)));
        kit.AdvanceTo(new LocalDate(2027, 1, 4));
        await kit.ApprovedAsync(household, AidSchedule.Once(kit.Today, Money.FromYuan(900)), cause: "medical");
    }

    [Fact]
    public void Periods_follow_the_calendar()
    {
        var date = new LocalDate(2026, 8, 19);
        Assert.Equal(new DateInterval(new LocalDate(2026, 8, 1), new LocalDate(2026, 8, 31)), Terms(AidPeriodUnit.Month).PeriodContaining(date));
        Assert.Equal(new DateInterval(new LocalDate(2026, 7, 1), new LocalDate(2026, 9, 30)), Terms(AidPeriodUnit.Quarter).PeriodContaining(date));
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), Terms(AidPeriodUnit.Year).PeriodContaining(date));
        Assert.Equal(new LocalDate(2024, 2, 29), Terms(AidPeriodUnit.Month).PeriodContaining(new LocalDate(2024, 2, 3)).End);

        static ProgrammeTerms Terms(AidPeriodUnit unit) => DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { PeriodUnit = unit });
    }

    [Fact]
    public void Benefit_standards_set_an_instalment_exactly_or_up_to_a_cap()
    {
        Assert.True(BenefitStandard.Fixed(Money.FromYuan(500)).Allows(Money.FromYuan(500), 4));
        Assert.False(BenefitStandard.Fixed(Money.FromYuan(500)).Allows(Money.FromYuan(499), 4));
        Assert.Equal(Money.FromYuan(1_200), BenefitStandard.PerMember(Money.FromYuan(300)).AmountFor(4));
        Assert.True(BenefitStandard.PerMember(Money.FromYuan(300)).Allows(Money.FromYuan(1_200), 4));
        var cap = BenefitStandard.MultipleOf(Money.FromYuan(1_090), 3);
        Assert.Equal(BenefitStandardKind.UpToCap, cap.Kind);
        Assert.Equal(Money.FromYuan(3_270), cap.Amount);
        Assert.True(cap.Allows(Money.FromFen(1), 1));
        Assert.False(cap.Allows(Money.FromFen(327_001), 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => BenefitStandard.Fixed(Money.Zero));
        Assert.Throws<ArgumentException>(() => BenefitStandard.Fixed(Money.FromFen(100, new CurrencyCode("USD"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenefitStandard.MultipleOf(Money.FromYuan(1), 0));
        Assert.Throws<OverflowException>(() => BenefitStandard.MultipleOf(Money.FromFen(long.MaxValue / 2), 3));
    }

    [Fact]
    public void Schedules_and_requests_refuse_programmer_errors_with_guard_exceptions()
    {
        var day = new LocalDate(2026, 3, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => AidSchedule.Monthly(day, 0, Money.FromYuan(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AidSchedule.Once(day, Money.FromYuan(-1)));
        Assert.Throws<ArgumentException>(() => AidSchedule.Total([], "s"));
        Assert.Throws<ArgumentException>(() => AidSchedule.Total([new AidInstalment(day, Money.FromYuan(1)), new AidInstalment(day.PlusDays(-1), Money.FromYuan(1))], "s"));
        Assert.Equal(Money.FromYuan(3), AidSchedule.Total(AidSchedule.Monthly(day, 3, Money.FromYuan(1)), "s"));
        Assert.Equal(new LocalDate(2026, 2, 28), AidSchedule.Monthly(new LocalDate(2026, 1, 31), 2, Money.FromYuan(1))[1].DueOn);

        Assert.Throws<ArgumentException>(() => new AidRequest(default, Household(), "x", Money.FromYuan(1), Handler));
        Assert.Throws<ArgumentException>(() => new AidRequest(ProgrammeId.New(), Household(), " ", Money.FromYuan(1), Handler));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AidRequest(ProgrammeId.New(), Household(), "x", Money.Zero, Handler));
        Assert.Throws<ArgumentException>(() => new AidRequest(ProgrammeId.New(), Household(), "x", Money.FromYuan(1), default));
        Assert.Throws<ArgumentNullException>(() => new AidRequest(ProgrammeId.New(), null!, "x", Money.FromYuan(1), Handler));
        Assert.Throws<ArgumentOutOfRangeException>(() => AidBeneficiary.Household(BeneficiaryId.New(), "王芳", 0, "Hunan Road", HardshipCategory.None));
        Assert.Throws<ArgumentException>(() => AidBeneficiary.Household(default, "王芳", 1, "Hunan Road", HardshipCategory.None));
        Assert.Throws<ArgumentException>(() => AidBeneficiary.Student(BeneficiaryId.New(), "王芳", 1, "Hunan Road", " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgrammeTerms("x", ProgrammeKind.HouseholdAid, BenefitStandard.Fixed(Money.FromYuan(1)), [BeneficiaryKind.Household]) { NoticeDays = 0 });
        Assert.Throws<ArgumentException>(() => new ProgrammeTerms("x", ProgrammeKind.HouseholdAid, BenefitStandard.Fixed(Money.FromYuan(1)), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgrammeTerms("x", ProgrammeKind.HouseholdAid, BenefitStandard.Fixed(Money.FromYuan(1)), [BeneficiaryKind.Household]) { UrgentLimit = Money.FromYuan(-1) });
    }

    [Fact]
    public async Task Commands_refuse_programmer_errors_with_guard_exceptions_and_write_nothing()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync();
        var before = await kit.Store.GetPositionAsync();
        await Assert.ThrowsAsync<ArgumentException>(async () => await kit.Desk.PayAsync(id, default, 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await kit.Desk.PayAsync(id, PaymentId.New(), 1, Money.FromYuan(-5)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await kit.Desk.ReviewAsync(id, default, "x"));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await kit.Desk.RejectAsync(id, Approver, null!));
        await Assert.ThrowsAsync<ArgumentException>(async () => await kit.Desk.LodgeObjectionAsync(id, " "));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await kit.Desk.SetBudgetAsync(kit.Programme, kit.Today, Money.FromYuan(-1)));
        Assert.Equal(before, await kit.Store.GetPositionAsync());
    }

    [Fact]
    public async Task A_second_desk_on_the_same_store_sees_the_first_desks_commitments_and_budget_is_never_overcommitted()
    {
        // Two desks approve against a budget with room for one: the second decides on the caught-up programme.
        var kit = await CreateAsync(budgetYuan: 3_000);
        var other = new AidDesk(kit.Store, await PersistentLedger.OpenAsync(kit.Store, kit.Clock), kit.Clock);
        var one = await kit.SubmitAsync();
        var two = await kit.SubmitAsync();
        await kit.NoticedAsync(one);
        await kit.NoticedAsync(two);
        kit.AdvanceDays(7);
        Assert.Equal(AidResult.Ok, await other.ApproveAsync(one, Approver));
        await kit.RefusedAsync(AidResult.BudgetExceeded, () => kit.Desk.ApproveAsync(two, Approver));
        Assert.Equal(Money.FromYuan(2_700), (await kit.ProgrammeAsync()).CommittedIn(kit.Today));
    }
}

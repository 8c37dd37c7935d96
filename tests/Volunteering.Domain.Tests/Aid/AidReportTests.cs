using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using static Volunteering.Domain.Tests.Aid.AidTestKit;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>The register's lists and reports: the report per programme and period (helped, funded, paid, budget,
/// averages, objections, the public-notice list), its reconciliation with the ledger to the fen, and the overdue list
/// counted in working days.</summary>
public class AidReportTests
{
    private static readonly DateInterval Year2026 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    [Fact]
    public async Task The_report_counts_what_was_paid_to_whom_and_reconciles_with_the_ledger_to_the_fen()
    {
        var kit = await CreateAsync(DefaultTerms(t => new ProgrammeTerms(t.Name, t.Kind, t.Standard, t.EligibleKinds) { UrgentLimit = Money.FromYuan(1_000), PeriodUnit = AidPeriodUnit.Quarter }), budgetYuan: 0);
        foreach (var quarter in new[] { 1, 4, 7, 10 }) Assert.Equal(AidResult.Ok, await kit.Desk.SetBudgetAsync(kit.Programme, new LocalDate(2026, quarter, 1), Money.FromYuan(10_000)));

        var wang = Household("王小明", 3);
        var li = Household("李四", 2);
        var student = AidBeneficiary.Student(BeneficiaryId.New(), "周杰", 4, "Hunan Road", "Ninghai Road Middle School");
        var a = await kit.ApprovedAsync(wang, kit.Monthly(2)); // 2 × ¥900
        var b = await kit.ApprovedAsync(li, AidSchedule.Monthly(kit.Today, 2, Money.FromYuan(600)));
        var c = await kit.ApprovedAsync(student, AidSchedule.Once(kit.Today, Money.FromYuan(1_200)));
        var aFirst = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(a, aFirst, 1));
        var bFirst = PaymentId.New();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(b, bFirst, 1));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(c, PaymentId.New(), 1));
        Assert.Equal(AidResult.Ok, await kit.Desk.ReversePaymentAsync(b, bFirst, Clerk, "wrong account"));

        var objected = await kit.SubmitAsync(Household("赵六", 1));
        await kit.NoticedAsync(objected, AidSchedule.Once(kit.Today, Money.FromYuan(300)));
        Assert.Equal(AidResult.Ok, await kit.Desk.LodgeObjectionAsync(objected, "lives with a well-off son"));
        Assert.Equal(AidResult.Ok, await kit.Desk.ResolveObjectionAsync(objected, 1, Inspector, true, "confirmed"));

        kit.AdvanceTo(new LocalDate(2026, 4, 15));
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(a, PaymentId.New(), 2));

        var register = await kit.RegisterAsync();
        var march = register.Report(kit.Programme, new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(1, march.HouseholdsHelped); // Wang; Li's only payment was reversed
        Assert.Equal(1, march.IndividualsHelped);
        Assert.Equal(1, march.StudentsFunded);
        Assert.Equal(Money.FromYuan(900 + 1_200), march.TotalPaid);
        Assert.Equal(Money.FromYuan(900), march.PaidToHouseholds);
        Assert.Equal(Money.FromYuan(900), march.AveragePerHousehold);
        Assert.Equal(Money.FromYuan(50_000), march.Received);
        Assert.Equal(Money.FromYuan(50_000 - 900 - 1_200), march.FundBalanceAtEnd);
        Assert.Equal(4, march.ApplicationsSubmitted);
        Assert.Equal(3, march.ApplicationsApproved);
        Assert.Equal(1, march.ApplicationsRejected);
        Assert.Equal(1, march.ObjectionsLodged);
        Assert.Equal(1, march.ObjectionsUpheld);
        Assert.Equal(4, march.Payments.Count); // three payments and one reversal
        Assert.Empty(AidReconciliation.Check(march, kit.Ledger.Ledger));

        // The first quarter's budget and what is committed to it (instalments due in March; April's are Q2's).
        var q1 = register.Report(kit.Programme, new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31)));
        Assert.Equal(Money.FromYuan(10_000), q1.Budget);
        Assert.Equal(Money.FromYuan(900 + 600 + 1_200), q1.BudgetCommitted);
        Assert.Equal(Money.FromYuan(10_000 - 2_700), q1.BudgetRemaining);

        var year = register.Report(kit.Programme, Year2026);
        Assert.Equal(Money.FromYuan(40_000), year.Budget);
        Assert.Equal(Money.FromYuan(1_800 + 1_200 + 1_200), year.BudgetCommitted);
        Assert.Equal(Money.FromYuan(900 + 900 + 1_200), year.TotalPaid);
        Assert.Equal(Money.FromYuan(1_800), year.AveragePerHousehold);
        Assert.Empty(AidReconciliation.Check(year, kit.Ledger.Ledger));
        Assert.Empty(AidReconciliation.Check(register.Report(kit.Programme, new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30))), kit.Ledger.Ledger));
    }

    [Fact]
    public async Task Reconciliation_names_every_difference_between_a_report_and_the_ledger()
    {
        var kit = await CreateAsync();
        var id = await kit.ApprovedAsync();
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(id, PaymentId.New(), 1));
        var report = (await kit.RegisterAsync()).Report(kit.Programme, Year2026);
        Assert.Empty(AidReconciliation.Check(report, kit.Ledger.Ledger));

        // A report that claims one fen more, or misses its payment line, does not reconcile.
        var inflated = Copy(report, paid: report.TotalPaid + Money.FromFen(1));
        Assert.Contains(AidReconciliation.Check(inflated, kit.Ledger.Ledger), p => p.Contains("paid", StringComparison.Ordinal));
        var missing = Copy(report, payments: []);
        Assert.Contains(AidReconciliation.Check(missing, kit.Ledger.Ledger), p => p.Contains("lists 0 payments", StringComparison.Ordinal));

        // A payment made on the ledger behind the programme's back is found.
        var stray = Volunteering.Domain.Ledger.TransferRequest.Post(TransferId.New(), AidFunds.FundAccountId(kit.Programme), AidFunds.DonorAccountId(Donor), 100, (int)AidTransferCode.AidPayment);
        Assert.Equal(Volunteering.Domain.Ledger.TransferResult.Ok, await kit.Ledger.ExecuteAsync(l => l.Submit(stray)));
        Assert.NotEmpty(AidReconciliation.Check(report, kit.Ledger.Ledger));
    }

    [Fact]
    public async Task The_public_notice_list_shows_only_the_masked_name_the_household_size_and_the_amount()
    {
        var kit = await CreateAsync();
        var first = await kit.SubmitAsync(Household("王小明", 3));
        await kit.NoticedAsync(first);
        var second = await kit.SubmitAsync(Household("欧阳娜娜", 2));
        await kit.NoticedAsync(second, kit.Monthly(2, Money.FromYuan(600)));

        var report = (await kit.RegisterAsync()).Report(kit.Programme, Year2026);
        Assert.Equal(
            [
                new PublicNoticeEntry("欧**娜", 2, Money.FromYuan(1_200), new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 8)),
                new PublicNoticeEntry("王*明", 3, Money.FromYuan(2_700), new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 8)),
            ],
            report.Notices);

        // No event in the store holds the full names.
        await foreach (var record in kit.Store.ReadAllAsync())
        {
            var text = record.Payload.ToString()!;
            Assert.DoesNotContain("王小明", text, StringComparison.Ordinal);
            Assert.DoesNotContain("欧阳娜娜", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Overdue_steps_are_listed_by_working_days()
    {
        // A calendar with Friday 6 March a holiday.
        var rules = new AidRules { Calendar = new WeekdayCalendar([new LocalDate(2026, 3, 6)]), OpinionWorkingDays = 3, DecisionWorkingDays = 2, PaymentWorkingDays = 1, ReReviewWorkingDays = 1, NoticeWorkingDays = 1 };
        var kit = await CreateAsync(rules: rules);
        var waiting = await kit.SubmitAsync(); // submitted Monday 2 March: opinion due by Thursday 5 March
        var proposed = await kit.SubmitAsync();
        await kit.ProposedAsync(proposed); // notice due by Tuesday 3 March
        var approved = await kit.ApprovedAsync(); // approved on 9 March; instalment 1 due 2 March: payment due by 3 March

        var register = await kit.RegisterAsync();
        Assert.Empty(register.Overdue(kit.Programme, new LocalDate(2026, 3, 3), rules));
        var onTheNinth = register.Overdue(kit.Programme, new LocalDate(2026, 3, 9), rules);
        Assert.Equal(
            [
                new AidDeadline(proposed, AidDeadlineKind.Notice, new LocalDate(2026, 3, 3), 0),
                new AidDeadline(approved, AidDeadlineKind.Payment, new LocalDate(2026, 3, 3), 1),
                new AidDeadline(waiting, AidDeadlineKind.FirstOpinion, new LocalDate(2026, 3, 5), 0),
            ],
            onTheNinth.OrderBy(d => d.DueBy).ThenBy(d => d.Kind));

        // Doing the step takes it off the list.
        Assert.Equal(AidResult.Ok, await kit.Desk.PayAsync(approved, PaymentId.New(), 1));
        await register.ApplyAsync(kit.Store);
        Assert.DoesNotContain(register.Overdue(kit.Programme, new LocalDate(2026, 3, 9), rules), d => d.Application == approved);
    }

    [Fact]
    public async Task Decision_and_re_review_deadlines_follow_the_notice_and_the_objection()
    {
        var rules = new AidRules { DecisionWorkingDays = 2, ReReviewWorkingDays = 3 };
        var kit = await CreateAsync(rules: rules);
        var id = await kit.SubmitAsync();
        await kit.NoticedAsync(id); // notice 2–8 March: decision due by Tuesday 10 March
        var application = await kit.LoadAsync(id);
        Assert.Equal(new AidDeadline(id, AidDeadlineKind.Decision, new LocalDate(2026, 3, 10), 0), Assert.Single(application.OpenDeadlines(kit.Terms, rules)));

        kit.AdvanceDays(2); // Wednesday 4 March
        Assert.Equal(AidResult.Ok, await kit.Desk.LodgeObjectionAsync(id, "x"));
        application = await kit.LoadAsync(id);
        Assert.Equal(new AidDeadline(id, AidDeadlineKind.ReReview, new LocalDate(2026, 3, 9), 1), Assert.Single(application.OpenDeadlines(kit.Terms, rules)));
    }

    private static AidReport Copy(AidReport r, Money? paid = null, IReadOnlyList<AidPaymentLine>? payments = null) => new()
    {
        Programme = r.Programme, ProgrammeName = r.ProgrammeName, Period = r.Period, Span = r.Span, HouseholdsHelped = r.HouseholdsHelped,
        IndividualsHelped = r.IndividualsHelped, StudentsFunded = r.StudentsFunded, TotalPaid = paid ?? r.TotalPaid, PaidToHouseholds = r.PaidToHouseholds,
        AveragePerHousehold = r.AveragePerHousehold, Received = r.Received, FundBalanceAtEnd = r.FundBalanceAtEnd, Budget = r.Budget,
        BudgetCommitted = r.BudgetCommitted, ApplicationsSubmitted = r.ApplicationsSubmitted, ApplicationsApproved = r.ApplicationsApproved,
        ApplicationsRejected = r.ApplicationsRejected, UrgentGrants = r.UrgentGrants, ObjectionsLodged = r.ObjectionsLodged,
        ObjectionsUpheld = r.ObjectionsUpheld, WishesPosted = r.WishesPosted, WishesFulfilled = r.WishesFulfilled,
        WishValueFulfilled = r.WishValueFulfilled, Notices = r.Notices, Payments = payments ?? r.Payments,
    };
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Cli;

/// <summary>
/// The third part of the demo: a summer's aid round at the Hunan Road happiness fund. The programme is established
/// with its fund on the ledger and a budget, a donation comes in, four households apply; three are reviewed, proposed
/// and publicly noticed, one objection is dismissed and one upheld, two are approved by someone other than their
/// handler and reviewers and paid in three monthly instalments, one payment is reversed and paid again, and the round
/// ends with its report (reconciled with the ledger to the fen), the public-notice list and the overdue list. Names
/// appear only masked. Every id is derived from the story's year, so the output is the same every time.
/// </summary>
internal sealed class AidRound(TextWriter output, int year) : DemoChapter(output, year, "aid")
{

    private StoryClock _clock = null!;
    private AidDesk _desk = null!;
    private ProgrammeId _programme;

    private StaffId Handler => new(Derive("staff", "Xu Lan (handler)"));

    private StaffId ReviewerA => new(Derive("staff", "Qian Hui (community worker)"));

    private StaffId ReviewerB => new(Derive("staff", "Ma Jun (grid worker)"));

    private StaffId Publisher => new(Derive("staff", "Hunan Road community office"));

    private StaffId Approver => new(Derive("staff", "Chen Guoqiang (station head)"));

    private StaffId Inspector => new(Derive("staff", "Street office inspector"));

    private DateInterval Summer => new(new LocalDate(Year, 6, 1), new LocalDate(Year, 8, 31));

    /// <summary>Plays the round on <paramref name="store"/>, paying through <paramref name="ledger"/>;
    /// <paramref name="clock"/> (the ledger's) is moved forward to June and through the summer.</summary>
    public async ValueTask PlayAsync(IRecordStore store, PersistentLedger ledger, StoryClock clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _clock.AdvanceTo(Local(6, 1, 9, 0));
        _desk = new AidDesk(store, ledger, clock);
        _programme = new ProgrammeId(Derive("programme", "Hunan Road happiness fund"));

        Step($"13. An aid round: the Hunan Road happiness fund (幸福驿站), summer {Year}");
        var terms = new ProgrammeTerms("Hunan Road happiness fund", ProgrammeKind.HouseholdAid, BenefitStandard.PerMember(Money.FromYuan(300)), [BeneficiaryKind.Household])
        {
            EligibleCategories = [HardshipCategory.MinimumLiving, HardshipCategory.MarginalLowIncome],
            OncePerCausePerYear = true,
        };
        Expect("the programme is established (¥300 per member per month, 7-day notices) and its fund opened on the ledger with a floor of zero", await _desk.EstablishAsync(_programme, terms, cancellationToken).ConfigureAwait(false), AidResult.Ok);
        Expect($"its budget for {Year}: ¥20,000.00", await _desk.SetBudgetAsync(_programme, Summer.Start, Money.FromYuan(20_000), cancellationToken).ConfigureAwait(false), AidResult.Ok);
        var donation = new ContributionId(Derive("contribution", "Gulou Red Cross, June"));
        var redCross = new DonorId(Derive("donor", "Gulou Red Cross"));
        Expect("the Gulou Red Cross donates ¥5,000.00 into the fund (a ledger transfer from the donor's account)", await _desk.ReceiveFundsAsync(_programme, donation, redCross, FundSource.Donation, Money.FromYuan(5_000), cancellationToken).ConfigureAwait(false), AidResult.Ok);
        Expect("  the same donation sent twice is received once", await _desk.ReceiveFundsAsync(_programme, donation, redCross, FundSource.Donation, Money.FromYuan(5_000), cancellationToken).ConfigureAwait(false), AidResult.AlreadyDone);

        Step("14. Applications: review by two, a first opinion, and a 7-day public notice with objections");
        var wang = await ApplyAsync("王秀英", 3, HardshipCategory.MinimumLiving, cancellationToken).ConfigureAwait(false);
        var li = await ApplyAsync("李建国", 2, HardshipCategory.MarginalLowIncome, cancellationToken).ConfigureAwait(false);
        var zhang = await ApplyAsync("张伟", 1, HardshipCategory.MinimumLiving, cancellationToken).ConfigureAwait(false);
        var late = await ApplyAsync("刘芳", 4, HardshipCategory.MinimumLiving, cancellationToken).ConfigureAwait(false);
        foreach (var (application, size) in new[] { (wang, 3), (li, 2), (zhang, 1) })
        {
            var reviewed = (await _desk.ReviewAsync(application, ReviewerA, "home visit", cancellationToken).ConfigureAwait(false), await _desk.ReviewAsync(application, ReviewerB, "neighbours and the grid worker agree", cancellationToken).ConfigureAwait(false));
            var schedule = AidSchedule.Monthly(new LocalDate(Year, 6, 10), 3, Money.FromYuan(300 * size));
            var opinion = await _desk.GiveFirstOpinionAsync(application, ReviewerA, schedule, $"{size} × ¥300 for June to August", cancellationToken).ConfigureAwait(false);
            var notice = await _desk.PublishNoticeAsync(application, Publisher, cancellationToken).ConfigureAwait(false);
            Expect($"  {await NameAsync(application, cancellationToken).ConfigureAwait(false)}: reviewed twice, proposed 3 × {Money.FromYuan(300 * size)}, noticed from 1 June", (reviewed, opinion, notice), ((AidResult.Ok, AidResult.Ok), AidResult.Ok, AidResult.Ok));
        }

        Expect("  刘*'s first opinion without two reviews is refused", await _desk.GiveFirstOpinionAsync(late, ReviewerA, AidSchedule.Once(new LocalDate(Year, 6, 10), Money.FromYuan(1_200)), "x", cancellationToken).ConfigureAwait(false), AidResult.TooFewReviewers);
        _clock.AdvanceTo(Local(6, 3, 10, 0));
        Expect("an objection to 张*: \"he lives with a well-off son\"", await _desk.LodgeObjectionAsync(zhang, "he lives with a well-off son", cancellationToken).ConfigureAwait(false), AidResult.Ok);
        Expect("an objection to 李*国: \"the family owns a shop\"", await _desk.LodgeObjectionAsync(li, "the family owns a shop", cancellationToken).ConfigureAwait(false), AidResult.Ok);
        _clock.AdvanceTo(Local(6, 5, 15, 0));
        Expect("  re-review upholds the objection to 张*: the application is rejected with the finding as its reason", await _desk.ResolveObjectionAsync(zhang, 1, Inspector, true, "the son's household income is above the line", cancellationToken).ConfigureAwait(false), AidResult.Ok);
        Expect("  re-review dismisses the objection to 李*国 (the shop closed in March)", await _desk.ResolveObjectionAsync(li, 1, Inspector, false, "the shop closed in March", cancellationToken).ConfigureAwait(false), AidResult.Ok);
        Expect("approving 王*英 before the notice ends is refused", await _desk.ApproveAsync(wang, Approver, cancellationToken).ConfigureAwait(false), AidResult.NoticePeriodNotElapsed);

        Step("15. The decision (four eyes) and the payments in three monthly instalments");
        _clock.AdvanceTo(Local(6, 8, 9, 0));
        Expect("the handler cannot approve the applications she took", await _desk.ApproveAsync(wang, Handler, cancellationToken).ConfigureAwait(false), AidResult.ApproverIsHandler);
        Expect("nor can the inspector who re-reviewed an objection", await _desk.ApproveAsync(li, Inspector, cancellationToken).ConfigureAwait(false), AidResult.ApproverIsReviewer);
        Expect("the station head approves 王*英 (¥2,700.00) and 李*国 (¥1,800.00); both are committed to the budget", (await _desk.ApproveAsync(wang, Approver, cancellationToken).ConfigureAwait(false), await _desk.ApproveAsync(li, Approver, cancellationToken).ConfigureAwait(false)), (AidResult.Ok, AidResult.Ok));
        Expect("张* stays rejected", await _desk.ApproveAsync(zhang, Approver, cancellationToken).ConfigureAwait(false), AidResult.ApplicationDecided);

        _clock.AdvanceTo(Local(6, 10, 10, 0));
        var wangJune = Payment("王*英", 1);
        Expect("10 June: instalment 1 paid to both households from the fund", (await _desk.PayAsync(wang, wangJune, 1, cancellationToken: cancellationToken).ConfigureAwait(false), await _desk.PayAsync(li, Payment("李*国", 1), 1, cancellationToken: cancellationToken).ConfigureAwait(false)), (AidResult.Ok, AidResult.Ok));
        Expect("  the bank file is sent twice: the payment is made once", await _desk.PayAsync(wang, wangJune, 1, cancellationToken: cancellationToken).ConfigureAwait(false), AidResult.AlreadyDone);
        Expect("  instalment 1 again under a new payment id would go beyond the approval", await _desk.PayAsync(wang, Payment("王*英", 99), 1, cancellationToken: cancellationToken).ConfigureAwait(false), AidResult.ExceedsApproval);
        Expect("  instalment 2 is not due until 10 July", await _desk.PayAsync(wang, Payment("王*英", 2), 2, cancellationToken: cancellationToken).ConfigureAwait(false), AidResult.InstalmentNotDue);

        _clock.AdvanceTo(Local(7, 10, 10, 0));
        var liJuly = Payment("李*国", 2);
        Expect("10 July: instalment 2 paid to both households", (await _desk.PayAsync(wang, Payment("王*英", 2), 2, cancellationToken: cancellationToken).ConfigureAwait(false), await _desk.PayAsync(li, liJuly, 2, cancellationToken: cancellationToken).ConfigureAwait(false)), (AidResult.Ok, AidResult.Ok));
        _clock.AdvanceTo(Local(7, 13, 11, 0));
        Expect("13 July: the bank returns 李*国's July payment (account closed); it is reversed, never deleted", await _desk.ReversePaymentAsync(li, liJuly, Handler, "bank account closed", cancellationToken).ConfigureAwait(false), AidResult.Ok);
        _clock.AdvanceTo(Local(7, 15, 10, 0));
        Expect("15 July: instalment 2 paid again to the new account", await _desk.PayAsync(li, Payment("李*国", 20), 2, cancellationToken: cancellationToken).ConfigureAwait(false), AidResult.Ok);
        _clock.AdvanceTo(Local(8, 10, 10, 0));
        Expect("10 August: instalment 3 paid to both households", (await _desk.PayAsync(wang, Payment("王*英", 3), 3, cancellationToken: cancellationToken).ConfigureAwait(false), await _desk.PayAsync(li, Payment("李*国", 3), 3, cancellationToken: cancellationToken).ConfigureAwait(false)), (AidResult.Ok, AidResult.Ok));

        Step($"16. The round's report for {Year}");
        _clock.AdvanceTo(Local(8, 31, 17, 0));
        var register = new AidRegister();
        await register.ApplyAsync(store, cancellationToken).ConfigureAwait(false);
        var report = register.Report(_programme, new DateInterval(new LocalDate(Year, 1, 1), new LocalDate(Year, 12, 31)));
        Print(report);
        Expect("households helped 2, paid ¥4,500.00, average ¥2,250.00 per household", (report.HouseholdsHelped, report.TotalPaid, report.AveragePerHousehold), (2, Money.FromYuan(4_500), Money.FromYuan(2_250)));
        Expect("objections lodged 2, upheld 1; budget ¥20,000.00 of which ¥4,500.00 committed", (report.ObjectionsLodged, report.ObjectionsUpheld, report.BudgetCommitted), (2, 1, Money.FromYuan(4_500)));
        var problems = AidReconciliation.Check(report, ledger.Ledger);
        Expect("the report reconciles with the ledger to the fen", problems.Count, 0);
        foreach (var problem in problems) Say("  discrepancy: " + problem);
        var fund = await store.GetBalanceAsync(AidFunds.FundAccountId(_programme), cancellationToken).ConfigureAwait(false);
        Expect("the fund holds ¥500.00 on the ledger: the donation less what was paid", Money.FromFen(fund?.Posted ?? 0), Money.FromYuan(500));
        var overdue = register.Overdue(_programme, _clock.Now.InZone(Shanghai).Date, _desk.Rules);
        Say("Overdue on 31 August:");
        foreach (var item in overdue) Say($"  {await NameAsync(item.Application, cancellationToken).ConfigureAwait(false)}: {item.Kind} due by {item.DueBy:yyyy-MM-dd}");
        Expect("刘*'s first opinion is overdue (due 10 working days after 1 June)", overdue.Select(static o => o.Kind), [AidDeadlineKind.FirstOpinion]);
        var audit = await LedgerAudit.VerifyAsync(store, cancellationToken).ConfigureAwait(false);
        Expect($"the store passes the ledger audit ({audit.Entries} entries)", audit.IsClean, true);
    }

    private async ValueTask<AidApplicationId> ApplyAsync(string name, int size, HardshipCategory category, CancellationToken cancellationToken)
    {
        var id = new AidApplicationId(Derive("application", name));
        var household = AidBeneficiary.Household(new BeneficiaryId(Derive("household", name)), name, size, "Hunan Road", category);
        var result = await _desk.SubmitAsync(id, new AidRequest(_programme, household, "living", Money.FromYuan(300 * size * 3), Handler), cancellationToken).ConfigureAwait(false);
        Expect($"{household.MaskedName}'s household ({size} {(size == 1 ? "member" : "members")}, {category}) applies", result, AidResult.Ok);
        return id;
    }

    private async ValueTask<string> NameAsync(AidApplicationId id, CancellationToken cancellationToken)
        => (await _desk.LoadApplicationAsync(id, cancellationToken).ConfigureAwait(false))?.Beneficiary.MaskedName ?? "?";

    private PaymentId Payment(string household, int number) => new(Derive("payment", string.Create(CultureInfo.InvariantCulture, $"{household}/{number}")));

    private void Print(AidReport r)
    {
        Output.WriteLine($"  {r.ProgrammeName}, {r.Period.Start:yyyy-MM-dd} to {r.Period.End:yyyy-MM-dd}");
        Output.WriteLine($"    households helped {r.HouseholdsHelped}; individuals {r.IndividualsHelped}; students funded {r.StudentsFunded}; wishes fulfilled {r.WishesFulfilled}");
        Output.WriteLine($"    paid {r.TotalPaid} ({r.Payments.Count} payments and reversals); average per household {r.AveragePerHousehold}; received {r.Received}");
        Output.WriteLine($"    budget {r.Budget}, committed {r.BudgetCommitted}, remaining {r.BudgetRemaining}");
        Output.WriteLine($"    applications {r.ApplicationsSubmitted} submitted, {r.ApplicationsApproved} approved, {r.ApplicationsRejected} rejected; objections {r.ObjectionsLodged} lodged, {r.ObjectionsUpheld} upheld");
        Output.WriteLine("    public notice (公示): name, household size, amount");
        foreach (var n in r.Notices) Output.WriteLine($"      {n.MaskedName,-4} {n.HouseholdSize}  {n.Amount,10}  {n.From:MM-dd} to {n.Until:MM-dd}");
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using static Volunteering.Domain.Tests.Aid.AidTestKit;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>
/// Random scripts of aid commands — contributions, budgets, submissions, the workflow's steps (and steps out of turn,
/// by the wrong person), objections, approvals, rejections, payments of whole and partial instalments, repeated and
/// reused payment ids, reversals, revocations, urgent grants, and the clock running through half a year — run through
/// the desk on a store, checked after every step: a refusal or repeat writes nothing; the fund's balance is never
/// negative and equals what was received less what is paid; each beneficiary's account holds what was paid to them; a
/// reversal restores both balances exactly; and per programme and budget period, paid ≤ committed ≤ budget, and per
/// application paid ≤ approved. At the end every monthly report and the half-year report reconcile with the ledger to
/// the fen, and their payment totals add up.
/// </summary>
public class AidPropertyTests
{
    [Property(MaxTest = 100, Arbitrary = new[] { typeof(AidArbitraries) })]
    public async Task Total_paid_stays_within_total_approved_and_approved_within_the_budget_per_programme_and_period(AidScript script)
        => await new AidScriptRunner(script, AidChecks.Limits).RunAsync();

    [Property(MaxTest = 100, Arbitrary = new[] { typeof(AidArbitraries) })]
    public async Task The_fund_balance_is_never_negative_and_is_what_was_received_less_what_is_paid(AidScript script)
        => await new AidScriptRunner(script, AidChecks.Balances).RunAsync();

    [Property(MaxTest = 100, Arbitrary = new[] { typeof(AidArbitraries) })]
    public async Task A_reversal_restores_the_fund_and_the_beneficiary_exactly(AidScript script)
        => await new AidScriptRunner(script, AidChecks.Reversals).RunAsync();

    [Property(MaxTest = 100, Arbitrary = new[] { typeof(AidArbitraries) })]
    public async Task Every_monthly_and_half_year_report_reconciles_with_the_ledger_to_the_fen(AidScript script)
        => await new AidScriptRunner(script, AidChecks.Reports).RunAsync();

    [Fact]
    public async Task Long_fixed_scripts_run_clean_and_reach_every_kind_of_outcome()
    {
        // Deterministic scripts (linear congruential sequences, the same on every run).
        var kinds = AidArbitraries.Weights.SelectMany(w => Enumerable.Repeat(w.Kind, w.Weight)).ToArray();
        var outcomes = new Dictionary<string, int>();
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var x = seed;
            int Next(int bound)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
                return (int)((x >> 33) % (ulong)bound);
            }

            var ops = new List<AidOp>();
            for (var i = 0; i < 250; i++) ops.Add(new AidOp(kinds[Next(kinds.Length)], Next(16), Next(8), Next(100)));
            var runner = new AidScriptRunner(new AidScript([.. ops]), AidChecks.All);
            await runner.RunAsync();
            foreach (var (key, count) in runner.Outcomes) outcomes[key] = outcomes.GetValueOrDefault(key) + count;
        }

        var seen = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));
        foreach (var needed in new[] { "Pay Ok", "Reverse Ok", "Revoke Ok", "Urgent Ok", "Progress Ok", "Approve ApproverIsReviewer", "Pay ExceedsApproval", "Pay InstalmentNotDue", "Objection Ok", "Resolve Ok", "Progress BudgetExceeded", "Progress BeneficiaryCapExceeded", "Pay FundInsufficient" })
        {
            Assert.True(outcomes.GetValueOrDefault(needed) >= 1, $"{needed} never happened: {seen}");
        }

        Assert.True(outcomes.GetValueOrDefault("Pay Ok") >= 25 && outcomes.GetValueOrDefault("Reverse Ok") >= 10, seen);
        Assert.True(outcomes.Keys.Count(k => !k.EndsWith(" Ok", StringComparison.Ordinal)) >= 20, seen);
    }
}

public enum AidOpKind
{
    Donate,
    Budget,
    Submit,
    Progress,
    Approve,
    Objection,
    Resolve,
    Reject,
    Pay,
    PayAgain,
    Reverse,
    Revoke,
    Urgent,
    Advance,
}

/// <summary>One command: <paramref name="A"/> picks the application (or the budget month), <paramref name="B"/> a
/// person, beneficiary or instalment, <paramref name="C"/> an amount or a variation.</summary>
public readonly record struct AidOp(AidOpKind Kind, int A, int B, int C)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}({A},{B},{C})");
}

public sealed record AidScript(AidOp[] Ops)
{
    public override string ToString() => string.Join(", ", Ops);
}

public static class AidArbitraries
{
    public static readonly (AidOpKind Kind, int Weight)[] Weights =
    [
        (AidOpKind.Donate, 2), (AidOpKind.Budget, 1), (AidOpKind.Submit, 2), (AidOpKind.Progress, 18), (AidOpKind.Approve, 2),
        (AidOpKind.Objection, 1), (AidOpKind.Resolve, 1), (AidOpKind.Reject, 1), (AidOpKind.Pay, 3), (AidOpKind.PayAgain, 1),
        (AidOpKind.Reverse, 2), (AidOpKind.Revoke, 1), (AidOpKind.Urgent, 1), (AidOpKind.Advance, 3),
    ];

    private static readonly Gen<AidOp> OpGen =
        from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))).ToArray())
        from a in Gen.Choose(0, 15)
        from b in Gen.Choose(0, 7)
        from c in Gen.Choose(0, 99)
        select new AidOp(kind, a, b, c);

    private static readonly Gen<AidScript> ScriptGen =
        from length in Gen.Sized(size => Gen.Choose(15, 40 + size))
        from ops in Gen.ArrayOf(OpGen, length)
        select new AidScript(ops);

    public static Arbitrary<AidScript> Script() => Arb.From(ScriptGen, Shrink);

    private static IEnumerable<AidScript> Shrink(AidScript script)
    {
        var ops = script.Ops;
        if (ops.Length > 1)
        {
            yield return script with { Ops = ops[..(ops.Length / 2)] };
            yield return script with { Ops = ops[(ops.Length / 2)..] };
        }

        for (var i = ops.Length - 1; i >= 0; i--) yield return script with { Ops = [.. ops[..i], .. ops[(i + 1)..]] };
    }
}

/// <summary>Which invariants a run checks (every run checks that refusals write nothing and audits the ledger).</summary>
[Flags]
internal enum AidChecks
{
    Limits = 1,
    Balances = 2,
    Reversals = 4,
    Reports = 8,
    All = Limits | Balances | Reversals | Reports,
}

/// <summary>Runs a script on a fresh store and checks every step against a small model.</summary>
internal sealed class AidScriptRunner(AidScript script, AidChecks checks)
{
    private static readonly StaffId[] Staff = [Handler, ReviewerA, ReviewerB, Inspector, Approver, Clerk];
    private static readonly string[] Causes = ["living", "medical", "education", "heating"];
    private static readonly LocalDate LastDay = new(2026, 8, 31);

    private readonly List<AidApplicationId> _applications = [];
    private readonly Dictionary<PaymentId, (AidApplicationId Application, BeneficiaryId Beneficiary, long Fen, bool Reversed)> _payments = [];
    private readonly AidBeneficiary[] _beneficiaries =
    [
        Household("王小明", 3), Household("李四", 1), Household("张伟", 4), Household("刘芳", 2), Household("赵敏", 5), Household("孙强", 2),
        AidBeneficiary.Student(BeneficiaryId.New(), "周杰", 3, "Hunan Road", "Ninghai Road Middle School"),
        AidBeneficiary.Child(BeneficiaryId.New(), "陈小宝", 4, "Hunan Road"),
    ];

    private AidTestKit _kit = null!;
    private AidRegister _register = null!;
    private long _received;

    /// <summary>How often each command answered each code ("Pay Ok": 3, ...).</summary>
    public Dictionary<string, int> Outcomes { get; } = [];

    public async Task RunAsync()
    {
        var terms = new ProgrammeTerms("District temporary assistance", ProgrammeKind.TemporaryAssistance, BenefitStandard.UpTo(Money.FromYuan(2_000)), [BeneficiaryKind.Household, BeneficiaryKind.Student])
        {
            PeriodUnit = AidPeriodUnit.Month,
            BeneficiaryCapPerPeriod = Money.FromYuan(3_000),
            OncePerCausePerYear = true,
            NoticeDays = 5,
            UrgentLimit = Money.FromYuan(800),
        };
        _kit = await CreateAsync(terms, budgetYuan: 0, donationYuan: 0);
        _register = new AidRegister();
        for (var month = 0; month < 6; month++) Assert.Equal(AidResult.Ok, await _kit.Desk.SetBudgetAsync(_kit.Programme, _kit.Today.PlusMonths(month), Money.FromYuan(20_000)));
        foreach (var op in script.Ops)
        {
            var fundBefore = await _kit.FundAsync();
            var before = await _kit.Store.GetPositionAsync();
            var (label, result, reversed) = await StepAsync(op);
            if (label is null) continue;
            var key = $"{label} {result}";
            Outcomes[key] = Outcomes.GetValueOrDefault(key) + 1;
            if (result != AidResult.Ok) Assert.True(before == await _kit.Store.GetPositionAsync(), $"{op} answered {result} but wrote to the store.");
            if (reversed is { } r) await CheckReversalAsync(r, fundBefore);
            await CheckAsync(op);
        }

        if (checks.HasFlag(AidChecks.Reports)) await CheckReportsAsync();
        await _kit.AssertAuditCleanAsync();
    }

    private async Task<(string? Label, AidResult Result, PaymentId? Reversed)> StepAsync(AidOp op)
    {
        var desk = _kit.Desk;
        switch (op.Kind)
        {
            case AidOpKind.Donate:
                var amount = Money.FromYuan(2_000 + (op.C * 100));
                var donated = await desk.ReceiveFundsAsync(_kit.Programme, ContributionId.New(), DonorId.New(), op.B % 2 == 0 ? FundSource.Donation : FundSource.Allocation, amount);
                if (donated == AidResult.Ok) _received += amount.Fen;
                return ("Donate", donated, null);
            case AidOpKind.Budget:
                // A generous budget, a small one, or a tight one: what is committed plus a little room.
                var month = new LocalDate(2026, 3, 1).PlusMonths(op.A % 6);
                var committedFen = _register.TryGetProgramme(_kit.Programme, out var current) ? current.CommittedIn(month).Fen : 0;
                var budget = (op.B % 3) switch
                {
                    0 => Money.FromFen(committedFen + (op.C * 2_500)),
                    1 => Money.FromYuan(op.C * 40),
                    _ => Money.FromYuan(10_000 + (op.C * 300)),
                };
                return ("Budget", await desk.SetBudgetAsync(_kit.Programme, month, budget), null);
            case AidOpKind.Submit:
                if (_applications.Count >= 16) return (null, AidResult.Ok, null);
                var id = AidApplicationId.New();
                var request = new AidRequest(_kit.Programme, _beneficiaries[op.B], Causes[op.C % Causes.Length], Money.FromYuan(1_000), Handler, op.C % 7 == 0 ? Clerk : null, op.C % 9 == 0);
                var submitted = await desk.SubmitAsync(id, request);
                if (submitted == AidResult.Ok) _applications.Add(id);
                return ("Submit", submitted, null);
            case AidOpKind.Advance:
                // The clock stays inside the half-year the reports cover.
                if (_kit.Today.PlusDays(1 + (op.C % 7)) > LastDay) return (null, AidResult.Ok, null);
                _kit.AdvanceDays(1 + (op.C % 7));
                return ("Advance", AidResult.Ok, null);
        }

        if (_applications.Count == 0) return (null, AidResult.Ok, null);
        var app = _applications[op.A % _applications.Count];
        var loaded = await _kit.LoadAsync(app);
        switch (op.Kind)
        {
            case AidOpKind.Progress:
                // The A-th application that still has a step to take (finished ones are skipped).
                var open = _register.ApplicationsOf(_kit.Programme).Where(static a => !IsFinished(a)).ToList();
                if (open.Count == 0) return (null, AidResult.Ok, null);
                var next = open[op.A % open.Count];
                var (step, progressed) = await ProgressAsync(next.Id, await _kit.LoadAsync(next.Id), op);
                return (step, progressed, null);
            case AidOpKind.Approve:
                return ("Approve", await desk.ApproveAsync(app, Staff[op.B % Staff.Length]), null);
            case AidOpKind.Objection:
                // Mostly against an application in its notice period; now and then against any.
                var noticed = _register.ApplicationsOf(_kit.Programme).Where(static a => a.Status == ApplicationStatus.InNotice).ToList();
                var objected = noticed.Count > 0 && op.C % 4 != 0 ? noticed[op.A % noticed.Count].Id : app;
                return ("Objection", await desk.LodgeObjectionAsync(objected, "objection " + op.C.ToString(CultureInfo.InvariantCulture)), null);
            case AidOpKind.Resolve:
                var disputed = _register.ApplicationsOf(_kit.Programme).Where(static a => a.Objections.Any(static o => !o.IsResolved)).ToList();
                var resolved = disputed.Count > 0 && op.C % 4 != 0 ? disputed[op.A % disputed.Count].Id : app;
                return ("Resolve", await desk.ResolveObjectionAsync(resolved, 1 + (op.B % 2), Inspector, op.C % 3 == 0, "re-reviewed"), null);
            case AidOpKind.Reject:
                return ("Reject", await desk.RejectAsync(app, Staff[op.B % Staff.Length], op.C % 3 == 0 ? " " : "not eligible"), null);
            case AidOpKind.Pay:
                // Mostly an approved application, with amounts at and around the instalment's unpaid remainder.
                var payable = _register.ApplicationsOf(_kit.Programme).Where(static a => a.IsPayable).ToList();
                var payee = payable.Count > 0 && op.C % 6 != 0 ? payable[op.A % payable.Count] : loaded;
                var instalment = 1 + (op.B % Math.Max(1, payee.Instalments.Count + (op.C % 7 == 0 ? 1 : 0)));
                var remaining = instalment <= payee.Instalments.Count ? payee.Instalments[instalment - 1].Amount.Fen - payee.PaidOn(instalment).Fen : 100;
                Money? part = (op.C % 5) switch
                {
                    1 when remaining > 0 => Money.FromFen(remaining),
                    2 => Money.FromFen(Math.Max(1, remaining + 1)),
                    3 when remaining > 1 => Money.FromFen(remaining / 2),
                    4 => Money.FromYuan(1 + op.C),
                    _ => null,
                };
                var payment = PaymentId.New();
                var paid = await desk.PayAsync(payee.Id, payment, instalment, part);
                if (paid == AidResult.Ok) await RecordPaymentAsync(payee.Id, payment);
                return ("Pay", paid, null);
            case AidOpKind.PayAgain:
                if (loaded.Payments.Count == 0) return (null, AidResult.Ok, null);
                var again = loaded.Payments[op.C % loaded.Payments.Count];
                var repeated = await desk.PayAsync(app, again.Id, op.B % 2 == 0 ? again.Instalment : again.Instalment + 1);
                return ("PayAgain", repeated, null);
            case AidOpKind.Reverse:
                if (loaded.Payments.Count == 0) return (null, AidResult.Ok, null);
                var target = loaded.Payments[op.C % loaded.Payments.Count];
                var reversed = await desk.ReversePaymentAsync(app, target.Id, Clerk, "returned by the bank");
                return ("Reverse", reversed, reversed == AidResult.Ok ? target.Id : null);
            case AidOpKind.Revoke:
                return ("Revoke", await desk.RevokeAsync(app, Approver, "circumstances changed", _kit.Today.PlusDays(op.C % 10)), null);
            case AidOpKind.Urgent:
                var urgentPayment = PaymentId.New();
                var granted = await desk.GrantUrgentAsync(app, urgentPayment, Staff[op.B % Staff.Length], Money.FromYuan(100 + (op.C * 8)));
                if (granted == AidResult.Ok) await RecordPaymentAsync(app, urgentPayment);
                return ("Urgent", granted, null);
            default:
                throw new InvalidOperationException(op.Kind.ToString());
        }
    }

    /// <summary>The application's next step, by the right person: the ordinary workflow up to the approval (or an
    /// urgent grant's documentation), then the payment of the next unpaid instalment.</summary>
    private async Task<(string Label, AidResult Result)> ProgressAsync(AidApplicationId app, AidApplication loaded, AidOp op)
    {
        var desk = _kit.Desk;
        if (loaded.IsPayable && (!loaded.IsUrgent || loaded.UrgentDocumentation is not null))
        {
            var next = Enumerable.Range(1, loaded.Instalments.Count).FirstOrDefault(i => !loaded.IsCancelled(i) && loaded.PaidOn(i) < loaded.Instalments[i - 1].Amount);
            var payment = PaymentId.New();
            var paid = await desk.PayAsync(app, payment, next);
            if (paid == AidResult.Ok) await RecordPaymentAsync(app, payment);
            return ("Pay", paid);
        }

        if (loaded.IsUrgent && loaded.UrgentGrant is null)
        {
            var payment = PaymentId.New();
            var granted = await desk.GrantUrgentAsync(app, payment, Approver, Money.FromYuan(100 + (op.C * 7)));
            if (granted == AidResult.Ok) await RecordPaymentAsync(app, payment);
            return ("Urgent", granted);
        }

        if (loaded.IsUrgent) return ("Progress", await desk.DocumentUrgentAsync(app, Inspector, "archive/" + app, "documented"));
        if (loaded.InitialReviewerCount < 2) return ("Progress", await desk.ReviewAsync(app, loaded.InitialReviewerCount == 0 ? ReviewerA : ReviewerB, "visited"));
        if (loaded.InvolvesStaffRelative && loaded.SeparateReview is null) return ("Progress", await desk.SeparateReviewAsync(app, Inspector, "independent check"));
        if (loaded.FirstOpinion is null)
        {
            var schedule = AidSchedule.Monthly(_kit.Today, 1 + (op.B % 4), Money.FromYuan(200 + (op.C * 20)));
            return ("Progress", await desk.GiveFirstOpinionAsync(app, ReviewerA, schedule, "proposed"));
        }

        if (loaded.Notice is null) return ("Progress", await desk.PublishNoticeAsync(app, Publisher));
        if (_kit.Today < loaded.Notice.EndsOn && loaded.Objections.Count == 0 && op.C % 3 == 0) return ("Objection", await desk.LodgeObjectionAsync(app, "a neighbour objects"));
        if (loaded.Objections.FirstOrDefault(o => !o.IsResolved) is { } open) return ("Resolve", await desk.ResolveObjectionAsync(app, open.Sequence, Clerk, op.C % 5 == 0, "re-reviewed"));
        if (_kit.Today < loaded.Notice.EndsOn && loaded.Notice.EndsOn <= LastDay) _kit.AdvanceTo(loaded.Notice.EndsOn);
        return ("Progress", await desk.ApproveAsync(app, Approver));
    }

    private static bool IsFinished(AidApplication a)
        => a.Rejection is not null
           || (a.IsPayable && (!a.IsUrgent || a.UrgentDocumentation is not null)
               && Enumerable.Range(1, a.Instalments.Count).All(i => a.IsCancelled(i) || a.PaidOn(i) >= a.Instalments[i - 1].Amount));

    private async Task RecordPaymentAsync(AidApplicationId app, PaymentId payment)
    {
        var loaded = await _kit.LoadAsync(app);
        Assert.True(loaded.TryGetPayment(payment, out var made));
        _payments.Add(payment, (app, loaded.Beneficiary.Id, made.Amount.Fen, false));
    }

    /// <summary>A reversal restores both balances exactly: the fund gets the payment back, the beneficiary's account
    /// gives it.</summary>
    private async Task CheckReversalAsync(PaymentId payment, long fundBefore)
    {
        var p = _payments[payment];
        Assert.False(p.Reversed);
        _payments[payment] = p with { Reversed = true };
        if (!checks.HasFlag(AidChecks.Reversals)) return;
        Assert.Equal(fundBefore + p.Fen, await _kit.FundAsync());
        Assert.Equal(_payments.Values.Where(x => x.Beneficiary == p.Beneficiary && !x.Reversed).Sum(static x => x.Fen), await _kit.PaidToAsync(p.Beneficiary));
    }

    private async Task CheckAsync(AidOp op)
    {
        // The register is kept up to date for the script's own choices whatever is checked.
        await _register.ApplyAsync(_kit.Store);
        if (checks.HasFlag(AidChecks.Balances))
        {
            var live = _payments.Values.Where(static p => !p.Reversed).ToList();
            var fund = await _kit.FundAsync();
            Assert.True(fund >= 0, $"After {op} the fund is negative: {fund}.");
            Assert.Equal(_received - live.Sum(static p => p.Fen), fund);
            foreach (var beneficiary in _beneficiaries)
            {
                Assert.Equal(live.Where(p => p.Beneficiary == beneficiary.Id).Sum(static p => p.Fen), await _kit.PaidToAsync(beneficiary.Id));
            }
        }

        if (!checks.HasFlag(AidChecks.Limits)) return;
        Assert.True(_register.TryGetProgramme(_kit.Programme, out var programme));
        var paidIn = new Dictionary<LocalDate, long>();
        var committedIn = new Dictionary<LocalDate, long>();
        foreach (var a in _register.ApplicationsOf(_kit.Programme))
        {
            Assert.True(a.PaidAmount <= a.ApprovedAmount, $"After {op}, {a.Id} paid {a.PaidAmount} of {a.ApprovedAmount}.");
            Assert.True(a.CommittedAmount <= a.ApprovedAmount);
            Assert.True(a.PaidAmount <= a.CommittedAmount);
            for (var i = 1; i <= a.Instalments.Count && a.IsPayable; i++)
            {
                var start = programme.PeriodOf(a.Instalments[i - 1].DueOn).Start;
                paidIn[start] = paidIn.GetValueOrDefault(start) + a.PaidOn(i).Fen;
                committedIn[start] = committedIn.GetValueOrDefault(start) + (a.IsCancelled(i) ? a.PaidOn(i).Fen : a.Instalments[i - 1].Amount.Fen);
            }
        }

        foreach (var (start, committed) in committedIn)
        {
            Assert.Equal(committed, programme.CommittedIn(start).Fen);
            Assert.True(paidIn[start] <= committed, $"After {op}, {start} paid {paidIn[start]} of {committed} committed.");
            Assert.True(committed <= (programme.BudgetOf(start)?.Fen ?? 0), $"After {op}, {start} committed {committed} of a budget of {programme.BudgetOf(start)}.");
        }
    }

    private async Task CheckReportsAsync()
    {
        await _register.ApplyAsync(_kit.Store);
        var ledger = _kit.Ledger.Ledger;
        var half = _register.Report(_kit.Programme, new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 8, 31)));
        Assert.Empty(AidReconciliation.Check(half, ledger));
        long monthly = 0;
        for (var month = 3; month <= 8; month++)
        {
            var report = _register.Report(_kit.Programme, new DateInterval(new LocalDate(2026, month, 1), new LocalDate(2026, month, 1).PlusMonths(1).PlusDays(-1)));
            var problems = AidReconciliation.Check(report, ledger);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
            monthly += report.TotalPaid.Fen;
            Assert.True(report.BudgetCommitted <= report.Budget);
        }

        Assert.Equal(half.TotalPaid.Fen, monthly);
        Assert.Equal(_payments.Values.Where(static p => !p.Reversed).Sum(static p => p.Fen), half.TotalPaid.Fen);
        Assert.Equal(_received, half.Received.Fen);
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Benchmarks;

/// <summary>
/// A year of a district's aid: 10,000 households, each approved once and paid monthly (120,000 payments), processed
/// through <see cref="AidDesk"/> on an in-memory store and reported; against a bare loop that moves the same amounts
/// between plain arrays and sums the same report figures.
/// </summary>
/// <remarks>
/// <para>The year, as <see cref="ProcessYear"/> plays it: on 2 January a programme is established (¥300 per household
/// member per month, a yearly budget, 7-day notices) and budgeted; each of the 10,000 households (1 to 6 members) is
/// submitted, reviewed twice, given a first opinion of 12 monthly instalments from 10 January, and its notice published;
/// on 9 January all are approved (each approval commits its 12 instalments to the budget in the same batch). On the
/// 10th of every month an allocation of that month's total enters the fund and every household is paid its instalment
/// (one ledger transfer and one event per payment, saved together). On 31 December the register folds the store and
/// the year's report is made and reconciled with the ledger. That is 180,014 desk commands, each committed as one
/// batch, and 320,028 stored records (180,000 application events, 10,014 programme events, 130,014 ledger entries:
/// 120,012 transfers and 10,002 account openings).</para>
/// <para>Each operation is seconds long, so the job runs one invocation per iteration
/// (<see cref="RunStrategy.Monitoring"/>).</para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AidBenchmarks
{
    /// <summary>Households in the district.</summary>
    public const int Households = 10_000;

    /// <summary>Monthly payments per household.</summary>
    public const int Months = 12;

    /// <summary>The records the year leaves in the store.</summary>
    public const long StoredRecords = 320_028;

    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateInterval Year = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
    private static readonly Money PerMember = Money.FromYuan(300);
    private static readonly StaffId Handler = StaffId.New();
    private static readonly StaffId ReviewerA = StaffId.New();
    private static readonly StaffId ReviewerB = StaffId.New();
    private static readonly StaffId Publisher = StaffId.New();
    private static readonly StaffId Approver = StaffId.New();
    private static readonly DonorId CivilAffairs = DonorId.New();

    private AidBeneficiary[] _households = [];
    private AidApplicationId[] _applications = [];
    private PaymentId[] _payments = [];
    private ContributionId[] _allocations = [];
    private long[] _monthly = [];
    private InMemoryRecordStore _store = null!;
    private PersistentLedger _ledger = null!;
    private AidRegister _register = null!;
    private ProgrammeId _programme;

    // The same amounts as plain arrays, for the bare baseline.
    private long[] _paidBare = [];

    [GlobalSetup]
    public void GlobalSetup()
    {
        var random = new Random(6);
        _households = new AidBeneficiary[Households];
        _applications = new AidApplicationId[Households];
        _monthly = new long[Households];
        _paidBare = new long[Households];
        for (var h = 0; h < Households; h++)
        {
            var size = 1 + random.Next(6);
            _households[h] = AidBeneficiary.Household(BeneficiaryId.New(), "王小明", size, $"Community {h % 40}", HardshipCategory.MinimumLiving);
            _applications[h] = AidApplicationId.New();
            _monthly[h] = PerMember.Fen * size;
        }

        _payments = new PaymentId[Households * Months];
        for (var i = 0; i < _payments.Length; i++) _payments[i] = PaymentId.New();
        _allocations = new ContributionId[Months];
        for (var m = 0; m < Months; m++) _allocations[m] = ContributionId.New();

        // Play the year once, keep its store for the report benchmarks, and check it against the bare loop.
        var (store, ledger, report) = PlayAsync().GetAwaiter().GetResult();
        _store = store;
        _ledger = ledger;
        _register = new AidRegister();
        _register.ApplyAsync(_store).AsTask().GetAwaiter().GetResult();
        var position = _store.GetPositionAsync().AsTask().GetAwaiter().GetResult();
        if (position != StoredRecords) throw new InvalidOperationException($"The year left {position} records, not {StoredRecords}.");
        var bare = BareYear();
        var total = _monthly.Sum() * Months;
        if (report.HouseholdsHelped != Households || report.TotalPaid.Fen != total || report.Payments.Count != Households * Months
            || report.BudgetCommitted != report.Budget || report.FundBalanceAtEnd != Money.Zero
            || bare != total + Households + (total / Households) || AidReconciliation.Check(report, _ledger.Ledger).Count != 0)
        {
            throw new InvalidOperationException($"The year does not add up: {report.HouseholdsHelped} households, {report.TotalPaid} paid, bare {bare}.");
        }
    }

    /// <summary>Bare baseline: the year's 120,000 payments as array updates (fund balance check, fund less, household
    /// more), then the report's figures (households paid, total, average) in one pass. No ids, events, workflow,
    /// budget, ledger or store.</summary>
    [Benchmark(Baseline = true)]
    public long BareYear()
    {
        var paid = _paidBare;
        Array.Clear(paid);
        long fund = 0;
        for (var m = 0; m < Months; m++)
        {
            for (var h = 0; h < Households; h++) fund += _monthly[h];
            for (var h = 0; h < Households; h++)
            {
                var amount = _monthly[h];
                if (fund < amount) throw new InvalidOperationException("The fund ran dry.");
                fund -= amount;
                paid[h] += amount;
            }
        }

        long total = 0, helped = 0;
        for (var h = 0; h < Households; h++)
        {
            if (paid[h] <= 0) continue;
            helped++;
            total += paid[h];
        }

        return total + helped + (total / helped);
    }

    /// <summary>The whole year through the desk on a fresh in-memory store (180,014 commands, each decided on loaded
    /// state and committed with its ledger entries in one batch), then the register's fold, the year's report and its
    /// reconciliation with the ledger.</summary>
    [Benchmark]
    public AidReport ProcessYear() => PlayAsync().GetAwaiter().GetResult().Report;

    /// <summary>Reporting from scratch: folding the year's 320,028 stored records into a new register, the year's
    /// report, and its reconciliation with the ledger.</summary>
    [Benchmark]
    public int FoldAndReportYear()
    {
        var register = new AidRegister();
        register.ApplyAsync(_store).AsTask().GetAwaiter().GetResult();
        var report = register.Report(_programme, Year);
        return AidReconciliation.Check(report, _ledger.Ledger).Count + report.HouseholdsHelped;
    }

    /// <summary>The year's report from a register that has folded the store already (what a host that keeps its
    /// register up to date pays per report), with its reconciliation.</summary>
    [Benchmark]
    public int ReportYear()
    {
        var report = _register.Report(_programme, Year);
        return AidReconciliation.Check(report, _ledger.Ledger).Count + report.HouseholdsHelped;
    }

    private async Task<(InMemoryRecordStore Store, PersistentLedger Ledger, AidReport Report)> PlayAsync()
    {
        var store = new InMemoryRecordStore();
        var clock = new YearClock(At(new LocalDate(2026, 1, 2)));
        var ledger = await PersistentLedger.OpenAsync(store, clock, new Domain.Ledger.LedgerOptions { AccountCapacity = Households + 8, TransferCapacity = (Households * Months) + 64 });
        var desk = new AidDesk(store, ledger, clock);
        _programme = ProgrammeId.New();
        var terms = new ProgrammeTerms("Gulou district happiness fund", ProgrammeKind.HouseholdAid, BenefitStandard.PerMember(PerMember), [BeneficiaryKind.Household]);
        var monthTotal = Money.FromFen(_monthly.Sum());
        Expect(await desk.EstablishAsync(_programme, terms));
        Expect(await desk.SetBudgetAsync(_programme, Year.Start, Money.FromFen(monthTotal.Fen * Months)));

        for (var h = 0; h < Households; h++)
        {
            var id = _applications[h];
            var household = _households[h];
            Expect(await desk.SubmitAsync(id, new AidRequest(_programme, household, "living", Money.FromFen(_monthly[h] * Months), Handler)));
            Expect(await desk.ReviewAsync(id, ReviewerA, "home visit"));
            Expect(await desk.ReviewAsync(id, ReviewerB, "community review"));
            Expect(await desk.GiveFirstOpinionAsync(id, ReviewerA, AidSchedule.Monthly(new LocalDate(2026, 1, 10), Months, Money.FromFen(_monthly[h])), "minimum-living household"));
            Expect(await desk.PublishNoticeAsync(id, Publisher));
        }

        clock.Now = At(new LocalDate(2026, 1, 9));
        for (var h = 0; h < Households; h++) Expect(await desk.ApproveAsync(_applications[h], Approver));

        for (var m = 0; m < Months; m++)
        {
            clock.Now = At(new LocalDate(2026, 1 + m, 10));
            Expect(await desk.ReceiveFundsAsync(_programme, _allocations[m], CivilAffairs, FundSource.Allocation, monthTotal));
            for (var h = 0; h < Households; h++) Expect(await desk.PayAsync(_applications[h], _payments[(m * Households) + h], m + 1));
        }

        clock.Now = At(new LocalDate(2026, 12, 31));
        var register = new AidRegister();
        await register.ApplyAsync(store);
        var report = register.Report(_programme, Year);
        if (AidReconciliation.Check(report, ledger.Ledger).Count != 0) throw new InvalidOperationException("The year's report does not reconcile.");
        return (store, ledger, report);
    }

    private static Instant At(LocalDate date) => date.At(new LocalTime(9, 0)).InZoneStrictly(Shanghai).ToInstant();

    private static void Expect(AidResult result)
    {
        if (result != AidResult.Ok) throw new InvalidOperationException($"A step of the year answered {result}.");
    }

    /// <summary>A clock the year is moved along by hand.</summary>
    private sealed class YearClock(Instant start) : IClock
    {
        public Instant Now { get; set; } = start;

        public Instant GetCurrentInstant() => Now;
    }
}

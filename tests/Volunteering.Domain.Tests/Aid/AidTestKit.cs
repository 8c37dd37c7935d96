using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.Aid;

/// <summary>A store, a fake clock, a persistent ledger and an aid desk on them, with one programme established, budgeted
/// and funded, and helpers that take applications through the workflow (asserting each step) and read balances back
/// from the store.</summary>
internal sealed class AidTestKit
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Monday 2026-03-02, 09:00 in Shanghai: the clock's start.</summary>
    public static readonly LocalDateTime Start = new(2026, 3, 2, 9, 0);

    public static readonly StaffId Handler = StaffId.New();
    public static readonly StaffId ReviewerA = StaffId.New();
    public static readonly StaffId ReviewerB = StaffId.New();
    public static readonly StaffId Publisher = StaffId.New();
    public static readonly StaffId Approver = StaffId.New();
    public static readonly StaffId Clerk = StaffId.New();
    public static readonly StaffId Inspector = StaffId.New();
    public static readonly DonorId Donor = DonorId.New();

    /// <summary>¥300 per household member per instalment.</summary>
    public static readonly Money PerMember = Money.FromYuan(300);

    private AidTestKit(InMemoryRecordStore store, FakeClock clock, PersistentLedger ledger, AidDesk desk, ProgrammeId programme, ProgrammeTerms terms)
    {
        Store = store;
        Clock = clock;
        Ledger = ledger;
        Desk = desk;
        Programme = programme;
        Terms = terms;
    }

    public InMemoryRecordStore Store { get; }

    public FakeClock Clock { get; }

    public PersistentLedger Ledger { get; }

    public AidDesk Desk { get; }

    public ProgrammeId Programme { get; }

    public ProgrammeTerms Terms { get; }

    public Instant Now => Clock.GetCurrentInstant();

    public LocalDate Today => Now.InZone(Shanghai).Date;

    /// <summary>Household aid, ¥300 per member, yearly budget periods, notice 7 days, urgent aid up to ¥1,000.</summary>
    public static ProgrammeTerms DefaultTerms(Func<ProgrammeTerms, ProgrammeTerms>? adjust = null)
    {
        var terms = new ProgrammeTerms("Hunan Road happiness fund", ProgrammeKind.HouseholdAid, BenefitStandard.PerMember(PerMember), [BeneficiaryKind.Household, BeneficiaryKind.Student])
        {
            UrgentLimit = Money.FromYuan(1_000),
        };
        return adjust?.Invoke(terms) ?? terms;
    }

    /// <summary>A kit whose programme is established with <paramref name="terms"/>, budgeted <paramref name="budget"/>
    /// for 2026 (none if zero) and funded with <paramref name="donation"/> (none if zero).</summary>
    public static async Task<AidTestKit> CreateAsync(ProgrammeTerms? terms = null, long budgetYuan = 200_000, long donationYuan = 50_000, AidRules? rules = null, Func<InMemoryRecordStore, IRecordStore>? deskStore = null)
    {
        var store = new InMemoryRecordStore();
        var clock = new FakeClock(At(Start));
        var used = deskStore?.Invoke(store) ?? store;
        var ledger = await PersistentLedger.OpenAsync(used, clock);
        var desk = new AidDesk(used, ledger, clock, rules);
        var programme = ProgrammeId.New();
        terms ??= DefaultTerms();
        Assert.Equal(AidResult.Ok, await desk.EstablishAsync(programme, terms));
        var kit = new AidTestKit(store, clock, ledger, desk, programme, terms);
        if (budgetYuan > 0) Assert.Equal(AidResult.Ok, await desk.SetBudgetAsync(programme, kit.Today, Money.FromYuan(budgetYuan)));
        if (donationYuan > 0) Assert.Equal(AidResult.Ok, await desk.ReceiveFundsAsync(programme, ContributionId.New(), Donor, FundSource.Donation, Money.FromYuan(donationYuan)));
        return kit;
    }

    public static Instant At(LocalDateTime local) => local.InZoneStrictly(Shanghai).ToInstant();

    public void AdvanceDays(int days) => Clock.Reset(Now + Duration.FromDays(days));

    public void AdvanceTo(LocalDate date, int hour = 9) => Clock.Reset(At(date.At(new LocalTime(hour, 0))));

    public static AidBeneficiary Household(string name = "王小明", int size = 3, HardshipCategory category = HardshipCategory.MinimumLiving, BeneficiaryId? id = null)
        => AidBeneficiary.Household(id ?? BeneficiaryId.New(), name, size, "Hunan Road", category);

    /// <summary><paramref name="count"/> monthly instalments of the standard for a household of 3 (¥900), from today.</summary>
    public IReadOnlyList<AidInstalment> Monthly(int count = 3, Money? each = null) => AidSchedule.Monthly(Today, count, each ?? Money.FromYuan(900));

    public AidRequest Request(AidBeneficiary? beneficiary = null, string cause = "living", StaffId? related = null, bool urgent = false, ProgrammeId? programme = null)
        => new(programme ?? Programme, beneficiary ?? Household(), cause, Money.FromYuan(2_700), Handler, related, urgent);

    public async Task<AidApplicationId> SubmitAsync(AidBeneficiary? beneficiary = null, string cause = "living", StaffId? related = null, bool urgent = false)
    {
        var id = AidApplicationId.New();
        Assert.Equal(AidResult.Ok, await Desk.SubmitAsync(id, Request(beneficiary, cause, related, urgent)));
        return id;
    }

    /// <summary>Two initial reviews (A and B).</summary>
    public async Task ReviewedAsync(AidApplicationId id)
    {
        Assert.Equal(AidResult.Ok, await Desk.ReviewAsync(id, ReviewerA, "home visit: three members, no income"));
        Assert.Equal(AidResult.Ok, await Desk.ReviewAsync(id, ReviewerB, "neighbours confirm"));
    }

    public async Task ProposedAsync(AidApplicationId id, IReadOnlyList<AidInstalment>? schedule = null)
    {
        await ReviewedAsync(id);
        Assert.Equal(AidResult.Ok, await Desk.GiveFirstOpinionAsync(id, ReviewerA, schedule ?? Monthly(), "meets the standard"));
    }

    public async Task NoticedAsync(AidApplicationId id, IReadOnlyList<AidInstalment>? schedule = null)
    {
        await ProposedAsync(id, schedule);
        Assert.Equal(AidResult.Ok, await Desk.PublishNoticeAsync(id, Publisher));
    }

    /// <summary>Submits, reviews, proposes, notices, waits out the notice (7 days) and approves.</summary>
    public async Task<AidApplicationId> ApprovedAsync(AidBeneficiary? beneficiary = null, IReadOnlyList<AidInstalment>? schedule = null, string cause = "living")
    {
        var id = await SubmitAsync(beneficiary, cause);
        await NoticedAsync(id, schedule);
        AdvanceDays(Terms.NoticeDays);
        Assert.Equal(AidResult.Ok, await Desk.ApproveAsync(id, Approver));
        return id;
    }

    public async Task<AidApplication> LoadAsync(AidApplicationId id) => await Desk.LoadApplicationAsync(id) ?? throw new InvalidOperationException("No such application.");

    public async Task<AidProgramme> ProgrammeAsync() => await Desk.LoadProgrammeAsync(Programme) ?? throw new InvalidOperationException("No such programme.");

    /// <summary>The fund's posted balance in fen, read from the store.</summary>
    public async Task<long> FundAsync() => (await Store.GetBalanceAsync(AidFunds.FundAccountId(Programme)))?.Posted ?? 0;

    /// <summary>A beneficiary's posted balance in fen, read from the store (0 without an account).</summary>
    public async Task<long> PaidToAsync(BeneficiaryId beneficiary) => (await Store.GetBalanceAsync(AidFunds.BeneficiaryAccountId(Programme, beneficiary)))?.Posted ?? 0;

    /// <summary>Runs a command that must be refused with <paramref name="expected"/>, and checks the store is exactly
    /// as it was (a refusal writes nothing).</summary>
    public async Task RefusedAsync(AidResult expected, Func<ValueTask<AidResult>> command)
    {
        var before = await Store.GetPositionAsync();
        Assert.Equal(expected, await command());
        Assert.Equal(before, await Store.GetPositionAsync());
    }

    public async Task<AidRegister> RegisterAsync()
    {
        var register = new AidRegister();
        await register.ApplyAsync(Store);
        return register;
    }

    public async Task AssertAuditCleanAsync()
    {
        var report = await LedgerAudit.VerifyAsync(Store);
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
    }
}

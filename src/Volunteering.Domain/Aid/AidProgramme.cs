using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Aid;

/// <summary>
/// An aid programme (救助项目) and its ring-fenced fund: its terms, the budget of each period, the money put into the
/// fund (donations and allocations, each a ledger transfer with the donor recorded), and what approved applications
/// have committed to each period. An event-sourced aggregate in the stream <c>aid.programme-{id}</c>.
/// </summary>
/// <remarks>
/// <para>The programme is where the rules across applications are kept: an approval commits its instalments to the
/// budget period each falls due in, and is refused if a period has no budget (<see cref="AidResult.NoBudgetForPeriod"/>)
/// or too little left (<see cref="AidResult.BudgetExceeded"/>), if the beneficiary's cap per period would be exceeded
/// (<see cref="AidResult.BeneficiaryCapExceeded"/>), or if the beneficiary was aided for the cause this year
/// (<see cref="AidResult.CauseAlreadyAidedThisYear"/>). Payments never exceed approvals, so the fund never pays more
/// than the budget allows; the fund account's floor of zero on the ledger means it never pays more than it holds.</para>
/// <para>Commands answer <see cref="AidResult.Ok"/> after raising one event, <see cref="AidResult.AlreadyDone"/> for a
/// repeat, or the code of the rule that refused them, raising nothing. No I/O, no clock: the caller passes "now".
/// Not thread-safe.</para>
/// </remarks>
public sealed class AidProgramme : AggregateRoot<ProgrammeEvent>
{
    /// <summary>The stream category: a programme's stream is <c>aid.programme-{id:N}</c>.</summary>
    public const string StreamCategory = "aid.programme";

    private readonly Dictionary<LocalDate, Money> _budgets = [];
    private readonly Dictionary<LocalDate, long> _committed = [];
    private readonly Dictionary<(BeneficiaryId, LocalDate), long> _committedTo = [];
    private readonly HashSet<(BeneficiaryId, string, int)> _causes = [];
    private readonly Dictionary<AidApplicationId, AidCommitted> _commitments = [];
    private readonly Dictionary<ContributionId, FundsReceived> _contributions = [];
    private readonly List<FundsReceived> _received = [];
    private ProgrammeTerms? _terms;
    private long _receivedFen;

    private AidProgramme(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The programme id.</summary>
    public ProgrammeId Id { get; private set; }

    /// <summary>The terms.</summary>
    /// <exception cref="InvalidOperationException">The aggregate is empty (nothing loaded or established).</exception>
    public ProgrammeTerms Terms => _terms ?? throw new InvalidOperationException("The programme has not been established.");

    /// <summary>When it was established.</summary>
    public Instant EstablishedAt { get; private set; }

    /// <summary>The fund's ledger account.</summary>
    public AccountId FundAccountId => AidFunds.FundAccountId(Id);

    /// <summary>Every contribution received, oldest first.</summary>
    public IReadOnlyList<FundsReceived> Contributions => _received;

    /// <summary>The total received into the fund (donations and allocations).</summary>
    public Money TotalReceived => Money.FromFen(_receivedFen);

    /// <summary>The budgets set, by the first day of their period.</summary>
    public IReadOnlyDictionary<LocalDate, Money> Budgets => _budgets;

    /// <summary>The stream of a programme.</summary>
    /// <param name="id">The programme; not empty.</param>
    public static StreamName StreamFor(ProgrammeId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A programme id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>An empty aggregate for a stream, to load events into.</summary>
    /// <param name="stream">The programme's stream.</param>
    /// <exception cref="ArgumentException">The stream name is the default value.</exception>
    public static AidProgramme CreateEmpty(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
        return new AidProgramme(stream);
    }

    /// <summary>A repository that loads and saves programmes in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<AidProgramme, ProgrammeEvent> Repository(IRecordStore store) => new(store, CreateEmpty);

    /// <summary>Establishes a programme (its first event, <see cref="ProgrammeEstablished"/>). Its fund account is opened
    /// on the ledger separately (<see cref="AidFunds.OpenFund"/>), in the same unit of work.</summary>
    /// <param name="id">The programme id; not empty.</param>
    /// <param name="terms">The terms.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The new programme with one unsaved event.</returns>
    public static AidProgramme Establish(ProgrammeId id, ProgrammeTerms terms, Instant now)
    {
        Guard.Against.Null(terms);
        var programme = new AidProgramme(StreamFor(id));
        programme.Raise(new ProgrammeEstablished(
            id, terms.Name, terms.Kind, terms.TimeZone.Id, terms.PeriodUnit, terms.Standard.Kind, terms.Standard.Amount,
            terms.EligibleKinds, terms.EligibleCategories, terms.BeneficiaryCapPerPeriod, terms.OncePerCausePerYear,
            terms.NoticeDays, terms.UrgentLimit, now));
        return programme;
    }

    /// <summary>The budget period containing a date.</summary>
    /// <param name="date">The date.</param>
    public DateInterval PeriodOf(LocalDate date) => Terms.PeriodContaining(date);

    /// <summary>The budget of the period containing <paramref name="date"/>, or null when none is set.</summary>
    /// <param name="date">Any day of the period.</param>
    public Money? BudgetOf(LocalDate date) => _budgets.TryGetValue(PeriodOf(date).Start, out var budget) ? budget : null;

    /// <summary>What approvals have committed to the period containing <paramref name="date"/>, less what revocations
    /// released.</summary>
    /// <param name="date">Any day of the period.</param>
    public Money CommittedIn(LocalDate date) => Money.FromFen(_committed.GetValueOrDefault(PeriodOf(date).Start));

    /// <summary>What is committed to one beneficiary in the period containing <paramref name="date"/>.</summary>
    /// <param name="beneficiary">The beneficiary.</param>
    /// <param name="date">Any day of the period.</param>
    public Money CommittedTo(BeneficiaryId beneficiary, LocalDate date)
        => Money.FromFen(_committedTo.GetValueOrDefault((beneficiary, PeriodOf(date).Start)));

    /// <summary>The commitment an application made on approval, or null.</summary>
    /// <param name="application">The application.</param>
    public AidCommitted? CommitmentOf(AidApplicationId application) => _commitments.GetValueOrDefault(application);

    /// <summary>Sets (or replaces) the budget of the period containing <paramref name="dayInPeriod"/>.</summary>
    /// <param name="dayInPeriod">Any day of the period.</param>
    /// <param name="amount">The budget; zero or more, CNY.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the budget already set;
    /// <see cref="AidResult.BudgetBelowCommitted"/>.</returns>
    /// <exception cref="ArgumentException">The amount is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public AidResult SetBudget(LocalDate dayInPeriod, Money amount, Instant now)
    {
        AidAmounts.NotNegative(amount, nameof(amount));
        var start = PeriodOf(dayInPeriod).Start;
        if (_budgets.TryGetValue(start, out var current) && current == amount) return AidResult.AlreadyDone;
        if (amount.Fen < _committed.GetValueOrDefault(start)) return AidResult.BudgetBelowCommitted;
        Raise(new BudgetSet(start, amount, now));
        return AidResult.Ok;
    }

    /// <summary>Receives a donation or an allocation into the fund: a ledger transfer from the donor's account, with the
    /// donor recorded on it and in the event.</summary>
    /// <param name="contribution">The contribution id (and idempotency key); not empty.</param>
    /// <param name="donor">The donor or allocating body; not empty.</param>
    /// <param name="source">A donation or an allocation.</param>
    /// <param name="amount">The amount; positive, CNY.</param>
    /// <param name="funds">The ledger to move it on.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same contribution again;
    /// <see cref="AidResult.ContributionExistsWithDifferentDetails"/>; <see cref="AidResult.ContributionIdTaken"/>;
    /// <see cref="AidResult.LedgerRejected"/>.</returns>
    /// <exception cref="ArgumentException">An id is empty or the amount not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive or the source undefined.</exception>
    public AidResult ReceiveFunds(ContributionId contribution, DonorId donor, FundSource source, Money amount, AidFunds funds, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, contribution, "A contribution id must not be empty.", nameof(contribution));
        Guard.Against.Expression(static x => x.IsEmpty, donor, "A donor id must not be empty.", nameof(donor));
        if (!Enum.IsDefined(source)) throw new ArgumentOutOfRangeException(nameof(source), source, "Not a defined fund source.");
        AidAmounts.Positive(amount, nameof(amount));
        Guard.Against.Null(funds);
        if (_contributions.TryGetValue(contribution, out var known))
        {
            return known.Donor == donor && known.Source == source && known.Amount == amount ? AidResult.AlreadyDone : AidResult.ContributionExistsWithDifferentDetails;
        }

        var moved = funds.Receive(Id, contribution, donor, source, amount, Terms.Name);
        if (!moved.IsOk) return moved.Code;
        Raise(new FundsReceived(contribution, donor, source, amount, moved.At));
        return AidResult.Ok;
    }

    /// <summary>Groups a schedule's instalments by the budget period each falls due in, in period order.</summary>
    /// <param name="instalments">The schedule.</param>
    public IReadOnlyList<PeriodAmount> PeriodsOf(IReadOnlyList<AidInstalment> instalments)
    {
        Guard.Against.Null(instalments);
        var sums = new SortedDictionary<LocalDate, long>();
        foreach (var instalment in instalments)
        {
            var start = PeriodOf(instalment.DueOn).Start;
            sums[start] = checked(sums.GetValueOrDefault(start) + instalment.Amount.Fen);
        }

        return [.. sums.Select(static p => new PeriodAmount(p.Key, Money.FromFen(p.Value)))];
    }

    /// <summary>Checks, without changing anything, whether a beneficiary may be committed <paramref name="periods"/>
    /// for <paramref name="cause"/> in <paramref name="year"/>.</summary>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.CauseAlreadyAidedThisYear"/>;
    /// <see cref="AidResult.BeneficiaryCapExceeded"/>; <see cref="AidResult.NoBudgetForPeriod"/>;
    /// <see cref="AidResult.BudgetExceeded"/> (checked in that order).</returns>
    internal AidResult CheckCommitment(BeneficiaryId beneficiary, string cause, int year, IReadOnlyList<PeriodAmount> periods)
    {
        if (Terms.OncePerCausePerYear && _causes.Contains((beneficiary, cause, year))) return AidResult.CauseAlreadyAidedThisYear;
        if (Terms.BeneficiaryCapPerPeriod is { } cap)
        {
            foreach (var p in periods)
            {
                if (checked(_committedTo.GetValueOrDefault((beneficiary, p.PeriodStart)) + p.Amount.Fen) > cap.Fen) return AidResult.BeneficiaryCapExceeded;
            }
        }

        foreach (var p in periods)
        {
            if (!_budgets.TryGetValue(p.PeriodStart, out var budget)) return AidResult.NoBudgetForPeriod;
            if (checked(_committed.GetValueOrDefault(p.PeriodStart) + p.Amount.Fen) > budget.Fen) return AidResult.BudgetExceeded;
        }

        return AidResult.Ok;
    }

    /// <summary>Commits an application's instalments after <see cref="CheckCommitment"/> passed.</summary>
    internal void Commit(AidApplicationId application, BeneficiaryId beneficiary, string cause, int year, IReadOnlyList<PeriodAmount> periods, Instant now)
    {
        if (_commitments.ContainsKey(application)) throw new InvalidOperationException($"Application {application} is committed already.");
        if (CheckCommitment(beneficiary, cause, year, periods) != AidResult.Ok) throw new InvalidOperationException("The commitment was not checked.");
        Raise(new AidCommitted(application, beneficiary, cause, year, periods, now));
    }

    /// <summary>Releases part of an application's commitment (on revocation, or a reversal of a cancelled instalment).</summary>
    internal void Release(AidApplicationId application, IReadOnlyList<PeriodAmount> periods, Instant now)
    {
        if (!_commitments.ContainsKey(application)) throw new InvalidOperationException($"Application {application} has no commitment to release.");
        Raise(new CommitmentReleased(application, periods, now));
    }

    /// <inheritdoc />
    protected override void Apply(ProgrammeEvent e)
    {
        switch (e)
        {
            case ProgrammeEstablished established:
                var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(established.ZoneId)
                    ?? throw new InvalidDataException($"{Stream} names the unknown time zone {established.ZoneId}.");
                Id = established.ProgrammeId;
                EstablishedAt = established.At;
                _terms = new ProgrammeTerms(established.Name, established.Kind, BenefitStandard.Of(established.StandardKind, established.StandardAmount), established.EligibleKinds)
                {
                    TimeZone = zone,
                    PeriodUnit = established.PeriodUnit,
                    EligibleCategories = established.EligibleCategories,
                    BeneficiaryCapPerPeriod = established.BeneficiaryCapPerPeriod,
                    OncePerCausePerYear = established.OncePerCausePerYear,
                    NoticeDays = established.NoticeDays,
                    UrgentLimit = established.UrgentLimit,
                };
                break;
            case BudgetSet budget:
                _budgets[budget.PeriodStart] = budget.Amount;
                break;
            case FundsReceived received:
                _contributions.Add(received.ContributionId, received);
                _received.Add(received);
                _receivedFen = checked(_receivedFen + received.Amount.Fen);
                break;
            case AidCommitted committed:
                _commitments.Add(committed.ApplicationId, committed);
                _causes.Add((committed.Beneficiary, committed.Cause, committed.Year));
                Add(committed.Beneficiary, committed.Periods, 1);
                break;
            case CommitmentReleased released:
                Add(_commitments[released.ApplicationId].Beneficiary, released.Periods, -1);
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} is not a programme event this version knows.", nameof(e));
        }
    }

    private void Add(BeneficiaryId beneficiary, IReadOnlyList<PeriodAmount> periods, int sign)
    {
        foreach (var p in periods)
        {
            var fen = checked(sign * p.Amount.Fen);
            _committed[p.PeriodStart] = checked(_committed.GetValueOrDefault(p.PeriodStart) + fen);
            _committedTo[(beneficiary, p.PeriodStart)] = checked(_committedTo.GetValueOrDefault((beneficiary, p.PeriodStart)) + fen);
        }
    }
}

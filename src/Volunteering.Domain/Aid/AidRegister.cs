using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Aid;

/// <summary>
/// Every programme, application and wish of a store, folded in memory from its records, for the lists and reports that
/// span many of them: a programme's applications, the overdue steps, and the report per period. Incremental:
/// <see cref="ApplyAsync"/> reads only the records after <see cref="Position"/>, so a report after new work costs only
/// the new records. The aggregates are folded with their own rules (the same code that decides commands), so the
/// register never disagrees with them.
/// </summary>
/// <remarks>Read-only views: the aggregates it hands out must not be given commands. Not thread-safe.</remarks>
public sealed class AidRegister
{
    private readonly Dictionary<StreamName, AidProgramme> _programmes = [];
    private readonly Dictionary<ProgrammeId, AidProgramme> _programmesById = [];
    private readonly List<AidProgramme> _programmeList = [];
    private readonly Dictionary<StreamName, AidApplication> _applications = [];
    private readonly Dictionary<ProgrammeId, List<AidApplication>> _applicationsOf = [];
    private readonly Dictionary<StreamName, MicroWish> _wishes = [];
    private readonly Dictionary<ProgrammeId, List<MicroWish>> _wishesOf = [];

    /// <summary>The global position of the last record applied; 0 before any.</summary>
    public long Position { get; private set; }

    /// <summary>The programmes, in the order established.</summary>
    public IReadOnlyList<AidProgramme> Programmes => _programmeList;

    /// <summary>Applies the store's records after <see cref="Position"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the read; what was applied stays applied.</param>
    /// <returns>How many records were read.</returns>
    public async ValueTask<int> ApplyAsync(IRecordStore store, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        var count = 0;
        await foreach (var record in store.ReadAllAsync(Position, cancellationToken).ConfigureAwait(false))
        {
            Apply(record);
            count++;
        }

        return count;
    }

    /// <summary>Applies one record (records of other aggregates and the ledger are skipped).</summary>
    /// <param name="record">The next record, after <see cref="Position"/>.</param>
    /// <exception cref="ArgumentException">The record is at or before <see cref="Position"/>.</exception>
    public void Apply(StoredRecord record)
    {
        Guard.Against.Null(record);
        if (record.Position <= Position) throw new ArgumentException($"Record {record.Position} is not after {Position}.", nameof(record));
        Position = record.Position;
        switch (record.Payload)
        {
            case ProgrammeEvent e:
                var programme = Get(_programmes, record.Stream, AidProgramme.CreateEmpty);
                programme.Restore(e, record.Version);
                if (e is ProgrammeEstablished)
                {
                    _programmesById.Add(programme.Id, programme);
                    _programmeList.Add(programme);
                }

                break;
            case AidApplicationEvent e:
                var application = Get(_applications, record.Stream, AidApplication.CreateEmpty);
                application.Restore(e, record.Version);
                if (e is ApplicationSubmitted submitted) ListOf(_applicationsOf, submitted.Programme).Add(application);
                break;
            case MicroWishEvent e:
                var wish = Get(_wishes, record.Stream, MicroWish.CreateEmpty);
                wish.Restore(e, record.Version);
                if (e is WishPosted posted) ListOf(_wishesOf, posted.Programme).Add(wish);
                break;
        }
    }

    /// <summary>Looks up a programme.</summary>
    /// <param name="id">The programme.</param>
    /// <param name="programme">The programme, if found.</param>
    public bool TryGetProgramme(ProgrammeId id, out AidProgramme programme) => _programmesById.TryGetValue(id, out programme!);

    /// <summary>A programme's applications, in the order submitted.</summary>
    /// <param name="programme">The programme.</param>
    public IReadOnlyList<AidApplication> ApplicationsOf(ProgrammeId programme) => _applicationsOf.GetValueOrDefault(programme) ?? [];

    /// <summary>A wish round's wishes, in the order posted.</summary>
    /// <param name="programme">The wish round.</param>
    public IReadOnlyList<MicroWish> WishesOf(ProgrammeId programme) => _wishesOf.GetValueOrDefault(programme) ?? [];

    /// <summary>The steps of a programme's applications that are overdue on <paramref name="today"/> (due by an
    /// earlier day and not done), by due date, then application id, then kind and number.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="today">Today, in the programme's zone.</param>
    /// <param name="rules">The deadline rules.</param>
    /// <exception cref="KeyNotFoundException">The register knows no such programme.</exception>
    public IReadOnlyList<AidDeadline> Overdue(ProgrammeId programme, LocalDate today, AidRules rules)
    {
        Guard.Against.Null(rules);
        var terms = Programme(programme).Terms;
        return
        [
            .. ApplicationsOf(programme)
                .SelectMany(a => a.OpenDeadlines(terms, rules))
                .Where(d => d.DueBy < today)
                .OrderBy(static d => d.DueBy).ThenBy(static d => d.Application).ThenBy(static d => d.Kind).ThenBy(static d => d.Number),
        ];
    }

    /// <summary>A programme's report for a period: households and individuals helped, students funded, wishes
    /// fulfilled, money paid and received, the fund's balance, budget used and remaining, average per household,
    /// applications and objections, the public-notice list, and every payment line. See <see cref="AidReport"/> for
    /// how each figure is counted.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="period">The dates, in the programme's zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The register knows no such programme.</exception>
    public AidReport Report(ProgrammeId programme, DateInterval period)
    {
        Guard.Against.Null(period);
        var p = Programme(programme);
        var terms = p.Terms;
        var start = terms.TimeZone.AtStartOfDay(period.Start).ToInstant();
        var end = terms.TimeZone.AtStartOfDay(period.End.PlusDays(1)).ToInstant();
        bool In(Instant t) => t >= start && t < end;

        var net = new Dictionary<BeneficiaryId, (BeneficiaryKind Kind, long Fen)>();
        var lines = new List<AidPaymentLine>();
        var notices = new List<PublicNoticeEntry>();
        long balance = 0;
        int submitted = 0, approved = 0, rejected = 0, urgent = 0, lodged = 0, upheld = 0;
        foreach (var a in ApplicationsOf(programme))
        {
            if (In(a.SubmittedAt)) submitted++;
            if (a.Approval is { } approval && In(approval.At)) approved++;
            if (a.UrgentGrant is { } grant && In(grant.At))
            {
                approved++;
                urgent++;
            }

            if (a.Rejection is { } rejection && In(rejection.At)) rejected++;
            if (a.Notice is { } notice && period.Contains(notice.From))
            {
                notices.Add(new PublicNoticeEntry(a.Beneficiary.MaskedName, a.Beneficiary.HouseholdSize, a.ProposedAmount, notice.From, notice.EndsOn.PlusDays(-1)));
            }

            foreach (var o in a.Objections)
            {
                if (In(o.LodgedAt)) lodged++;
                if (o.Resolution is { Upheld: true } r && In(r.At)) upheld++;
            }

            foreach (var payment in a.Payments)
            {
                var fen = payment.Amount.Fen;
                if (payment.PaidAt < end) balance -= fen;
                if (In(payment.PaidAt))
                {
                    Add(net, a.Beneficiary, fen);
                    lines.Add(new AidPaymentLine(a.Id, a.Beneficiary.Id, payment.Id, payment.TransferId, payment.Amount, payment.PaidAt));
                }

                if (payment.Reversal is not { } reversal) continue;
                if (reversal.At < end) balance += fen;
                if (In(reversal.At))
                {
                    Add(net, a.Beneficiary, -fen);
                    lines.Add(new AidPaymentLine(a.Id, a.Beneficiary.Id, payment.Id, AidFunds.ReversalTransferId(payment.Id), payment.Amount.Negate(), reversal.At));
                }
            }
        }

        long received = 0;
        foreach (var c in p.Contributions)
        {
            if (c.At < end) balance += c.Amount.Fen;
            if (In(c.At)) received += c.Amount.Fen;
        }

        int households = 0, individuals = 0, students = 0;
        long toHouseholds = 0;
        foreach (var (kind, fen) in net.Values)
        {
            if (fen <= 0) continue;
            if (kind == BeneficiaryKind.Household)
            {
                households++;
                toHouseholds += fen;
            }
            else
            {
                individuals++;
                if (kind == BeneficiaryKind.Student) students++;
            }
        }

        long budget = 0, committed = 0;
        for (var s = terms.PeriodContaining(period.Start).Start; s <= period.End; s = terms.PeriodContaining(s).End.PlusDays(1))
        {
            budget += p.BudgetOf(s)?.Fen ?? 0;
            committed += p.CommittedIn(s).Fen;
        }

        long wishValue = 0;
        int posted = 0, fulfilled = 0;
        foreach (var w in WishesOf(programme))
        {
            if (In(w.PostedAt)) posted++;
            if (w.FulfilledAt is { } at && In(at))
            {
                fulfilled++;
                wishValue += w.EstimatedCost.Fen;
            }
        }

        lines.Sort(static (x, y) => x.At.CompareTo(y.At));
        notices.Sort(static (x, y) => x.From != y.From ? x.From.CompareTo(y.From) : string.CompareOrdinal(x.MaskedName, y.MaskedName));
        return new AidReport
        {
            Programme = programme,
            ProgrammeName = terms.Name,
            Period = period,
            Span = new Interval(start, end),
            HouseholdsHelped = households,
            IndividualsHelped = individuals,
            StudentsFunded = students,
            TotalPaid = Money.FromFen(lines.Sum(static l => l.Amount.Fen)),
            PaidToHouseholds = Money.FromFen(toHouseholds),
            AveragePerHousehold = Money.FromFen(households == 0 ? 0 : (long)Math.Round((decimal)toHouseholds / households, MidpointRounding.AwayFromZero)),
            Received = Money.FromFen(received),
            FundBalanceAtEnd = Money.FromFen(balance),
            Budget = Money.FromFen(budget),
            BudgetCommitted = Money.FromFen(committed),
            ApplicationsSubmitted = submitted,
            ApplicationsApproved = approved,
            ApplicationsRejected = rejected,
            UrgentGrants = urgent,
            ObjectionsLodged = lodged,
            ObjectionsUpheld = upheld,
            WishesPosted = posted,
            WishesFulfilled = fulfilled,
            WishValueFulfilled = Money.FromFen(wishValue),
            Notices = notices,
            Payments = lines,
        };
    }

    private AidProgramme Programme(ProgrammeId id)
        => _programmesById.TryGetValue(id, out var programme) ? programme : throw new KeyNotFoundException($"The register knows no programme {id}.");

    private static void Add(Dictionary<BeneficiaryId, (BeneficiaryKind Kind, long Fen)> net, AidBeneficiary beneficiary, long fen)
    {
        var current = net.TryGetValue(beneficiary.Id, out var known) ? known : (Kind: beneficiary.Kind, Fen: 0L);
        net[beneficiary.Id] = (current.Kind, checked(current.Fen + fen));
    }

    private static T Get<T>(Dictionary<StreamName, T> aggregates, StreamName stream, Func<StreamName, T> create)
    {
        if (!aggregates.TryGetValue(stream, out var aggregate))
        {
            aggregate = create(stream);
            aggregates.Add(stream, aggregate);
        }

        return aggregate;
    }

    private static List<T> ListOf<T>(Dictionary<ProgrammeId, List<T>> lists, ProgrammeId programme)
    {
        if (!lists.TryGetValue(programme, out var list))
        {
            list = [];
            lists.Add(programme, list);
        }

        return list;
    }
}

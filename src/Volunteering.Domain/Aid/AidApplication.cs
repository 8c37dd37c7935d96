using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Aid;

/// <summary>
/// An application for aid and everything that happens to it: submission, reviews by at least two reviewers (and a
/// separate review when the applicant is a relative of staff), the first opinion proposing a schedule of instalments,
/// the public notice with its objections and their re-review, the decision (approval by someone who is neither the
/// handler nor a reviewer, or rejection with a reason), the payments of the instalments, their reversals and the
/// revocation of the approval for future instalments. Urgent small-amount aid is granted and paid at once and
/// documented afterwards. An event-sourced aggregate in the stream <c>aid.application-{id}</c>.
/// </summary>
/// <remarks>
/// <para>Every command checks its rules and either raises its events and answers <see cref="AidResult.Ok"/>, or raises
/// nothing and answers <see cref="AidResult.AlreadyDone"/> (a repeat) or the code of the rule that refused it.
/// Programmer errors (empty ids, null arguments, amounts that are not positive CNY) throw guard exceptions.</para>
/// <para>Commands that reach across the application take the <see cref="AidProgramme"/> (its terms, and its budget for
/// an approval or an urgent grant, which it changes only when every rule has passed) and <see cref="AidFunds"/> (the
/// ledger, which it changes last, after every rule has passed); <see cref="AidDesk"/> saves all of them in one unit of
/// work. The aggregate does no I/O and reads no clock. Not thread-safe.</para>
/// <para>A payment claims the item key <c>aid.payment/{payment id}</c>, so a payment id is used once in a store; its
/// ledger transfer id is derived from it, so a repeated payment pays at most once.</para>
/// </remarks>
public sealed class AidApplication : AggregateRoot<AidApplicationEvent>
{
    /// <summary>The stream category: an application's stream is <c>aid.application-{id:N}</c>.</summary>
    public const string StreamCategory = "aid.application";

    /// <summary>The item-key scope a payment claims with its payment id.</summary>
    public const string PaymentScope = "aid.payment";

    /// <summary>The fewest distinct initial reviewers before a first opinion.</summary>
    public const int MinReviewers = 2;

    private const string ReversalMemo = "aid payment reversed";

    private readonly List<ApplicationReviewed> _reviews = [];
    private readonly List<AidObjection> _objections = [];
    private readonly Dictionary<PaymentId, AidPayment> _payments = [];
    private readonly List<AidPayment> _paymentList = [];
    private IReadOnlyList<AidInstalment> _instalments = [];
    private long[] _paidOn = [];
    private ApplicationSubmitted? _submitted;

    private AidApplication(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The application id.</summary>
    public AidApplicationId Id { get; private set; }

    /// <summary>The programme applied to.</summary>
    public ProgrammeId Programme => Submitted.Programme;

    /// <summary>The beneficiary, as submitted (name masked).</summary>
    public AidBeneficiary Beneficiary { get; private set; } = null!;

    /// <summary>The cause code.</summary>
    public string Cause => Submitted.Cause;

    /// <summary>The amount asked for.</summary>
    public Money Requested => Submitted.Requested;

    /// <summary>The member of staff handling it.</summary>
    public StaffId Handler => Submitted.Handler;

    /// <summary>The member of staff the applicant is a relative of, or null.</summary>
    public StaffId? RelatedStaff => Submitted.RelatedStaff;

    /// <summary>True when the application involves a relative of staff: it is flagged, needs a separate review, and the
    /// related member of staff takes no part in it.</summary>
    public bool InvolvesStaffRelative => RelatedStaff is not null;

    /// <summary>True for urgent aid.</summary>
    public bool IsUrgent => Submitted.IsUrgent;

    /// <summary>When it was submitted.</summary>
    public Instant SubmittedAt => Submitted.At;

    /// <summary>Where it stands.</summary>
    public ApplicationStatus Status =>
        Revocation is not null ? ApplicationStatus.Revoked
        : UrgentDocumentation is not null ? ApplicationStatus.UrgentDocumented
        : UrgentGrant is not null ? ApplicationStatus.UrgentGranted
        : Rejection is not null ? ApplicationStatus.Rejected
        : Approval is not null ? ApplicationStatus.Approved
        : Notice is not null ? ApplicationStatus.InNotice
        : FirstOpinion is not null ? ApplicationStatus.Proposed
        : ApplicationStatus.Submitted;

    /// <summary>The reviews, oldest first.</summary>
    public IReadOnlyList<ApplicationReviewed> Reviews => _reviews;

    /// <summary>The number of distinct initial reviewers.</summary>
    public int InitialReviewerCount => _reviews.Where(static r => r.Kind == ReviewKind.Initial).Select(static r => r.Reviewer).Distinct().Count();

    /// <summary>The separate review, or null.</summary>
    public ApplicationReviewed? SeparateReview => _reviews.Find(static r => r.Kind == ReviewKind.Separate);

    /// <summary>The first opinion, or null.</summary>
    public FirstOpinionGiven? FirstOpinion { get; private set; }

    /// <summary>The instalments: proposed by the first opinion (approved with it), or the one instalment of an urgent
    /// grant; empty before either.</summary>
    public IReadOnlyList<AidInstalment> Instalments => _instalments;

    /// <summary>The schedule's total; zero before a first opinion or an urgent grant.</summary>
    public Money ProposedAmount { get; private set; }

    /// <summary>The public notice, or null.</summary>
    public NoticePublished? Notice { get; private set; }

    /// <summary>The objections, in the order lodged.</summary>
    public IReadOnlyList<AidObjection> Objections => _objections;

    /// <summary>The approval, or null.</summary>
    public ApplicationApproved? Approval { get; private set; }

    /// <summary>The rejection, or null.</summary>
    public ApplicationRejected? Rejection { get; private set; }

    /// <summary>The urgent grant, or null.</summary>
    public UrgentAidGranted? UrgentGrant { get; private set; }

    /// <summary>The documentation of an urgent grant, or null.</summary>
    public UrgentAidDocumented? UrgentDocumentation { get; private set; }

    /// <summary>The revocation, or null.</summary>
    public ApprovalRevoked? Revocation { get; private set; }

    /// <summary>The payments, oldest first (reversed ones included).</summary>
    public IReadOnlyList<AidPayment> Payments => _paymentList;

    /// <summary>True once approved or granted: its instalments may be paid.</summary>
    public bool IsPayable => Approval is not null || UrgentGrant is not null;

    /// <summary>What was approved (or granted): the schedule's total once approved, zero before.</summary>
    public Money ApprovedAmount => IsPayable ? ProposedAmount : Money.Zero;

    /// <summary>What is paid, net of reversals; never more than <see cref="ApprovedAmount"/>.</summary>
    public Money PaidAmount => Money.FromFen(_paidOn.Sum());

    private ApplicationSubmitted Submitted => _submitted ?? throw new InvalidOperationException("The application has not been submitted.");

    /// <summary>The stream of an application.</summary>
    /// <param name="id">The application; not empty.</param>
    public static StreamName StreamFor(AidApplicationId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "An application id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>An empty aggregate for a stream, to load events into.</summary>
    /// <param name="stream">The application's stream.</param>
    /// <exception cref="ArgumentException">The stream name is the default value.</exception>
    public static AidApplication CreateEmpty(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
        return new AidApplication(stream);
    }

    /// <summary>A repository that loads and saves applications in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<AidApplication, AidApplicationEvent> Repository(IRecordStore store) => new(store, CreateEmpty);

    /// <summary>Submits an application (its first event, <see cref="ApplicationSubmitted"/>).</summary>
    /// <param name="id">The application id; not empty.</param>
    /// <param name="request">What is applied for; its programme must be <paramref name="programme"/>.</param>
    /// <param name="programme">The programme.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="application">The new application with one unsaved event, or null when refused.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.NotEligible"/>; <see cref="AidResult.RelatedStaffExcluded"/>
    /// when the handler is the related member of staff; <see cref="AidResult.UrgentAidNotAllowed"/> for urgent aid in a
    /// programme that pays none.</returns>
    /// <exception cref="ArgumentException">The id is empty or the request is for another programme.</exception>
    public static AidResult Submit(AidApplicationId id, AidRequest request, AidProgramme programme, Instant now, out AidApplication? application)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(programme);
        if (request.Programme != programme.Id) throw new ArgumentException("The request is for another programme.", nameof(programme));
        var stream = StreamFor(id);
        application = null;
        if (!programme.Terms.IsEligible(request.Beneficiary)) return AidResult.NotEligible;
        if (request.RelatedStaff == request.Handler) return AidResult.RelatedStaffExcluded;
        if (request.IsUrgent && programme.Terms.UrgentLimit.IsZero) return AidResult.UrgentAidNotAllowed;
        var b = request.Beneficiary;
        application = new AidApplication(stream);
        application.Raise(new ApplicationSubmitted(
            id, request.Programme, b.Id, b.Kind, b.MaskedName, b.HouseholdSize, b.Community, b.Category, b.School,
            request.Cause, request.Requested, request.Handler, request.RelatedStaff, request.IsUrgent, now));
        return AidResult.Ok;
    }

    /// <summary>The request this application was submitted with.</summary>
    public AidRequest Request => new(Programme, Beneficiary, Cause, Requested, Handler, RelatedStaff, IsUrgent);

    /// <summary>True when <paramref name="staff"/> reviewed the application: an initial or separate review, or the
    /// re-review of an objection.</summary>
    /// <param name="staff">The member of staff.</param>
    public bool IsReviewer(StaffId staff) => _reviews.Exists(r => r.Reviewer == staff) || _objections.Exists(o => o.ResolvedBy == staff);

    /// <summary>The live amount paid on an instalment (net of reversals).</summary>
    /// <param name="instalment">The instalment's number, from 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such instalment.</exception>
    public Money PaidOn(int instalment)
    {
        Guard.Against.OutOfRange(instalment, nameof(instalment), 1, _instalments.Count);
        return Money.FromFen(_paidOn[instalment - 1]);
    }

    /// <summary>True when the revocation cancelled the instalment (it falls due on or after the effective date).</summary>
    /// <param name="instalment">The instalment's number, from 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such instalment.</exception>
    public bool IsCancelled(int instalment)
    {
        Guard.Against.OutOfRange(instalment, nameof(instalment), 1, _instalments.Count);
        return Revocation is { } r && _instalments[instalment - 1].DueOn >= r.EffectiveFrom;
    }

    /// <summary>What remains committed: the approved amount less what the revocation (and reversals of cancelled
    /// instalments) released. Equals the programme's commitment for the application.</summary>
    public Money CommittedAmount
    {
        get
        {
            if (!IsPayable) return Money.Zero;
            long fen = 0;
            for (var i = 1; i <= _instalments.Count; i++) fen += IsCancelled(i) ? _paidOn[i - 1] : _instalments[i - 1].Amount.Fen;
            return Money.FromFen(fen);
        }
    }

    /// <summary>A payment by id.</summary>
    /// <param name="id">The payment.</param>
    /// <param name="payment">The payment, if found.</param>
    public bool TryGetPayment(PaymentId id, out AidPayment payment) => _payments.TryGetValue(id, out payment!);

    // ------------------------------------------------------------------------------------------------------------
    // Review, first opinion, notice
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Records a review. Initial reviews (at least <see cref="MinReviewers"/> distinct reviewers) come before the
    /// first opinion; an application involving a relative of staff also needs one separate review, by someone who is
    /// neither its handler nor an initial reviewer.</summary>
    /// <param name="reviewer">The reviewer; not empty.</param>
    /// <param name="kind">Initial or separate.</param>
    /// <param name="finding">What the reviewer found; not blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same review again;
    /// <see cref="AidResult.UrgentApplication"/>; <see cref="AidResult.ApplicationDecided"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>; <see cref="AidResult.ReviewsClosed"/>;
    /// <see cref="AidResult.AlreadyReviewed"/>; <see cref="AidResult.SeparateReviewNotRequired"/>;
    /// <see cref="AidResult.SeparateReviewerNotIndependent"/>.</returns>
    /// <exception cref="ArgumentException">The reviewer is empty or the finding blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is undefined.</exception>
    public AidResult Review(StaffId reviewer, ReviewKind kind, string finding, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, reviewer, "A reviewer id must not be empty.", nameof(reviewer));
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined review kind.");
        Guard.Against.NullOrWhiteSpace(finding);
        var same = _reviews.Find(r => r.Reviewer == reviewer && r.Kind == kind);
        if (same is not null && string.Equals(same.Finding, finding, StringComparison.Ordinal)) return AidResult.AlreadyDone;
        var open = CheckOpen(reviewer);
        if (open != AidResult.Ok) return open;
        if (FirstOpinion is not null) return AidResult.ReviewsClosed;
        if (same is not null) return AidResult.AlreadyReviewed;
        var separate = SeparateReview;
        if (kind == ReviewKind.Separate)
        {
            if (!InvolvesStaffRelative) return AidResult.SeparateReviewNotRequired;
            if (separate is not null) return AidResult.AlreadyReviewed;
            if (reviewer == Handler || _reviews.Exists(r => r.Reviewer == reviewer)) return AidResult.SeparateReviewerNotIndependent;
        }
        else if (separate?.Reviewer == reviewer)
        {
            return AidResult.SeparateReviewerNotIndependent;
        }

        Raise(new ApplicationReviewed(reviewer, kind, finding, now));
        return AidResult.Ok;
    }

    /// <summary>Gives the first opinion: proposes the schedule of instalments the notice will publish and the approval
    /// will approve. Needs <see cref="MinReviewers"/> distinct initial reviewers and, for an application involving a
    /// relative of staff, the separate review; every instalment must meet the programme's benefit standard for the
    /// household.</summary>
    /// <param name="by">Who gives it; not empty.</param>
    /// <param name="instalments">The schedule (see <see cref="AidSchedule"/>).</param>
    /// <param name="note">The opinion's text; not null.</param>
    /// <param name="programme">The application's programme.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same opinion again;
    /// <see cref="AidResult.UrgentApplication"/>; <see cref="AidResult.ApplicationDecided"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>; <see cref="AidResult.FirstOpinionAlreadyGiven"/>;
    /// <see cref="AidResult.TooFewReviewers"/>; <see cref="AidResult.SeparateReviewRequired"/>;
    /// <see cref="AidResult.OutsideBenefitStandard"/>.</returns>
    /// <exception cref="ArgumentException">An id is empty, the schedule malformed (see <see cref="AidSchedule.Total"/>),
    /// or the programme another.</exception>
    public AidResult GiveFirstOpinion(StaffId by, IReadOnlyList<AidInstalment> instalments, string note, AidProgramme programme, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "A staff id must not be empty.", nameof(by));
        AidSchedule.Total(instalments, nameof(instalments));
        Guard.Against.Null(note);
        CheckProgramme(programme);
        if (FirstOpinion is { } given)
        {
            return given.By == by && given.Instalments.SequenceEqual(instalments) && string.Equals(given.Note, note, StringComparison.Ordinal)
                ? AidResult.AlreadyDone
                : AidResult.FirstOpinionAlreadyGiven;
        }

        var open = CheckOpen(by);
        if (open != AidResult.Ok) return open;
        if (InitialReviewerCount < MinReviewers) return AidResult.TooFewReviewers;
        if (InvolvesStaffRelative && SeparateReview is null) return AidResult.SeparateReviewRequired;
        foreach (var instalment in instalments)
        {
            if (!programme.Terms.Standard.Allows(instalment.Amount, Beneficiary.HouseholdSize)) return AidResult.OutsideBenefitStandard;
        }

        Raise(new FirstOpinionGiven(by, [.. instalments], note, now));
        return AidResult.Ok;
    }

    /// <summary>Publishes the public notice (公示) of the first opinion, from today for the programme's
    /// <see cref="ProgrammeTerms.NoticeDays"/>.</summary>
    /// <param name="by">Who publishes it; not empty.</param>
    /// <param name="programme">The application's programme.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> when the same person published it;
    /// <see cref="AidResult.NoticeAlreadyPublished"/>; <see cref="AidResult.UrgentApplication"/>;
    /// <see cref="AidResult.ApplicationDecided"/>; <see cref="AidResult.RelatedStaffExcluded"/>;
    /// <see cref="AidResult.FirstOpinionRequired"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the programme another.</exception>
    public AidResult PublishNotice(StaffId by, AidProgramme programme, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "A staff id must not be empty.", nameof(by));
        CheckProgramme(programme);
        if (Notice is { } published) return published.By == by ? AidResult.AlreadyDone : AidResult.NoticeAlreadyPublished;
        var open = CheckOpen(by);
        if (open != AidResult.Ok) return open;
        if (FirstOpinion is null) return AidResult.FirstOpinionRequired;
        var today = programme.Terms.DateOf(now);
        Raise(new NoticePublished(by, today, today.PlusDays(programme.Terms.NoticeDays), now));
        return AidResult.Ok;
    }

    /// <summary>Lodges an objection while the notice runs. The objector is not recorded.</summary>
    /// <param name="summary">What the objection says; not blank.</param>
    /// <param name="programme">The application's programme.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/> (the objection is the last of <see cref="Objections"/>);
    /// <see cref="AidResult.UrgentApplication"/>; <see cref="AidResult.ApplicationDecided"/>;
    /// <see cref="AidResult.NoticeNotPublished"/>; <see cref="AidResult.NoticePeriodOver"/>.</returns>
    /// <exception cref="ArgumentException">The summary is blank or the programme another.</exception>
    public AidResult LodgeObjection(string summary, AidProgramme programme, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(summary);
        CheckProgramme(programme);
        if (IsUrgent) return AidResult.UrgentApplication;
        if (IsDecided) return AidResult.ApplicationDecided;
        if (Notice is not { } notice) return AidResult.NoticeNotPublished;
        if (programme.Terms.DateOf(now) >= notice.EndsOn) return AidResult.NoticePeriodOver;
        Raise(new ObjectionLodged(_objections.Count + 1, summary, now));
        return AidResult.Ok;
    }

    /// <summary>Re-reviews an objection (复核) and upholds or dismisses it. Upholding it rejects the application, with
    /// the finding as the reason.</summary>
    /// <param name="sequence">The objection's number.</param>
    /// <param name="reviewer">The re-reviewer; not empty. They count as a reviewer for the four-eyes rule.</param>
    /// <param name="upheld">True to uphold the objection.</param>
    /// <param name="finding">What the re-review found; not blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same resolution again;
    /// <see cref="AidResult.ObjectionNotFound"/>; <see cref="AidResult.ObjectionAlreadyResolved"/>;
    /// <see cref="AidResult.ApplicationDecided"/>; <see cref="AidResult.RelatedStaffExcluded"/>.</returns>
    /// <exception cref="ArgumentException">The reviewer is empty or the finding blank.</exception>
    public AidResult ResolveObjection(int sequence, StaffId reviewer, bool upheld, string finding, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, reviewer, "A reviewer id must not be empty.", nameof(reviewer));
        Guard.Against.NullOrWhiteSpace(finding);
        var objection = sequence >= 1 && sequence <= _objections.Count ? _objections[sequence - 1] : null;
        if (objection is null) return AidResult.ObjectionNotFound;
        if (objection.Resolution is { } done)
        {
            return done.Reviewer == reviewer && done.Upheld == upheld && string.Equals(done.Finding, finding, StringComparison.Ordinal)
                ? AidResult.AlreadyDone
                : AidResult.ObjectionAlreadyResolved;
        }

        if (IsDecided) return AidResult.ApplicationDecided;
        if (reviewer == RelatedStaff) return AidResult.RelatedStaffExcluded;
        Raise(new ObjectionResolved(sequence, reviewer, upheld, finding, now));
        if (upheld) Raise(new ApplicationRejected(reviewer, $"Objection {sequence} upheld on re-review: {finding}", now));
        return AidResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Decision
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Approves the first opinion's schedule as noticed, after the notice period, and commits it to the
    /// programme's budget. Four eyes: the approver is neither the handler nor a reviewer (nor the related member of
    /// staff).</summary>
    /// <param name="approver">The approver; not empty.</param>
    /// <param name="programme">The application's programme; its budget is checked and, on success, committed.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> when the same approver approved it;
    /// <see cref="AidResult.UrgentApplication"/>; <see cref="AidResult.ApplicationDecided"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>; <see cref="AidResult.ApproverIsHandler"/>;
    /// <see cref="AidResult.ApproverIsReviewer"/>; <see cref="AidResult.FirstOpinionRequired"/>;
    /// <see cref="AidResult.NoticeNotPublished"/>; <see cref="AidResult.NoticePeriodNotElapsed"/>;
    /// <see cref="AidResult.ObjectionsUnresolved"/>; <see cref="AidResult.CauseAlreadyAidedThisYear"/>;
    /// <see cref="AidResult.BeneficiaryCapExceeded"/>; <see cref="AidResult.NoBudgetForPeriod"/>;
    /// <see cref="AidResult.BudgetExceeded"/>.</returns>
    /// <exception cref="ArgumentException">The approver is empty or the programme another.</exception>
    public AidResult Approve(StaffId approver, AidProgramme programme, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, approver, "An approver id must not be empty.", nameof(approver));
        CheckProgramme(programme);
        if (IsUrgent) return AidResult.UrgentApplication;
        if (Approval is { } approved) return approved.Approver == approver ? AidResult.AlreadyDone : AidResult.ApplicationDecided;
        if (Rejection is not null) return AidResult.ApplicationDecided;
        if (approver == RelatedStaff) return AidResult.RelatedStaffExcluded;
        if (approver == Handler) return AidResult.ApproverIsHandler;
        if (IsReviewer(approver)) return AidResult.ApproverIsReviewer;
        if (FirstOpinion is null) return AidResult.FirstOpinionRequired;
        if (Notice is not { } notice) return AidResult.NoticeNotPublished;
        var today = programme.Terms.DateOf(now);
        if (today < notice.EndsOn) return AidResult.NoticePeriodNotElapsed;
        if (_objections.Exists(static o => !o.IsResolved)) return AidResult.ObjectionsUnresolved;
        var periods = programme.PeriodsOf(_instalments);
        var committed = programme.CheckCommitment(Beneficiary.Id, Cause, today.Year, periods);
        if (committed != AidResult.Ok) return committed;
        programme.Commit(Id, Beneficiary.Id, Cause, today.Year, periods, now);
        Raise(new ApplicationApproved(approver, ProposedAmount, now));
        return AidResult.Ok;
    }

    /// <summary>Rejects the application, with a reason, at any stage before a decision.</summary>
    /// <param name="by">Who rejects it; not empty.</param>
    /// <param name="reason">Why; must not be blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same rejection again;
    /// <see cref="AidResult.ReasonRequired"/>; <see cref="AidResult.ApplicationDecided"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="ArgumentNullException">The reason is null.</exception>
    public AidResult Reject(StaffId by, string reason, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "A staff id must not be empty.", nameof(by));
        Guard.Against.Null(reason);
        if (Rejection is { } rejected && rejected.By == by && string.Equals(rejected.Reason, reason, StringComparison.Ordinal)) return AidResult.AlreadyDone;
        if (string.IsNullOrWhiteSpace(reason)) return AidResult.ReasonRequired;
        if (IsDecided) return AidResult.ApplicationDecided;
        if (by == RelatedStaff) return AidResult.RelatedStaffExcluded;
        Raise(new ApplicationRejected(by, reason, now));
        return AidResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Payments
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Pays an approved instalment, or part of it, from the programme's fund. The payment id is the idempotency
    /// key: the same payment again answers <see cref="AidResult.AlreadyDone"/> and pays nothing.</summary>
    /// <param name="payment">The payment id; not empty.</param>
    /// <param name="instalment">The instalment's number, from 1.</param>
    /// <param name="amount">The amount; positive, CNY, at most the instalment's unpaid remainder; null for the whole
    /// unpaid remainder. A repeat of a known payment id without an amount matches on the instalment alone.</param>
    /// <param name="programme">The application's programme.</param>
    /// <param name="funds">The ledger to pay on.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/>;
    /// <see cref="AidResult.PaymentExistsWithDifferentDetails"/>; <see cref="AidResult.NotApproved"/>;
    /// <see cref="AidResult.InstalmentNotFound"/>; <see cref="AidResult.InstalmentCancelled"/>;
    /// <see cref="AidResult.InstalmentNotDue"/>; <see cref="AidResult.ExceedsApproval"/> (also when nothing of the
    /// instalment is left unpaid); <see cref="AidResult.FundInsufficient"/>; <see cref="AidResult.PaymentIdTaken"/>;
    /// <see cref="AidResult.LedgerRejected"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty, the amount not CNY or the programme another.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public AidResult Pay(PaymentId payment, int instalment, Money? amount, AidProgramme programme, AidFunds funds, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, payment, "A payment id must not be empty.", nameof(payment));
        if (amount is { } given) AidAmounts.Positive(given, nameof(amount));
        CheckProgramme(programme);
        Guard.Against.Null(funds);
        if (_payments.TryGetValue(payment, out var known))
        {
            return known.Instalment == instalment && (amount is null || known.Amount == amount) ? AidResult.AlreadyDone : AidResult.PaymentExistsWithDifferentDetails;
        }

        if (!IsPayable) return AidResult.NotApproved;
        if (instalment < 1 || instalment > _instalments.Count) return AidResult.InstalmentNotFound;
        if (IsCancelled(instalment)) return AidResult.InstalmentCancelled;
        var due = _instalments[instalment - 1];
        if (programme.Terms.DateOf(now) < due.DueOn) return AidResult.InstalmentNotDue;
        var remaining = due.Amount.Fen - _paidOn[instalment - 1];
        var fen = amount?.Fen ?? remaining;
        if (fen <= 0 || fen > remaining) return AidResult.ExceedsApproval;
        var paid = funds.Pay(Programme, Beneficiary.Id, payment, Money.FromFen(fen), programme.Terms.Name);
        if (!paid.IsOk) return paid.Code;
        Raise(new PaymentMade(payment, instalment, Money.FromFen(fen), paid.At));
        return AidResult.Ok;
    }

    /// <summary>Reverses a payment, with a reason, by a ledger reversal (the payment stays in the record). Its
    /// instalment may then be paid again under a new payment id, unless the revocation cancelled it: then what the
    /// reversal returns is released from the programme's budget too.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="by">Who reverses it; not empty.</param>
    /// <param name="reason">Why; must not be blank. Kept in the event; the ledger's memo is a fixed text.</param>
    /// <param name="programme">The application's programme.</param>
    /// <param name="funds">The ledger.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for a reversed payment;
    /// <see cref="AidResult.PaymentNotFound"/>; <see cref="AidResult.ReasonRequired"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>; <see cref="AidResult.LedgerRejected"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the programme another.</exception>
    /// <exception cref="ArgumentNullException">The reason is null.</exception>
    public AidResult ReversePayment(PaymentId payment, StaffId by, string reason, AidProgramme programme, AidFunds funds, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "A staff id must not be empty.", nameof(by));
        Guard.Against.Null(reason);
        CheckProgramme(programme);
        Guard.Against.Null(funds);
        if (!_payments.TryGetValue(payment, out var paid)) return AidResult.PaymentNotFound;
        if (paid.IsReversed) return AidResult.AlreadyDone;
        if (string.IsNullOrWhiteSpace(reason)) return AidResult.ReasonRequired;
        if (by == RelatedStaff) return AidResult.RelatedStaffExcluded;
        var reversed = funds.Reverse(payment, ReversalMemo);
        if (!reversed.IsOk) return reversed.Code;
        if (IsCancelled(paid.Instalment))
        {
            programme.Release(Id, [new PeriodAmount(programme.PeriodOf(_instalments[paid.Instalment - 1].DueOn).Start, paid.Amount)], now);
        }

        Raise(new PaymentReversed(payment, by, reason, reversed.At));
        return AidResult.Ok;
    }

    /// <summary>Revokes the approval for future instalments only: instalments due on or after
    /// <paramref name="effectiveFrom"/> are cancelled and their unpaid remainder is released from the programme's
    /// budget; what was paid stays paid, and instalments due before stay payable.</summary>
    /// <param name="by">Who revokes it; not empty.</param>
    /// <param name="reason">Why; must not be blank.</param>
    /// <param name="effectiveFrom">The first due date cancelled; today (in the programme's zone) if null.</param>
    /// <param name="programme">The application's programme; its commitment is released.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for a revoked approval;
    /// <see cref="AidResult.NotApproved"/>; <see cref="AidResult.ReasonRequired"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>; <see cref="AidResult.RevocationBackdated"/>;
    /// <see cref="AidResult.NothingToRevoke"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the programme another.</exception>
    /// <exception cref="ArgumentNullException">The reason is null.</exception>
    public AidResult Revoke(StaffId by, string reason, LocalDate? effectiveFrom, AidProgramme programme, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "A staff id must not be empty.", nameof(by));
        Guard.Against.Null(reason);
        CheckProgramme(programme);
        if (Revocation is not null) return AidResult.AlreadyDone;
        if (!IsPayable) return AidResult.NotApproved;
        if (string.IsNullOrWhiteSpace(reason)) return AidResult.ReasonRequired;
        if (by == RelatedStaff) return AidResult.RelatedStaffExcluded;
        var today = programme.Terms.DateOf(now);
        var effective = effectiveFrom ?? today;
        if (effective < today) return AidResult.RevocationBackdated;
        var released = new List<AidInstalment>();
        for (var i = 0; i < _instalments.Count; i++)
        {
            var remaining = _instalments[i].Amount.Fen - _paidOn[i];
            if (_instalments[i].DueOn >= effective && remaining > 0) released.Add(_instalments[i] with { Amount = Money.FromFen(remaining) });
        }

        if (released.Count == 0) return AidResult.NothingToRevoke;
        programme.Release(Id, programme.PeriodsOf(released), now);
        Raise(new ApprovalRevoked(by, reason, effective, Money.FromFen(released.Sum(static r => r.Amount.Fen)), now));
        return AidResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Urgent aid
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Grants urgent aid and pays it at once (one instalment due today), within the programme's urgent limit,
    /// committing it to the budget like an approval; it is documented afterwards (<see cref="DocumentUrgent"/>).</summary>
    /// <param name="payment">The payment id; not empty.</param>
    /// <param name="authoriser">Who authorises it; not empty, not the handler.</param>
    /// <param name="amount">The amount; positive, CNY.</param>
    /// <param name="programme">The application's programme.</param>
    /// <param name="funds">The ledger to pay on.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same grant again;
    /// <see cref="AidResult.NotUrgent"/>; <see cref="AidResult.ApplicationDecided"/>;
    /// <see cref="AidResult.UrgentAidNotAllowed"/>; <see cref="AidResult.UrgentLimitExceeded"/>;
    /// <see cref="AidResult.RelatedStaffExcluded"/>; <see cref="AidResult.ApproverIsHandler"/>;
    /// <see cref="AidResult.CauseAlreadyAidedThisYear"/>; <see cref="AidResult.BeneficiaryCapExceeded"/>;
    /// <see cref="AidResult.NoBudgetForPeriod"/>; <see cref="AidResult.BudgetExceeded"/>;
    /// <see cref="AidResult.FundInsufficient"/>; <see cref="AidResult.PaymentIdTaken"/>;
    /// <see cref="AidResult.LedgerRejected"/>.</returns>
    /// <exception cref="ArgumentException">An id is empty, the amount not CNY or the programme another.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public AidResult GrantUrgent(PaymentId payment, StaffId authoriser, Money amount, AidProgramme programme, AidFunds funds, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, payment, "A payment id must not be empty.", nameof(payment));
        Guard.Against.Expression(static x => x.IsEmpty, authoriser, "An authoriser id must not be empty.", nameof(authoriser));
        AidAmounts.Positive(amount, nameof(amount));
        CheckProgramme(programme);
        Guard.Against.Null(funds);
        if (!IsUrgent) return AidResult.NotUrgent;
        if (UrgentGrant is { } granted)
        {
            return granted.AuthorisedBy == authoriser && granted.Amount == amount && _payments.ContainsKey(payment) ? AidResult.AlreadyDone : AidResult.ApplicationDecided;
        }

        if (Rejection is not null) return AidResult.ApplicationDecided;
        var limit = programme.Terms.UrgentLimit;
        if (limit.IsZero) return AidResult.UrgentAidNotAllowed;
        if (amount > limit) return AidResult.UrgentLimitExceeded;
        if (authoriser == RelatedStaff) return AidResult.RelatedStaffExcluded;
        if (authoriser == Handler) return AidResult.ApproverIsHandler;
        var today = programme.Terms.DateOf(now);
        var periods = programme.PeriodsOf(AidSchedule.Once(today, amount));
        var committed = programme.CheckCommitment(Beneficiary.Id, Cause, today.Year, periods);
        if (committed != AidResult.Ok) return committed;
        var paid = funds.Pay(Programme, Beneficiary.Id, payment, amount, programme.Terms.Name);
        if (!paid.IsOk) return paid.Code;
        programme.Commit(Id, Beneficiary.Id, Cause, today.Year, periods, now);
        Raise(new UrgentAidGranted(authoriser, amount, today, now));
        Raise(new PaymentMade(payment, 1, amount, paid.At));
        return AidResult.Ok;
    }

    /// <summary>Documents urgent aid after it was paid, by someone other than who authorised it.</summary>
    /// <param name="by">Who documents it; not empty.</param>
    /// <param name="evidence">A reference to the documents; not blank.</param>
    /// <param name="note">The documentation's text; not null.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same documentation again;
    /// <see cref="AidResult.NotUrgent"/>; <see cref="AidResult.UrgentAlreadyDocumented"/>;
    /// <see cref="AidResult.NotApproved"/> before the grant; <see cref="AidResult.RelatedStaffExcluded"/>;
    /// <see cref="AidResult.DocumenterIsAuthoriser"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the evidence blank.</exception>
    /// <exception cref="ArgumentNullException">The note is null.</exception>
    public AidResult DocumentUrgent(StaffId by, string evidence, string note, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "A staff id must not be empty.", nameof(by));
        Guard.Against.NullOrWhiteSpace(evidence);
        Guard.Against.Null(note);
        if (!IsUrgent) return AidResult.NotUrgent;
        if (UrgentDocumentation is { } documented)
        {
            return documented.By == by && string.Equals(documented.Evidence, evidence, StringComparison.Ordinal) && string.Equals(documented.Note, note, StringComparison.Ordinal)
                ? AidResult.AlreadyDone
                : AidResult.UrgentAlreadyDocumented;
        }

        if (UrgentGrant is not { } granted) return AidResult.NotApproved;
        if (by == RelatedStaff) return AidResult.RelatedStaffExcluded;
        if (by == granted.AuthorisedBy) return AidResult.DocumenterIsAuthoriser;
        Raise(new UrgentAidDocumented(by, evidence, note, now));
        return AidResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Deadlines
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The steps still to do and the last day each is on time: the first opinion, the notice, each open
    /// objection's re-review, the decision, each unpaid instalment's payment (not cancelled ones), and an urgent grant's
    /// documentation. None for a rejected application.</summary>
    /// <param name="terms">The programme's terms (for its zone).</param>
    /// <param name="rules">The deadline rules.</param>
    public IReadOnlyList<AidDeadline> OpenDeadlines(ProgrammeTerms terms, AidRules rules)
    {
        Guard.Against.Null(terms);
        Guard.Against.Null(rules);
        var deadlines = new List<AidDeadline>();
        if (Rejection is not null) return deadlines;
        var calendar = rules.Calendar;
        if (IsUrgent)
        {
            if (UrgentGrant is { } granted && UrgentDocumentation is null)
            {
                deadlines.Add(new AidDeadline(Id, AidDeadlineKind.UrgentDocumentation, calendar.AddWorkingDays(granted.DueOn, rules.UrgentDocumentationWorkingDays), 0));
            }
        }
        else if (Approval is null)
        {
            if (FirstOpinion is not { } opinion)
            {
                deadlines.Add(new AidDeadline(Id, AidDeadlineKind.FirstOpinion, calendar.AddWorkingDays(terms.DateOf(SubmittedAt), rules.OpinionWorkingDays), 0));
            }
            else if (Notice is not { } notice)
            {
                deadlines.Add(new AidDeadline(Id, AidDeadlineKind.Notice, calendar.AddWorkingDays(terms.DateOf(opinion.At), rules.NoticeWorkingDays), 0));
            }
            else
            {
                foreach (var o in _objections)
                {
                    if (!o.IsResolved) deadlines.Add(new AidDeadline(Id, AidDeadlineKind.ReReview, calendar.AddWorkingDays(terms.DateOf(o.LodgedAt), rules.ReReviewWorkingDays), o.Sequence));
                }

                if (deadlines.Count == 0)
                {
                    deadlines.Add(new AidDeadline(Id, AidDeadlineKind.Decision, calendar.AddWorkingDays(notice.EndsOn.PlusDays(-1), rules.DecisionWorkingDays), 0));
                }
            }
        }

        if (IsPayable)
        {
            for (var i = 1; i <= _instalments.Count; i++)
            {
                if (IsCancelled(i) || _paidOn[i - 1] >= _instalments[i - 1].Amount.Fen) continue;
                deadlines.Add(new AidDeadline(Id, AidDeadlineKind.Payment, calendar.AddWorkingDays(_instalments[i - 1].DueOn, rules.PaymentWorkingDays), i));
            }
        }

        return deadlines;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public override ItemKey ItemKeyOf(AidApplicationEvent e)
        => e is PaymentMade paid ? new ItemKey(PaymentScope, paid.PaymentId.Value) : default;

    /// <inheritdoc />
    protected override void Apply(AidApplicationEvent e)
    {
        switch (e)
        {
            case ApplicationSubmitted submitted:
                _submitted = submitted;
                Id = submitted.ApplicationId;
                Beneficiary = AidBeneficiary.Restore(submitted.Beneficiary, submitted.BeneficiaryKind, submitted.MaskedName, submitted.HouseholdSize, submitted.Community, submitted.Category, submitted.School);
                break;
            case ApplicationReviewed reviewed:
                _reviews.Add(reviewed);
                break;
            case FirstOpinionGiven opinion:
                FirstOpinion = opinion;
                SetSchedule(opinion.Instalments);
                break;
            case NoticePublished notice:
                Notice = notice;
                break;
            case ObjectionLodged lodged:
                _objections.Add(new AidObjection(lodged));
                break;
            case ObjectionResolved resolved:
                _objections[resolved.Sequence - 1].Resolve(resolved);
                break;
            case ApplicationApproved approved:
                Approval = approved;
                break;
            case ApplicationRejected rejected:
                Rejection = rejected;
                break;
            case UrgentAidGranted granted:
                UrgentGrant = granted;
                SetSchedule(AidSchedule.Once(granted.DueOn, granted.Amount));
                break;
            case UrgentAidDocumented documented:
                UrgentDocumentation = documented;
                break;
            case PaymentMade paid:
                var payment = new AidPayment(paid);
                _payments.Add(paid.PaymentId, payment);
                _paymentList.Add(payment);
                _paidOn[paid.Instalment - 1] += paid.Amount.Fen;
                break;
            case PaymentReversed reversal:
                var reversed = _payments[reversal.PaymentId];
                reversed.Reverse(reversal);
                _paidOn[reversed.Instalment - 1] -= reversed.Amount.Fen;
                break;
            case ApprovalRevoked revoked:
                Revocation = revoked;
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} is not an application event this version knows.", nameof(e));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Approved, rejected, or granted as urgent aid.</summary>
    private bool IsDecided => Approval is not null || Rejection is not null || UrgentGrant is not null;

    /// <summary>The checks every step of the ordinary workflow before the decision shares.</summary>
    private AidResult CheckOpen(StaffId staff)
    {
        if (IsUrgent) return AidResult.UrgentApplication;
        if (IsDecided) return AidResult.ApplicationDecided;
        return staff == RelatedStaff ? AidResult.RelatedStaffExcluded : AidResult.Ok;
    }

    private void CheckProgramme(AidProgramme programme)
    {
        Guard.Against.Null(programme);
        if (programme.Id != Programme) throw new ArgumentException($"Application {Id} belongs to programme {Programme}, not {programme.Id}.", nameof(programme));
    }

    private void SetSchedule(IReadOnlyList<AidInstalment> instalments)
    {
        _instalments = instalments;
        _paidOn = new long[instalments.Count];
        ProposedAmount = Money.FromFen(instalments.Sum(static i => i.Amount.Fen));
    }
}

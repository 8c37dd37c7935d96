using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Activities;

/// <summary>
/// A volunteer activity (志愿服务活动) and the participations in it, kept as the national volunteer-record rules require:
/// sign-up, check-in and check-out, the service time the organisation credits, evaluation, witness or recipient
/// confirmation, corrections reported by volunteers and checked by the organisation, and verification, which credits
/// the time bank once per participation. An event-sourced aggregate in the stream <c>activity-{id}</c>.
/// </summary>
/// <remarks>
/// <para>Every command checks its rules and either raises one event and answers <see cref="ActivityResult.Ok"/>, or
/// raises nothing and answers <see cref="ActivityResult.AlreadyDone"/> (an idempotent repeat) or the code of the rule
/// that refused it. Programmer errors (empty ids, null arguments, a negative count) throw guard exceptions.</para>
/// <para>The aggregate does no I/O and reads no clock: the caller passes the current instant. Crediting the ledger is
/// passed in as a function (see <see cref="ActivityCrediting"/>), called only after every rule of the activity has
/// passed; <see cref="ActivityDesk"/> wires both and saves the events and the ledger entries in one unit of work.</para>
/// <para>Service and evaluation entries are due by <see cref="RecordingDeadline"/>; a later entry is accepted only as a
/// correction with a reason. Once verified, a participation's service time changes only through a correction the
/// volunteer requested and the organisation accepted; the original entries stay in the stream.</para>
/// <para>Not thread-safe: load, change and save in one flow.</para>
/// </remarks>
public sealed class Activity : AggregateRoot<ActivityEvent>
{
    /// <summary>The stream category: an activity's stream is <c>activity-{id:N}</c>.</summary>
    public const string StreamCategory = "activity";

    /// <summary>The item-key scope a sign-up claims with its participation id, so one participation id belongs to one
    /// activity only.</summary>
    public const string SignUpScope = "participation";

    /// <summary>The item-key scope a verification claims with its participation id, so a participation is verified (and
    /// credited) at most once in a store.</summary>
    public const string VerifiedScope = "participation.verified";

    /// <summary>The item-key scope an accepted correction claims (with an id derived from the participation id and the
    /// correction's sequence number).</summary>
    public const string CorrectionScope = "participation.corrected";

    /// <summary>The highest rating of an evaluation.</summary>
    public const int MaxRating = 5;

    private readonly Dictionary<ParticipationId, Participation> _participations = [];
    private readonly List<Participation> _ordered = [];
    private ActivityDetails? _details;

    private Activity(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The activity id.</summary>
    public ActivityId Id { get; private set; }

    /// <summary>What was planned.</summary>
    /// <exception cref="InvalidOperationException">The aggregate is empty (nothing loaded or planned).</exception>
    public ActivityDetails Details => _details ?? throw new InvalidOperationException("The activity has not been planned.");

    /// <summary>When it was planned.</summary>
    public Instant PlannedAt { get; private set; }

    /// <summary>People served (服务人次) as the organiser last recorded it; 0 until recorded.</summary>
    public int Beneficiaries { get; private set; }

    /// <summary>When the number of people served was last recorded, or null.</summary>
    public Instant? BeneficiariesRecordedAt { get; private set; }

    /// <summary>True once cancelled.</summary>
    public bool IsCancelled => CancelledAt is not null;

    /// <summary>When it was cancelled, or null.</summary>
    public Instant? CancelledAt { get; private set; }

    /// <summary>Why it was cancelled, or null.</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>The participations, in sign-up order (withdrawn ones included).</summary>
    public IReadOnlyList<Participation> Participations => _ordered;

    /// <summary>The participations that hold a place: all but the withdrawn ones.</summary>
    public int ActiveParticipantCount { get; private set; }

    /// <summary>The sanity bound on credited service time: the activity's duration from start to end, in whole minutes
    /// (rounded down). A volunteer cannot be credited more time than the activity lasted, however long they stayed on
    /// site; a multi-day activity therefore allows at most its full span.</summary>
    public TimeCredit MaxCreditedTime => TimeCredit.FromMinutes((long)Math.Floor(Details.Interval.Duration.TotalMinutes));

    /// <summary>The stream of an activity.</summary>
    /// <param name="id">The activity; not empty.</param>
    public static StreamName StreamFor(ActivityId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "An activity id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>An empty aggregate for a stream, for <see cref="AggregateRepository{TAggregate, TEvent}"/> to load events
    /// into; not a planned activity until its <see cref="ActivityPlanned"/> event is applied.</summary>
    /// <param name="stream">The activity's stream.</param>
    /// <exception cref="ArgumentException">The stream name is the default value.</exception>
    public static Activity CreateEmpty(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
        return new Activity(stream);
    }

    /// <summary>A repository that loads and saves activities in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<Activity, ActivityEvent> Repository(IRecordStore store) => new(store, CreateEmpty);

    /// <summary>Plans an activity (its first event, <see cref="ActivityPlanned"/>).</summary>
    /// <param name="id">The activity id; not empty.</param>
    /// <param name="details">What is planned.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The new activity with one unsaved event.</returns>
    public static Activity Plan(ActivityId id, ActivityDetails details, Instant now)
    {
        Guard.Against.Null(details);
        var activity = new Activity(StreamFor(id));
        activity.Raise(new ActivityPlanned(
            id, details.Name, details.Category, details.Unit, details.Team, details.Leader, details.Location,
            details.Start, details.End, details.TimeZone.Id, details.Capacity, details.Kind, details.IsVolunteerService, now));
        return activity;
    }

    /// <summary>Looks up a participation.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="participation">The participation, if found.</param>
    public bool TryGetParticipation(ParticipationId id, out Participation participation)
        => _participations.TryGetValue(id, out participation!);

    /// <summary>True when the activity has ended at <paramref name="now"/> (now is at or after its end).</summary>
    /// <param name="now">The instant.</param>
    public bool HasEnded(Instant now) => now >= Details.EndInstant;

    /// <summary>The last date (in the activity's time zone) on which service and evaluation entries are on time: the
    /// <see cref="ActivityRules.RecordingWorkingDays"/>-th working day after the local end date.</summary>
    /// <param name="rules">The rules with the calendar.</param>
    public LocalDate RecordingDeadline(ActivityRules rules)
    {
        Guard.Against.Null(rules);
        return rules.Calendar.AddWorkingDays(Details.End.Date, rules.RecordingWorkingDays);
    }

    /// <summary>True when an entry made at <paramref name="at"/> is on time: its date in the activity's time zone is not
    /// after <see cref="RecordingDeadline"/>.</summary>
    /// <param name="at">When the entry is made.</param>
    /// <param name="rules">The rules.</param>
    public bool IsWithinRecordingDeadline(Instant at, ActivityRules rules)
        => at.InZone(Details.TimeZone).Date <= RecordingDeadline(rules);

    // ------------------------------------------------------------------------------------------------------------
    // The activity
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Records the number of people served (服务人次); a later count replaces an earlier one.</summary>
    /// <param name="count">People served; zero or more.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for the count already
    /// recorded; <see cref="ActivityResult.ActivityCancelled"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="count"/> is negative.</exception>
    public ActivityResult RecordBeneficiaries(int count, Instant now)
    {
        Guard.Against.Negative(count);
        if (IsCancelled) return ActivityResult.ActivityCancelled;
        if (BeneficiariesRecordedAt is not null && Beneficiaries == count) return ActivityResult.AlreadyDone;
        Raise(new BeneficiariesRecorded(count, now));
        return ActivityResult.Ok;
    }

    /// <summary>Cancels the activity before its end.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/>;
    /// <see cref="ActivityResult.ActivityEnded"/>.</returns>
    public ActivityResult Cancel(string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        if (IsCancelled) return ActivityResult.AlreadyDone;
        if (HasEnded(now)) return ActivityResult.ActivityEnded;
        Raise(new ActivityCancelled(reason, now));
        return ActivityResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sign-up, check-in, check-out
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Signs a volunteer up (报名) before the activity ends.</summary>
    /// <param name="id">The new participation's id; claimed in the store, so it cannot be used in another activity.</param>
    /// <param name="volunteer">The volunteer.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for the same id and volunteer;
    /// <see cref="ActivityResult.ParticipationExistsWithDifferentVolunteer"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ActivityEnded"/>; <see cref="ActivityResult.AlreadySignedUp"/>;
    /// <see cref="ActivityResult.CapacityReached"/>.</returns>
    public ActivityResult SignUp(ParticipationId id, VolunteerId volunteer, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A participation id must not be empty.", nameof(id));
        Guard.Against.Expression(static x => x.IsEmpty, volunteer, "A volunteer id must not be empty.", nameof(volunteer));
        if (_participations.TryGetValue(id, out var existing))
        {
            return existing.Volunteer == volunteer ? ActivityResult.AlreadyDone : ActivityResult.ParticipationExistsWithDifferentVolunteer;
        }

        if (IsCancelled) return ActivityResult.ActivityCancelled;
        if (HasEnded(now)) return ActivityResult.ActivityEnded;
        foreach (var p in _ordered)
        {
            if (p.Volunteer == volunteer && p.Status != ParticipationStatus.Withdrawn) return ActivityResult.AlreadySignedUp;
        }

        if (ActiveParticipantCount >= Details.Capacity) return ActivityResult.CapacityReached;
        Raise(new ParticipantSignedUp(id, volunteer, now));
        return ActivityResult.Ok;
    }

    /// <summary>Withdraws a sign-up before check-in and before the activity ends, freeing the place.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/>;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.AlreadyCheckedIn"/>; <see cref="ActivityResult.ActivityEnded"/>.</returns>
    public ActivityResult Withdraw(ParticipationId id, Instant now)
    {
        if (!_participations.TryGetValue(id, out var p)) return ActivityResult.ParticipationNotFound;
        if (p.Status == ParticipationStatus.Withdrawn) return ActivityResult.AlreadyDone;
        if (IsCancelled) return ActivityResult.ActivityCancelled;
        if (p.HasCheckedIn) return ActivityResult.AlreadyCheckedIn;
        if (HasEnded(now)) return ActivityResult.ActivityEnded;
        Raise(new ParticipantWithdrew(id, now));
        return ActivityResult.Ok;
    }

    /// <summary>Checks a participant in (签到). Also possible on activities that are not volunteer service (attendance).</summary>
    /// <param name="id">The participation.</param>
    /// <param name="at">The check-in instant (a kiosk may report it later than it happened).</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for the same instant;
    /// <see cref="ActivityResult.AlreadyCheckedIn"/> for another; <see cref="ActivityResult.ParticipationNotFound"/>;
    /// <see cref="ActivityResult.ActivityCancelled"/>; <see cref="ActivityResult.ParticipationWithdrawn"/>.</returns>
    public ActivityResult CheckIn(ParticipationId id, Instant at)
    {
        var found = Find(id, out var p);
        if (found != ActivityResult.Ok) return found;
        if (p.CheckedInAt is { } checkedIn) return checkedIn == at ? ActivityResult.AlreadyDone : ActivityResult.AlreadyCheckedIn;
        Raise(new ParticipantCheckedIn(id, at));
        return ActivityResult.Ok;
    }

    /// <summary>Checks a participant out (签退).</summary>
    /// <param name="id">The participation.</param>
    /// <param name="at">The check-out instant; not before the check-in.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for the same instant;
    /// <see cref="ActivityResult.AlreadyCheckedOut"/> for another; <see cref="ActivityResult.NotCheckedIn"/>;
    /// <see cref="ActivityResult.CheckOutBeforeCheckIn"/>; <see cref="ActivityResult.ParticipationNotFound"/>;
    /// <see cref="ActivityResult.ActivityCancelled"/>; <see cref="ActivityResult.ParticipationWithdrawn"/>.</returns>
    public ActivityResult CheckOut(ParticipationId id, Instant at)
    {
        var found = Find(id, out var p);
        if (found != ActivityResult.Ok) return found;
        if (p.CheckedInAt is not { } checkedIn) return ActivityResult.NotCheckedIn;
        if (p.CheckedOutAt is { } checkedOut) return checkedOut == at ? ActivityResult.AlreadyDone : ActivityResult.AlreadyCheckedOut;
        if (at < checkedIn) return ActivityResult.CheckOutBeforeCheckIn;
        Raise(new ParticipantCheckedOut(id, at));
        return ActivityResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Service entries
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The organiser records the service time it credits for a participant (the time actually given; it need not
    /// match the check-in span). A later entry replaces an earlier one until the participation is verified.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="creditedTime">The credited time: positive, at most <see cref="MaxCreditedTime"/>.</param>
    /// <param name="now">When the entry is made.</param>
    /// <param name="rules">The rules (recording deadline).</param>
    /// <param name="correctionReason">For an entry after the recording deadline, why it is late (it is then recorded as a
    /// correction); ignored when on time.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for the time already recorded;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.NotVolunteerService"/>;
    /// <see cref="ActivityResult.ActivityNotEnded"/>; <see cref="ActivityResult.AlreadyVerified"/>;
    /// <see cref="ActivityResult.NotCheckedIn"/>; <see cref="ActivityResult.CreditedTimeOutOfRange"/>;
    /// <see cref="ActivityResult.CorrectionPending"/>; <see cref="ActivityResult.RecordingDeadlinePassed"/>;
    /// <see cref="ActivityResult.CorrectionReasonRequired"/> (late, with a blank reason).</returns>
    public ActivityResult RecordServiceTime(ParticipationId id, TimeCredit creditedTime, Instant now, ActivityRules rules, string? correctionReason = null)
    {
        Guard.Against.Null(rules);
        var found = FindForService(id, now, out var p);
        if (found != ActivityResult.Ok) return found;
        if (p.IsVerified) return p.CreditedTime == creditedTime ? ActivityResult.AlreadyDone : ActivityResult.AlreadyVerified;
        if (!p.HasCheckedIn) return ActivityResult.NotCheckedIn;
        if (!IsCreditable(creditedTime)) return ActivityResult.CreditedTimeOutOfRange;
        if (p.CreditedTime == creditedTime) return ActivityResult.AlreadyDone;
        if (p.PendingCorrection is not null) return ActivityResult.CorrectionPending;
        var late = LateEntryReason(now, rules, correctionReason, out var reason);
        if (late != ActivityResult.Ok) return late;
        Raise(new ServiceTimeRecorded(id, creditedTime, now, reason));
        return ActivityResult.Ok;
    }

    /// <summary>The organiser evaluates a participant's service (rating and date); a later evaluation replaces an earlier
    /// one. The date is today in the activity's time zone.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="rating">1 to 5 stars.</param>
    /// <param name="now">When the evaluation is made.</param>
    /// <param name="rules">The rules (recording deadline).</param>
    /// <param name="correctionReason">For an evaluation after the recording deadline, why it is late; ignored when on
    /// time.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for the rating already given;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.NotVolunteerService"/>;
    /// <see cref="ActivityResult.ActivityNotEnded"/>; <see cref="ActivityResult.NotCheckedIn"/>;
    /// <see cref="ActivityResult.RatingOutOfRange"/>; <see cref="ActivityResult.RecordingDeadlinePassed"/>;
    /// <see cref="ActivityResult.CorrectionReasonRequired"/>.</returns>
    public ActivityResult Evaluate(ParticipationId id, int rating, Instant now, ActivityRules rules, string? correctionReason = null)
    {
        Guard.Against.Null(rules);
        var found = FindForService(id, now, out var p);
        if (found != ActivityResult.Ok) return found;
        if (!p.HasCheckedIn) return ActivityResult.NotCheckedIn;
        if (rating is < 1 or > MaxRating) return ActivityResult.RatingOutOfRange;
        if (p.Rating == rating) return ActivityResult.AlreadyDone;
        var late = LateEntryReason(now, rules, correctionReason, out var reason);
        if (late != ActivityResult.Ok) return late;
        Raise(new ParticipationEvaluated(id, rating, now.InZone(Details.TimeZone).Date, now, reason));
        return ActivityResult.Ok;
    }

    /// <summary>A witness or the person served confirms that the participant gave the service. The first confirmation
    /// stands; a later one answers <see cref="ActivityResult.AlreadyDone"/>.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="by">Who confirms; not the participant.</param>
    /// <param name="role">In what capacity.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/>;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.NotVolunteerService"/>;
    /// <see cref="ActivityResult.NotCheckedIn"/>; <see cref="ActivityResult.ConfirmerIsParticipant"/>.</returns>
    public ActivityResult Confirm(ParticipationId id, VolunteerId by, ConfirmerRole role, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "The confirmer's id must not be empty.", nameof(by));
        if (!Enum.IsDefined(role)) throw new ArgumentOutOfRangeException(nameof(role), role, "Not a defined confirmer role.");
        var found = Find(id, out var p);
        if (found != ActivityResult.Ok) return found;
        if (!Details.IsVolunteerService) return ActivityResult.NotVolunteerService;
        if (p.ConfirmedBy is not null) return ActivityResult.AlreadyDone;
        if (!p.HasCheckedIn) return ActivityResult.NotCheckedIn;
        if (by == p.Volunteer) return ActivityResult.ConfirmerIsParticipant;
        Raise(new ParticipationConfirmed(id, by, role, now));
        return ActivityResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Verification
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The organisation verifies a participation: after every rule here passes, <paramref name="credit"/>
    /// credits the recorded service time to the time bank, and only if it succeeds is
    /// <see cref="ParticipationVerified"/> raised. A verified participation answers <see cref="ActivityResult.AlreadyDone"/>
    /// without calling <paramref name="credit"/>, so repeating verification never credits twice.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="rules">The rules (confirmation requirement).</param>
    /// <param name="credit">Credits the participation's <see cref="Participation.CreditedTime"/> (usually
    /// <see cref="ActivityCrediting.CreditVerified"/>); must split exactly that time between the volunteer and the pool.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/>;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.NotVolunteerService"/>;
    /// <see cref="ActivityResult.ActivityNotEnded"/>; <see cref="ActivityResult.ServiceTimeNotRecorded"/>;
    /// <see cref="ActivityResult.CorrectionPending"/>; <see cref="ActivityResult.NotConfirmed"/>; or the crediting's
    /// refusal (<see cref="ActivityResult.ProfileNotFound"/>, <see cref="ActivityResult.DepositorTooYoung"/>,
    /// <see cref="ActivityResult.AccountCapReached"/>, ...).</returns>
    /// <exception cref="InvalidOperationException"><paramref name="credit"/> reported a split that does not add up to
    /// the credited time.</exception>
    public ActivityResult Verify(ParticipationId id, Instant now, ActivityRules rules, Func<Participation, ActivityCreditOutcome> credit)
    {
        Guard.Against.Null(rules);
        Guard.Against.Null(credit);
        if (_participations.TryGetValue(id, out var verified) && verified.IsVerified) return ActivityResult.AlreadyDone;
        var found = FindForService(id, now, out var p);
        if (found != ActivityResult.Ok) return found;
        if (p.CreditedTime is not { } credited) return ActivityResult.ServiceTimeNotRecorded;
        if (p.PendingCorrection is not null) return ActivityResult.CorrectionPending;
        if (rules.RequireConfirmation && p.ConfirmedBy is null) return ActivityResult.NotConfirmed;
        var outcome = credit(p);
        if (!outcome.IsOk) return outcome.Code;
        CheckSplit(outcome, credited);
        Raise(new ParticipationVerified(id, p.Volunteer, credited, outcome.Deposited, outcome.ToPool, now));
        return ActivityResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Corrections
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The volunteer reports an error or omission in their service entry (a wrong or missing service time) and
    /// proposes the time to credit. Possible after the activity ends, at any time, one pending request at a time.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="by">The volunteer; must be the participation's.</param>
    /// <param name="reason">What is wrong or missing.</param>
    /// <param name="proposedCreditedTime">The time that should be credited: positive, at most
    /// <see cref="MaxCreditedTime"/>.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/> (the new request is <see cref="Participation.PendingCorrection"/>);
    /// <see cref="ActivityResult.AlreadyDone"/> for the same pending request again;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.NotVolunteerService"/>;
    /// <see cref="ActivityResult.ActivityNotEnded"/>; <see cref="ActivityResult.NotTheParticipant"/>;
    /// <see cref="ActivityResult.CorrectionReasonRequired"/>; <see cref="ActivityResult.CorrectionPending"/>;
    /// <see cref="ActivityResult.CreditedTimeOutOfRange"/>; <see cref="ActivityResult.NothingToCorrect"/>.</returns>
    public ActivityResult RequestCorrection(ParticipationId id, VolunteerId by, string reason, TimeCredit proposedCreditedTime, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, by, "The volunteer id must not be empty.", nameof(by));
        var found = FindForService(id, now, out var p);
        if (found != ActivityResult.Ok) return found;
        if (by != p.Volunteer) return ActivityResult.NotTheParticipant;
        if (string.IsNullOrWhiteSpace(reason)) return ActivityResult.CorrectionReasonRequired;
        if (p.PendingCorrection is { } pending)
        {
            return string.Equals(pending.Reason, reason, StringComparison.Ordinal) && pending.ProposedCreditedTime == proposedCreditedTime
                ? ActivityResult.AlreadyDone
                : ActivityResult.CorrectionPending;
        }

        if (!IsCreditable(proposedCreditedTime)) return ActivityResult.CreditedTimeOutOfRange;
        if (p.CreditedTime == proposedCreditedTime) return ActivityResult.NothingToCorrect;
        Raise(new CorrectionRequested(id, p.Corrections.Count + 1, by, reason, proposedCreditedTime, now));
        return ActivityResult.Ok;
    }

    /// <summary>The organisation checks a correction and accepts it: the participation's credited time becomes the
    /// proposal (or the organisation's <paramref name="amendedCreditedTime"/>). If the participation was verified,
    /// <paramref name="recredit"/> corrects the ledger first — a reversal of the live credit and a new credit, never an
    /// edit — and the acceptance is raised only if it succeeds. The earlier entries stay in the stream.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="sequence">The correction's number (<see cref="ParticipationCorrection.Sequence"/>).</param>
    /// <param name="reason">The organisation's reason.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="recredit">Called for a verified participation whose credited time changes, with the participation,
    /// the correction's sequence number and the new credited time (usually <see cref="ActivityCrediting.Recredit"/>);
    /// must split exactly the new time between the volunteer and the pool.</param>
    /// <param name="amendedCreditedTime">The time the organisation settles on, if not the proposal.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for an accepted correction;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.CorrectionNotFound"/>;
    /// <see cref="ActivityResult.CorrectionAlreadyDecided"/>; <see cref="ActivityResult.CorrectionReasonRequired"/>;
    /// <see cref="ActivityResult.CreditedTimeOutOfRange"/>; or the ledger correction's refusal
    /// (<see cref="ActivityResult.CreditAlreadySpent"/>, <see cref="ActivityResult.AccountCapReached"/>, ...).</returns>
    /// <exception cref="InvalidOperationException"><paramref name="recredit"/> reported a split that does not add up.</exception>
    public ActivityResult AcceptCorrection(
        ParticipationId id,
        int sequence,
        string reason,
        Instant now,
        Func<Participation, int, TimeCredit, ActivityCreditOutcome> recredit,
        TimeCredit? amendedCreditedTime = null)
    {
        Guard.Against.Null(recredit);
        var found = Find(id, out var p);
        if (found != ActivityResult.Ok) return found;
        if (p.FindCorrection(sequence) is not { } correction) return ActivityResult.CorrectionNotFound;
        switch (correction.Status)
        {
            case CorrectionStatus.Accepted: return ActivityResult.AlreadyDone;
            case CorrectionStatus.Rejected: return ActivityResult.CorrectionAlreadyDecided;
        }

        if (string.IsNullOrWhiteSpace(reason)) return ActivityResult.CorrectionReasonRequired;
        var credited = amendedCreditedTime ?? correction.ProposedCreditedTime;
        if (!IsCreditable(credited)) return ActivityResult.CreditedTimeOutOfRange;
        var previous = p.CreditedTime ?? TimeCredit.Zero;
        var outcome = default(ActivityCreditOutcome); // nothing moves on the ledger unless recredited
        var recredited = p.IsVerified && credited != previous;
        if (recredited)
        {
            outcome = recredit(p, sequence, credited);
            if (!outcome.IsOk) return outcome.Code;
            CheckSplit(outcome, credited);
        }

        Raise(new CorrectionAccepted(id, sequence, credited, previous, reason, recredited, outcome.Deposited, outcome.ToPool, now));
        return ActivityResult.Ok;
    }

    /// <summary>The organisation checks a correction and rejects it; nothing else changes.</summary>
    /// <param name="id">The participation.</param>
    /// <param name="sequence">The correction's number.</param>
    /// <param name="reason">The organisation's reason.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> for a rejected correction;
    /// <see cref="ActivityResult.ParticipationNotFound"/>; <see cref="ActivityResult.ActivityCancelled"/>;
    /// <see cref="ActivityResult.ParticipationWithdrawn"/>; <see cref="ActivityResult.CorrectionNotFound"/>;
    /// <see cref="ActivityResult.CorrectionAlreadyDecided"/>; <see cref="ActivityResult.CorrectionReasonRequired"/>.</returns>
    public ActivityResult RejectCorrection(ParticipationId id, int sequence, string reason, Instant now)
    {
        var found = Find(id, out var p);
        if (found != ActivityResult.Ok) return found;
        if (p.FindCorrection(sequence) is not { } correction) return ActivityResult.CorrectionNotFound;
        switch (correction.Status)
        {
            case CorrectionStatus.Rejected: return ActivityResult.AlreadyDone;
            case CorrectionStatus.Accepted: return ActivityResult.CorrectionAlreadyDecided;
        }

        if (string.IsNullOrWhiteSpace(reason)) return ActivityResult.CorrectionReasonRequired;
        Raise(new CorrectionRejected(id, sequence, reason, now));
        return ActivityResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public override ItemKey ItemKeyOf(ActivityEvent e) => e switch
    {
        ParticipantSignedUp s => new ItemKey(SignUpScope, s.ParticipationId.Value),
        ParticipationVerified v => new ItemKey(VerifiedScope, v.ParticipationId.Value),
        CorrectionAccepted c => new ItemKey(CorrectionScope, ActivityCrediting.CorrectionKeyId(c.ParticipationId, c.Sequence)),
        _ => default,
    };

    /// <inheritdoc />
    protected override void Apply(ActivityEvent e)
    {
        switch (e)
        {
            case ActivityPlanned planned:
                var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(planned.ZoneId)
                    ?? throw new InvalidDataException($"{Stream} names the unknown time zone {planned.ZoneId}.");
                Id = planned.ActivityId;
                PlannedAt = planned.At;
                _details = new ActivityDetails(
                    planned.Name, planned.Category, planned.Unit, planned.Team, planned.Leader, planned.Location,
                    planned.Start, planned.End, zone, planned.Capacity, planned.Kind, planned.IsVolunteerService);
                break;
            case ActivityCancelled cancelled:
                CancelledAt = cancelled.At;
                CancellationReason = cancelled.Reason;
                break;
            case BeneficiariesRecorded served:
                Beneficiaries = served.Count;
                BeneficiariesRecordedAt = served.At;
                break;
            case ParticipantSignedUp signedUp:
                var participation = new Participation(signedUp);
                _participations.Add(signedUp.ParticipationId, participation);
                _ordered.Add(participation);
                ActiveParticipantCount++;
                break;
            case ParticipantWithdrew withdrew:
                _participations[withdrew.ParticipationId].Withdraw(withdrew.At);
                ActiveParticipantCount--;
                break;
            case ParticipantCheckedIn checkedIn:
                _participations[checkedIn.ParticipationId].CheckIn(checkedIn.At);
                break;
            case ParticipantCheckedOut checkedOut:
                _participations[checkedOut.ParticipationId].CheckOut(checkedOut.At);
                break;
            case ServiceTimeRecorded recorded:
                _participations[recorded.ParticipationId].SetCreditedTime(recorded.CreditedTime, recorded.At);
                break;
            case ParticipationEvaluated evaluated:
                _participations[evaluated.ParticipationId].Evaluate(evaluated.Rating, evaluated.EvaluatedOn);
                break;
            case ParticipationConfirmed confirmed:
                _participations[confirmed.ParticipationId].Confirm(confirmed);
                break;
            case CorrectionRequested requested:
                _participations[requested.ParticipationId].AddCorrection(requested);
                break;
            case CorrectionAccepted accepted:
                var corrected = _participations[accepted.ParticipationId];
                corrected.FindCorrection(accepted.Sequence)!.Accept(accepted);
                corrected.SetCreditedTime(accepted.CreditedTime, accepted.At);
                if (accepted.Recredited) corrected.Recredit(accepted.Sequence, accepted.Deposited, accepted.ToPool);
                break;
            case CorrectionRejected rejected:
                _participations[rejected.ParticipationId].FindCorrection(rejected.Sequence)!.Reject(rejected);
                break;
            case ParticipationVerified v:
                _participations[v.ParticipationId].Verify(v);
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} is not an activity event this version knows.", nameof(e));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    private ActivityResult Find(ParticipationId id, out Participation participation)
    {
        if (!_participations.TryGetValue(id, out participation!)) return ActivityResult.ParticipationNotFound;
        if (IsCancelled) return ActivityResult.ActivityCancelled;
        if (participation.Status == ParticipationStatus.Withdrawn) return ActivityResult.ParticipationWithdrawn;
        return ActivityResult.Ok;
    }

    /// <summary><see cref="Find"/>, then the activity must be volunteer service and have ended.</summary>
    private ActivityResult FindForService(ParticipationId id, Instant now, out Participation participation)
    {
        var found = Find(id, out participation);
        if (found != ActivityResult.Ok) return found;
        if (!Details.IsVolunteerService) return ActivityResult.NotVolunteerService;
        if (!HasEnded(now)) return ActivityResult.ActivityNotEnded;
        return ActivityResult.Ok;
    }

    private bool IsCreditable(TimeCredit credited) => credited.IsPositive && credited <= MaxCreditedTime;

    private ActivityResult LateEntryReason(Instant now, ActivityRules rules, string? given, out string? reason)
    {
        reason = null;
        if (IsWithinRecordingDeadline(now, rules)) return ActivityResult.Ok;
        if (given is null) return ActivityResult.RecordingDeadlinePassed;
        if (string.IsNullOrWhiteSpace(given)) return ActivityResult.CorrectionReasonRequired;
        reason = given;
        return ActivityResult.Ok;
    }

    private static void CheckSplit(ActivityCreditOutcome outcome, TimeCredit credited)
    {
        if (outcome.Deposited.IsNegative || outcome.ToPool.IsNegative || outcome.Deposited + outcome.ToPool != credited)
        {
            throw new InvalidOperationException($"The crediting split {credited} into {outcome.Deposited} and {outcome.ToPool}.");
        }
    }
}

using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Domain.Activities;

/// <summary>
/// The application service for activity records on a store: each command loads the activity, catches the ledger up,
/// decides on fresh state, and saves the activity's new events and the ledger's new entries (a verification's credit, a
/// correction's reversal and new credit) in one <see cref="UnitOfWork"/> — so either both are stored or neither. If
/// another writer (another desk, thread or process on the same store) changed the activity or the ledger first, the
/// command is decided again on reloaded state, up to <see cref="MaxAttempts"/> times; a verification that lost the race
/// to another one then answers <see cref="ActivityResult.AlreadyDone"/> and credits nothing.
/// </summary>
/// <remarks>Not thread-safe: one desk per writer, each with its own <see cref="PersistentLedger"/>. Several desks may
/// share a store.</remarks>
public sealed class ActivityDesk
{
    private readonly IRecordStore _store;
    private readonly PersistentLedger _ledger;
    private readonly IParticipantProfiles _profiles;
    private readonly IClock _clock;
    private readonly AggregateRepository<Activity, ActivityEvent> _activities;

    /// <summary>Creates a desk.</summary>
    /// <param name="store">The store that holds the activities and the ledger.</param>
    /// <param name="ledger">The ledger kept in step with <paramref name="store"/>; used by this desk only.</param>
    /// <param name="scheme">The time-bank scheme that verified service is credited to.</param>
    /// <param name="profiles">Looks up volunteers' profiles for the depositor policy.</param>
    /// <param name="clock">The clock for "now".</param>
    /// <param name="rules">The activity rules; <see cref="ActivityRules.Default"/> if null.</param>
    public ActivityDesk(IRecordStore store, PersistentLedger ledger, TimeBankScheme scheme, IParticipantProfiles profiles, IClock clock, ActivityRules? rules = null)
    {
        _store = Guard.Against.Null(store);
        _ledger = Guard.Against.Null(ledger);
        Scheme = Guard.Against.Null(scheme);
        _profiles = Guard.Against.Null(profiles);
        _clock = Guard.Against.Null(clock);
        Rules = rules ?? ActivityRules.Default;
        _activities = Activity.Repository(store);
    }

    /// <summary>The time-bank scheme.</summary>
    public TimeBankScheme Scheme { get; }

    /// <summary>The activity rules.</summary>
    public ActivityRules Rules { get; }

    /// <summary>How many times a command is decided again after losing a race with another writer; default 8, at least 1.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Loads an activity as stored, or null.</summary>
    /// <param name="id">The activity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<Activity?> LoadAsync(ActivityId id, CancellationToken cancellationToken = default)
        => _activities.LoadAsync(Activity.StreamFor(id), cancellationToken);

    /// <summary>Plans an activity.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="details">What is planned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="ActivityResult.Ok"/>; <see cref="ActivityResult.AlreadyDone"/> if it was planned with the same
    /// details; <see cref="ActivityResult.ActivityExistsWithDifferentDetails"/>.</returns>
    /// <exception cref="ActivityConcurrencyException">Every attempt lost to another writer.</exception>
    public async ValueTask<ActivityResult> PlanAsync(ActivityId id, ActivityDetails details, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(details);
        var stream = Activity.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            var existing = await _activities.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (existing is not null) return existing.Details == details ? ActivityResult.AlreadyDone : ActivityResult.ActivityExistsWithDifferentDetails;
            var planned = Activity.Plan(id, details, _clock.GetCurrentInstant());
            if ((await new UnitOfWork(_store).Add(planned).CommitAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return ActivityResult.Ok;
        }

        throw new ActivityConcurrencyException($"Planning {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>Signs a volunteer up; see <see cref="Activity.SignUp"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The new participation's id.</param>
    /// <param name="volunteer">The volunteer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="Activity.SignUp"/>, or <see cref="ActivityResult.ActivityNotFound"/>, or
    /// <see cref="ActivityResult.ParticipationIdTaken"/> when another activity uses the participation id.</returns>
    public ValueTask<ActivityResult> SignUpAsync(ActivityId activity, ParticipationId participation, VolunteerId volunteer, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.SignUp(participation, volunteer, now)), cancellationToken);

    /// <summary>Withdraws a sign-up; see <see cref="Activity.Withdraw"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> WithdrawAsync(ActivityId activity, ParticipationId participation, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.Withdraw(participation, now)), cancellationToken);

    /// <summary>Checks a participant in; see <see cref="Activity.CheckIn"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="at">The check-in instant; the clock's now if null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> CheckInAsync(ActivityId activity, ParticipationId participation, Instant? at = null, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.CheckIn(participation, at ?? now)), cancellationToken);

    /// <summary>Checks a participant out; see <see cref="Activity.CheckOut"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="at">The check-out instant; the clock's now if null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> CheckOutAsync(ActivityId activity, ParticipationId participation, Instant? at = null, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.CheckOut(participation, at ?? now)), cancellationToken);

    /// <summary>Records the credited service time; see <see cref="Activity.RecordServiceTime"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="creditedTime">The time the organisation credits.</param>
    /// <param name="correctionReason">For a late entry, why it is late.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> RecordServiceTimeAsync(ActivityId activity, ParticipationId participation, TimeCredit creditedTime, string? correctionReason = null, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.RecordServiceTime(participation, creditedTime, now, Rules, correctionReason)), cancellationToken);

    /// <summary>Evaluates a participant's service; see <see cref="Activity.Evaluate"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="rating">1 to 5.</param>
    /// <param name="correctionReason">For a late evaluation, why it is late.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> EvaluateAsync(ActivityId activity, ParticipationId participation, int rating, string? correctionReason = null, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.Evaluate(participation, rating, now, Rules, correctionReason)), cancellationToken);

    /// <summary>Records a witness or recipient confirmation; see <see cref="Activity.Confirm"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="by">Who confirms.</param>
    /// <param name="role">In what capacity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> ConfirmAsync(ActivityId activity, ParticipationId participation, VolunteerId by, ConfirmerRole role, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.Confirm(participation, by, role, now)), cancellationToken);

    /// <summary>Records the number of people served; see <see cref="Activity.RecordBeneficiaries"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="count">People served.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> RecordBeneficiariesAsync(ActivityId activity, int count, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.RecordBeneficiaries(count, now)), cancellationToken);

    /// <summary>Cancels an activity; see <see cref="Activity.Cancel"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> CancelAsync(ActivityId activity, string reason, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.Cancel(reason, now)), cancellationToken);

    /// <summary>A volunteer reports an error or omission; see <see cref="Activity.RequestCorrection"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="by">The volunteer.</param>
    /// <param name="reason">What is wrong or missing.</param>
    /// <param name="proposedCreditedTime">The time that should be credited.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> RequestCorrectionAsync(ActivityId activity, ParticipationId participation, VolunteerId by, string reason, TimeCredit proposedCreditedTime, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.RequestCorrection(participation, by, reason, proposedCreditedTime, now)), cancellationToken);

    /// <summary>The organisation accepts a correction, correcting the ledger by reversal and a new credit if the
    /// participation was credited; see <see cref="Activity.AcceptCorrection"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="sequence">The correction's number.</param>
    /// <param name="reason">The organisation's reason.</param>
    /// <param name="amendedCreditedTime">The time settled on, if not the proposal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> AcceptCorrectionAsync(ActivityId activity, ParticipationId participation, int sequence, string reason, TimeCredit? amendedCreditedTime = null, CancellationToken cancellationToken = default)
        => RunAsync(
            activity,
            (a, now, _) =>
            {
                var crediting = new ActivityCrediting(Scheme, _ledger.Ledger);
                return new(a.AcceptCorrection(participation, sequence, reason, now, (p, s, t) => crediting.Recredit(a, p, s, t), amendedCreditedTime));
            },
            cancellationToken);

    /// <summary>The organisation rejects a correction; see <see cref="Activity.RejectCorrection"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="sequence">The correction's number.</param>
    /// <param name="reason">The organisation's reason.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> RejectCorrectionAsync(ActivityId activity, ParticipationId participation, int sequence, string reason, CancellationToken cancellationToken = default)
        => RunAsync(activity, (a, now, _) => new(a.RejectCorrection(participation, sequence, reason, now)), cancellationToken);

    /// <summary>Verifies a participation and credits its service time to the time bank, exactly once; see
    /// <see cref="Activity.Verify"/> and <see cref="ActivityCrediting.CreditVerified"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<ActivityResult> VerifyAsync(ActivityId activity, ParticipationId participation, CancellationToken cancellationToken = default)
        => RunAsync(
            activity,
            async (a, now, ct) =>
            {
                MemberProfile? profile = null;
                if (a.TryGetParticipation(participation, out var p) && !p.IsVerified)
                {
                    profile = await _profiles.FindAsync(p.Volunteer, ct).ConfigureAwait(false);
                }

                var crediting = new ActivityCrediting(Scheme, _ledger.Ledger);
                return a.Verify(participation, now, Rules, q => crediting.CreditVerified(a, q, profile));
            },
            cancellationToken);

    /// <summary>Loads, decides, saves; decides again on a conflict.</summary>
    private async ValueTask<ActivityResult> RunAsync(ActivityId id, Func<Activity, Instant, CancellationToken, ValueTask<ActivityResult>> command, CancellationToken cancellationToken)
    {
        var stream = Activity.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            await _ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var activity = await _activities.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (activity is null) return ActivityResult.ActivityNotFound;
            var result = await command(activity, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            if (activity.UnsavedEvents.Count == 0)
            {
                // A refusal raises nothing; it may have opened a member account on the ledger (harmless, and the same
                // account any later credit opens), which is saved so the ledger never keeps unsaved entries.
                if (_ledger.Ledger.Position == _ledger.SavedPosition) return result;
                if ((await _ledger.SaveChangesAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return result;
                continue;
            }

            var saved = await new UnitOfWork(_store).Add(activity).AddLedger(_ledger).CommitAsync(cancellationToken).ConfigureAwait(false);
            if (saved.IsAppended) return result;

            // Versions are checked before keys, so a duplicate key with every stream at the expected version is held by
            // another activity's event: the participation id is in use elsewhere. Deciding again would not change that.
            if (saved.Status == AppendStatus.DuplicateItem) return ActivityResult.ParticipationIdTaken;
        }

        throw new ActivityConcurrencyException($"A command on {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }
}

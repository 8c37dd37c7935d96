using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>
/// One volunteer's participation in an activity, as the activity's events have built it: sign-up, check-in and
/// check-out, the service time the organisation credits (kept apart from the check-in span), evaluation, confirmation,
/// corrections and verification. Read-only to callers; change it through <see cref="Activity"/>.
/// </summary>
public sealed class Participation
{
    private readonly List<ParticipationCorrection> _corrections = [];

    internal Participation(ParticipantSignedUp e)
    {
        Id = e.ParticipationId;
        Volunteer = e.Volunteer;
        SignedUpAt = e.At;
    }

    /// <summary>The participation id; also the seed of its ledger transfer ids.</summary>
    public ParticipationId Id { get; }

    /// <summary>The volunteer.</summary>
    public VolunteerId Volunteer { get; }

    /// <summary>Where the participation stands.</summary>
    public ParticipationStatus Status { get; private set; }

    /// <summary>When the volunteer signed up.</summary>
    public Instant SignedUpAt { get; }

    /// <summary>When the volunteer withdrew, or null.</summary>
    public Instant? WithdrewAt { get; private set; }

    /// <summary>The check-in instant, or null.</summary>
    public Instant? CheckedInAt { get; private set; }

    /// <summary>The check-out instant, or null.</summary>
    public Instant? CheckedOutAt { get; private set; }

    /// <summary>Time on site from check-in to check-out, or null until both are known. For information only: the
    /// credited time is <see cref="CreditedTime"/>.</summary>
    public Duration? CheckInSpan => CheckedInAt is { } i && CheckedOutAt is { } o ? o - i : null;

    /// <summary>The service time the organisation credits (after accepted corrections), or null if none is
    /// recorded.</summary>
    public TimeCredit? CreditedTime { get; private set; }

    /// <summary>When the credited time was last set (by an entry or an accepted correction), or null.</summary>
    public Instant? CreditedTimeSetAt { get; private set; }

    /// <summary>The newest evaluation's rating (1–5), or null.</summary>
    public int? Rating { get; private set; }

    /// <summary>The newest evaluation's date in the activity's time zone, or null.</summary>
    public LocalDate? EvaluatedOn { get; private set; }

    /// <summary>Who confirmed the service, or null.</summary>
    public VolunteerId? ConfirmedBy { get; private set; }

    /// <summary>In what capacity they confirmed it, or null.</summary>
    public ConfirmerRole? ConfirmerRole { get; private set; }

    /// <summary>When the service was confirmed, or null.</summary>
    public Instant? ConfirmedAt { get; private set; }

    /// <summary>True once checked in (whatever happened after).</summary>
    public bool HasCheckedIn => CheckedInAt is not null;

    /// <summary>True once verified.</summary>
    public bool IsVerified => VerifiedAt is not null;

    /// <summary>When it was verified, or null.</summary>
    public Instant? VerifiedAt { get; private set; }

    /// <summary>Time now credited on the ledger to the volunteer's account for this participation (zero until
    /// verified).</summary>
    public TimeCredit Deposited { get; private set; }

    /// <summary>Time now credited to the community pool for this participation (the part above the volunteer's cap).</summary>
    public TimeCredit ToPool { get; private set; }

    /// <summary>The sequence number of the live ledger credit: 0 for the credit made on verification, or the number
    /// of the accepted correction that replaced it. Meaningful only once verified.</summary>
    public int CreditSequence { get; private set; }

    /// <summary>The corrections requested, oldest first.</summary>
    public IReadOnlyList<ParticipationCorrection> Corrections => _corrections;

    /// <summary>The correction waiting for a decision, or null.</summary>
    public ParticipationCorrection? PendingCorrection
        => _corrections.Count > 0 && _corrections[^1].Status == CorrectionStatus.Pending ? _corrections[^1] : null;

    internal void Withdraw(Instant at)
    {
        Status = ParticipationStatus.Withdrawn;
        WithdrewAt = at;
    }

    internal void CheckIn(Instant at)
    {
        CheckedInAt = at;
        if (Status == ParticipationStatus.SignedUp) Status = ParticipationStatus.CheckedIn;
    }

    internal void CheckOut(Instant at)
    {
        CheckedOutAt = at;
        if (Status == ParticipationStatus.CheckedIn) Status = ParticipationStatus.CheckedOut;
    }

    internal void SetCreditedTime(TimeCredit credited, Instant at)
    {
        CreditedTime = credited;
        CreditedTimeSetAt = at;
    }

    internal void Evaluate(int rating, LocalDate on)
    {
        Rating = rating;
        EvaluatedOn = on;
    }

    internal void Confirm(ParticipationConfirmed e)
    {
        ConfirmedBy = e.ConfirmedBy;
        ConfirmerRole = e.Role;
        ConfirmedAt = e.At;
    }

    internal void AddCorrection(CorrectionRequested e) => _corrections.Add(new ParticipationCorrection(e));

    internal ParticipationCorrection? FindCorrection(int sequence)
        => sequence >= 1 && sequence <= _corrections.Count ? _corrections[sequence - 1] : null;

    internal void Verify(ParticipationVerified e)
    {
        Status = ParticipationStatus.Verified;
        VerifiedAt = e.At;
        Deposited = e.Deposited;
        ToPool = e.ToPool;
        CreditSequence = 0;
    }

    internal void Recredit(int sequence, TimeCredit deposited, TimeCredit toPool)
    {
        CreditSequence = sequence;
        Deposited = deposited;
        ToPool = toPool;
    }
}

namespace Volunteering.Domain.Activities;

/// <summary>The outcome of an activity command: <see cref="Ok"/>, <see cref="AlreadyDone"/> (an idempotent repeat, to
/// be treated as success) or one code naming the rule that refused it. A refused command changes nothing: no event
/// is raised and nothing moves on the ledger.</summary>
public enum ActivityResult
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The same command was carried out before (for example a repeated verification); nothing changed this
    /// time.</summary>
    AlreadyDone = 1,

    // ---------------------------------------------------------------- the activity

    /// <summary>No activity has the id.</summary>
    ActivityNotFound = 10,

    /// <summary>An activity with this id was planned with other details.</summary>
    ActivityExistsWithDifferentDetails = 11,

    /// <summary>The activity was cancelled; nothing more can be recorded on it.</summary>
    ActivityCancelled = 12,

    /// <summary>The activity has not ended yet (its end is after now): service time, evaluations and verification
    /// come after the end.</summary>
    ActivityNotEnded = 13,

    /// <summary>The activity has ended: sign-ups and cancellation are only possible before its end.</summary>
    ActivityEnded = 14,

    /// <summary>The activity is not volunteer service (<see cref="ActivityDetails.IsVolunteerService"/> is false), so
    /// nothing on it may be recorded, credited or certified as service.</summary>
    NotVolunteerService = 15,

    // ---------------------------------------------------------------- participations

    /// <summary>No participation in this activity has the id.</summary>
    ParticipationNotFound = 20,

    /// <summary>A participation with this id exists for another volunteer.</summary>
    ParticipationExistsWithDifferentVolunteer = 21,

    /// <summary>The volunteer already holds another (not withdrawn) participation in this activity.</summary>
    AlreadySignedUp = 22,

    /// <summary>The activity's planned capacity is taken by participations that have not withdrawn.</summary>
    CapacityReached = 23,

    /// <summary>The participation was withdrawn; it records nothing more.</summary>
    ParticipationWithdrawn = 24,

    /// <summary>The participant has not checked in (needed for check-out, service time, evaluation and
    /// confirmation).</summary>
    NotCheckedIn = 25,

    /// <summary>The participant checked in at another instant already (or, for a withdrawal, has checked in).</summary>
    AlreadyCheckedIn = 26,

    /// <summary>The participant checked out at another instant already.</summary>
    AlreadyCheckedOut = 27,

    /// <summary>The check-out instant is before the check-in instant.</summary>
    CheckOutBeforeCheckIn = 28,

    /// <summary>The participation id is already used by another activity (its key is taken in the store).</summary>
    ParticipationIdTaken = 29,

    // ---------------------------------------------------------------- service entries and verification

    /// <summary>The credited service time is not positive, or is longer than the activity lasted (the sanity bound:
    /// see <see cref="Activity.MaxCreditedTime"/>).</summary>
    CreditedTimeOutOfRange = 30,

    /// <summary>The entry is later than the recording deadline (<see cref="ActivityRules.RecordingWorkingDays"/> working
    /// days after the activity's end date) and was not made as a correction with a reason.</summary>
    RecordingDeadlinePassed = 31,

    /// <summary>No service time has been recorded for the participation, so there is nothing to verify.</summary>
    ServiceTimeNotRecorded = 32,

    /// <summary>The participation is verified already; its service time changes only through a correction.</summary>
    AlreadyVerified = 33,

    /// <summary>The scheme requires a witness or recipient confirmation before verification
    /// (<see cref="ActivityRules.RequireConfirmation"/>) and there is none.</summary>
    NotConfirmed = 34,

    /// <summary>A participant cannot confirm their own service.</summary>
    ConfirmerIsParticipant = 35,

    /// <summary>An evaluation's rating is outside 1 to 5.</summary>
    RatingOutOfRange = 36,

    // ---------------------------------------------------------------- corrections

    /// <summary>A correction (a request, an acceptance, a rejection, or a late entry) needs a reason that is not
    /// blank.</summary>
    CorrectionReasonRequired = 40,

    /// <summary>The participation has no correction with that sequence number.</summary>
    CorrectionNotFound = 41,

    /// <summary>A correction of the participation is waiting for the organisation's decision: a second one cannot be
    /// requested and the participation cannot be verified until it is decided.</summary>
    CorrectionPending = 42,

    /// <summary>The correction was decided the other way already (accepted, now rejected, or the reverse).</summary>
    CorrectionAlreadyDecided = 43,

    /// <summary>Only the volunteer of a participation may request a correction of it.</summary>
    NotTheParticipant = 44,

    /// <summary>The proposed service time is what is recorded already.</summary>
    NothingToCorrect = 45,

    // ---------------------------------------------------------------- the time bank

    /// <summary>The volunteer's profile (date of birth) could not be found, so depositor eligibility cannot be
    /// checked and nothing is credited.</summary>
    ProfileNotFound = 50,

    /// <summary>The volunteer was younger than the scheme's minimum depositor age on the activity's start date.</summary>
    DepositorTooYoung = 51,

    /// <summary>The scheme's depositor policy refused the volunteer for another reason.</summary>
    DepositorNotEligible = 52,

    /// <summary>The credit would take the volunteer's account above the scheme's cap and the scheme refuses the
    /// excess (<see cref="TimeBank.Policies.CapOverflow.Refuse"/>).</summary>
    AccountCapReached = 53,

    /// <summary>A correction must reverse an earlier credit, but the volunteer (or the pool) no longer holds that time:
    /// it was redeemed, given or granted meanwhile.</summary>
    CreditAlreadySpent = 54,

    /// <summary>The ledger refused a transfer for another reason (a frozen or closed account, an id reused with other
    /// content, ...); see <see cref="ActivityCreditOutcome.LedgerResult"/>.</summary>
    LedgerRejected = 90,
}

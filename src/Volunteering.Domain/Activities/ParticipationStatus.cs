namespace Volunteering.Domain.Activities;

/// <summary>Where a participation stands. Check-out, service time, evaluation and confirmation are recorded alongside
/// and do not change the status except as listed.</summary>
public enum ParticipationStatus
{
    /// <summary>Signed up (报名), not yet checked in.</summary>
    SignedUp = 0,

    /// <summary>Checked in (签到); may also be checked out.</summary>
    CheckedIn = 1,

    /// <summary>Checked out (签退).</summary>
    CheckedOut = 2,

    /// <summary>Withdrew before checking in; holds no place against the capacity and can record nothing.</summary>
    Withdrawn = 3,

    /// <summary>Verified by the organisation: the service time is credited to the volunteer's time-bank account.
    /// Later changes go through corrections only.</summary>
    Verified = 4,
}

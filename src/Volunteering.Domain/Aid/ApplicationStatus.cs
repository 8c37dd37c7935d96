namespace Volunteering.Domain.Aid;

/// <summary>Where an application stands.</summary>
public enum ApplicationStatus
{
    /// <summary>Submitted; reviews are being recorded.</summary>
    Submitted = 1,

    /// <summary>The first opinion proposed an amount and a schedule; the notice is next.</summary>
    Proposed = 2,

    /// <summary>The public notice is published (and may have ended); objections, re-review and the decision follow.</summary>
    InNotice = 3,

    /// <summary>Approved: its instalments may be paid.</summary>
    Approved = 4,

    /// <summary>Rejected, with a reason; nothing is paid.</summary>
    Rejected = 5,

    /// <summary>Approved, then revoked: instalments due from the revocation's effective date are cancelled; what was
    /// paid stays paid.</summary>
    Revoked = 6,

    /// <summary>Urgent aid paid first; its documentation is still due.</summary>
    UrgentGranted = 7,

    /// <summary>Urgent aid paid and documented afterwards.</summary>
    UrgentDocumented = 8,
}

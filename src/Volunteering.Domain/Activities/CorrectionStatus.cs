namespace Volunteering.Domain.Activities;

/// <summary>Where a volunteer's correction request stands.</summary>
public enum CorrectionStatus
{
    /// <summary>Reported by the volunteer, not yet checked by the organisation.</summary>
    Pending = 0,

    /// <summary>Checked and accepted: the participation's credited time was amended (and the ledger corrected by a
    /// reversal and a new credit if it had been credited).</summary>
    Accepted = 1,

    /// <summary>Checked and rejected; nothing changed.</summary>
    Rejected = 2,
}

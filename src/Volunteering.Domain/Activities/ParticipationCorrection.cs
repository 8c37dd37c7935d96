using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>A volunteer's correction request on a participation and the organisation's decision: part of the
/// participation's history, never removed.</summary>
public sealed class ParticipationCorrection
{
    internal ParticipationCorrection(CorrectionRequested e)
    {
        Sequence = e.Sequence;
        RequestedBy = e.RequestedBy;
        Reason = e.Reason;
        ProposedCreditedTime = e.ProposedCreditedTime;
        RequestedAt = e.At;
    }

    /// <summary>The correction's number within the participation: 1, 2, 3, ...</summary>
    public int Sequence { get; }

    /// <summary>The volunteer who reported it.</summary>
    public VolunteerId RequestedBy { get; }

    /// <summary>What the volunteer said is wrong or missing.</summary>
    public string Reason { get; }

    /// <summary>The credited time the volunteer proposed.</summary>
    public TimeCredit ProposedCreditedTime { get; }

    /// <summary>When it was reported.</summary>
    public Instant RequestedAt { get; }

    /// <summary>Pending, accepted or rejected.</summary>
    public CorrectionStatus Status { get; private set; }

    /// <summary>The organisation's reason for its decision; null while pending.</summary>
    public string? DecisionReason { get; private set; }

    /// <summary>When it was decided; null while pending.</summary>
    public Instant? DecidedAt { get; private set; }

    /// <summary>For an accepted correction, the credited time it set (the proposal, or the organisation's amended
    /// figure); null otherwise.</summary>
    public TimeCredit? AcceptedCreditedTime { get; private set; }

    internal void Accept(CorrectionAccepted e)
    {
        Status = CorrectionStatus.Accepted;
        DecisionReason = e.Reason;
        DecidedAt = e.At;
        AcceptedCreditedTime = e.CreditedTime;
    }

    internal void Reject(CorrectionRejected e)
    {
        Status = CorrectionStatus.Rejected;
        DecisionReason = e.Reason;
        DecidedAt = e.At;
    }
}

using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>The organisation checked a correction and accepted it: the participation's credited time is now
/// <paramref name="CreditedTime"/>. If the participation had been credited, the earlier credit was reversed and a new
/// credit made on the ledger in the same unit of work (<paramref name="Recredited"/>).</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="Sequence">The correction's number.</param>
/// <param name="CreditedTime">The credited time from now on.</param>
/// <param name="PreviousCreditedTime">The credited time before (zero if none was recorded).</param>
/// <param name="Reason">The organisation's reason.</param>
/// <param name="Recredited">True if the ledger was corrected (the participation was verified).</param>
/// <param name="Deposited">When recredited: the part of the new credit that went to the volunteer's account.</param>
/// <param name="ToPool">When recredited: the part above the account cap that went to the community pool.</param>
/// <param name="At">When.</param>
public sealed record CorrectionAccepted(
    ParticipationId ParticipationId,
    int Sequence,
    TimeCredit CreditedTime,
    TimeCredit PreviousCreditedTime,
    string Reason,
    bool Recredited,
    TimeCredit Deposited,
    TimeCredit ToPool,
    Instant At) : ActivityEvent;

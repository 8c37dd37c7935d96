using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>The organiser recorded the service time it credits for a participation (the time actually given, set by
/// the organisation; independent of the check-in span). A newer entry replaces an older one; both stay in the
/// stream.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="CreditedTime">The credited time; positive and at most the activity's duration.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="CorrectionReason">Null for an entry within the recording deadline; for a late entry, the reason it
/// is made as a correction.</param>
public sealed record ServiceTimeRecorded(ParticipationId ParticipationId, TimeCredit CreditedTime, Instant At, string? CorrectionReason) : ActivityEvent;

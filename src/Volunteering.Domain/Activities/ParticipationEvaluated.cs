using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>The organiser evaluated a participant's service (服务评价). A newer evaluation replaces an older one; both
/// stay in the stream.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="Rating">The quality rating, 1 (poor) to 5 (excellent) stars.</param>
/// <param name="EvaluatedOn">The evaluation date in the activity's time zone.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="CorrectionReason">Null within the recording deadline; for a late entry, the reason it is made as a
/// correction.</param>
public sealed record ParticipationEvaluated(ParticipationId ParticipationId, int Rating, LocalDate EvaluatedOn, Instant At, string? CorrectionReason) : ActivityEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>A participant checked out (签退).</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="At">The check-out instant; not before the check-in.</param>
public sealed record ParticipantCheckedOut(ParticipationId ParticipationId, Instant At) : ActivityEvent;

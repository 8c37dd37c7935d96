using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>A participant checked in (签到).</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="At">The check-in instant.</param>
public sealed record ParticipantCheckedIn(ParticipationId ParticipationId, Instant At) : ActivityEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>A volunteer withdrew before checking in; the place is free again.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="At">When.</param>
public sealed record ParticipantWithdrew(ParticipationId ParticipationId, Instant At) : ActivityEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>A volunteer signed up (报名); claims the participation id in the store, so no other activity can use it.</summary>
/// <param name="ParticipationId">The new participation.</param>
/// <param name="Volunteer">The volunteer.</param>
/// <param name="At">When.</param>
public sealed record ParticipantSignedUp(ParticipationId ParticipationId, VolunteerId Volunteer, Instant At) : ActivityEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>A witness or the person served confirmed that the participant gave the service.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="ConfirmedBy">Who confirmed; never the participant.</param>
/// <param name="Role">In what capacity.</param>
/// <param name="At">When.</param>
public sealed record ParticipationConfirmed(ParticipationId ParticipationId, VolunteerId ConfirmedBy, ConfirmerRole Role, Instant At) : ActivityEvent;

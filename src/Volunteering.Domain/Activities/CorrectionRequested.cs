using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>A volunteer reported an error or omission in their service entry and proposed the time that should be
/// credited.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="Sequence">The correction's number within the participation: 1, 2, 3, ...</param>
/// <param name="RequestedBy">The volunteer.</param>
/// <param name="Reason">What is wrong or missing.</param>
/// <param name="ProposedCreditedTime">The time the volunteer says should be credited.</param>
/// <param name="At">When it was reported.</param>
public sealed record CorrectionRequested(ParticipationId ParticipationId, int Sequence, VolunteerId RequestedBy, string Reason, TimeCredit ProposedCreditedTime, Instant At) : ActivityEvent;

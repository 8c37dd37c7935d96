using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Activities;

/// <summary>The organisation checked a correction and rejected it; nothing changed.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="Sequence">The correction's number.</param>
/// <param name="Reason">The organisation's reason.</param>
/// <param name="At">When.</param>
public sealed record CorrectionRejected(ParticipationId ParticipationId, int Sequence, string Reason, Instant At) : ActivityEvent;

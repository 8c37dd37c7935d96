using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A team was disbanded: active up to the day before <paramref name="EffectiveFrom"/>; every membership
/// still open ends that day. The history stays.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveFrom">The first day it no longer exists.</param>
/// <param name="At">When it was recorded.</param>
public sealed record TeamDisbanded(TeamId TeamId, string Reason, LocalDate EffectiveFrom, Instant At) : VolunteerTeamEvent;

using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Organisations;

/// <summary>A volunteer team (服务队) was formed at a practice unit: the first event of every team stream.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Unit">The practice unit it belongs to.</param>
/// <param name="Category">Its service category.</param>
/// <param name="BrandName">Its brand name (品牌名称).</param>
/// <param name="EffectiveFrom">The first day it is active.</param>
/// <param name="At">When the forming was recorded.</param>
public sealed record TeamFormed(TeamId TeamId, UnitId Unit, ServiceCategory Category, string BrandName, LocalDate EffectiveFrom, Instant At) : VolunteerTeamEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>Part of an application's commitment was released back to the budget periods when its approval was
/// revoked: the unpaid remainder of every instalment due from the revocation's effective date.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Periods">The amounts released, one per budget period, in period order.</param>
/// <param name="At">When.</param>
public sealed record CommitmentReleased(AidApplicationId ApplicationId, IReadOnlyList<PeriodAmount> Periods, Instant At) : ProgrammeEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>An application's approved instalments were committed to the programme's budget periods (each instalment
/// in the period it falls due), on approval or on an urgent grant; saved in the same batch as the application's
/// event.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Beneficiary">Its beneficiary.</param>
/// <param name="Cause">Its cause code.</param>
/// <param name="Year">The year of the approval in the programme's zone (for the once-per-cause rule).</param>
/// <param name="Periods">The amounts committed, one per budget period, in period order.</param>
/// <param name="At">When.</param>
public sealed record AidCommitted(AidApplicationId ApplicationId, BeneficiaryId Beneficiary, string Cause, int Year, IReadOnlyList<PeriodAmount> Periods, Instant At) : ProgrammeEvent;

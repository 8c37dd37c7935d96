using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>The approval was revoked for future instalments only: instalments due on or after
/// <paramref name="EffectiveFrom"/> are cancelled and their unpaid remainder released from the budget; what was paid
/// stays paid.</summary>
/// <param name="By">Who revoked it.</param>
/// <param name="Reason">Why.</param>
/// <param name="EffectiveFrom">The first due date cancelled; today or later when revoked.</param>
/// <param name="Released">The total released back to the budget.</param>
/// <param name="At">When.</param>
public sealed record ApprovalRevoked(StaffId By, string Reason, LocalDate EffectiveFrom, Money Released, Instant At) : AidApplicationEvent;

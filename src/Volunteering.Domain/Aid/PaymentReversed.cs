using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>A payment was reversed, with a reason: a ledger reversal of its transfer (never a deletion), saved in the
/// same batch. The instalment's paid amount drops back, so it may be paid again under a new payment id.</summary>
/// <param name="PaymentId">The payment reversed.</param>
/// <param name="By">Who reversed it.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">The ledger reversal's timestamp.</param>
public sealed record PaymentReversed(PaymentId PaymentId, StaffId By, string Reason, Instant At) : AidApplicationEvent;

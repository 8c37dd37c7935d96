using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>The application was rejected, with a reason; nothing will be paid.</summary>
/// <param name="By">Who rejected it.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record ApplicationRejected(StaffId By, string Reason, Instant At) : AidApplicationEvent;

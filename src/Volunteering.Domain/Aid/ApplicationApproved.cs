using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>The application was approved by an approver who is neither its handler nor a reviewer: the first
/// opinion's schedule, as noticed, is approved, and committed to the programme's budget in the same batch.</summary>
/// <param name="Approver">The approver.</param>
/// <param name="Amount">The total approved (the schedule's sum).</param>
/// <param name="At">When.</param>
public sealed record ApplicationApproved(StaffId Approver, Money Amount, Instant At) : AidApplicationEvent;

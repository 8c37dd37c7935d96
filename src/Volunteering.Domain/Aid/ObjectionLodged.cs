using NodaTime;

namespace Volunteering.Domain.Aid;

/// <summary>An objection to the notice was lodged. The objector is not recorded (objections may be anonymous).</summary>
/// <param name="Sequence">The objection's number in the application, from 1.</param>
/// <param name="Summary">What the objection says.</param>
/// <param name="At">When.</param>
public sealed record ObjectionLodged(int Sequence, string Summary, Instant At) : AidApplicationEvent;

using NodaTime;

namespace Volunteering.Domain.Activities;

/// <summary>The organiser recorded how many people the activity served (服务人次); the newest count replaces earlier
/// ones.</summary>
/// <param name="Count">People served (person-times); zero or more.</param>
/// <param name="At">When it was recorded.</param>
public sealed record BeneficiariesRecorded(int Count, Instant At) : ActivityEvent;

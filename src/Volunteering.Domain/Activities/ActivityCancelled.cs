using NodaTime;

namespace Volunteering.Domain.Activities;

/// <summary>The activity was cancelled before its end.</summary>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record ActivityCancelled(string Reason, Instant At) : ActivityEvent;

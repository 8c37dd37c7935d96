using NodaTime;

namespace Volunteering.Domain.Aid;

/// <summary>The wish was cancelled before it was fulfilled.</summary>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record WishCancelled(string Reason, Instant At) : MicroWishEvent;

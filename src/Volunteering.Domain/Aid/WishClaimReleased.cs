using NodaTime;

namespace Volunteering.Domain.Aid;

/// <summary>The donor's claim was released before fulfilment; the wish is open again.</summary>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record WishClaimReleased(string Reason, Instant At) : MicroWishEvent;

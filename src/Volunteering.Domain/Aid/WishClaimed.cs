using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>A donor claimed the wish (认领).</summary>
/// <param name="Donor">The donor.</param>
/// <param name="At">When.</param>
public sealed record WishClaimed(DonorId Donor, Instant At) : MicroWishEvent;

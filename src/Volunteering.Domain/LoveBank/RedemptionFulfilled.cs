using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>A reservation was fulfilled at the outlet with its code: the points are spent and the units handed out.
/// Final.</summary>
/// <param name="Redemption">The redemption.</param>
/// <param name="At">When.</param>
public sealed record RedemptionFulfilled(RedemptionId Redemption, Instant At) : PassbookEvent;

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>A reservation was cancelled or lapsed: its points and stock returned.</summary>
/// <param name="Redemption">The redemption.</param>
/// <param name="Lapsed">True when its hold ran out; false when it was cancelled.</param>
/// <param name="At">When.</param>
public sealed record RedemptionCancelled(RedemptionId Redemption, bool Lapsed, Instant At) : PassbookEvent;

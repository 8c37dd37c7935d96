using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>The outcome of reserving a redemption.</summary>
/// <param name="Code">The result.</param>
/// <param name="RedemptionCode">For <see cref="LoveBankResult.Ok"/>, the one-time code to show at the outlet (8 digits);
/// it is given only once and never stored (only its hash is). Null otherwise.</param>
/// <param name="HoldUntil">For <see cref="LoveBankResult.Ok"/>, when the reservation lapses; otherwise null.</param>
public sealed record ReservationOutcome(LoveBankResult Code, string? RedemptionCode, Instant? HoldUntil);

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>Points and stock were reserved for a redemption (two pending ledger transfers, linked).</summary>
/// <param name="Redemption">The redemption.</param>
/// <param name="Item">The item.</param>
/// <param name="Outlet">The outlet holding the stock.</param>
/// <param name="Quantity">Units; positive.</param>
/// <param name="Points">Points reserved: the price at reservation times the quantity.</param>
/// <param name="CodeHash">Lower-case hex SHA-256 of the redemption id and the one-time code; the code itself is never
/// stored.</param>
/// <param name="HoldUntil">When the reservation lapses if not fulfilled.</param>
/// <param name="RuleVersion">The rulebook version in force.</param>
/// <param name="At">When.</param>
public sealed record RedemptionReserved(RedemptionId Redemption, CatalogueItemId Item, OutletId Outlet, int Quantity, long Points, string CodeHash, Instant HoldUntil, int RuleVersion, Instant At) : PassbookEvent;

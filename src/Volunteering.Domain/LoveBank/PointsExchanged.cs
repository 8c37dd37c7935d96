using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>An exchange between assets ran (a linked pair of ledger transfers through the exchange accounts).</summary>
/// <param name="Exchange">The exchange's id.</param>
/// <param name="Direction">The rule's forward direction.</param>
/// <param name="Reverse">True when it ran in the reverse direction.</param>
/// <param name="SourceUnits">Units taken: minutes, points or fen.</param>
/// <param name="TargetUnits">Units given: points, fen or minutes.</param>
/// <param name="RuleVersion">The rulebook version in force.</param>
/// <param name="At">When.</param>
/// <param name="ExpiresAt">When points received by the exchange expire (a lot like an award's), or null when they never
/// expire or the exchange received no points.</param>
public sealed record PointsExchanged(Guid Exchange, ExchangeDirection Direction, bool Reverse, long SourceUnits, long TargetUnits, int RuleVersion, Instant At, Instant? ExpiresAt) : PassbookEvent;

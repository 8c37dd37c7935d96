using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>One line of a passbook statement.</summary>
/// <param name="At">When.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Source">The source, deduction, redemption or exchange id the line is about.</param>
/// <param name="Detail">The rule, category, activity, reason or item; may be empty.</param>
/// <param name="Change">The change in the balance (points held, reserved included): positive for points in.</param>
/// <param name="Balance">The balance after the line.</param>
/// <param name="Available">Points available after the line (the balance less open reservations).</param>
/// <param name="RuleVersion">The rulebook version that produced the line, where one did.</param>
public sealed record PassbookLine(Instant At, PassbookLineKind Kind, Guid Source, string Detail, long Change, long Balance, long Available, int? RuleVersion);

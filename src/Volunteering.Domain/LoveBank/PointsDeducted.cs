using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>Points were deducted by a scheme's rule (for misconduct, say).</summary>
/// <param name="Deduction">The deduction's id.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Reason">The reason recorded.</param>
/// <param name="Points">Points deducted; positive.</param>
/// <param name="RuleVersion">The rulebook version in force.</param>
/// <param name="At">When.</param>
public sealed record PointsDeducted(Guid Deduction, string Rule, string Reason, long Points, int RuleVersion, Instant At) : PassbookEvent;

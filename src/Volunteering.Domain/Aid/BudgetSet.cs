using NodaTime;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>A budget period's budget was set (or replaced).</summary>
/// <param name="PeriodStart">The first day of the period.</param>
/// <param name="Amount">The budget; zero or more, CNY.</param>
/// <param name="At">When.</param>
public sealed record BudgetSet(LocalDate PeriodStart, Money Amount, Instant At) : ProgrammeEvent;

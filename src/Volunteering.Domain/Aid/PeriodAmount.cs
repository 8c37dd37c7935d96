using NodaTime;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>An amount committed to (or released from) one budget period of a programme.</summary>
/// <param name="PeriodStart">The first day of the budget period.</param>
/// <param name="Amount">The amount; positive, CNY.</param>
public readonly record struct PeriodAmount(LocalDate PeriodStart, Money Amount);

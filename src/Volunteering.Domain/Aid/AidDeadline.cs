using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>A step of an application that is due by a date (see <see cref="AidRules"/>); overdue once that date has
/// passed and the step is still not done.</summary>
/// <param name="Application">The application.</param>
/// <param name="Kind">The step.</param>
/// <param name="DueBy">The last day it is on time, in the programme's zone.</param>
/// <param name="Number">The instalment's number for a payment, the objection's for a re-review; 0 otherwise.</param>
public readonly record struct AidDeadline(AidApplicationId Application, AidDeadlineKind Kind, LocalDate DueBy, int Number);

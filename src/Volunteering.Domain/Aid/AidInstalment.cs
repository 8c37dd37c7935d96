using NodaTime;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>One instalment of approved aid: when it falls due (a date in the programme's time zone) and how much it
/// is.</summary>
/// <param name="DueOn">The first day it may be paid.</param>
/// <param name="Amount">The amount; positive, CNY.</param>
public readonly record struct AidInstalment(LocalDate DueOn, Money Amount);

using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.Activities;

/// <summary>Counting working days on an <see cref="IWorkingDayCalendar"/>.</summary>
public static class WorkingDays
{
    /// <summary>The date that is <paramref name="workingDays"/> working days after <paramref name="date"/>, counting
    /// from the day after it (so 1 is the next working day); <paramref name="date"/> itself for 0.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The starting date (it does not count, working day or not).</param>
    /// <param name="workingDays">How many working days; zero or more.</param>
    /// <exception cref="ArgumentException"><paramref name="workingDays"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working day in some stretch of 366 days, so the
    /// count would never end.</exception>
    public static LocalDate AddWorkingDays(this IWorkingDayCalendar calendar, LocalDate date, int workingDays)
    {
        Guard.Against.Null(calendar);
        Guard.Against.Negative(workingDays);
        var current = date;
        for (var found = 0; found < workingDays; found++)
        {
            var gap = 0;
            do
            {
                current = current.PlusDays(1);
                if (++gap > 366) throw new InvalidOperationException($"The calendar has no working day in the year after {current.PlusDays(-gap):uuuu-MM-dd}.");
            }
            while (!calendar.IsWorkingDay(current));
        }

        return current;
    }
}

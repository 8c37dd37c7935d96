using NodaTime;

namespace Volunteering.Domain.Activities;

/// <summary>
/// The default working-day calendar: Monday to Friday are working days, except the listed public holidays; the listed
/// make-up working days (调休, usually weekend days worked in exchange for a longer holiday) are working days too. The
/// State Council publishes the holiday and make-up dates each year; the host app supplies them.
/// </summary>
public sealed class WeekdayCalendar : IWorkingDayCalendar
{
    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<LocalDate> _makeUpWorkingDays;

    /// <summary>Creates a calendar.</summary>
    /// <param name="holidays">Public holidays (days off, usually weekdays); null for none.</param>
    /// <param name="makeUpWorkingDays">Make-up working days (usually Saturdays or Sundays); null for none.</param>
    /// <exception cref="ArgumentException">A date is both a holiday and a make-up working day.</exception>
    public WeekdayCalendar(IEnumerable<LocalDate>? holidays = null, IEnumerable<LocalDate>? makeUpWorkingDays = null)
    {
        _holidays = [.. holidays ?? []];
        _makeUpWorkingDays = [.. makeUpWorkingDays ?? []];
        foreach (var date in _makeUpWorkingDays)
        {
            if (_holidays.Contains(date)) throw new ArgumentException($"{date:uuuu-MM-dd} is listed both as a holiday and as a make-up working day.", nameof(makeUpWorkingDays));
        }
    }

    /// <summary>Monday to Friday, with no holidays and no make-up days.</summary>
    public static WeekdayCalendar MondayToFriday { get; } = new();

    /// <summary>The public holidays.</summary>
    public IReadOnlySet<LocalDate> Holidays => _holidays;

    /// <summary>The make-up working days.</summary>
    public IReadOnlySet<LocalDate> MakeUpWorkingDays => _makeUpWorkingDays;

    /// <inheritdoc />
    public bool IsWorkingDay(LocalDate day)
    {
        if (_makeUpWorkingDays.Contains(day)) return true;
        if (_holidays.Contains(day)) return false;
        return day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }
}

using NodaTime;

namespace Volunteering.Domain.Activities;

/// <summary>Says which dates are working days, for the recording deadline. Replace it to follow a region's official
/// holiday schedule; <see cref="WeekdayCalendar"/> is the default.</summary>
public interface IWorkingDayCalendar
{
    /// <summary>True when <paramref name="day"/> is a working day.</summary>
    /// <param name="day">A date (ISO calendar).</param>
    bool IsWorkingDay(LocalDate day);
}

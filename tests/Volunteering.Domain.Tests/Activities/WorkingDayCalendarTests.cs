using NodaTime;
using Volunteering.Domain.Activities;

namespace Volunteering.Domain.Tests.Activities;

/// <summary><see cref="WeekdayCalendar"/> and <see cref="WorkingDays.AddWorkingDays"/>.</summary>
public class WorkingDayCalendarTests
{
    private static readonly LocalDate Friday = new(2026, 6, 19);

    [Fact]
    public void Monday_to_Friday_are_working_days_and_weekends_are_not()
    {
        var calendar = WeekdayCalendar.MondayToFriday;
        Assert.Equal(
            [true, true, true, true, true, false, false],
            Enumerable.Range(0, 7).Select(d => calendar.IsWorkingDay(new LocalDate(2026, 6, 15).PlusDays(d))));
    }

    [Fact]
    public void Holidays_are_days_off_and_make_up_days_are_working_days()
    {
        var saturday = Friday.PlusDays(1);
        var calendar = new WeekdayCalendar([Friday], [saturday]);
        Assert.False(calendar.IsWorkingDay(Friday));
        Assert.True(calendar.IsWorkingDay(saturday));
        Assert.False(calendar.IsWorkingDay(saturday.PlusDays(1)));
        Assert.Equal([Friday], calendar.Holidays);
        Assert.Equal([saturday], calendar.MakeUpWorkingDays);
    }

    [Fact]
    public void Counting_starts_the_day_after_and_skips_days_off()
    {
        var calendar = WeekdayCalendar.MondayToFriday;
        Assert.Equal(Friday, calendar.AddWorkingDays(Friday, 0));
        Assert.Equal(new LocalDate(2026, 6, 22), calendar.AddWorkingDays(Friday, 1));
        Assert.Equal(new LocalDate(2026, 6, 22), calendar.AddWorkingDays(Friday.PlusDays(1), 1));   // from a Saturday
        Assert.Equal(new LocalDate(2026, 7, 3), calendar.AddWorkingDays(Friday, 10));
        Assert.Equal(new LocalDate(2026, 7, 6), new WeekdayCalendar([new LocalDate(2026, 6, 25)]).AddWorkingDays(Friday, 10));
    }

    [Fact]
    public void Inconsistent_or_empty_calendars_and_negative_counts_are_programmer_errors()
    {
        Assert.Throws<ArgumentException>(() => new WeekdayCalendar([Friday], [Friday]));
        Assert.Throws<ArgumentException>(() => WeekdayCalendar.MondayToFriday.AddWorkingDays(Friday, -1));
        Assert.Throws<InvalidOperationException>(() => new NoWorkingDays().AddWorkingDays(Friday, 1));
    }

    private sealed class NoWorkingDays : IWorkingDayCalendar
    {
        public bool IsWorkingDay(LocalDate day) => false;
    }
}

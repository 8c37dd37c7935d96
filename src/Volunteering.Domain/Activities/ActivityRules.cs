using Ardalis.GuardClauses;

namespace Volunteering.Domain.Activities;

/// <summary>
/// A scheme's rules for activity records. The defaults follow the national rules (志愿服务记录与证明出具办法): service and
/// evaluation entries are due within 10 working days after the activity ends, counted Monday to Friday; a witness or
/// recipient confirmation is not required before verification.
/// </summary>
public sealed record ActivityRules
{
    private readonly int _recordingWorkingDays = 10;
    private readonly IWorkingDayCalendar _calendar = WeekdayCalendar.MondayToFriday;

    /// <summary>The default rules.</summary>
    public static ActivityRules Default { get; } = new();

    /// <summary>How many working days after the activity's end date service and evaluation entries are due; the last
    /// of them is the last day (in the activity's time zone) on which an entry is on time. Default 10; zero means
    /// entries are due on the end date itself.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int RecordingWorkingDays
    {
        get => _recordingWorkingDays;
        init => _recordingWorkingDays = Guard.Against.Negative(value);
    }

    /// <summary>The working-day calendar. Default: <see cref="WeekdayCalendar.MondayToFriday"/>; supply a
    /// <see cref="WeekdayCalendar"/> with the year's holidays and make-up days.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IWorkingDayCalendar Calendar
    {
        get => _calendar;
        init => _calendar = Guard.Against.Null(value);
    }

    /// <summary>Whether verification needs a witness or recipient confirmation first. Default false.</summary>
    public bool RequireConfirmation { get; init; }
}

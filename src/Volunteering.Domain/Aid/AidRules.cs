using Ardalis.GuardClauses;
using Volunteering.Domain.Activities;

namespace Volunteering.Domain.Aid;

/// <summary>
/// A host's rules for aid deadlines, counted in working days on <see cref="Calendar"/>. The issue leaves the numbers
/// open; the defaults are this library's choice: the first opinion within 10 working days of submission, the notice
/// within 5 of the first opinion, a re-review within 5 of the objection, the decision within 5 of the notice's last
/// day, a payment within 5 of its instalment's due date, and the documentation of urgent aid within 5 of its payment.
/// Zero means "on the same day".
/// </summary>
public sealed record AidRules
{
    private readonly IWorkingDayCalendar _calendar = WeekdayCalendar.MondayToFriday;
    private readonly int _opinion = 10;
    private readonly int _notice = 5;
    private readonly int _reReview = 5;
    private readonly int _decision = 5;
    private readonly int _payment = 5;
    private readonly int _urgent = 5;

    /// <summary>The default rules.</summary>
    public static AidRules Default { get; } = new();

    /// <summary>The working-day calendar; <see cref="WeekdayCalendar.MondayToFriday"/> by default (supply one with the
    /// year's holidays and make-up days).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public IWorkingDayCalendar Calendar { get => _calendar; init => _calendar = Guard.Against.Null(value); }

    /// <summary>Working days from submission to the first opinion; 10 by default.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int OpinionWorkingDays { get => _opinion; init => _opinion = Guard.Against.Negative(value); }

    /// <summary>Working days from the first opinion to the public notice; 5 by default.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int NoticeWorkingDays { get => _notice; init => _notice = Guard.Against.Negative(value); }

    /// <summary>Working days from an objection to its re-review; 5 by default.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int ReReviewWorkingDays { get => _reReview; init => _reReview = Guard.Against.Negative(value); }

    /// <summary>Working days from the notice's last day to the decision; 5 by default.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int DecisionWorkingDays { get => _decision; init => _decision = Guard.Against.Negative(value); }

    /// <summary>Working days from an instalment's due date to its payment; 5 by default.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int PaymentWorkingDays { get => _payment; init => _payment = Guard.Against.Negative(value); }

    /// <summary>Working days from an urgent payment to its documentation; 5 by default.</summary>
    /// <exception cref="ArgumentException">Set to a negative number.</exception>
    public int UrgentDocumentationWorkingDays { get => _urgent; init => _urgent = Guard.Against.Negative(value); }
}

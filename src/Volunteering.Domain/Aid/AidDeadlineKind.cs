namespace Volunteering.Domain.Aid;

/// <summary>Which step of an application a deadline is for; each is counted in working days by
/// <see cref="AidRules"/>.</summary>
public enum AidDeadlineKind
{
    /// <summary>The first opinion, due <see cref="AidRules.OpinionWorkingDays"/> after submission.</summary>
    FirstOpinion = 1,

    /// <summary>The public notice, due <see cref="AidRules.NoticeWorkingDays"/> after the first opinion.</summary>
    Notice = 2,

    /// <summary>The re-review of an objection, due <see cref="AidRules.ReReviewWorkingDays"/> after it was lodged.</summary>
    ReReview = 3,

    /// <summary>The decision, due <see cref="AidRules.DecisionWorkingDays"/> after the notice's last day.</summary>
    Decision = 4,

    /// <summary>An approved instalment's payment, due <see cref="AidRules.PaymentWorkingDays"/> after its due date.</summary>
    Payment = 5,

    /// <summary>The documentation of urgent aid paid first, due <see cref="AidRules.UrgentDocumentationWorkingDays"/>
    /// after it was paid.</summary>
    UrgentDocumentation = 6,
}

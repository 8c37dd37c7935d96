using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>
/// A programme's figures for a period (see <see cref="AidRegister.Report"/>). Money moved is counted by the ledger
/// timestamp of each payment, reversal and contribution, in the programme's zone, so every money figure reconciles with
/// the ledger to the fen (<see cref="AidReconciliation"/>). Budget figures cover the budget periods the period
/// touches: a month's report under a yearly budget shows the year's budget and what is committed to it.
/// </summary>
public sealed class AidReport
{
    /// <summary>The programme.</summary>
    public required ProgrammeId Programme { get; init; }

    /// <summary>Its name.</summary>
    public required string ProgrammeName { get; init; }

    /// <summary>The period's dates, first and last inclusive, in the programme's zone.</summary>
    public required DateInterval Period { get; init; }

    /// <summary>The period as instants: from the start of its first day to the start of the day after its last.</summary>
    public required Interval Span { get; init; }

    /// <summary>Households with a positive net amount paid to them in the period (payments less reversals dated in
    /// it).</summary>
    public required int HouseholdsHelped { get; init; }

    /// <summary>Individuals (students and children) with a positive net amount paid to them in the period.</summary>
    public required int IndividualsHelped { get; init; }

    /// <summary>Students among <see cref="IndividualsHelped"/>.</summary>
    public required int StudentsFunded { get; init; }

    /// <summary>The net amount paid in the period: payments less reversals dated in it (a reversal of an earlier
    /// period's payment lowers this period's figure).</summary>
    public required Money TotalPaid { get; init; }

    /// <summary>The net amount paid to the households helped.</summary>
    public required Money PaidToHouseholds { get; init; }

    /// <summary><see cref="PaidToHouseholds"/> divided by <see cref="HouseholdsHelped"/>, rounded to the nearest fen
    /// (halves away from zero); zero when no household was helped.</summary>
    public required Money AveragePerHousehold { get; init; }

    /// <summary>Donations and allocations received into the fund in the period.</summary>
    public required Money Received { get; init; }

    /// <summary>The fund's balance at the end of the period, from the programme's events: everything received, less
    /// everything paid, plus everything reversed, up to the end.</summary>
    public required Money FundBalanceAtEnd { get; init; }

    /// <summary>The budgets of the budget periods the period touches (each counted once).</summary>
    public required Money Budget { get; init; }

    /// <summary>What approvals committed to those budget periods, less what revocations released: the budget used.</summary>
    public required Money BudgetCommitted { get; init; }

    /// <summary><see cref="Budget"/> less <see cref="BudgetCommitted"/>.</summary>
    public Money BudgetRemaining => Budget - BudgetCommitted;

    /// <summary>Applications submitted in the period.</summary>
    public required int ApplicationsSubmitted { get; init; }

    /// <summary>Applications approved (or urgent aid granted) in the period.</summary>
    public required int ApplicationsApproved { get; init; }

    /// <summary>Applications rejected in the period.</summary>
    public required int ApplicationsRejected { get; init; }

    /// <summary>Urgent grants in the period (also counted in <see cref="ApplicationsApproved"/>).</summary>
    public required int UrgentGrants { get; init; }

    /// <summary>Objections lodged in the period.</summary>
    public required int ObjectionsLodged { get; init; }

    /// <summary>Objections upheld on re-review in the period.</summary>
    public required int ObjectionsUpheld { get; init; }

    /// <summary>Micro-wishes posted in the period.</summary>
    public required int WishesPosted { get; init; }

    /// <summary>Micro-wishes fulfilled in the period.</summary>
    public required int WishesFulfilled { get; init; }

    /// <summary>The estimated cost of the wishes fulfilled in the period: value given in kind, not paid from the fund.</summary>
    public required Money WishValueFulfilled { get; init; }

    /// <summary>The public-notice list: notices whose first day is in the period, by first day and then masked name.</summary>
    public required IReadOnlyList<PublicNoticeEntry> Notices { get; init; }

    /// <summary>Every payment and reversal dated in the period, in ledger order; their sum is <see cref="TotalPaid"/>.</summary>
    public required IReadOnlyList<AidPaymentLine> Payments { get; init; }
}

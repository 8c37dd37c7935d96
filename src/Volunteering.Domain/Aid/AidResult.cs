namespace Volunteering.Domain.Aid;

/// <summary>The outcome of an aid command: <see cref="Ok"/>, <see cref="AlreadyDone"/> (an idempotent repeat, to be
/// treated as success) or one code naming the rule that refused it. A refused command changes nothing: no event is
/// raised on the programme, the application or the wish, and no money moves on the ledger.</summary>
public enum AidResult
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The same command was carried out before (a repeated payment id, a repeated review, ...); nothing changed
    /// this time.</summary>
    AlreadyDone = 1,

    // ---------------------------------------------------------------- programmes and funds

    /// <summary>No programme has the id.</summary>
    ProgrammeNotFound = 10,

    /// <summary>A programme with this id was established with other terms.</summary>
    ProgrammeExistsWithDifferentTerms = 11,

    /// <summary>A budget cannot be set below what is already committed to the period (approved instalments falling
    /// due in it, less what revocations released).</summary>
    BudgetBelowCommitted = 12,

    /// <summary>The contribution id was used in this programme for another donor, source or amount.</summary>
    ContributionExistsWithDifferentDetails = 13,

    /// <summary>The contribution id is used by another programme's contribution (its ledger transfer exists with other
    /// accounts).</summary>
    ContributionIdTaken = 14,

    // ---------------------------------------------------------------- the workflow

    /// <summary>No application has the id.</summary>
    ApplicationNotFound = 20,

    /// <summary>An application with this id was submitted with other details.</summary>
    ApplicationExistsWithDifferentDetails = 21,

    /// <summary>The beneficiary's kind or hardship category is not one the programme accepts.</summary>
    NotEligible = 22,

    /// <summary>The member of staff the applicant is related to may take no part in the application: not handle,
    /// review, give an opinion, publish, resolve, decide, revoke or authorise it.</summary>
    RelatedStaffExcluded = 23,

    /// <summary>The application is decided already (approved, rejected, revoked, or granted as urgent aid), so this
    /// step of the workflow is past.</summary>
    ApplicationDecided = 24,

    /// <summary>The first opinion has been given: reviews are closed.</summary>
    ReviewsClosed = 25,

    /// <summary>The first opinion needs at least two distinct initial reviewers recorded.</summary>
    TooFewReviewers = 26,

    /// <summary>The application involves a relative of staff and its separate review is not recorded yet.</summary>
    SeparateReviewRequired = 27,

    /// <summary>A separate review was offered for an application that involves no relative of staff.</summary>
    SeparateReviewNotRequired = 28,

    /// <summary>The separate reviewer must be neither the handler nor an initial reviewer (and an initial reviewer
    /// cannot be the separate reviewer).</summary>
    SeparateReviewerNotIndependent = 29,

    /// <summary>The first opinion has not been given (needed before the notice and the decision).</summary>
    FirstOpinionRequired = 30,

    /// <summary>A different first opinion was given already.</summary>
    FirstOpinionAlreadyGiven = 31,

    /// <summary>An instalment is not what the programme's benefit standard gives the household (a fixed or per-member
    /// standard is exact; a cap is a maximum).</summary>
    OutsideBenefitStandard = 32,

    /// <summary>The public notice has not been published (needed for objections and for the decision).</summary>
    NoticeNotPublished = 33,

    /// <summary>The notice was published already, by someone else.</summary>
    NoticeAlreadyPublished = 34,

    /// <summary>The notice period has not elapsed: the decision comes only after the notice's last day.</summary>
    NoticePeriodNotElapsed = 35,

    /// <summary>The notice period is over: objections are taken only while it runs.</summary>
    NoticePeriodOver = 36,

    /// <summary>The application has no objection with that number.</summary>
    ObjectionNotFound = 37,

    /// <summary>The objection was resolved already, differently.</summary>
    ObjectionAlreadyResolved = 38,

    /// <summary>An objection is waiting for its re-review: no decision until every objection is resolved.</summary>
    ObjectionsUnresolved = 39,

    /// <summary>Four eyes: the approver (or the authoriser of urgent aid) is the applicant's handler.</summary>
    ApproverIsHandler = 40,

    /// <summary>Four eyes: the approver reviewed the application (an initial or separate review, or an objection's
    /// re-review).</summary>
    ApproverIsReviewer = 41,

    /// <summary>A rejection, a revocation or a reversal must carry a reason that is not blank.</summary>
    ReasonRequired = 42,

    /// <summary>The application is for urgent aid: it is granted and paid first and documented after, not reviewed,
    /// noticed and approved.</summary>
    UrgentApplication = 43,

    /// <summary>The application is not for urgent aid, so it cannot be granted or documented as such.</summary>
    NotUrgent = 44,

    /// <summary>The reviewer already recorded a different review of this application.</summary>
    AlreadyReviewed = 45,

    // ---------------------------------------------------------------- budget and caps

    /// <summary>An instalment falls due in a budget period that has no budget set.</summary>
    NoBudgetForPeriod = 50,

    /// <summary>The budget of a period would be exceeded: what is committed to it plus this approval's instalments due
    /// in it is more than its budget.</summary>
    BudgetExceeded = 51,

    /// <summary>The beneficiary's cap per period would be exceeded.</summary>
    BeneficiaryCapExceeded = 52,

    /// <summary>The programme aids a beneficiary once per cause per year, and this beneficiary was approved aid for
    /// this cause this year already.</summary>
    CauseAlreadyAidedThisYear = 53,

    // ---------------------------------------------------------------- payments

    /// <summary>The application is not approved (or granted), so nothing can be paid or revoked.</summary>
    NotApproved = 60,

    /// <summary>The approved schedule has no instalment with that number.</summary>
    InstalmentNotFound = 61,

    /// <summary>The instalment is not due yet (its due date is after today in the programme's zone).</summary>
    InstalmentNotDue = 62,

    /// <summary>The instalment was cancelled by the approval's revocation.</summary>
    InstalmentCancelled = 63,

    /// <summary>The payment would take the instalment (and so the approval) beyond what was approved: the amount is
    /// more than the instalment's unpaid remainder.</summary>
    ExceedsApproval = 64,

    /// <summary>The payment id was used in this application for another instalment or amount.</summary>
    PaymentExistsWithDifferentDetails = 65,

    /// <summary>The payment id is used by another application's payment.</summary>
    PaymentIdTaken = 66,

    /// <summary>The application has no payment with that id.</summary>
    PaymentNotFound = 67,

    /// <summary>The programme's fund does not hold the amount: the fund never pays out more than it holds.</summary>
    FundInsufficient = 68,

    /// <summary>The revocation would cancel nothing: every instalment due from its effective date is paid.</summary>
    NothingToRevoke = 69,

    /// <summary>A revocation takes effect today or later: it stops future instalments only.</summary>
    RevocationBackdated = 70,

    // ---------------------------------------------------------------- urgent aid

    /// <summary>The programme pays no urgent aid (its urgent limit is zero).</summary>
    UrgentAidNotAllowed = 75,

    /// <summary>The urgent grant is above the programme's urgent limit.</summary>
    UrgentLimitExceeded = 76,

    /// <summary>Four eyes after the fact: urgent aid is documented by someone other than who authorised it.</summary>
    DocumenterIsAuthoriser = 77,

    /// <summary>The urgent aid was documented already, differently.</summary>
    UrgentAlreadyDocumented = 78,

    // ---------------------------------------------------------------- micro-wishes

    /// <summary>No wish has the id.</summary>
    WishNotFound = 80,

    /// <summary>A wish with this id was posted with other details.</summary>
    WishExistsWithDifferentDetails = 81,

    /// <summary>Wishes are posted only in a micro-wish round (<see cref="ProgrammeKind.MicroWishRound"/>).</summary>
    NotAWishRound = 82,

    /// <summary>Another donor has claimed the wish.</summary>
    WishAlreadyClaimed = 83,

    /// <summary>The wish is not claimed (needed to fulfil it or release the claim).</summary>
    WishNotClaimed = 84,

    /// <summary>The wish is fulfilled already, differently (or a fulfilled wish was to be released or cancelled).</summary>
    WishAlreadyFulfilled = 85,

    /// <summary>The wish was cancelled.</summary>
    WishCancelled = 86,

    // ---------------------------------------------------------------- the ledger

    /// <summary>The ledger refused a transfer or an account for another reason (a frozen or closed account, ...).</summary>
    LedgerRejected = 90,
}

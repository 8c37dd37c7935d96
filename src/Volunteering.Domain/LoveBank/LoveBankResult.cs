namespace Volunteering.Domain.LoveBank;

/// <summary>The outcome of a love-bank command: <see cref="Ok"/>, <see cref="AlreadyDone"/> for a repeat that changes
/// nothing, or the rule that refused it. A refusal writes nothing.</summary>
public enum LoveBankResult
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The same command was already carried out (same source, id or state); nothing changed.</summary>
    AlreadyDone = 1,

    // --- passbooks ---

    /// <summary>No passbook has the id.</summary>
    PassbookNotFound = 10,

    /// <summary>A passbook with the id exists for another holder.</summary>
    PassbookExistsForAnotherHolder = 11,

    // --- earning ---

    /// <summary>The rulebook in force has no rule for the contribution (no rate, category or bonus of that name).</summary>
    NoRuleForContribution = 20,

    /// <summary>The contribution converts to zero points under the rule and rounding in force.</summary>
    EarnsNothing = 21,

    /// <summary>The source was already awarded to another passbook, or with other details; a source earns once.</summary>
    SourceAlreadyAwarded = 22,

    /// <summary>No award from the source is live in the passbook (never awarded, or already reversed).</summary>
    AwardNotFound = 23,

    /// <summary>The activity or participation named does not exist.</summary>
    SourceNotFound = 24,

    /// <summary>The participation is not verified, so it has earned no service time yet.</summary>
    SourceNotVerified = 25,

    /// <summary>The participation belongs to another person than the passbook's holder.</summary>
    SourceOfAnotherHolder = 26,

    /// <summary>The points to reverse were already spent: the passbook no longer holds them.</summary>
    PointsAlreadySpent = 27,

    // --- deductions ---

    /// <summary>A deduction needs a rule name and a reason.</summary>
    DeductionReasonRequired = 30,

    /// <summary>The deduction is more than the passbook holds; a deduction never takes a passbook below zero.</summary>
    DeductionExceedsBalance = 31,

    /// <summary>The id was used for another deduction.</summary>
    DeductionIdTaken = 32,

    // --- catalogue and stock ---

    /// <summary>No catalogue item has the id.</summary>
    ItemNotFound = 40,

    /// <summary>An item with the id exists with other details.</summary>
    ItemExistsWithDifferentDetails = 41,

    /// <summary>The item was withdrawn from the catalogue.</summary>
    ItemWithdrawn = 42,

    /// <summary>The item is outside its availability window at the moment of the reservation.</summary>
    ItemNotAvailable = 43,

    /// <summary>No outlet has the id.</summary>
    OutletNotFound = 44,

    /// <summary>The outlet has fewer units in stock (not already reserved) than asked for.</summary>
    OutOfStock = 45,

    /// <summary>The write-off is more than the outlet's unreserved stock.</summary>
    WriteOffExceedsStock = 46,

    /// <summary>The id was used for another stock movement.</summary>
    MovementIdTaken = 47,

    // --- redemption ---

    /// <summary>The passbook has fewer available points than the redemption costs.</summary>
    InsufficientPoints = 50,

    /// <summary>The passbook has not yet had the service minutes the rulebook (or the item) requires before redeeming.</summary>
    ServiceThresholdNotMet = 51,

    /// <summary>The item is only for another kind of holder (persons or households).</summary>
    NotEligibleForItem = 52,

    /// <summary>The redemption would exceed the item's limit per holder per period.</summary>
    LimitPerPeriodReached = 53,

    /// <summary>No redemption has the id.</summary>
    RedemptionNotFound = 54,

    /// <summary>The redemption id is in use for another reservation.</summary>
    RedemptionIdTaken = 55,

    /// <summary>The redemption code does not match.</summary>
    WrongRedemptionCode = 56,

    /// <summary>The reservation's hold ran out; it can only be cancelled (its points and stock return).</summary>
    ReservationLapsed = 57,

    /// <summary>The redemption was fulfilled; a fulfilled redemption is final and is not refunded.</summary>
    RedemptionAlreadyFulfilled = 58,

    /// <summary>The redemption was cancelled or lapsed.</summary>
    RedemptionCancelled = 59,

    // --- exchange ---

    /// <summary>The rulebook in force allows no exchange in that direction.</summary>
    ExchangeNotAllowed = 60,

    /// <summary>The exchange converts to nothing at the rate and rounding in force.</summary>
    ExchangeTooSmall = 61,

    /// <summary>The source account holds less than the exchange takes.</summary>
    InsufficientSource = 62,

    /// <summary>The scheme has no linked time bank, or the person has no time-bank account.</summary>
    TimeBankAccountNotFound = 63,

    /// <summary>The id was used for another exchange.</summary>
    ExchangeIdTaken = 64,

    /// <summary>The ledger refused the movement for a reason the rules above do not name (a frozen or closed account,
    /// an overflow); nothing was written.</summary>
    LedgerRejected = 90,
}

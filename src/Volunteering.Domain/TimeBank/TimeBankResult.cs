namespace Volunteering.Domain.TimeBank;

/// <summary>The outcome of a time-bank operation: <see cref="Ok"/>, <see cref="AlreadyDone"/> (an idempotent repeat,
/// to be treated as success) or one code naming the rule that refused it. A refused operation changes nothing.</summary>
public enum TimeBankResult
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>The same operation was done before; nothing changed this time.</summary>
    AlreadyDone = 1,

    /// <summary>No account holder has the id.</summary>
    MemberNotFound = 10,

    /// <summary>The person already has an account with other details (same id, different profile).</summary>
    AccountExistsWithDifferentProfile = 11,

    /// <summary>No consent to record keeping was given; the rules require it before an account opens.</summary>
    ConsentRequired = 12,

    /// <summary>No service record has the id.</summary>
    ServiceRecordNotFound = 20,

    /// <summary>A service record with this id exists with other details.</summary>
    ServiceRecordExistsWithDifferentDetails = 21,

    /// <summary>The volunteer and the recipient of a service are the same person.</summary>
    ProviderIsRecipient = 22,

    /// <summary>The witness named for a service is the volunteer who gave it.</summary>
    WitnessIsProvider = 27,

    /// <summary>The service has not ended yet (its end is after the ledger clock's now); only given service is recorded.</summary>
    ServiceNotEnded = 28,

    /// <summary>The credited duration is longer than the span of the service.</summary>
    CreditedDurationExceedsServiceTime = 23,

    /// <summary>Only the recipient or the recorded witness may confirm or refuse a service.</summary>
    ConfirmerNotRecipientOrWitness = 24,

    /// <summary>The recipient or witness refused the record; it can never credit.</summary>
    ServiceRefused = 25,

    /// <summary>The record was already confirmed; it can no longer be refused.</summary>
    ServiceAlreadyConfirmed = 26,

    /// <summary>The volunteer was younger than the scheme's minimum depositor age on the day of the service.</summary>
    DepositorTooYoung = 30,

    /// <summary>The person is younger than the scheme's minimum redeemer age (and no hardship exception applies).</summary>
    RedeemerTooYoung = 31,

    /// <summary>The deposit or gift would take the account above the scheme's cap, and the scheme refuses the excess.</summary>
    AccountCapReached = 32,

    /// <summary>The service is outside the area where the member's time may be redeemed.</summary>
    OutsideRedemptionScope = 33,

    /// <summary>The receiver of a family gift is not a registered relative of the giver.</summary>
    NotFamily = 34,

    /// <summary>The person does not qualify for a grant from the community pool or the guarantee fund.</summary>
    NotEligibleForGrant = 35,

    /// <summary>Not enough time in the account (or in the pool or fund) for the withdrawal.</summary>
    InsufficientCredit = 36,

    /// <summary>The ledger refused the transfer for another reason (frozen or closed account, an id reused with other
    /// content, ...); see <see cref="TimeBankOutcome.LedgerResult"/>.</summary>
    LedgerRejected = 90,
}

namespace Volunteering.Domain.TimeBank;

/// <summary>The transfer codes the time bank writes on the ledger, so statements and reports can tell movements
/// apart.</summary>
public enum TimeBankTransferCode
{
    /// <summary>Hours deposited for a confirmed service (存入).</summary>
    Deposit = 101,

    /// <summary>The part of a deposit above the account cap, sent to the community pool.</summary>
    DepositOverflowToPool = 102,

    /// <summary>Hours withdrawn to pay for a service received (兑换).</summary>
    Redemption = 103,

    /// <summary>Hours given to a family member (转赠).</summary>
    FamilyGift = 104,

    /// <summary>Hours donated to the community pool (捐赠).</summary>
    PoolDonation = 105,

    /// <summary>Hours granted from the community pool to someone who cannot earn their own.</summary>
    PoolGrant = 106,

    /// <summary>Hours issued into the scheme's guarantee fund (保障基金).</summary>
    GuaranteeFunding = 107,

    /// <summary>Hours granted from the guarantee fund.</summary>
    GuaranteeGrant = 108,

    /// <summary>Hours credited for a verified participation in an activity (活动服务时长), or for an accepted correction
    /// of one.</summary>
    ActivityService = 109,

    /// <summary>The part of an activity credit above the account cap, sent to the community pool.</summary>
    ActivityServiceOverflowToPool = 110,
}

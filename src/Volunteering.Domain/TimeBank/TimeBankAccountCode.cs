namespace Volunteering.Domain.TimeBank;

/// <summary>The account codes the time bank gives its ledger accounts.</summary>
public enum TimeBankAccountCode
{
    /// <summary>A member's personal account.</summary>
    Member = 100,

    /// <summary>The scheme's issuing account.</summary>
    Issuing = 101,

    /// <summary>The community pool.</summary>
    Pool = 102,

    /// <summary>The guarantee fund.</summary>
    GuaranteeFund = 103,
}

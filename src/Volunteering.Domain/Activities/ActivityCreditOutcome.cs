using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>What crediting a participation's service time to the time bank did (or why it did not).</summary>
/// <param name="Code"><see cref="ActivityResult.Ok"/>, or the rule that refused the credit.</param>
/// <param name="LedgerResult">The ledger's answer to the transfers, or <see cref="TransferResult.Ok"/> when none was
/// tried.</param>
/// <param name="Deposited">Time credited to the volunteer's own account.</param>
/// <param name="ToPool">Time above the account cap that went to the community pool.</param>
public readonly record struct ActivityCreditOutcome(ActivityResult Code, TransferResult LedgerResult, TimeCredit Deposited, TimeCredit ToPool)
{
    /// <summary>True for <see cref="ActivityResult.Ok"/>.</summary>
    public bool IsOk => Code == ActivityResult.Ok;

    /// <summary>A refusal that tried no transfer.</summary>
    /// <param name="code">The rule.</param>
    public static ActivityCreditOutcome Refused(ActivityResult code) => new(code, TransferResult.Ok, TimeCredit.Zero, TimeCredit.Zero);
}

using NodaTime;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Aid;

/// <summary>What a movement of aid money on the ledger did (or why it did not).</summary>
/// <param name="Code"><see cref="AidResult.Ok"/> (also when the transfer existed already), or the rule that refused it.</param>
/// <param name="LedgerResult">The ledger's answer, or <see cref="TransferResult.Ok"/> when no transfer was tried.</param>
/// <param name="At">The ledger entry's timestamp when the transfer was applied (or found); otherwise default.</param>
public readonly record struct AidLedgerOutcome(AidResult Code, TransferResult LedgerResult, Instant At)
{
    /// <summary>True for <see cref="AidResult.Ok"/>.</summary>
    public bool IsOk => Code == AidResult.Ok;
}

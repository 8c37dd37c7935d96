namespace Volunteering.Domain.Storage;

/// <summary>What <see cref="LedgerAudit.VerifyAsync"/> found.</summary>
/// <param name="Entries">How many journal entries were read.</param>
/// <param name="Accounts">How many accounts the journal opened.</param>
/// <param name="Violations">Each broken invariant, described; empty when the store is sound. At most
/// <see cref="LedgerAudit.MaxViolations"/> are listed.</param>
public sealed record LedgerAuditReport(long Entries, int Accounts, IReadOnlyList<string> Violations)
{
    /// <summary>True when no invariant is broken.</summary>
    public bool IsClean => Violations.Count == 0;
}

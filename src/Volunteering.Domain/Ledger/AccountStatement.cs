using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>
/// An account's statement for a period: the balance at the start, each movement in the period, and the balance at the
/// end. Built from the per-entry running balances of the journal, without replaying it.
/// </summary>
public sealed class AccountStatement
{
    /// <summary>Creates a statement; <see cref="DoubleEntryLedger.GetStatement"/> is the usual way to get one.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="asset">Its asset.</param>
    /// <param name="period">The period covered: from its start (inclusive) to its end (exclusive).</param>
    /// <param name="openingBalance">The posted balance at the start of the period.</param>
    /// <param name="lines">The movements in the period, oldest first.</param>
    public AccountStatement(AccountId accountId, Asset asset, Interval period, long openingBalance, IReadOnlyList<StatementLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        AccountId = accountId;
        Asset = asset;
        Period = period;
        OpeningBalance = openingBalance;
        Lines = lines;
        var closing = openingBalance;
        foreach (var line in lines)
        {
            closing = checked(closing + line.Change);
        }

        ClosingBalance = closing;
    }

    /// <summary>The account.</summary>
    public AccountId AccountId { get; }

    /// <summary>The account's asset.</summary>
    public Asset Asset { get; }

    /// <summary>The period: start inclusive, end exclusive.</summary>
    public Interval Period { get; }

    /// <summary>The posted balance at the start of the period.</summary>
    public long OpeningBalance { get; }

    /// <summary>The movements in the period, oldest first.</summary>
    public IReadOnlyList<StatementLine> Lines { get; }

    /// <summary>The posted balance at the end of the period: the opening balance plus every line's change.</summary>
    public long ClosingBalance { get; }

    /// <summary>The sum of the credits in the period.</summary>
    public long TotalCredits => Lines.Where(static l => l.Change > 0).Sum(static l => l.Change);

    /// <summary>The sum of the debits in the period, as a positive number.</summary>
    public long TotalDebits => -Lines.Where(static l => l.Change < 0).Sum(static l => l.Change);
}

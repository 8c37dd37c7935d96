using System.Globalization;
using Ardalis.GuardClauses;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Aid;

/// <summary>
/// Checks an <see cref="AidReport"/> against the ledger, to the fen: the fund's statement over the report's span must
/// show exactly the report's payments, reversals and contributions and end at its fund balance, and every payment line
/// must be a ledger transfer of the same amount between the fund and the beneficiary's account, at the same instant.
/// </summary>
public static class AidReconciliation
{
    /// <summary>Reconciles a report with a ledger.</summary>
    /// <param name="report">The report.</param>
    /// <param name="ledger">The ledger the programme's money moved on.</param>
    /// <returns>Each discrepancy found, described; empty when the report reconciles.</returns>
    public static IReadOnlyList<string> Check(AidReport report, DoubleEntryLedger ledger)
    {
        Guard.Against.Null(report);
        Guard.Against.Null(ledger);
        var problems = new List<string>();
        var fund = AidFunds.FundAccountId(report.Programme);
        if (!ledger.TryGetAccount(fund, out _))
        {
            problems.Add($"The ledger has no fund account for programme {report.Programme}.");
            return problems;
        }

        var statement = ledger.GetStatement(fund, report.Span);
        long paid = 0, received = 0;
        var paymentEntries = 0;
        foreach (var line in statement.Lines)
        {
            switch ((AidTransferCode)line.Code)
            {
                case AidTransferCode.AidPayment:
                    paid -= line.Change;
                    paymentEntries++;
                    break;
                case AidTransferCode.Donation or AidTransferCode.Allocation:
                    received += line.Change;
                    break;
                default:
                    problems.Add(Say($"The fund moved {line.Change} fen under code {line.Code} in transfer {line.TransferId}, which no aid record explains."));
                    break;
            }
        }

        if (paid != report.TotalPaid.Fen) problems.Add(Say($"The report paid {report.TotalPaid.Fen} fen net; the fund's statement shows {paid}."));
        if (received != report.Received.Fen) problems.Add(Say($"The report received {report.Received.Fen} fen; the fund's statement shows {received}."));
        if (statement.ClosingBalance != report.FundBalanceAtEnd.Fen)
        {
            problems.Add(Say($"The report ends with {report.FundBalanceAtEnd.Fen} fen in the fund; the ledger holds {statement.ClosingBalance}."));
        }

        if (paymentEntries != report.Payments.Count)
        {
            problems.Add(Say($"The report lists {report.Payments.Count} payments and reversals; the fund's statement has {paymentEntries}."));
        }

        foreach (var line in report.Payments)
        {
            if (!ledger.TryGetTransfer(line.Transfer, out var transfer) || transfer.IsFailed)
            {
                problems.Add($"Payment {line.Payment} has no applied ledger transfer {line.Transfer}.");
                continue;
            }

            var account = AidFunds.BeneficiaryAccountId(report.Programme, line.Beneficiary);
            var (debit, credit) = line.IsReversal ? (account, fund) : (fund, account);
            if (transfer.Amount != Math.Abs(line.Amount.Fen) || transfer.DebitAccountId != debit || transfer.CreditAccountId != credit || transfer.Timestamp != line.At)
            {
                problems.Add(Say($"Payment {line.Payment}: the report has {line.Amount.Fen} fen at {line.At}; ledger transfer {line.Transfer} moved {transfer.Amount} fen from {transfer.DebitAccountId} to {transfer.CreditAccountId} at {transfer.Timestamp}."));
            }
        }

        return problems;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

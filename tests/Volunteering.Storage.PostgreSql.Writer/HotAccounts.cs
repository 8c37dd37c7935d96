using System.Globalization;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql.Writer;

/// <summary>
/// The ledger the multi-writer test works on: an issuing account without a floor and a few hot member accounts with
/// floor 0, all with fixed ids so every process names the same accounts. Every writer posts single transfers among
/// them: from the issuer to a member (5 minutes), or from one member to another (3 minutes, refused with
/// <see cref="TransferResult.ExceedsFloor"/> when the payer has too little — the refusal is journalled too, once).
/// </summary>
public static class HotAccounts
{
    /// <summary>How many hot member accounts there are.</summary>
    public const int MemberCount = 4;

    /// <summary>The transfer code every workload transfer carries.</summary>
    public const int TransferCode = 11;

    /// <summary>What the issuer pays a member.</summary>
    public const long IssueAmount = 5;

    /// <summary>What a member passes to another.</summary>
    public const long PassAmount = 3;

    /// <summary>The issuing account: no floor, so it can always pay.</summary>
    public static AccountId Issuer { get; } = new(new Guid("9a7e0000-0000-0000-0000-000000000001"));

    /// <summary>The hot member accounts: floor 0.</summary>
    public static IReadOnlyList<AccountId> Members { get; } =
        [.. Enumerable.Range(0, MemberCount).Select(i => new AccountId(new Guid(string.Create(CultureInfo.InvariantCulture, $"9a7e0000-0000-0000-0000-0000000001{i:x2}"))))];

    /// <summary>Every account of the workload.</summary>
    public static IReadOnlyList<AccountId> All { get; } = [Issuer, .. Members];

    /// <summary>Opens every workload account that is not open yet (idempotent).</summary>
    /// <param name="ledger">The ledger.</param>
    /// <returns><see cref="AccountResult.Ok"/> or <see cref="AccountResult.Exists"/> for the last one.</returns>
    public static AccountResult OpenAccounts(DoubleEntryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var result = Check(ledger.OpenAccount(new OpenAccountRequest(Issuer, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        foreach (var member in Members) result = Check(ledger.OpenAccount(new OpenAccountRequest(member, Asset.TimeCredit, member.Value, 2)));
        return result;
    }

    /// <summary>The next transfer of a writer: two in three from the issuer, one in three between members.</summary>
    /// <param name="random">The writer's random source.</param>
    public static TransferRequest Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var to = random.Next(MemberCount);
        if (random.Next(3) != 0) return TransferRequest.Post(TransferId.New(), Issuer, Members[to], IssueAmount, TransferCode);
        var from = (to + 1 + random.Next(MemberCount - 1)) % MemberCount;
        return TransferRequest.Post(TransferId.New(), Members[from], Members[to], PassAmount, TransferCode);
    }

    /// <summary>Submits one transfer through a <see cref="PersistentLedger"/>; when every attempt lost a race
    /// (<see cref="LedgerConcurrencyException"/>, nothing written) it tries again with the same transfer id.</summary>
    /// <param name="ledger">The writer's ledger.</param>
    /// <param name="request">The transfer.</param>
    /// <returns>The transfer's answer once it is decided and stored.</returns>
    public static async Task<TransferResult> SubmitAsync(PersistentLedger ledger, TransferRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ledger.ExecuteAsync(l => l.Submit(request)).ConfigureAwait(false);
            }
            catch (LedgerConcurrencyException) when (attempt < 1_000)
            {
                // Every attempt lost a race and nothing was written: the same transfer id is safe to try again.
            }
        }
    }

    /// <summary>The line a writer prints once a transfer was answered: <c>ACK {id:N} {debit:N} {credit:N} {amount} {result}</c>.</summary>
    /// <param name="request">The transfer.</param>
    /// <param name="result">Its answer.</param>
    public static string AckLine(TransferRequest request, TransferResult result)
    {
        return string.Create(CultureInfo.InvariantCulture, $"ACK {request.Id.Value:N} {request.DebitAccountId.Value:N} {request.CreditAccountId.Value:N} {request.Amount} {result}");
    }

    /// <summary>Reads a line written by <see cref="AckLine"/>; false for any other line.</summary>
    /// <param name="line">The line.</param>
    /// <param name="ack">The acknowledged transfer.</param>
    public static bool TryParseAck(string? line, out Acknowledged ack)
    {
        ack = default;
        var parts = line?.Split(' ');
        if (parts is not { Length: 6 } || parts[0] != "ACK") return false;
        if (!Guid.TryParseExact(parts[1], "N", out var id) || !Guid.TryParseExact(parts[2], "N", out var debit) || !Guid.TryParseExact(parts[3], "N", out var credit)) return false;
        if (!long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || !Enum.TryParse<TransferResult>(parts[5], out var result)) return false;
        ack = new Acknowledged(new TransferId(id), new AccountId(debit), new AccountId(credit), amount, result);
        return true;
    }

    private static AccountResult Check(AccountResult result)
        => result is AccountResult.Ok or AccountResult.Exists ? result : throw new InvalidOperationException($"Opening a workload account answered {result}.");
}

/// <summary>A transfer a writer acknowledged.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Debit">The paying account.</param>
/// <param name="Credit">The receiving account.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Result">The ledger's answer.</param>
public readonly record struct Acknowledged(TransferId Id, AccountId Debit, AccountId Credit, long Amount, TransferResult Result);

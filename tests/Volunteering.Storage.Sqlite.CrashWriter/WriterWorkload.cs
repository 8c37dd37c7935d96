using System.Globalization;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.CrashWriter;

/// <summary>
/// The ledger the writer processes (and the in-process writer tests) work on: one issuing account without a floor and
/// a few member accounts with floor 0, all with fixed ids so every process and every restart names the same accounts;
/// and linked batches of transfers whose memos say which batch they belong to, so a reader can tell whether a batch
/// is whole.
/// </summary>
public static class WriterWorkload
{
    /// <summary>How many member accounts there are.</summary>
    public const int MemberCount = 8;

    /// <summary>The transfer code every workload transfer carries.</summary>
    public const int TransferCode = 7;

    /// <summary>The issuing account: no floor, so it can always pay.</summary>
    public static AccountId Issuer { get; } = new(new Guid("5a1e0000-0000-0000-0000-000000000001"));

    /// <summary>The member accounts: floor 0.</summary>
    public static IReadOnlyList<AccountId> Members { get; } =
        [.. Enumerable.Range(0, MemberCount).Select(i => new AccountId(new Guid(string.Create(CultureInfo.InvariantCulture, $"5a1e0000-0000-0000-0000-0000000001{i:x2}"))))];

    /// <summary>Opens every workload account that is not open yet (idempotent).</summary>
    /// <param name="ledger">The ledger.</param>
    /// <returns>The last opening's answer (<see cref="AccountResult.Ok"/> or <see cref="AccountResult.Exists"/>).</returns>
    public static AccountResult OpenAccounts(DoubleEntryLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var result = ledger.OpenAccount(new OpenAccountRequest(Issuer, Asset.TimeCredit, Guid.Empty, 1, floor: null));
        Check(result);
        foreach (var member in Members)
        {
            result = ledger.OpenAccount(new OpenAccountRequest(member, Asset.TimeCredit, member.Value, 2));
            Check(result);
        }

        return result;
    }

    /// <summary>A linked batch of <paramref name="count"/> transfers: even members pay 5 minutes from the issuer to a
    /// member, odd members pass 2 of them on to another member, so every batch applies whatever the balances are.</summary>
    /// <param name="batchId">The batch's id, written into every memo.</param>
    /// <param name="count">1 or more transfers.</param>
    /// <param name="random">Chooses the members.</param>
    public static TransferRequest[] Batch(Guid batchId, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var requests = new TransferRequest[count];
        var last = 0;
        for (var i = 0; i < count; i++)
        {
            var memo = Memo(batchId, i, count);
            if (i % 2 == 0)
            {
                last = random.Next(MemberCount);
                requests[i] = TransferRequest.Post(TransferId.New(), Issuer, Members[last], 5, TransferCode, memo);
            }
            else
            {
                var to = (last + 1 + random.Next(MemberCount - 1)) % MemberCount;
                requests[i] = TransferRequest.Post(TransferId.New(), Members[last], Members[to], 2, TransferCode, memo);
            }
        }

        return requests;
    }

    /// <summary>Submits a linked batch through a <see cref="PersistentLedger"/>; when every attempt lost a race
    /// (<see cref="LedgerConcurrencyException"/>, nothing written) it tries again with the same transfer ids.</summary>
    /// <param name="ledger">The writer's ledger.</param>
    /// <param name="requests">The batch.</param>
    /// <returns>The batch's answer: <see cref="TransferResult.Ok"/> once it is in the store.</returns>
    public static async Task<TransferResult> SubmitAsync(PersistentLedger ledger, TransferRequest[] requests)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var results = new TransferResult[requests.Length];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ledger.ExecuteAsync(l => l.SubmitLinked(requests, results)).ConfigureAwait(false);
            }
            catch (LedgerConcurrencyException) when (attempt < 100)
            {
                // Every attempt lost a race and nothing was written: the same transfer ids are safe to try again.
            }
        }
    }

    /// <summary>The memo of member <paramref name="index"/> of a batch: <c>{batchId:N}:{index}:{count}</c>.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="index">The member's index.</param>
    /// <param name="count">The batch's size.</param>
    public static string Memo(Guid batchId, int index, int count)
        => string.Create(CultureInfo.InvariantCulture, $"{batchId:N}:{index}:{count}");

    /// <summary>Reads a memo written by <see cref="Memo"/>.</summary>
    /// <param name="memo">The memo.</param>
    /// <param name="batchId">The batch.</param>
    /// <param name="index">The member's index.</param>
    /// <param name="count">The batch's size.</param>
    public static bool TryParseMemo(string? memo, out Guid batchId, out int index, out int count)
    {
        batchId = Guid.Empty;
        index = count = 0;
        var parts = memo?.Split(':');
        return parts is { Length: 3 }
            && Guid.TryParseExact(parts[0], "N", out batchId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>The line a writer prints once a batch's append has returned: <c>ACK {batchId:N} {count} {id,id,...}</c>.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="requests">Its transfers.</param>
    public static string AckLine(Guid batchId, IReadOnlyList<TransferRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return string.Create(CultureInfo.InvariantCulture, $"ACK {batchId:N} {requests.Count} {string.Join(',', requests.Select(r => r.Id.Value.ToString("N", CultureInfo.InvariantCulture)))}");
    }

    /// <summary>Reads a line written by <see cref="AckLine"/>; false for any other line, or one cut short.</summary>
    /// <param name="line">The line.</param>
    /// <param name="batchId">The batch.</param>
    /// <param name="transferIds">Its transfer ids.</param>
    public static bool TryParseAck(string? line, out Guid batchId, out TransferId[] transferIds)
    {
        batchId = Guid.Empty;
        transferIds = [];
        var parts = line?.Split(' ');
        if (parts is not { Length: 4 } || parts[0] != "ACK" || !Guid.TryParseExact(parts[1], "N", out batchId)) return false;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return false;
        var ids = parts[3].Split(',');
        if (ids.Length != count) return false;
        var parsed = new TransferId[count];
        for (var i = 0; i < count; i++)
        {
            if (!Guid.TryParseExact(ids[i], "N", out var id)) return false;
            parsed[i] = new TransferId(id);
        }

        transferIds = parsed;
        return true;
    }

    private static void Check(AccountResult result)
    {
        if (result is not (AccountResult.Ok or AccountResult.Exists)) throw new InvalidOperationException($"Opening a workload account answered {result}.");
    }
}

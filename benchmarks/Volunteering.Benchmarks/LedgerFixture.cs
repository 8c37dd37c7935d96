using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Benchmarks;

/// <summary>Helpers that build ledgers for the benchmarks. Everything here runs in setup, never in a measured body.</summary>
internal static class LedgerFixture
{
    /// <summary>What each member account is funded with: far more than the benchmarks ever debit, so the floor
    /// check runs (floor 0) but never rejects.</summary>
    public const long Funding = 1_000_000_000;

    /// <summary>Opens an issuing account (no floor) and <paramref name="members"/> member accounts (floor 0), each funded
    /// with <see cref="Funding"/> by a post from the issuing account.</summary>
    public static void OpenAndFund(DoubleEntryLedger ledger, AccountId issuing, AccountId[] members)
    {
        Check(ledger.OpenAccount(new OpenAccountRequest(issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null)));
        foreach (var m in members)
        {
            Check(ledger.OpenAccount(new OpenAccountRequest(m, Asset.TimeCredit, m.Value, 2)));
        }

        foreach (var m in members)
        {
            Check(ledger.Submit(TransferRequest.Post(TransferId.New(), issuing, m, Funding, 1)));
        }
    }

    /// <summary>Deterministic account ids (so every iteration's fresh ledger has the same accounts).</summary>
    public static AccountId[] AccountIds(int count, int seed)
    {
        var random = new Random(seed);
        var ids = new AccountId[count];
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < ids.Length; i++)
        {
            random.NextBytes(bytes);
            ids[i] = new AccountId(new Guid(bytes));
        }

        return ids;
    }

    /// <summary>Two distinct indices in [0, count).</summary>
    public static (int Debit, int Credit) Pair(Random random, int count)
    {
        var d = random.Next(count);
        var c = random.Next(count - 1);
        if (c >= d) c++;
        return (d, c);
    }

    public static void Check(AccountResult result)
    {
        if (result != AccountResult.Ok) throw new InvalidOperationException($"Setup: opening an account answered {result}.");
    }

    public static void Check(TransferResult result)
    {
        if (result != TransferResult.Ok) throw new InvalidOperationException($"Setup: a transfer answered {result}.");
    }
}

using FsCheck;
using FsCheck.Fluent;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>
/// FsCheck generators for random ledger scenarios. Accounts and transfers are drawn from small pools, so duplicate ids,
/// repeats with different content, references to unknown or failed transfers and spent reservations happen often;
/// amounts are mostly small but reach <see cref="long.MaxValue"/>, so overflow is exercised too.
/// </summary>
public static class LedgerGen
{
    /// <summary>How many accounts a script names: pool indexes 0 to 5. Indexes 0 and 1 are the issuing accounts (no
    /// floor) of time credit and points; even indexes usually hold time credit and odd ones points.</summary>
    public const int AccountPool = 6;

    private static Gen<int> AccountIx => Gen.Choose(0, AccountPool - 1);

    private static Gen<int> DebitIx => Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Constant(1)), (6, AccountIx));

    /// <summary>A debit and a credit account: usually two different accounts of the same asset, sometimes any two.</summary>
    private static Gen<(int Debit, int Credit)> Pair =>
        from debit in DebitIx
        from credit in Gen.Frequency(
            (8, Gen.Choose(1, 2).Select(k => ((((debit / 2) + k) % 3) * 2) + (debit % 2))),
            (1, AccountIx))
        select (debit, credit);

    /// <summary>Often one of a handful of ids (collisions), mostly a fresh one.</summary>
    private static Gen<int> TransferIx => Gen.Frequency((1, Gen.Choose(0, 5)), (4, Gen.Choose(6, 999)));

    /// <summary>Mostly a recently applied pending (or posted) transfer, sometimes any pool id.</summary>
    private static Gen<int> RelatedIx => Gen.Frequency((4, Gen.Choose(-3, -1)), (1, Gen.Choose(0, 7)));

    /// <summary>An amount: mostly small, sometimes large, sometimes right at the top of the <see cref="long"/> range.</summary>
    public static Gen<long> Amount => Gen.Frequency(
        (12, Gen.Choose(1, 100).Select(static i => (long)i)),
        (3, Gen.Choose(101, 100_000).Select(static i => (long)i)),
        (2, Gen.Choose(0, 50).Select(static i => long.MaxValue - i)),
        (2, Gen.Choose(-25, 25).Select(static i => (long.MaxValue / 2) + i)),
        (1, Gen.Choose(1, int.MaxValue).SelectMany(static _ => Gen.Choose(1, int.MaxValue), static (a, b) => (long)a * b)));

    private static Gen<long?> Floor => Gen.Frequency(
        (3, Gen.Constant<long?>(null)),
        (5, Gen.Constant<long?>(0)),
        (1, Gen.Constant<long?>(-100)),
        (1, Gen.Constant<long?>(10)));

    private static Gen<long?> Ceiling => Gen.Frequency(
        (6, Gen.Constant<long?>(null)),
        (1, Gen.Constant<long?>(1_000)),
        (1, Gen.Constant<long?>(100_000)),
        (1, Gen.Constant<long?>(long.MaxValue - 20)),
        (1, Gen.Constant<long?>(-1)));

    /// <summary>An opening of any pool account, with mixed assets, floors and ceilings (sometimes a floor above the
    /// ceiling).</summary>
    public static Gen<LedgerOp> Open =>
        from account in AccountIx
        from asset in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1)))
        from floor in Floor
        from ceiling in Ceiling
        from owner in Gen.Choose(0, 1)
        from code in Gen.Choose(1, 2)
        select (LedgerOp)new OpenOp(account, asset, floor, ceiling, owner, code);

    private static Gen<TransferSpec> Post =>
        from id in TransferIx
        from pair in Pair
        from amount in Amount
        from code in Gen.Choose(1, 2)
        from memo in Gen.Choose(0, 2)
        select (TransferSpec)new PostSpec(id, pair.Debit, pair.Credit, amount, code, memo);

    private static Gen<TransferSpec> Pending =>
        from id in TransferIx
        from pair in Pair
        from amount in Amount
        from code in Gen.Choose(1, 2)
        from expiry in Gen.Frequency(
            (3, Gen.Constant<int?>(null)),
            (2, Gen.Elements(5, 10, 20, 30).Select(static s => (int?)s)),
            (1, Gen.Choose(1, 120).Select(static s => (int?)s)),
            (1, Gen.Choose(-5, 0).Select(static s => (int?)s)))
        select (TransferSpec)new PendingSpec(id, pair.Debit, pair.Credit, amount, code, expiry);

    private static Gen<TransferSpec> PostPending =>
        from id in TransferIx
        from pending in RelatedIx
        from mode in Gen.Frequency((4, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)), (2, Gen.Constant(3)))
        from amount in Amount
        select (TransferSpec)new PostPendingSpec(id, pending, mode, amount);

    private static Gen<TransferSpec> Void =>
        from id in TransferIx
        from pending in RelatedIx
        select (TransferSpec)new VoidSpec(id, pending);

    private static Gen<TransferSpec> Reverse =>
        from id in TransferIx
        from target in RelatedIx
        select (TransferSpec)new ReverseSpec(id, target);

    private static Gen<TransferSpec> Repeat =>
        from back in Gen.Choose(0, 6)
        from mutation in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Choose(1, 7)))
        select (TransferSpec)new RepeatSpec(back, mutation);

    /// <summary>Any transfer spec: post, pending, post-pending, void, reversal or repeat.</summary>
    public static Gen<TransferSpec> Spec => Gen.Frequency(
        (10, Post), (6, Pending), (5, PostPending), (3, Void), (3, Reverse), (4, Repeat));

    private static Gen<LedgerOp> Linked =>
        from n in Gen.Choose(1, 3)
        from members in Spec.ArrayOf(n)
        from poison in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, n)))
        select (LedgerOp)new LinkedOp(members, poison);

    /// <summary>Any operation: mostly submissions, and openings, linked batches, clock advances with expiry, freezes,
    /// unfreezes, closes and limit changes.</summary>
    public static Gen<LedgerOp> Operation => Gen.Frequency(
        (3, Open),
        (26, Spec.Select(static s => (LedgerOp)new SubmitOp(s))),
        (3, Linked),
        // Advances by the same steps expiries use, so "expires exactly now" happens often.
        (2, from s in Gen.Frequency((3, Gen.Elements(0, 5, 10, 20, 30)), (1, Gen.Choose(0, 90)))
            from e in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            select (LedgerOp)new AdvanceOp(s, e)),
        (2, AccountIx.Select(static a => (LedgerOp)new FreezeOp(a))),
        (2, AccountIx.Select(static a => (LedgerOp)new UnfreezeOp(a))),
        (1, AccountIx.Select(static a => (LedgerOp)new CloseOp(a))),
        (1, from a in AccountIx from f in Floor from c in Ceiling select (LedgerOp)new LimitsOp(a, f, c)));

    private static Gen<LedgerOp> OpenAt(int account) =>
        from asset in Gen.Frequency((9, Gen.Constant(account % 2)), (1, Gen.Constant(1 - (account % 2))))
        from floor in Floor
        from ceiling in Ceiling
        from owner in Gen.Choose(0, 1)
        select (LedgerOp)new OpenOp(account, asset, floor, ceiling, owner, 2);

    /// <summary>A script: the two issuing accounts and the other accounts of the pool, then up to
    /// <paramref name="maxOps"/> random operations.</summary>
    /// <param name="maxOps">The most random operations after the openings.</param>
    public static Gen<LedgerScript> Script(int maxOps) =>
        from opens in Gen.CollectToArray(Enumerable.Range(2, AccountPool - 2).Select(OpenAt))
        from n in Gen.Choose(0, maxOps)
        from body in Operation.ArrayOf(n)
        select new LedgerScript(
        [
            new OpenOp(0, 0, null, null, 0, 1),
            new OpenOp(1, 1, null, null, 0, 1),
            .. opens,
            .. body,
        ]);

    /// <summary>Shrinks a script by dropping chunks of operations, halving the chunk size down to single operations.</summary>
    /// <param name="script">The script.</param>
    public static IEnumerable<LedgerScript> Shrink(LedgerScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var ops = script.Ops;
        for (var size = ops.Count / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= ops.Count; start += size)
            {
                yield return new LedgerScript([.. ops.Take(start), .. ops.Skip(start + size)]);
            }
        }
    }

    /// <summary>Scripts of up to <paramref name="maxOps"/> random operations, shrinking with <see cref="Shrink"/>.</summary>
    /// <param name="maxOps">The most random operations after the openings.</param>
    public static Arbitrary<LedgerScript> Scripts(int maxOps) => Arb.From(Script(maxOps), Shrink);
}

using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using static Volunteering.Domain.Tests.Ledger.LedgerTestKit;

namespace Volunteering.Domain.Tests.Ledger;

// ------------------------------------------------------------------------------------------------------------
// Operations for the random (stateful) ledger tests. Ids are indexes into small pools so that collisions, duplicates
// and references to unknown or failed transfers happen often. A transfer spec is resolved into a request by
// SpecResolver, which looks only at what was submitted before (never at the engine), so the engine and the model see
// the same requests.
// ------------------------------------------------------------------------------------------------------------

/// <summary>One step of a random scenario.</summary>
public abstract record Op;

/// <summary>Open account <see cref="Account"/> of asset index <see cref="Asset"/> (0 time credit, 1 points).</summary>
public sealed record OpenOp(int Account, int Asset, long? Floor, long? Ceiling, int Owner, int Code) : Op;

/// <summary>Submit one transfer request.</summary>
public sealed record SubmitOp(Spec Spec) : Op;

/// <summary>Submit a linked batch; when <see cref="PoisonAt"/> is not negative a member that always fails
/// (debit account = credit account) is inserted there.</summary>
public sealed record LinkedOp(Spec[] Members, int PoisonAt) : Op
{
    public override string ToString() => $"LinkedOp {{ PoisonAt = {PoisonAt}, Members = [{string.Join(", ", Members.Select(static m => m.ToString()))}] }}";
}

/// <summary>Advance the clock, then (optionally) run <see cref="DoubleEntryLedger.ExpirePending"/>.</summary>
public sealed record AdvanceOp(int Seconds, bool Expire) : Op;

public sealed record FreezeOp(int Account) : Op;

public sealed record UnfreezeOp(int Account) : Op;

public sealed record CloseOp(int Account) : Op;

public sealed record LimitsOp(int Account, long? Floor, long? Ceiling) : Op;

/// <summary>What to submit; resolved into a <see cref="TransferRequest"/> by <see cref="SpecResolver"/>.</summary>
public abstract record Spec;

public sealed record PostSpec(int Id, int Debit, int Credit, long Amount, int Code, int Memo) : Spec;

/// <summary>A pending transfer; <see cref="ExpirySeconds"/> is relative to the clock when submitted (may be ≤ 0).</summary>
public sealed record PendingSpec(int Id, int Debit, int Credit, long Amount, int Code, int? ExpirySeconds) : Spec;

/// <summary>Post a pending transfer: <see cref="Mode"/> 0 the full pending amount, 1 half of it, 2 one more than it,
/// 3 <see cref="Amount"/>. A negative <see cref="Pending"/> names the (-n)-th most recently applied pending request,
/// any other value a pool id (which may be unknown, failed or not pending).</summary>
public sealed record PostPendingSpec(int Id, int Pending, int Mode, long Amount) : Spec;

/// <summary>Void a pending transfer; <see cref="Pending"/> as in <see cref="PostPendingSpec"/>.</summary>
public sealed record VoidSpec(int Id, int Pending) : Spec;

/// <summary>Reverse a transfer; a negative <see cref="Target"/> names the (-n)-th most recently applied post or
/// post-pending request, any other value a pool id.</summary>
public sealed record ReverseSpec(int Id, int Target) : Spec;

/// <summary>Submit again the <see cref="Back"/>-th most recent request, unchanged (<see cref="Mutation"/> 0) or with
/// one field changed.</summary>
public sealed record RepeatSpec(int Back, int Mutation) : Spec;

/// <summary>A random scenario: a list of operations.</summary>
public sealed class LedgerScript
{
    public LedgerScript(IReadOnlyList<Op> ops) => Ops = ops;

    public IReadOnlyList<Op> Ops { get; }

    public override string ToString()
        => $"{Ops.Count} ops:\n" + string.Join("\n", Ops.Select(static (o, i) => $"  [{i}] {o}"));
}

/// <summary>Turns specs into requests from the history of what was submitted.</summary>
public sealed class SpecResolver
{
    private static readonly string?[] Memos = [null, "a", "b"];
    private readonly List<TransferRequest> _submitted = [];
    private readonly Dictionary<TransferId, long> _pendingAmounts = [];
    private readonly List<TransferId> _pendings = [];
    private readonly List<TransferId> _movements = [];

    /// <summary>Every transfer id resolved so far.</summary>
    public HashSet<TransferId> Ids { get; } = [];

    public static AccountId Account(int index) => AccountAt(index);

    public static TransferId Id(int index) => TransferAt(index);

    public static Asset AssetOf(int index) => index == 0 ? Asset.TimeCredit : Asset.Points;

    /// <summary>The request <paramref name="spec"/> stands for now. Recorded as submitted (call before submitting).</summary>
    public TransferRequest Resolve(Spec spec, Instant now)
    {
        var request = spec switch
        {
            PostSpec p => TransferRequest.Post(Id(p.Id), Account(p.Debit), Account(p.Credit), p.Amount, p.Code, Memos[p.Memo]),
            PendingSpec p => TransferRequest.Pending(Id(p.Id), Account(p.Debit), Account(p.Credit), p.Amount, p.Code,
                p.ExpirySeconds is { } s ? now + Duration.FromSeconds(s) : null),
            PostPendingSpec p => TransferRequest.PostPending(Id(p.Id), Related(p.Pending, _pendings), PostAmount(Related(p.Pending, _pendings), p.Mode, p.Amount)),
            VoidSpec v => TransferRequest.VoidPending(Id(v.Id), Related(v.Pending, _pendings)),
            ReverseSpec r => TransferRequest.Reverse(Id(r.Id), Related(r.Target, _movements)),
            RepeatSpec r => Repeat(r, now),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "unknown spec"),
        };
        Record(request);
        return request;
    }

    /// <summary>Notes a request submitted without a spec.</summary>
    public void Record(TransferRequest request)
    {
        _submitted.Add(request);
        Ids.Add(request.Id);
        Ids.Add(request.RelatedTransferId);
        if (request.Kind == TransferKind.Pending) _pendingAmounts[request.Id] = request.Amount;
    }

    /// <summary>Notes that a request was applied, so later specs can name it as their related transfer. Whoever runs
    /// the requests calls this; the engine and the model agree on it or their test fails at that step.</summary>
    public void Applied(TransferRequest request)
    {
        if (request.Kind == TransferKind.Pending) _pendings.Add(request.Id);
        if (request.Kind is TransferKind.Post or TransferKind.PostPending) _movements.Add(request.Id);
    }

    private static TransferId Related(int reference, List<TransferId> recent)
        => reference >= 0 ? Id(reference) : recent.Count == 0 ? Id(0) : recent[Math.Max(0, recent.Count + reference)];

    private long PostAmount(TransferId pending, int mode, long fixedAmount)
    {
        if (!_pendingAmounts.TryGetValue(pending, out var amount)) return fixedAmount;
        return mode switch
        {
            0 => amount,
            1 => Math.Max(1, amount / 2),
            2 => amount == long.MaxValue ? amount : amount + 1,
            _ => fixedAmount,
        };
    }

    private TransferRequest Repeat(RepeatSpec spec, Instant now)
    {
        if (_submitted.Count == 0) return TransferRequest.Post(Id(0), Account(0), Account(1), 1, 1);
        var r = _submitted[_submitted.Count - 1 - (spec.Back % _submitted.Count)];
        var memo = r.Memo == "b" ? "a" : "b";
        switch (spec.Mutation)
        {
            case 1 when r.Amount is > 0 and < long.MaxValue:
                return r.Kind switch
                {
                    TransferKind.Post => TransferRequest.Post(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount + 1, r.Code, r.Memo),
                    TransferKind.Pending => TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount + 1, r.Code, r.ExpiresAt, r.Memo),
                    _ => TransferRequest.PostPending(r.Id, r.RelatedTransferId, r.Amount + 1, r.Memo),
                };
            case 3 when r.Kind is TransferKind.Post or TransferKind.Pending:
                return r.Kind == TransferKind.Post
                    ? TransferRequest.Post(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code + 1, r.Memo)
                    : TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code + 1, r.ExpiresAt, r.Memo);
            case 4 when r.Kind is TransferKind.Post:
                return TransferRequest.Post(r.Id, r.CreditAccountId, r.DebitAccountId, r.Amount, r.Code, r.Memo);
            case 4 when r.Kind is TransferKind.PostPending or TransferKind.VoidPending or TransferKind.Reversal:
            {
                var other = r.RelatedTransferId == Id(0) ? Id(1) : Id(0);
                return r.Kind switch
                {
                    TransferKind.PostPending => TransferRequest.PostPending(r.Id, other, r.Amount, r.Memo),
                    TransferKind.VoidPending => TransferRequest.VoidPending(r.Id, other, r.Memo),
                    _ => TransferRequest.Reverse(r.Id, other, r.Memo),
                };
            }

            case 5 when r.Kind is TransferKind.Pending:
                return TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code,
                    r.ExpiresAt is null ? now + Duration.FromHours(1) : null, r.Memo);
            case 6:
                return r.Kind == TransferKind.Post
                    ? TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code)
                    : TransferRequest.Post(r.Id, Account(0), Account(1), 1, 1);
            case 0:
                return r;
            default:
                return r.Kind switch
                {
                    TransferKind.Post => TransferRequest.Post(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code, memo),
                    TransferKind.Pending => TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code, r.ExpiresAt, memo),
                    TransferKind.PostPending => TransferRequest.PostPending(r.Id, r.RelatedTransferId, r.Amount, memo),
                    TransferKind.VoidPending => TransferRequest.VoidPending(r.Id, r.RelatedTransferId, memo),
                    _ => TransferRequest.Reverse(r.Id, r.RelatedTransferId, memo),
                };
        }
    }

    /// <summary>The member that always fails: the same account on both sides.</summary>
    public TransferRequest Poison(int id)
    {
        var poison = TransferRequest.Post(Id(id), Account(0), Account(0), 1, 1);
        Record(poison);
        return poison;
    }
}

/// <summary>Generators for the random ledger scenarios.</summary>
public static class LedgerGen
{
    public const int AccountPool = 6;

    /// <summary>Accounts 0 and 1 are opened first as the issuing accounts (no floor) of the two assets.</summary>
    private static Gen<int> AccountIx => Gen.Choose(0, AccountPool - 1);

    private static Gen<int> DebitIx => Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Constant(1)), (6, AccountIx));

    /// <summary>A debit and a credit account: usually two different accounts of the same asset (the opening prefix
    /// gives even accounts time credit and odd ones points), sometimes any two.</summary>
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

    /// <summary>Mostly small, sometimes large, sometimes right at the top of the range.</summary>
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

    public static Gen<Op> Open =>
        from account in AccountIx
        from asset in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1)))
        from floor in Floor
        from ceiling in Ceiling
        from owner in Gen.Choose(0, 1)
        from code in Gen.Choose(1, 2)
        select (Op)new OpenOp(account, asset, floor, ceiling, owner, code);

    private static Gen<Spec> Post =>
        from id in TransferIx
        from pair in Pair
        from amount in Amount
        from code in Gen.Choose(1, 2)
        from memo in Gen.Choose(0, 2)
        select (Spec)new PostSpec(id, pair.Debit, pair.Credit, amount, code, memo);

    private static Gen<Spec> Pending =>
        from id in TransferIx
        from pair in Pair
        from amount in Amount
        from code in Gen.Choose(1, 2)
        from expiry in Gen.Frequency(
            (3, Gen.Constant<int?>(null)),
            (2, Gen.Elements(5, 10, 20, 30).Select(static s => (int?)s)),
            (1, Gen.Choose(1, 120).Select(static s => (int?)s)),
            (1, Gen.Choose(-5, 0).Select(static s => (int?)s)))
        select (Spec)new PendingSpec(id, pair.Debit, pair.Credit, amount, code, expiry);

    private static Gen<Spec> PostPending =>
        from id in TransferIx
        from pending in RelatedIx
        from mode in Gen.Frequency((4, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)), (2, Gen.Constant(3)))
        from amount in Amount
        select (Spec)new PostPendingSpec(id, pending, mode, amount);

    private static Gen<Spec> Void =>
        from id in TransferIx
        from pending in RelatedIx
        select (Spec)new VoidSpec(id, pending);

    private static Gen<Spec> Reverse =>
        from id in TransferIx
        from target in RelatedIx
        select (Spec)new ReverseSpec(id, target);

    private static Gen<Spec> Repeat =>
        from back in Gen.Choose(0, 6)
        from mutation in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Choose(1, 7)))
        select (Spec)new RepeatSpec(back, mutation);

    public static Gen<Spec> Spec => Gen.Frequency(
        (10, Post), (6, Pending), (5, PostPending), (3, Void), (3, Reverse), (4, Repeat));

    private static Gen<Op> Linked =>
        from n in Gen.Choose(1, 3)
        from members in Spec.ArrayOf(n)
        from poison in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, n)))
        select (Op)new LinkedOp(members, poison);

    public static Gen<Op> Operation => Gen.Frequency(
        (3, Open),
        (26, Spec.Select(static s => (Op)new SubmitOp(s))),
        (3, Linked),
        // Advances by the same steps expiries use, so "expires exactly now" happens often.
        (2, from s in Gen.Frequency((3, Gen.Elements(0, 5, 10, 20, 30)), (1, Gen.Choose(0, 90)))
            from e in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            select (Op)new AdvanceOp(s, e)),
        (2, AccountIx.Select(static a => (Op)new FreezeOp(a))),
        (2, AccountIx.Select(static a => (Op)new UnfreezeOp(a))),
        (1, AccountIx.Select(static a => (Op)new CloseOp(a))),
        (1, from a in AccountIx from f in Floor from c in Ceiling select (Op)new LimitsOp(a, f, c)));

    private static Gen<Op> OpenAt(int account) =>
        from asset in Gen.Frequency((9, Gen.Constant(account % 2)), (1, Gen.Constant(1 - (account % 2))))
        from floor in Floor
        from ceiling in Ceiling
        from owner in Gen.Choose(0, 1)
        select (Op)new OpenOp(account, asset, floor, ceiling, owner, 2);

    /// <summary>The two issuing accounts and the other accounts of the pool, then up to <paramref name="maxOps"/> random operations.</summary>
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

    /// <summary>Shrinks by dropping chunks, then single operations.</summary>
    public static IEnumerable<LedgerScript> Shrink(LedgerScript script)
    {
        var ops = script.Ops;
        for (var size = ops.Count / 2; size >= 1; size /= 2)
        {
            for (var start = 0; start + size <= ops.Count; start += size)
            {
                yield return new LedgerScript([.. ops.Take(start), .. ops.Skip(start + size)]);
            }
        }
    }

    public static Arbitrary<LedgerScript> Scripts(int maxOps) => Arb.From(Script(maxOps), Shrink);
}

/// <summary>The arbitrary the [Property] tests use: up to 60 operations.</summary>
public static class LedgerArbitraries
{
    public static Arbitrary<LedgerScript> Scripts() => LedgerGen.Scripts(60);
}

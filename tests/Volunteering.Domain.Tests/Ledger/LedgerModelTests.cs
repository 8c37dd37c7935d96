using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Storage.Testing.Scripts;
using Xunit.Sdk;
using static Volunteering.Domain.Tests.Ledger.LedgerTestKit;

namespace Volunteering.Domain.Tests.Ledger;

/// <summary>
/// Model-based test: a deliberately simple reference ledger (<see cref="ReferenceLedger"/>, plain dictionaries and
/// the rules as the result codes document them) runs side by side with the engine over random operation sequences.
/// After every step both must agree on accept versus reject, on the rejection code (the model works out every rule a
/// request breaks; the engine must name one of them, and the only one when there is one), and on every account's
/// posted and pending totals, flags and limits and every transfer's state.
/// </summary>
public class LedgerModelTests
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public void Engine_agrees_with_the_reference_model_after_every_step(LedgerScript script)
    {
        var run = new ModelRun();
        run.Run(script);
    }

    [Fact]
    public void The_model_decides_a_single_rule_exactly_often_enough_to_matter()
    {
        var exact = 0;
        var rejected = 0;
        foreach (var script in LedgerGen.Script(60).Sample(60, new Rnd(42UL), 40))
        {
            var run = new ModelRun();
            run.Run(script);
            exact += run.ExactRejections;
            rejected += run.Rejections;
        }

        // Most rejections break exactly one rule, so the exact code is compared, not just "rejected".
        Assert.True(exact * 2 > rejected, $"{exact} of {rejected} rejections had a single possible code");
    }

    [Fact]
    public void The_model_itself_follows_the_documented_rules()
    {
        // A tiny hand-checked scenario, so a wrong model cannot silently agree with a wrong engine.
        var model = new ReferenceLedger();
        var mint = AccountAt(0);
        var a = AccountAt(1);
        var b = AccountAt(2);
        Assert.Empty(model.Open(new OpenAccountRequest(mint, Asset.Points, Guid.Empty, 1, floor: null)));
        Assert.Empty(model.Open(new OpenAccountRequest(a, Asset.Points, Guid.Empty, 1)));
        Assert.Empty(model.Open(new OpenAccountRequest(b, Asset.Points, Guid.Empty, 1, 0, 50)));
        Assert.Equal(new[] { AccountResult.Exists }, model.Open(new OpenAccountRequest(a, Asset.Points, Guid.Empty, 1)));
        var fund = TransferRequest.Post(TransferAt(0), mint, a, 100, 1);
        Assert.Empty(model.Decide(fund));
        model.Apply(fund);
        Assert.Equal(new[] { TransferResult.Exists }, model.Decide(fund));
        var hold = TransferRequest.Pending(TransferAt(1), a, b, 40, 1);
        Assert.Empty(model.Decide(hold));
        model.Apply(hold);
        Assert.Equal(new[] { TransferResult.ExceedsFloor }, model.Decide(TransferRequest.Post(TransferAt(2), a, mint, 61, 1)));
        Assert.Equal(new[] { TransferResult.ExceedsCeiling }, model.Decide(TransferRequest.Post(TransferAt(2), mint, b, 11, 1)));
        Assert.Equal(new[] { TransferResult.ExceedsPendingAmount }, model.Decide(TransferRequest.PostPending(TransferAt(2), TransferAt(1), 41)));
        Assert.Equal(
            new[] { TransferResult.AccountsMustBeDifferent, TransferResult.ExceedsFloor }.Order(),
            model.Decide(TransferRequest.Post(TransferAt(2), a, a, 61, 1)).Order());
        Assert.Equal((100L, 40L), ((long)model.Accounts[a].Balance, (long)model.Accounts[a].DebitsPending));
    }
}

/// <summary>Runs a script on the engine and on the reference model and compares them after every step.</summary>
internal sealed class ModelRun
{
    private readonly FakeClock _clock = NewClock();
    private readonly DoubleEntryLedger _engine;
    private readonly ReferenceLedger _model = new();
    private readonly SpecResolver _resolver = new();

    public ModelRun() => _engine = new DoubleEntryLedger(_clock);

    public int Rejections { get; private set; }

    public int ExactRejections { get; private set; }

    public void Run(LedgerScript script)
    {
        for (var i = 0; i < script.Ops.Count; i++)
        {
            try
            {
                Step(script.Ops[i]);
                Compare();
            }
            catch (Exception ex) when (ex is not XunitException { Message: var m } || !m.StartsWith("step ", StringComparison.Ordinal))
            {
                throw new XunitException($"step {i} ({script.Ops[i]}): {ex.Message}", ex);
            }
        }
    }

    private void Step(LedgerOp op)
    {
        switch (op)
        {
            case OpenOp o:
                if (o.Floor > o.Ceiling) return; // a programmer error; LedgerPropertyTests checks the guard
                var opening = LedgerScripts.Opening(o);
                ExpectAccount(_model.Open(opening), _engine.OpenAccount(opening));
                break;
            case SubmitOp s:
            {
                var request = _resolver.Resolve(s.Spec, _clock.GetCurrentInstant());
                var possible = _model.Decide(request);
                var actual = _engine.Submit(request);
                if (possible.Count == 0)
                {
                    Assert.Equal(TransferResult.Ok, actual);
                    _model.Apply(request);
                    _resolver.Applied(request);
                }
                else
                {
                    ExpectRejection(possible, actual);
                    if (actual.IsStateRejection()) _model.Fail(request, actual);
                }

                break;
            }

            case LinkedOp l:
                Linked(l);
                break;
            case AdvanceOp a:
                _clock.AdvanceSeconds(a.Seconds);
                _model.Now = _clock.GetCurrentInstant();
                if (a.Expire) Assert.Equal(_model.ExpirePending(), _engine.ExpirePending());
                break;
            case FreezeOp f:
                ExpectAccount(_model.Freeze(AccountAt(f.Account)), _engine.FreezeAccount(AccountAt(f.Account)));
                break;
            case UnfreezeOp u:
                ExpectAccount(_model.Unfreeze(AccountAt(u.Account)), _engine.UnfreezeAccount(AccountAt(u.Account)));
                break;
            case CloseOp c:
                ExpectAccount(_model.Close(AccountAt(c.Account)), _engine.CloseAccount(AccountAt(c.Account)));
                break;
            case LimitsOp l:
                if (l.Floor > l.Ceiling) return;
                ExpectAccount(_model.ChangeLimits(AccountAt(l.Account), l.Floor, l.Ceiling), _engine.ChangeLimits(AccountAt(l.Account), l.Floor, l.Ceiling));
                break;
        }
    }

    private void Linked(LinkedOp op)
    {
        var requests = new List<TransferRequest>();
        for (var i = 0; i <= op.Members.Count; i++)
        {
            if (i == op.PoisonAt) requests.Add(_resolver.Poison(op.Members.Count + i));
            if (i < op.Members.Count) requests.Add(_resolver.Resolve(op.Members[i], _clock.GetCurrentInstant()));
        }

        // The model applies the members one by one to a copy and keeps it only if all of them pass.
        var trial = _model.Clone();
        var failedAt = -1;
        List<TransferResult> possible = [];
        var outcomes = new bool[requests.Count];
        for (var i = 0; i < requests.Count && failedAt < 0; i++)
        {
            possible = trial.Decide(requests[i]);
            if (possible.Count == 0)
            {
                trial.Apply(requests[i]);
                outcomes[i] = true;
            }
            else if (!possible.All(static p => p == TransferResult.Exists))
            {
                failedAt = i;
            }
        }

        var results = new TransferResult[requests.Count];
        var code = _engine.SubmitLinked(requests.ToArray(), results);
        if (failedAt < 0)
        {
            Assert.Equal(TransferResult.Ok, code);
            for (var i = 0; i < requests.Count; i++)
            {
                Assert.Equal(outcomes[i] ? TransferResult.Ok : TransferResult.Exists, results[i]);
                if (outcomes[i]) _resolver.Applied(requests[i]);
            }

            _model.Adopt(trial);
            return;
        }

        ExpectRejection(possible, code);
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(i == failedAt ? code : TransferResult.LinkedEventFailed, results[i]);
        }
    }

    private void ExpectRejection(List<TransferResult> possible, TransferResult actual)
    {
        if (possible.Count == 1 && possible.Single() == TransferResult.Exists)
        {
            Assert.Equal(TransferResult.Exists, actual);
            return;
        }

        Rejections++;
        if (possible.Count == 1) ExactRejections++;
        Assert.True(possible.Contains(actual), $"engine answered {actual}; the model allows only {string.Join(", ", possible)}");
    }

    private static void ExpectAccount(List<AccountResult> possible, AccountResult actual)
    {
        if (possible.Count == 0)
        {
            Assert.Equal(AccountResult.Ok, actual);
            return;
        }

        Assert.True(possible.Contains(actual), $"engine answered {actual}; the model allows only {string.Join(", ", possible)}");
    }

    private void Compare()
    {
        Assert.Equal(_model.Accounts.Count, _engine.AccountCount);
        foreach (var (id, m) in _model.Accounts)
        {
            Assert.True(_engine.TryGetAccount(id, out var e), $"engine lacks account {id}");
            Assert.Equal(
                ((long)m.DebitsPosted, (long)m.CreditsPosted, (long)m.DebitsPending, (long)m.CreditsPending, m.Floor, m.Ceiling, m.Frozen, m.Closed, m.Opening.Asset),
                (e.DebitsPosted, e.CreditsPosted, e.DebitsPending, e.CreditsPending, e.Floor, e.Ceiling, e.IsFrozen, e.IsClosed, e.Asset));
            Assert.Equal((long)m.Balance, _engine.GetBalance(id));
        }

        foreach (var (id, t) in _model.Transfers)
        {
            Assert.True(_engine.TryGetTransfer(id, out var e), $"engine lacks transfer {id}");
            Assert.Equal(t.Request, e.Request);
            Assert.Equal(t.Failed, e.IsFailed);
            if (t.Failed) continue;
            Assert.Equal((t.Debit, t.Credit, t.Amount, t.State, t.Reversed), (e.DebitAccountId, e.CreditAccountId, e.Amount, e.PendingState, !e.ReversedBy.IsEmpty));
        }

        foreach (var id in _resolver.Ids)
        {
            Assert.Equal(_model.Transfers.ContainsKey(id), _engine.TryGetTransfer(id, out _));
        }
    }
}

/// <summary>
/// The reference model: the ledger's rules written out plainly, independently of the engine. Each decision returns
/// every rule the request breaks (empty: accept), so the engine may report them in any order of precedence.
/// </summary>
internal sealed class ReferenceLedger
{
    private static readonly Int128 Max = long.MaxValue;

    public Dictionary<AccountId, ModelAccount> Accounts { get; private set; } = [];

    public Dictionary<TransferId, ModelTransfer> Transfers { get; private set; } = [];

    public Instant Now { get; set; } = LedgerTestKit.Start;

    public ReferenceLedger Clone() => new()
    {
        Accounts = Accounts.ToDictionary(static kv => kv.Key, static kv => kv.Value with { }),
        Transfers = Transfers.ToDictionary(static kv => kv.Key, static kv => kv.Value with { }),
        Now = Now,
    };

    public void Adopt(ReferenceLedger other)
    {
        Accounts = other.Accounts;
        Transfers = other.Transfers;
    }

    // --- accounts ---

    public List<AccountResult> Open(OpenAccountRequest r)
    {
        if (Accounts.TryGetValue(r.Id, out var a))
        {
            var o = a.Opening;
            var diff = new List<AccountResult>();
            if (o.Asset != r.Asset) diff.Add(AccountResult.ExistsWithDifferentAsset);
            if (o.OwnerId != r.OwnerId) diff.Add(AccountResult.ExistsWithDifferentOwner);
            if (o.Code != r.Code) diff.Add(AccountResult.ExistsWithDifferentCode);
            if (o.Floor != r.Floor || o.Ceiling != r.Ceiling) diff.Add(AccountResult.ExistsWithDifferentLimits);
            return diff.Count > 0 ? diff : [AccountResult.Exists];
        }

        // A new account's balance is zero; the limits must admit it.
        if (r.Floor > 0 || r.Ceiling < 0) return [AccountResult.LimitsWouldBeViolated];
        Accounts.Add(r.Id, new ModelAccount { Opening = r, Floor = r.Floor, Ceiling = r.Ceiling });
        return [];
    }

    public List<AccountResult> Freeze(AccountId id)
        => Change(id, a => a.Frozen = true, a => a.Frozen ? AccountResult.AlreadyFrozen : null);

    public List<AccountResult> Unfreeze(AccountId id)
        => Change(id, a => a.Frozen = false, a => a.Frozen ? null : AccountResult.NotFrozen);

    public List<AccountResult> Close(AccountId id)
        => Change(
            id,
            a => a.Closed = true,
            a => a.DebitsPending != 0 || a.CreditsPending != 0 ? AccountResult.HasPendingTransfers : null,
            a => a.Balance != 0 ? AccountResult.BalanceNotZero : null);

    public List<AccountResult> ChangeLimits(AccountId id, long? floor, long? ceiling)
        => Change(
            id,
            a =>
            {
                a.Floor = floor;
                a.Ceiling = ceiling;
            },
            a => floor is { } f && a.Balance - a.DebitsPending < f ? AccountResult.LimitsWouldBeViolated : null,
            a => ceiling is { } c && a.Balance + a.CreditsPending > c ? AccountResult.LimitsWouldBeViolated : null);

    /// <summary>Every rule the change breaks (a missing account breaks only that one); applies it when none.</summary>
    private List<AccountResult> Change(AccountId id, Action<ModelAccount> apply, params Func<ModelAccount, AccountResult?>[] rules)
    {
        if (!Accounts.TryGetValue(id, out var a)) return [AccountResult.AccountNotFound];
        var broken = new List<AccountResult>();
        if (a.Closed) broken.Add(AccountResult.AccountClosed);
        foreach (var rule in rules)
        {
            if (rule(a) is { } code && !broken.Contains(code)) broken.Add(code);
        }

        if (broken.Count == 0) apply(a);
        return broken;
    }

    // --- transfers ---

    /// <summary>Every rule <paramref name="r"/> breaks; [Exists] for an identical repeat; empty to accept.</summary>
    public List<TransferResult> Decide(TransferRequest r)
    {
        if (Transfers.TryGetValue(r.Id, out var known))
        {
            var o = known.Request;
            var diff = new List<TransferResult>();
            if (o.Kind != r.Kind) diff.Add(TransferResult.ExistsWithDifferentKind);
            if (o.DebitAccountId != r.DebitAccountId) diff.Add(TransferResult.ExistsWithDifferentDebitAccount);
            if (o.CreditAccountId != r.CreditAccountId) diff.Add(TransferResult.ExistsWithDifferentCreditAccount);
            if (o.Amount != r.Amount) diff.Add(TransferResult.ExistsWithDifferentAmount);
            if (o.Code != r.Code) diff.Add(TransferResult.ExistsWithDifferentCode);
            if (o.Memo != r.Memo) diff.Add(TransferResult.ExistsWithDifferentMemo);
            if (o.RelatedTransferId != r.RelatedTransferId) diff.Add(TransferResult.ExistsWithDifferentRelatedTransfer);
            if (o.ExpiresAt != r.ExpiresAt) diff.Add(TransferResult.ExistsWithDifferentExpiry);
            if (diff.Count > 0) return diff;
            return [known.Failed ? TransferResult.IdAlreadyFailed : TransferResult.Exists];
        }

        var broken = new List<TransferResult>();
        switch (r.Kind)
        {
            case TransferKind.Post:
            case TransferKind.Pending:
                if (r.DebitAccountId == r.CreditAccountId) broken.Add(TransferResult.AccountsMustBeDifferent);
                if (r.Kind == TransferKind.Pending && r.ExpiresAt <= Now) broken.Add(TransferResult.ExpiryNotInFuture);
                Movement(r.DebitAccountId, r.CreditAccountId, r.Amount, broken);
                break;

            case TransferKind.PostPending:
            case TransferKind.VoidPending:
            {
                if (!Transfers.TryGetValue(r.RelatedTransferId, out var p) || p.Failed || p.Request.Kind != TransferKind.Pending)
                {
                    broken.Add(TransferResult.PendingTransferNotFound);
                    break;
                }

                if (p.State == PendingState.Posted) broken.Add(TransferResult.PendingTransferAlreadyPosted);
                if (p.State == PendingState.Voided) broken.Add(TransferResult.PendingTransferAlreadyVoided);
                if (p.State == PendingState.Expired || p.Request.ExpiresAt <= Now) broken.Add(TransferResult.PendingTransferExpired);
                if (r.Kind == TransferKind.PostPending)
                {
                    if (r.Amount > p.Amount) broken.Add(TransferResult.ExceedsPendingAmount);
                    if (Accounts[p.Debit].Frozen) broken.Add(TransferResult.DebitAccountFrozen);
                    if (Accounts[p.Credit].Frozen) broken.Add(TransferResult.CreditAccountFrozen);
                }

                break;
            }

            case TransferKind.Reversal:
            {
                if (!Transfers.TryGetValue(r.RelatedTransferId, out var o))
                {
                    broken.Add(TransferResult.TransferNotFound);
                    break;
                }

                if (o.Failed || o.Request.Kind is not (TransferKind.Post or TransferKind.PostPending))
                {
                    broken.Add(TransferResult.TransferNotReversible);
                    break;
                }

                if (o.Reversed) broken.Add(TransferResult.TransferAlreadyReversed);
                Movement(o.Credit, o.Debit, o.Amount, broken);
                break;
            }
        }

        return broken;
    }

    /// <summary>The rules for moving value from one account to another.</summary>
    private void Movement(AccountId debitId, AccountId creditId, long amount, List<TransferResult> broken)
    {
        var hasDebit = Accounts.TryGetValue(debitId, out var d);
        var hasCredit = Accounts.TryGetValue(creditId, out var c);
        if (!hasDebit) broken.Add(TransferResult.DebitAccountNotFound);
        if (!hasCredit) broken.Add(TransferResult.CreditAccountNotFound);
        if (hasDebit && hasCredit && d!.Opening.Asset != c!.Opening.Asset) broken.Add(TransferResult.AssetMismatch);
        if (hasDebit)
        {
            if (d!.Closed) broken.Add(TransferResult.DebitAccountClosed);
            if (d.Frozen) broken.Add(TransferResult.DebitAccountFrozen);
            if (d.DebitsPosted + d.DebitsPending + amount > Max) broken.Add(TransferResult.BalanceOverflow);
            if (d.Floor is { } floor && d.Balance - d.DebitsPending - amount < floor) broken.Add(TransferResult.ExceedsFloor);
        }

        if (hasCredit)
        {
            if (c!.Closed) broken.Add(TransferResult.CreditAccountClosed);
            if (c.Frozen) broken.Add(TransferResult.CreditAccountFrozen);
            if (c.CreditsPosted + c.CreditsPending + amount > Max) broken.Add(TransferResult.BalanceOverflow);
            if (c.Ceiling is { } ceiling && c.Balance + c.CreditsPending + amount > ceiling) broken.Add(TransferResult.ExceedsCeiling);
        }
    }

    /// <summary>Applies an accepted request.</summary>
    public void Apply(TransferRequest r)
    {
        ModelTransfer t;
        switch (r.Kind)
        {
            case TransferKind.Post:
                Accounts[r.DebitAccountId].DebitsPosted += r.Amount;
                Accounts[r.CreditAccountId].CreditsPosted += r.Amount;
                t = new ModelTransfer { Request = r, Debit = r.DebitAccountId, Credit = r.CreditAccountId, Amount = r.Amount };
                break;
            case TransferKind.Pending:
                Accounts[r.DebitAccountId].DebitsPending += r.Amount;
                Accounts[r.CreditAccountId].CreditsPending += r.Amount;
                t = new ModelTransfer { Request = r, Debit = r.DebitAccountId, Credit = r.CreditAccountId, Amount = r.Amount, State = PendingState.Pending };
                break;
            case TransferKind.PostPending:
            case TransferKind.VoidPending:
            {
                var p = Transfers[r.RelatedTransferId];
                Release(p, r.Kind == TransferKind.PostPending ? PendingState.Posted : PendingState.Voided);
                var posted = r.Kind == TransferKind.PostPending ? r.Amount : 0;
                Accounts[p.Debit].DebitsPosted += posted;
                Accounts[p.Credit].CreditsPosted += posted;
                t = new ModelTransfer { Request = r, Debit = p.Debit, Credit = p.Credit, Amount = r.Kind == TransferKind.PostPending ? r.Amount : p.Amount };
                break;
            }

            default:
            {
                var o = Transfers[r.RelatedTransferId];
                Accounts[o.Credit].DebitsPosted += o.Amount;
                Accounts[o.Debit].CreditsPosted += o.Amount;
                o.Reversed = true;
                t = new ModelTransfer { Request = r, Debit = o.Credit, Credit = o.Debit, Amount = o.Amount };
                break;
            }
        }

        Transfers.Add(r.Id, t);
    }

    /// <summary>Remembers an id that failed on the ledger's state.</summary>
    public void Fail(TransferRequest r, TransferResult code)
    {
        Assert.True(code.IsStateRejection());
        Transfers.Add(r.Id, new ModelTransfer { Request = r, Failed = true });
    }

    public int ExpirePending()
    {
        var due = Transfers.Values.Where(t => t.State == PendingState.Pending && t.Request.ExpiresAt <= Now).ToList();
        foreach (var p in due) Release(p, PendingState.Expired);
        return due.Count;
    }

    private void Release(ModelTransfer p, PendingState how)
    {
        Assert.Equal(PendingState.Pending, p.State);
        Accounts[p.Debit].DebitsPending -= p.Amount;
        Accounts[p.Credit].CreditsPending -= p.Amount;
        p.State = how;
    }
}

internal sealed record ModelAccount
{
    public required OpenAccountRequest Opening { get; init; }

    public long? Floor { get; set; }

    public long? Ceiling { get; set; }

    public Int128 DebitsPosted { get; set; }

    public Int128 CreditsPosted { get; set; }

    public Int128 DebitsPending { get; set; }

    public Int128 CreditsPending { get; set; }

    public bool Frozen { get; set; }

    public bool Closed { get; set; }

    public Int128 Balance => CreditsPosted - DebitsPosted;
}

internal sealed record ModelTransfer
{
    public required TransferRequest Request { get; init; }

    public bool Failed { get; init; }

    public AccountId Debit { get; init; }

    public AccountId Credit { get; init; }

    public long Amount { get; init; }

    public PendingState State { get; set; }

    public bool Reversed { get; set; }
}

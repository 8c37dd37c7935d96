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
/// Stateful property tests: random sequences of operations (see <see cref="LedgerGen"/>) run against the engine, and
/// after every step the ledger's promises are checked: <see cref="DoubleEntryLedger.VerifyInvariants"/> is empty, the
/// journal only grew, a rejection changed no account (and burnt the id only for a state rejection), idempotency
/// answers follow from the first request that claimed an id, each id has at most one creating entry, each pending
/// transfer resolves at most once, an accepted operation changed exactly the accounts it names by exactly its amount,
/// and balances equal the sum of the movements that were not reversed.
/// </summary>
public class LedgerPropertyTests
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(LedgerArbitraries) })]
    public void Every_step_keeps_every_invariant(LedgerScript script)
    {
        var checker = new CheckedLedger();
        checker.Run(script);
    }

    [Property(MaxTest = 100)]
    public Property A_transfer_and_its_reversal_restore_both_balances()
        => Prop.ForAll(
            Arb.From(LedgerGen.Amount.Two()),
            amounts =>
            {
                var (funding, amount) = amounts;
                var ledger = new DoubleEntryLedger(NewClock());
                var mint = AccountAt(0);
                var a = AccountAt(1);
                var b = AccountAt(2);
                Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(mint, Asset.Points, Guid.Empty, 1, floor: null)));
                Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(a, Asset.Points, Guid.Empty, 1)));
                Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(b, Asset.Points, Guid.Empty, 1)));
                Assert.Equal(TransferResult.Ok, ledger.Submit(TransferRequest.Post(TransferAt(0), mint, a, funding, 1)));
                var before = Accounts(ledger);
                var result = ledger.Submit(TransferRequest.Post(TransferAt(1), a, b, amount, 1));
                Assert.Equal(amount <= funding ? TransferResult.Ok : TransferResult.ExceedsFloor, result);
                if (result != TransferResult.Ok) return;

                // Running totals only grow, so crediting a back can overflow its total of credits even though the
                // balance would be restored; that is the one reason a reversal between these accounts can fail.
                var reversal = ledger.Submit(TransferRequest.Reverse(TransferAt(2), TransferAt(1)));
                if ((Int128)funding + amount > long.MaxValue)
                {
                    Assert.Equal(TransferResult.BalanceOverflow, reversal);
                    return;
                }

                Assert.Equal(TransferResult.Ok, reversal);
                Assert.Equal(before[a].Balance, ledger.GetBalance(a));
                Assert.Equal(before[b].Balance, ledger.GetBalance(b));
                Assert.Equal(before[mint].Balance, ledger.GetBalance(mint));
                AssertInvariants(ledger);
            });

    [Fact]
    public void The_generator_produces_the_situations_the_properties_are_about()
    {
        // Run a fixed sample and count what happened, so a generator change that stops exercising a rule is noticed.
        var seen = new HashSet<string>();
        foreach (var script in LedgerGen.Script(60).Sample(60, new Rnd(20260101UL), 60))
        {
            var checker = new CheckedLedger();
            checker.Run(script);
            seen.UnionWith(checker.Outcomes.Keys);
        }

        foreach (var expected in new[]
                 {
                     "Transfer:Ok", "Transfer:Exists", "Transfer:IdAlreadyFailed", "Transfer:ExistsWithDifferentAmount",
                     "Transfer:ExceedsFloor", "Transfer:BalanceOverflow", "Transfer:PendingTransferNotFound",
                     "Transfer:AccountsMustBeDifferent", "Transfer:TransferNotReversible", "Transfer:ExpiryNotInFuture",
                     "Linked:Ok", "Linked:Failed", "Expired", "Reversal:Ok", "PostPending:Ok", "VoidPending:Ok",
                     "Account:Ok", "Account:AccountNotFound",
                 })
        {
            Assert.Contains(expected, seen);
        }
    }
}

/// <summary>Runs operations on a ledger and checks every promise after every step (xunit assertions).</summary>
internal sealed class CheckedLedger
{
    private static readonly TransferResult[] IdempotencyCodes =
    [
        TransferResult.Exists, TransferResult.IdAlreadyFailed, TransferResult.ExistsWithDifferentKind,
        TransferResult.ExistsWithDifferentDebitAccount, TransferResult.ExistsWithDifferentCreditAccount,
        TransferResult.ExistsWithDifferentAmount, TransferResult.ExistsWithDifferentCode,
        TransferResult.ExistsWithDifferentMemo, TransferResult.ExistsWithDifferentRelatedTransfer,
        TransferResult.ExistsWithDifferentExpiry,
    ];

    private readonly FakeClock _clock = NewClock();
    private readonly SpecResolver _resolver = new();

    /// <summary>The first request that claimed each id (applied, or failed on state).</summary>
    private readonly Dictionary<TransferId, (TransferRequest Request, bool Applied)> _owners = [];

    private readonly HashSet<TransferId> _created = [];
    private readonly Dictionary<TransferId, LedgerEventKind> _resolved = [];

    public CheckedLedger() => Ledger = new DoubleEntryLedger(_clock);

    public DoubleEntryLedger Ledger { get; }

    public FakeClock Clock => _clock;

    /// <summary>How often each kind of outcome happened, for the generator coverage check.</summary>
    public Dictionary<string, int> Outcomes { get; } = [];

    private void Note(string outcome) => Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;

    public void Run(LedgerScript script)
    {
        for (var i = 0; i < script.Ops.Count; i++)
        {
            try
            {
                Step(script.Ops[i]);
            }
            catch (Exception ex) when (ex is not XunitException { Message: var m } || !m.StartsWith("step ", StringComparison.Ordinal))
            {
                throw new XunitException($"step {i} ({script.Ops[i]}): {ex.Message}", ex);
            }
        }

        AssertReplayIsIdentical();
    }

    public void Step(LedgerOp op)
    {
        var accounts = Accounts(Ledger);
        var journal = Ledger.Journal.ToArray();
        var transfers = Transfers();
        var changed = op switch
        {
            OpenOp o => Open(o, accounts, journal.Length),
            SubmitOp s => Submit(s.Spec, accounts, journal.Length, transfers),
            LinkedOp l => Linked(l, accounts, journal.Length, transfers),
            AdvanceOp a => Advance(a, accounts, journal.Length),
            FreezeOp f => AccountChange(f.Account, l => l.FreezeAccount(AccountAt(f.Account)), LedgerEventKind.AccountFrozen, accounts, journal.Length, null, null),
            UnfreezeOp u => AccountChange(u.Account, l => l.UnfreezeAccount(AccountAt(u.Account)), LedgerEventKind.AccountUnfrozen, accounts, journal.Length, null, null),
            CloseOp c => AccountChange(c.Account, l => l.CloseAccount(AccountAt(c.Account)), LedgerEventKind.AccountClosed, accounts, journal.Length, null, null),
            LimitsOp l => Limits(l, accounts, journal.Length),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown op"),
        };

        if (!changed)
        {
            AssertAccountsUnchanged(accounts, Ledger);
        }

        AssertJournalExtends(journal, Ledger);
        ScanNewEntries(journal.Length);
        AssertInvariants(Ledger);
        AssertUnreversedMovementsExplainBalances();
    }

    // ------------------------------------------------------------------------------------------------------------

    private bool Open(OpenOp o, Dictionary<AccountId, LedgerAccount> before, int journalLength)
    {
        if (o.Floor > o.Ceiling)
        {
            Assert.Equal("floor", Assert.ThrowsAny<ArgumentException>(() => LedgerScripts.Opening(o)).ParamName);
            Assert.Equal(journalLength, Ledger.Position);
            return false;
        }

        var request = LedgerScripts.Opening(o);
        var result = Ledger.OpenAccount(request);
        Note("Open:" + result);
        if (result != AccountResult.Ok)
        {
            Assert.Equal(journalLength, Ledger.Position);
            if (result == AccountResult.LimitsWouldBeViolated)
            {
                Assert.False(before.ContainsKey(request.Id));
                Assert.True(request.Floor > 0 || request.Ceiling < 0);
            }
            else
            {
                Assert.True(before.ContainsKey(request.Id));
            }

            return false;
        }

        Assert.False(before.ContainsKey(request.Id));
        Assert.Equal(journalLength + 1, Ledger.Position);
        var e = Ledger.Journal[^1];
        Assert.Equal((LedgerEventKind.AccountOpened, request.Id, 1L), (e.Kind, e.AccountId, e.AccountVersion));
        Assert.True(Ledger.TryGetAccount(request.Id, out var a));
        Assert.Equal((request.Asset, request.OwnerId, request.Code, request.Floor, request.Ceiling), (a.Asset, a.OwnerId, a.Code, a.Floor, a.Ceiling));
        Assert.Equal((0L, 0L, 0L, 0L, 1L, false, false), (a.DebitsPosted, a.CreditsPosted, a.DebitsPending, a.CreditsPending, a.Version, a.IsFrozen, a.IsClosed));
        AssertOthersUnchanged(before, request.Id, request.Id);
        return true;
    }

    private bool Submit(TransferSpec spec, Dictionary<AccountId, LedgerAccount> before, int journalLength, Dictionary<TransferId, LedgerTransfer> transfers)
    {
        var request = _resolver.Resolve(spec, _clock.GetCurrentInstant());
        var result = Ledger.Submit(request);
        Note("Transfer:" + result);
        CheckIdempotency(request, result);
        Assert.NotEqual(TransferResult.LinkedEventFailed, result);
        if (result == TransferResult.Ok)
        {
            Assert.Equal(journalLength + 1, Ledger.Position);
            CheckApplied(request, Ledger.Journal[^1], before);
            _owners[request.Id] = (request, true);
            _resolver.Applied(request);
            Note(request.Kind + ":Ok");
            return true;
        }

        if (result.IsStateRejection())
        {
            Assert.Equal(journalLength + 1, Ledger.Position);
            var e = Ledger.Journal[^1];
            Assert.Equal((LedgerEventKind.TransferRejected, request.Id, result), (e.Kind, e.TransferId, e.Rejection));
            Assert.True(Ledger.TryGetTransfer(request.Id, out var failed));
            Assert.Equal((request, result), (failed.Request, failed.FailedWith));
            _owners[request.Id] = (request, false);
            transfers.Remove(request.Id);
        }
        else
        {
            Assert.Equal(journalLength, Ledger.Position);
        }

        AssertTransfersUnchanged(transfers);
        return false;
    }

    private bool Linked(LinkedOp op, Dictionary<AccountId, LedgerAccount> before, int journalLength, Dictionary<TransferId, LedgerTransfer> transfers)
    {
        var requests = new List<TransferRequest>();
        var poisonIndex = -1;
        for (var i = 0; i <= op.Members.Count; i++)
        {
            if (i == op.PoisonAt)
            {
                poisonIndex = requests.Count;
                requests.Add(_resolver.Poison(op.Members.Count + i));
            }

            if (i < op.Members.Count) requests.Add(_resolver.Resolve(op.Members[i], _clock.GetCurrentInstant()));
        }

        var results = new TransferResult[requests.Count];
        var ownersBefore = new Dictionary<TransferId, (TransferRequest, bool)>(_owners);
        var code = Ledger.SubmitLinked(requests.ToArray(), results);
        if (code == TransferResult.Ok)
        {
            Note("Linked:Ok");
            Assert.True(poisonIndex < 0, "a batch with a member that always fails was applied");
            var position = journalLength;
            for (var i = 0; i < requests.Count; i++)
            {
                CheckIdempotency(requests[i], results[i]);
                Assert.True(results[i].IsSuccess(), $"member {i} answered {results[i]} in an applied batch");
                if (results[i] != TransferResult.Ok) continue;
                var e = Ledger.Journal[position++];
                Assert.Equal(requests[i].Id, e.TransferId);
                _owners[requests[i].Id] = (requests[i], true);
                _resolver.Applied(requests[i]);
            }

            Assert.Equal(position, Ledger.Position);
            return true;
        }

        Note("Linked:Failed");
        Assert.False(code.IsSuccess());
        var failing = Enumerable.Range(0, results.Length).Where(i => results[i] != TransferResult.LinkedEventFailed).ToArray();
        var at = Assert.Single(failing);
        Assert.Equal(code, results[at]);
        if (poisonIndex >= 0) Assert.True(at <= poisonIndex, $"member {at} failed, after the poison at {poisonIndex}");

        // What the failing member answered follows from the ids claimed before the batch and by earlier members.
        var claimed = new Dictionary<TransferId, (TransferRequest, bool)>(ownersBefore);
        for (var i = 0; i < at; i++) claimed.TryAdd(requests[i].Id, (requests[i], true));
        CheckIdempotency(requests[at], code, claimed);

        Assert.Equal(journalLength, Ledger.Position);
        AssertTransfersUnchanged(transfers);
        foreach (var r in requests)
        {
            if (!_owners.ContainsKey(r.Id)) Assert.False(Ledger.TryGetTransfer(r.Id, out _), $"failed batch burnt id {r.Id}");
        }

        return false;
    }

    private bool Advance(AdvanceOp op, Dictionary<AccountId, LedgerAccount> before, int journalLength)
    {
        _clock.AdvanceSeconds(op.Seconds);
        if (!op.Expire)
        {
            Assert.Equal(journalLength, Ledger.Position);
            return false;
        }

        var now = _clock.GetCurrentInstant();
        var expired = Ledger.ExpirePending();
        Assert.Equal(journalLength + expired, Ledger.Position);
        var expected = before.ToDictionary(static kv => kv.Key, static kv => kv.Value);
        for (var i = journalLength; i < Ledger.Position; i++)
        {
            Note("Expired");
            var e = Ledger.Journal[i];
            Assert.Equal(LedgerEventKind.PendingExpired, e.Kind);
            Assert.Equal(e.TransferId, e.RelatedTransferId);
            var (pending, applied) = _owners[e.RelatedTransferId];
            Assert.True(applied);
            Assert.Equal(TransferKind.Pending, pending.Kind);
            Assert.True(pending.ExpiresAt <= now);
            Assert.Equal((pending.DebitAccountId, pending.CreditAccountId, pending.Amount), (e.DebitAccountId, e.CreditAccountId, e.Amount));
            Assert.True(Ledger.TryGetTransfer(pending.Id, out var t));
            Assert.Equal(PendingState.Expired, t.PendingState);
            var d = expected[pending.DebitAccountId];
            expected[pending.DebitAccountId] = d with { DebitsPending = d.DebitsPending - pending.Amount, Version = d.Version + 1 };
            var c = expected[pending.CreditAccountId];
            expected[pending.CreditAccountId] = c with { CreditsPending = c.CreditsPending - pending.Amount, Version = c.Version + 1 };
        }

        AssertAccountsUnchanged(expected, Ledger);

        // Nothing due is left, and a second run changes nothing.
        foreach (var (id, (request, applied)) in _owners)
        {
            if (!applied || request.Kind != TransferKind.Pending) continue;
            Assert.True(Ledger.TryGetTransfer(id, out var t));
            if (t.PendingState == PendingState.Pending) Assert.False(request.ExpiresAt <= now, $"pending {id} is due but did not expire");
        }

        var position = Ledger.Position;
        Assert.Equal(0, Ledger.ExpirePending());
        Assert.Equal(position, Ledger.Position);
        return expired > 0;
    }

    private bool Limits(LimitsOp op, Dictionary<AccountId, LedgerAccount> before, int journalLength)
    {
        if (op.Floor > op.Ceiling)
        {
            Assert.Equal("floor", Assert.ThrowsAny<ArgumentException>(() => Ledger.ChangeLimits(AccountAt(op.Account), op.Floor, op.Ceiling)).ParamName);
            Assert.Equal(journalLength, Ledger.Position);
            return false;
        }

        return AccountChange(op.Account, l => l.ChangeLimits(AccountAt(op.Account), op.Floor, op.Ceiling), LedgerEventKind.AccountLimitsChanged, before, journalLength, op.Floor, op.Ceiling);
    }

    private bool AccountChange(int index, Func<DoubleEntryLedger, AccountResult> act, LedgerEventKind kind, Dictionary<AccountId, LedgerAccount> before, int journalLength, long? floor, long? ceiling)
    {
        var id = AccountAt(index);
        var result = act(Ledger);
        Note("Account:" + result);
        var exists = before.TryGetValue(id, out var was);
        var available = (Int128)was.CreditsPosted - was.DebitsPosted - was.DebitsPending;
        var withCredits = (Int128)was.CreditsPosted - was.DebitsPosted + was.CreditsPending;
        var fits = !(floor is { } f && available < f) && !(ceiling is { } c && withCredits > c);
        if (result != AccountResult.Ok)
        {
            Assert.Equal(journalLength, Ledger.Position);
            switch (result)
            {
                case AccountResult.AccountNotFound: Assert.False(exists); break;
                case AccountResult.AccountClosed: Assert.True(was.IsClosed); break;
                case AccountResult.AlreadyFrozen: Assert.True(was.IsFrozen && kind == LedgerEventKind.AccountFrozen); break;
                case AccountResult.NotFrozen: Assert.True(!was.IsFrozen && kind == LedgerEventKind.AccountUnfrozen); break;
                case AccountResult.HasPendingTransfers: Assert.True(kind == LedgerEventKind.AccountClosed && (was.DebitsPending != 0 || was.CreditsPending != 0)); break;
                case AccountResult.BalanceNotZero: Assert.True(kind == LedgerEventKind.AccountClosed && was.Balance != 0); break;
                case AccountResult.LimitsWouldBeViolated: Assert.True(kind == LedgerEventKind.AccountLimitsChanged && !fits); break;
                default: Assert.Fail($"unexpected {result}"); break;
            }

            return false;
        }

        Assert.True(exists && !was.IsClosed);
        Assert.Equal(journalLength + 1, Ledger.Position);
        var e = Ledger.Journal[^1];
        Assert.Equal((kind, id, was.Version + 1), (e.Kind, e.AccountId, e.AccountVersion));
        var expected = kind switch
        {
            LedgerEventKind.AccountFrozen => was with { IsFrozen = true },
            LedgerEventKind.AccountUnfrozen => was with { IsFrozen = false },
            LedgerEventKind.AccountClosed => was with { IsClosed = true },
            _ => was with { Floor = floor, Ceiling = ceiling },
        };
        switch (kind)
        {
            case LedgerEventKind.AccountFrozen: Assert.False(was.IsFrozen); break;
            case LedgerEventKind.AccountUnfrozen: Assert.True(was.IsFrozen); break;
            case LedgerEventKind.AccountClosed: Assert.True(was.Balance == 0 && was.DebitsPending == 0 && was.CreditsPending == 0); break;
            default: Assert.True(fits); break;
        }

        Assert.True(Ledger.TryGetAccount(id, out var now));
        Assert.Equal(expected with { Version = was.Version + 1 }, now);
        AssertOthersUnchanged(before, id, id);
        return true;
    }

    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The answer for a known id follows from the request that first claimed it; an unknown id never gets
    /// an idempotency answer.</summary>
    private void CheckIdempotency(TransferRequest request, TransferResult result, Dictionary<TransferId, (TransferRequest Request, bool Applied)>? owners = null)
    {
        owners ??= _owners;
        if (owners.TryGetValue(request.Id, out var owner))
        {
            if (owner.Request == request)
            {
                Assert.Equal(owner.Applied ? TransferResult.Exists : TransferResult.IdAlreadyFailed, result);
            }
            else
            {
                Assert.Contains(result, IdempotencyCodes[2..]);
                Assert.Equal(result == TransferResult.ExistsWithDifferentKind, owner.Request.Kind != request.Kind);
            }
        }
        else
        {
            Assert.DoesNotContain(result, IdempotencyCodes);
        }
    }

    /// <summary>What an applied request moves: its accounts (from the pending or original transfer for the kinds that
    /// name one) and its amount, worked out from the requests alone.</summary>
    private (AccountId Debit, AccountId Credit, long Amount) Movement(TransferRequest r)
    {
        switch (r.Kind)
        {
            case TransferKind.Post:
            case TransferKind.Pending:
                return (r.DebitAccountId, r.CreditAccountId, r.Amount);
            case TransferKind.PostPending:
            {
                var p = _owners[r.RelatedTransferId].Request;
                return (p.DebitAccountId, p.CreditAccountId, r.Amount);
            }

            case TransferKind.VoidPending:
            {
                var p = _owners[r.RelatedTransferId].Request;
                return (p.DebitAccountId, p.CreditAccountId, p.Amount);
            }

            default:
            {
                var (debit, credit, amount) = Movement(_owners[r.RelatedTransferId].Request);
                return (credit, debit, amount);
            }
        }
    }

    private void CheckApplied(TransferRequest r, LedgerEvent e, Dictionary<AccountId, LedgerAccount> before)
    {
        var kind = r.Kind switch
        {
            TransferKind.Post => LedgerEventKind.TransferPosted,
            TransferKind.Pending => LedgerEventKind.PendingCreated,
            TransferKind.PostPending => LedgerEventKind.PendingPosted,
            TransferKind.VoidPending => LedgerEventKind.PendingVoided,
            _ => LedgerEventKind.TransferReversed,
        };
        var (debit, credit, amount) = Movement(r);
        Assert.Equal((kind, r.Id, r.RelatedTransferId, debit, credit, amount), (e.Kind, e.TransferId, e.RelatedTransferId, e.DebitAccountId, e.CreditAccountId, e.Amount));
        if (r.Kind is TransferKind.PostPending or TransferKind.VoidPending or TransferKind.Reversal)
        {
            Assert.True(_owners[r.RelatedTransferId].Applied);
        }

        if (r.Kind == TransferKind.PostPending) Assert.True(r.Amount <= _owners[r.RelatedTransferId].Request.Amount);

        var released = r.Kind is TransferKind.PostPending or TransferKind.VoidPending ? _owners[r.RelatedTransferId].Request.Amount : 0;
        var posted = r.Kind is TransferKind.Post or TransferKind.PostPending or TransferKind.Reversal ? amount : 0;
        var reserved = r.Kind == TransferKind.Pending ? amount : 0;
        var d = before[debit];
        var c = before[credit];
        Assert.True(Ledger.TryGetAccount(debit, out var dNow));
        Assert.True(Ledger.TryGetAccount(credit, out var cNow));
        Assert.Equal(d with { DebitsPosted = d.DebitsPosted + posted, DebitsPending = d.DebitsPending + reserved - released, Version = d.Version + 1 }, dNow);
        Assert.Equal(c with { CreditsPosted = c.CreditsPosted + posted, CreditsPending = c.CreditsPending + reserved - released, Version = c.Version + 1 }, cNow);
        Assert.Equal((dNow.Version, dNow.Balance, cNow.Version, cNow.Balance), (e.DebitAccountVersion, e.DebitAccountBalance, e.CreditAccountVersion, e.CreditAccountBalance));
        AssertOthersUnchanged(before, debit, credit);

        // A rule the engine must have applied: neither account was closed or frozen (a void may touch frozen accounts).
        Assert.False(d.IsClosed || c.IsClosed);
        if (r.Kind != TransferKind.VoidPending) Assert.False(d.IsFrozen || c.IsFrozen);
        Assert.Equal(d.Asset, c.Asset);
        Assert.NotEqual(debit, credit);

        if (r.Kind == TransferKind.Reversal)
        {
            // The reversal restores both balances the original moved.
            Assert.True(Ledger.TryGetTransfer(r.RelatedTransferId, out var original));
            Assert.Equal(r.Id, original.ReversedBy);
            Assert.Equal(d.Balance - amount, dNow.Balance);
            Assert.Equal(c.Balance + amount, cNow.Balance);
        }
    }

    private void AssertOthersUnchanged(Dictionary<AccountId, LedgerAccount> before, AccountId a, AccountId b)
    {
        foreach (var account in Ledger.Accounts)
        {
            if (account.Id == a || account.Id == b) continue;
            Assert.True(before.TryGetValue(account.Id, out var was), $"account {account.Id} appeared");
            Assert.Equal(was, account);
        }
    }

    private Dictionary<TransferId, LedgerTransfer> Transfers()
    {
        var all = new Dictionary<TransferId, LedgerTransfer>();
        foreach (var id in _resolver.Ids)
        {
            if (Ledger.TryGetTransfer(id, out var t)) all.Add(t.Id, t);
        }

        return all;
    }

    private void AssertTransfersUnchanged(Dictionary<TransferId, LedgerTransfer> before)
    {
        var now = Transfers();
        foreach (var (id, t) in before)
        {
            Assert.True(now.TryGetValue(id, out var n));
            Assert.Equal(t, n);
        }

        foreach (var id in now.Keys)
        {
            Assert.True(before.ContainsKey(id) || (_owners.TryGetValue(id, out var o) && !o.Applied), $"transfer {id} appeared on a rejection");
        }
    }

    /// <summary>Each id is created by at most one entry, and each pending transfer resolves at most once, and then
    /// its state says how.</summary>
    private void ScanNewEntries(int from)
    {
        for (var i = from; i < Ledger.Journal.Count; i++)
        {
            var e = Ledger.Journal[i];
            Assert.Equal(i + 1, e.Position);
            if (i > 0) Assert.True(e.Timestamp > Ledger.Journal[i - 1].Timestamp);
            if (e.IsAccountEvent) continue;
            if (e.Kind != LedgerEventKind.PendingExpired)
            {
                Assert.True(_created.Add(e.TransferId), $"transfer {e.TransferId} has a second creating entry at {e.Position}");
            }

            if (e.Kind is LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired)
            {
                Assert.True(_resolved.TryAdd(e.RelatedTransferId, e.Kind), $"pending {e.RelatedTransferId} resolved twice");
            }
        }

        foreach (var (id, how) in _resolved)
        {
            Assert.True(Ledger.TryGetTransfer(id, out var p));
            Assert.Equal(
                how switch
                {
                    LedgerEventKind.PendingPosted => PendingState.Posted,
                    LedgerEventKind.PendingVoided => PendingState.Voided,
                    _ => PendingState.Expired,
                },
                p.PendingState);
        }
    }

    /// <summary>Every posted balance is the sum of the movements that were not reversed: a reversal undoes its
    /// original exactly.</summary>
    private void AssertUnreversedMovementsExplainBalances()
    {
        var sums = new Dictionary<AccountId, Int128>();
        foreach (var e in Ledger.Journal)
        {
            if (!e.MovesPostedBalance || e.Kind == LedgerEventKind.TransferReversed) continue;
            Assert.True(Ledger.TryGetTransfer(e.TransferId, out var t));
            if (!t.ReversedBy.IsEmpty)
            {
                Assert.True(Ledger.TryGetTransfer(t.ReversedBy, out var reversal));
                Assert.Equal((e.TransferId, e.Amount, e.CreditAccountId, e.DebitAccountId), (reversal.Request.RelatedTransferId, reversal.Amount, reversal.DebitAccountId, reversal.CreditAccountId));
                continue;
            }

            sums[e.DebitAccountId] = sums.GetValueOrDefault(e.DebitAccountId) - e.Amount;
            sums[e.CreditAccountId] = sums.GetValueOrDefault(e.CreditAccountId) + e.Amount;
        }

        foreach (var a in Ledger.Accounts)
        {
            Assert.Equal(sums.GetValueOrDefault(a.Id), (Int128)a.Balance);
        }
    }

    private void AssertReplayIsIdentical()
    {
        var replayed = DoubleEntryLedger.Replay(Ledger.Journal, _clock);
        Assert.Equal(Ledger.Journal, replayed.Journal);
        Assert.Equal(Ledger.Accounts.OrderBy(static a => a.Id), replayed.Accounts.OrderBy(static a => a.Id));
        foreach (var id in _resolver.Ids)
        {
            Assert.Equal(Ledger.TryGetTransfer(id, out var a), replayed.TryGetTransfer(id, out var b));
            Assert.Equal(a, b);
        }

        Assert.Empty(replayed.VerifyInvariants());
    }
}

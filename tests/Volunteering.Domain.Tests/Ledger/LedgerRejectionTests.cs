using System.Reflection;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using static Volunteering.Domain.Tests.Ledger.LedgerTestKit;

namespace Volunteering.Domain.Tests.Ledger;

/// <summary>
/// One example per result code of <see cref="TransferResult"/> and <see cref="AccountResult"/>, each asserting the exact
/// code and that a rejection left the ledger as it was (balances, account snapshots, journal; for state rejections one
/// <see cref="LedgerEventKind.TransferRejected"/> entry and a burnt id), plus the guard exceptions for programmer errors.
/// Test names start with <c>TransferResult_{Code}_</c> / <c>AccountResult_{Code}_</c>; a meta-test checks every enum
/// value has one.
/// </summary>
public class LedgerRejectionTests
{
    // ------------------------------------------------------------------------------------------------------------
    // Test bed
    // ------------------------------------------------------------------------------------------------------------

    private sealed class Bed
    {
        public Bed()
        {
            Ledger = new DoubleEntryLedger(Clock);
            Issuer = Open(Asset.TimeCredit, floor: null);
            Alice = Open(Asset.TimeCredit);
            Bob = Open(Asset.TimeCredit);
            PointsIssuer = Open(Asset.Points, floor: null);
            Carol = Open(Asset.Points);
            AliceFunding = Post(Issuer, Alice, 1_000);
            Post(PointsIssuer, Carol, 50);
        }

        public FakeClock Clock { get; } = NewClock();

        public DoubleEntryLedger Ledger { get; }

        /// <summary>Time-credit issuing account (no floor).</summary>
        public AccountId Issuer { get; }

        /// <summary>Time-credit member holding 1000.</summary>
        public AccountId Alice { get; }

        /// <summary>Time-credit member holding 0.</summary>
        public AccountId Bob { get; }

        /// <summary>Points issuing account (no floor).</summary>
        public AccountId PointsIssuer { get; }

        /// <summary>Points member holding 50.</summary>
        public AccountId Carol { get; }

        public TransferId AliceFunding { get; }

        public AccountId Open(Asset asset, long? floor = 0, long? ceiling = null)
        {
            var id = AccountId.New();
            Assert.Equal(AccountResult.Ok, Ledger.OpenAccount(new OpenAccountRequest(id, asset, Guid.NewGuid(), 7, floor, ceiling)));
            return id;
        }

        public TransferId Post(AccountId debit, AccountId credit, long amount)
        {
            var id = TransferId.New();
            Assert.Equal(TransferResult.Ok, Ledger.Submit(TransferRequest.Post(id, debit, credit, amount, 1)));
            return id;
        }

        public TransferId Pending(AccountId debit, AccountId credit, long amount, Instant? expiresAt = null)
        {
            var id = TransferId.New();
            Assert.Equal(TransferResult.Ok, Ledger.Submit(TransferRequest.Pending(id, debit, credit, amount, 2, expiresAt)));
            return id;
        }

        public TransferId Failed()
        {
            var id = TransferId.New();
            Assert.Equal(TransferResult.ExceedsFloor, Ledger.Submit(TransferRequest.Post(id, Bob, Alice, long.MaxValue / 2, 1)));
            return id;
        }

        public static void Ok(AccountResult result) => Assert.Equal(AccountResult.Ok, result);
    }

    /// <summary>Submits <paramref name="request"/>, expects <paramref name="expected"/> and checks that nothing changed
    /// beyond what the code's class allows.</summary>
    private static void ExpectRejected(DoubleEntryLedger ledger, TransferRequest request, TransferResult expected)
    {
        Assert.False(expected.IsSuccess());
        var accounts = Accounts(ledger);
        var journal = ledger.Journal.ToArray();
        var knownBefore = ledger.TryGetTransfer(request.Id, out var transferBefore);

        Assert.Equal(expected, ledger.Submit(request));

        AssertAccountsUnchanged(accounts, ledger);
        AssertJournalExtends(journal, ledger);
        if (expected.IsStateRejection())
        {
            Assert.False(knownBefore);
            Assert.Equal(journal.Length + 1, ledger.Position);
            var entry = ledger.Journal[^1];
            Assert.Equal(LedgerEventKind.TransferRejected, entry.Kind);
            Assert.Equal(expected, entry.Rejection);
            Assert.Equal(request.Id, entry.TransferId);
            Assert.Equal(request.Kind, entry.TransferKind);
            Assert.Equal(request.Amount, entry.Amount);
            Assert.Equal(request.RelatedTransferId, entry.RelatedTransferId);
            Assert.Equal(0, entry.DebitAccountVersion);
            Assert.Equal(0, entry.CreditAccountVersion);
            Assert.True(ledger.TryGetTransfer(request.Id, out var failed));
            Assert.True(failed.IsFailed);
            Assert.Equal(expected, failed.FailedWith);
            Assert.Equal(request, failed.Request);
            Assert.Equal(ledger.Position, failed.Position);

            // The id stays failed, and the retry is not journalled again.
            var afterFirst = ledger.Journal.ToArray();
            Assert.Equal(TransferResult.IdAlreadyFailed, ledger.Submit(request));
            Assert.Equal(afterFirst, ledger.Journal);
            AssertAccountsUnchanged(accounts, ledger);
        }
        else
        {
            Assert.Equal(journal, ledger.Journal);
            Assert.Equal(knownBefore, ledger.TryGetTransfer(request.Id, out var transferAfter));
            Assert.Equal(transferBefore, transferAfter);

            // Deterministic: the same request gets the same answer and still changes nothing.
            Assert.Equal(expected, ledger.Submit(request));
            Assert.Equal(journal, ledger.Journal);
            AssertAccountsUnchanged(accounts, ledger);
        }

        AssertInvariants(ledger);
    }

    private static void ExpectAccountRejected(DoubleEntryLedger ledger, Func<DoubleEntryLedger, AccountResult> operation, AccountResult expected)
    {
        Assert.NotEqual(AccountResult.Ok, expected);
        var accounts = Accounts(ledger);
        var journal = ledger.Journal.ToArray();
        Assert.Equal(expected, operation(ledger));
        Assert.Equal(journal, ledger.Journal);
        AssertAccountsUnchanged(accounts, ledger);
        Assert.Equal(expected, operation(ledger));
        Assert.Equal(journal, ledger.Journal);
        AssertInvariants(ledger);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Coverage of the enums
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_result_code_has_an_example_test()
    {
        var names = typeof(LedgerRejectionTests)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(static m => m.GetCustomAttributes<FactAttribute>().Any())
            .Select(static m => m.Name)
            .ToArray();
        var missing = Enum.GetNames<TransferResult>().Select(static n => $"{nameof(TransferResult)}_{n}_")
            .Concat(Enum.GetNames<AccountResult>().Select(static n => $"{nameof(AccountResult)}_{n}_"))
            .Where(prefix => !names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void IsStateRejection_classifies_every_rejection_code()
    {
        var requestOnly = new[]
        {
            TransferResult.Ok, TransferResult.Exists,
            TransferResult.ExistsWithDifferentKind, TransferResult.ExistsWithDifferentDebitAccount,
            TransferResult.ExistsWithDifferentCreditAccount, TransferResult.ExistsWithDifferentAmount,
            TransferResult.ExistsWithDifferentCode, TransferResult.ExistsWithDifferentMemo,
            TransferResult.ExistsWithDifferentRelatedTransfer, TransferResult.ExistsWithDifferentExpiry,
            TransferResult.IdAlreadyFailed, TransferResult.AccountsMustBeDifferent, TransferResult.ExpiryNotInFuture,
            TransferResult.LinkedEventFailed,
        };
        foreach (var code in Enum.GetValues<TransferResult>())
        {
            Assert.Equal(!requestOnly.Contains(code), code.IsStateRejection());
            Assert.Equal(code is TransferResult.Ok or TransferResult.Exists, code.IsSuccess());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: success
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_Ok_moves_exactly_the_amount_between_the_two_accounts()
    {
        var bed = new Bed();
        var before = Accounts(bed.Ledger);
        var id = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(id, bed.Alice, bed.Bob, 250, 9, "thanks")));

        Assert.Equal(750, bed.Ledger.GetBalance(bed.Alice));
        Assert.Equal(250, bed.Ledger.GetBalance(bed.Bob));
        foreach (var (accountId, was) in before)
        {
            if (accountId != bed.Alice && accountId != bed.Bob) Assert.Equal(was, bed.Ledger.Accounts.Single(a => a.Id == accountId));
        }

        var e = bed.Ledger.Journal[^1];
        Assert.Equal(LedgerEventKind.TransferPosted, e.Kind);
        Assert.Equal((id, bed.Alice, bed.Bob, 250L, 9, "thanks"), (e.TransferId, e.DebitAccountId, e.CreditAccountId, e.Amount, e.Code, e.Memo));
        Assert.Equal((750L, 250L), (e.DebitAccountBalance, e.CreditAccountBalance));
        Assert.Equal(before[bed.Alice].Version + 1, e.DebitAccountVersion);
        Assert.Equal(before[bed.Bob].Version + 1, e.CreditAccountVersion);
        Assert.True(bed.Ledger.TryGetTransfer(id, out var t));
        Assert.False(t.IsFailed);
        Assert.Equal(250, t.Amount);
        AssertInvariants(bed.Ledger);
    }

    [Fact]
    public void TransferResult_Exists_answers_every_kind_repeated_with_the_same_content_and_changes_nothing()
    {
        var bed = new Bed();
        var l = bed.Ledger;
        var post = TransferRequest.Post(TransferId.New(), bed.Alice, bed.Bob, 100, 1, "memo");
        var pending = TransferRequest.Pending(TransferId.New(), bed.Alice, bed.Bob, 100, 2, LedgerTestKit.Start + Duration.FromHours(1), "hold");
        var pending2 = TransferRequest.Pending(TransferId.New(), bed.Alice, bed.Bob, 50, 2);
        var postPending = TransferRequest.PostPending(TransferId.New(), pending.Id, 60, "part");
        var voidPending = TransferRequest.VoidPending(TransferId.New(), pending2.Id, "cancel");
        var reverse = TransferRequest.Reverse(TransferId.New(), post.Id, "oops");
        var all = new[] { post, pending, pending2, postPending, voidPending, reverse };
        foreach (var r in all) Assert.Equal(TransferResult.Ok, l.Submit(r));

        var accounts = Accounts(l);
        var journal = l.Journal.ToArray();
        foreach (var r in all)
        {
            Assert.Equal(TransferResult.Exists, l.Submit(r));
            Assert.True(l.TryGetTransfer(r.Id, out var t));
            Assert.Equal(r, t.Request);
        }

        var results = new TransferResult[all.Length];
        Assert.Equal(TransferResult.Ok, l.SubmitLinked(all, results));
        Assert.All(results, static r => Assert.Equal(TransferResult.Exists, r));
        Assert.Equal(journal, l.Journal);
        AssertAccountsUnchanged(accounts, l);
        AssertInvariants(l);
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: the id exists with other content (not journalled, nothing changes)
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_ExistsWithDifferentKind_for_an_id_used_by_another_kind()
    {
        var bed = new Bed();
        var id = bed.Post(bed.Alice, bed.Bob, 10);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(id, bed.Alice, bed.Bob, 10, 1), TransferResult.ExistsWithDifferentKind);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(id, bed.AliceFunding), TransferResult.ExistsWithDifferentKind);

        // An expiry record reuses the pending id, but the id is still the pending transfer's.
        var p = bed.Pending(bed.Alice, bed.Bob, 5, LedgerTestKit.Start + Duration.FromSeconds(10));
        bed.Clock.AdvanceSeconds(10);
        Assert.Equal(1, bed.Ledger.ExpirePending());
        ExpectRejected(bed.Ledger, TransferRequest.Post(p, bed.Alice, bed.Bob, 5, 2), TransferResult.ExistsWithDifferentKind);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentDebitAccount_for_an_id_used_with_another_debit_account()
    {
        var bed = new Bed();
        var id = bed.Post(bed.Alice, bed.Bob, 10);
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Issuer, bed.Bob, 10, 1), TransferResult.ExistsWithDifferentDebitAccount);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentCreditAccount_for_an_id_used_with_another_credit_account()
    {
        var bed = new Bed();
        var id = bed.Post(bed.Alice, bed.Bob, 10);
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Issuer, 10, 1), TransferResult.ExistsWithDifferentCreditAccount);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentAmount_for_applied_failed_and_posted_pending_ids()
    {
        var bed = new Bed();
        var id = bed.Post(bed.Alice, bed.Bob, 10);
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Bob, 11, 1), TransferResult.ExistsWithDifferentAmount);

        // A failed id compares content first: other content is not "already failed".
        var failed = bed.Failed();
        ExpectRejected(bed.Ledger, TransferRequest.Post(failed, bed.Bob, bed.Alice, 2, 1), TransferResult.ExistsWithDifferentAmount);

        var p = bed.Pending(bed.Alice, bed.Bob, 100);
        var q = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(q, p, 40)));
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(q, p, 100), TransferResult.ExistsWithDifferentAmount);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentCode_for_an_id_used_with_another_code()
    {
        var bed = new Bed();
        var id = bed.Post(bed.Alice, bed.Bob, 10);
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Bob, 10, 2), TransferResult.ExistsWithDifferentCode);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentMemo_for_an_id_used_with_another_memo()
    {
        var bed = new Bed();
        var id = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(id, bed.Alice, bed.Bob, 10, 1, "a")));
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Bob, 10, 1, "b"), TransferResult.ExistsWithDifferentMemo);
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Bob, 10, 1, null), TransferResult.ExistsWithDifferentMemo);
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Bob, 10, 1, "A"), TransferResult.ExistsWithDifferentMemo);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentRelatedTransfer_for_an_id_that_named_another_transfer()
    {
        var bed = new Bed();
        var p1 = bed.Pending(bed.Alice, bed.Bob, 10);
        var p2 = bed.Pending(bed.Alice, bed.Bob, 10);
        var q = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(q, p1, 10)));
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(q, p2, 10), TransferResult.ExistsWithDifferentRelatedTransfer);

        var v = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.VoidPending(v, p2)));
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(v, p1), TransferResult.ExistsWithDifferentRelatedTransfer);

        var r = TransferId.New();
        var t = bed.Post(bed.Alice, bed.Bob, 1);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Reverse(r, t)));
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(r, bed.AliceFunding), TransferResult.ExistsWithDifferentRelatedTransfer);
    }

    [Fact]
    public void TransferResult_ExistsWithDifferentExpiry_for_a_pending_id_used_with_another_expiry()
    {
        var bed = new Bed();
        var at = LedgerTestKit.Start + Duration.FromMinutes(5);
        var p = bed.Pending(bed.Alice, bed.Bob, 10, at);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(p, bed.Alice, bed.Bob, 10, 2, at + Duration.Epsilon), TransferResult.ExistsWithDifferentExpiry);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(p, bed.Alice, bed.Bob, 10, 2, null), TransferResult.ExistsWithDifferentExpiry);
    }

    [Fact]
    public void TransferResult_IdAlreadyFailed_keeps_a_failed_id_failed_even_once_the_request_would_succeed()
    {
        var bed = new Bed();
        var request = TransferRequest.Post(TransferId.New(), bed.Bob, bed.Alice, 5, 1);
        Assert.Equal(TransferResult.ExceedsFloor, bed.Ledger.Submit(request));
        bed.Post(bed.Issuer, bed.Bob, 100); // now Bob could pay
        ExpectRejected(bed.Ledger, request, TransferResult.IdAlreadyFailed);

        // In a linked batch the failed id fails the batch.
        var ok = TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Alice, 1, 1);
        var accounts = Accounts(bed.Ledger);
        var position = bed.Ledger.Position;
        var results = new TransferResult[2];
        Assert.Equal(TransferResult.IdAlreadyFailed, bed.Ledger.SubmitLinked(new[] { ok, request }, results));
        Assert.Equal(new[] { TransferResult.LinkedEventFailed, TransferResult.IdAlreadyFailed }, results);
        Assert.Equal(position, bed.Ledger.Position);
        AssertAccountsUnchanged(accounts, bed.Ledger);
        Assert.False(bed.Ledger.TryGetTransfer(ok.Id, out _));
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: accounts
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_AccountsMustBeDifferent_is_not_journalled_and_does_not_burn_the_id()
    {
        var bed = new Bed();
        var id = TransferId.New();
        ExpectRejected(bed.Ledger, TransferRequest.Post(id, bed.Alice, bed.Alice, 10, 1), TransferResult.AccountsMustBeDifferent);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(id, bed.Alice, bed.Alice, 10, 1), TransferResult.AccountsMustBeDifferent);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(id, bed.Alice, bed.Bob, 10, 1)));
    }

    [Fact]
    public void TransferResult_DebitAccountNotFound_for_an_unknown_debit_account()
    {
        var bed = new Bed();
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), AccountId.New(), bed.Bob, 10, 1), TransferResult.DebitAccountNotFound);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), AccountId.New(), AccountId.New(), 10, 1), TransferResult.DebitAccountNotFound);
    }

    [Fact]
    public void TransferResult_CreditAccountNotFound_for_an_unknown_credit_account()
    {
        var bed = new Bed();
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, AccountId.New(), 10, 1), TransferResult.CreditAccountNotFound);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Alice, AccountId.New(), 10, 1), TransferResult.CreditAccountNotFound);
    }

    [Fact]
    public void TransferResult_AssetMismatch_between_accounts_of_two_assets()
    {
        var bed = new Bed();
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Carol, 10, 1), TransferResult.AssetMismatch);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Carol, bed.Bob, 10, 1), TransferResult.AssetMismatch);
    }

    [Fact]
    public void TransferResult_DebitAccountFrozen_for_post_pending_post_pending_and_reversal()
    {
        var bed = new Bed();
        var p = bed.Pending(bed.Alice, bed.Bob, 10);
        Bed.Ok(bed.Ledger.FreezeAccount(bed.Alice));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Bob, 10, 1), TransferResult.DebitAccountFrozen);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Alice, bed.Bob, 10, 1), TransferResult.DebitAccountFrozen);
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), p, 10), TransferResult.DebitAccountFrozen);

        // Reversing Issuer -> Alice debits Alice.
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), bed.AliceFunding), TransferResult.DebitAccountFrozen);

        // Voiding still works on a frozen account.
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.VoidPending(TransferId.New(), p)));
        AssertInvariants(bed.Ledger);
    }

    [Fact]
    public void TransferResult_CreditAccountFrozen_for_post_pending_post_pending_and_reversal()
    {
        var bed = new Bed();
        var p = bed.Pending(bed.Alice, bed.Bob, 10);
        bed.Post(bed.Issuer, bed.Bob, 5);
        var t = bed.Post(bed.Bob, bed.Issuer, 1); // reversing it credits Bob
        Bed.Ok(bed.Ledger.FreezeAccount(bed.Bob));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Bob, 10, 1), TransferResult.CreditAccountFrozen);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Alice, bed.Bob, 10, 1), TransferResult.CreditAccountFrozen);
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), p, 10), TransferResult.CreditAccountFrozen);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), t), TransferResult.CreditAccountFrozen);

        Bed.Ok(bed.Ledger.UnfreezeAccount(bed.Bob));
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(TransferId.New(), p, 10)));
        AssertInvariants(bed.Ledger);
    }

    [Fact]
    public void TransferResult_DebitAccountClosed_for_post_pending_and_reversal()
    {
        var bed = new Bed();
        var dave = bed.Open(Asset.TimeCredit);
        var t = bed.Post(bed.Issuer, dave, 5);
        bed.Post(dave, bed.Issuer, 5);
        Bed.Ok(bed.Ledger.CloseAccount(dave));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), dave, bed.Bob, 1, 1), TransferResult.DebitAccountClosed);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), dave, bed.Bob, 1, 1), TransferResult.DebitAccountClosed);

        // Reversing Issuer -> Dave would debit Dave.
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), t), TransferResult.DebitAccountClosed);
    }

    [Fact]
    public void TransferResult_CreditAccountClosed_for_post_pending_and_reversal()
    {
        var bed = new Bed();
        var dave = bed.Open(Asset.TimeCredit);
        bed.Post(bed.Issuer, dave, 5);
        var back = bed.Post(dave, bed.Issuer, 5);
        Bed.Ok(bed.Ledger.CloseAccount(dave));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, dave, 1, 1), TransferResult.CreditAccountClosed);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Alice, dave, 1, 1), TransferResult.CreditAccountClosed);

        // Reversing Dave -> Issuer would credit Dave.
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), back), TransferResult.CreditAccountClosed);
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: limits
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_ExceedsFloor_counts_pending_debits()
    {
        var bed = new Bed();
        bed.Pending(bed.Alice, bed.Bob, 700);
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Bob, 301, 1), TransferResult.ExceedsFloor);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Alice, bed.Bob, 301, 1), TransferResult.ExceedsFloor);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(TransferId.New(), bed.Alice, bed.Bob, 300, 1)));
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        Assert.Equal((700L, 0L), (alice.Balance, alice.Available));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Bob, 1, 1), TransferResult.ExceedsFloor);
        AssertInvariants(bed.Ledger);
    }

    [Fact]
    public void TransferResult_ExceedsFloor_honours_a_negative_floor_and_applies_to_reversals()
    {
        var bed = new Bed();
        var overdraft = bed.Open(Asset.TimeCredit, floor: -100);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(TransferId.New(), overdraft, bed.Bob, 100, 1)));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), overdraft, bed.Bob, 1, 1), TransferResult.ExceedsFloor);
        Assert.Equal(-100, bed.Ledger.GetBalance(overdraft));

        // Alice spends, so reversing her funding would take her below zero.
        bed.Post(bed.Alice, bed.Bob, 1);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), bed.AliceFunding), TransferResult.ExceedsFloor);
    }

    [Fact]
    public void TransferResult_ExceedsCeiling_counts_pending_credits()
    {
        var bed = new Bed();
        var capped = bed.Open(Asset.TimeCredit, floor: 0, ceiling: 500);
        bed.Pending(bed.Alice, capped, 400);
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, capped, 101, 1), TransferResult.ExceedsCeiling);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Issuer, capped, 101, 1), TransferResult.ExceedsCeiling);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(TransferId.New(), bed.Issuer, capped, 100, 1)));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Issuer, capped, 1, 1), TransferResult.ExceedsCeiling);

        // A reversal credits the original debit account, so it is held to that account's ceiling too.
        var out_ = bed.Post(capped, bed.Bob, 100);
        bed.Post(bed.Issuer, capped, 100);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), out_), TransferResult.ExceedsCeiling);
    }

    [Fact]
    public void TransferResult_BalanceOverflow_near_long_MaxValue_on_either_side_counting_pending()
    {
        var bed = new Bed();
        var whale = bed.Open(Asset.TimeCredit, floor: 0);
        var mint = bed.Open(Asset.TimeCredit, floor: null);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(TransferId.New(), mint, whale, long.MaxValue - 10, 1)));

        // The credit side: whale's credits would pass long.MaxValue, pending credits included.
        bed.Pending(bed.Issuer, whale, 5);
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Issuer, whale, 6, 1), TransferResult.BalanceOverflow);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(TransferId.New(), bed.Issuer, whale, long.MaxValue, 1), TransferResult.BalanceOverflow);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(TransferId.New(), bed.Issuer, whale, 5, 1)));

        // The debit side: the mint's debits would pass long.MaxValue, pending debits included.
        bed.Pending(mint, bed.Bob, 4);
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), mint, bed.Alice, 7, 1), TransferResult.BalanceOverflow);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Post(TransferId.New(), mint, bed.Alice, 6, 1)));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), mint, bed.Alice, 1, 1), TransferResult.BalanceOverflow);

        Assert.True(bed.Ledger.TryGetAccount(mint, out var m));
        Assert.Equal(long.MaxValue, m.DebitsPosted + m.DebitsPending);
        Assert.Equal(-long.MaxValue, m.Available);
        AssertInvariants(bed.Ledger);
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: two-phase
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_PendingTransferNotFound_for_unknown_posted_failed_and_other_ids()
    {
        var bed = new Bed();
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), TransferId.New(), 1), TransferResult.PendingTransferNotFound);
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(TransferId.New(), TransferId.New()), TransferResult.PendingTransferNotFound);

        // A posted (not pending) transfer.
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), bed.AliceFunding, 1), TransferResult.PendingTransferNotFound);

        // A pending request that failed.
        var failedPending = TransferId.New();
        Assert.Equal(TransferResult.ExceedsFloor, bed.Ledger.Submit(TransferRequest.Pending(failedPending, bed.Bob, bed.Alice, 1, 1)));
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(TransferId.New(), failedPending), TransferResult.PendingTransferNotFound);

        // The post of a pending transfer is not itself pending.
        var p = bed.Pending(bed.Alice, bed.Bob, 10);
        var q = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(q, p, 10)));
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), q, 10), TransferResult.PendingTransferNotFound);
    }

    [Fact]
    public void TransferResult_PendingTransferAlreadyPosted_for_a_second_post_or_a_void()
    {
        var bed = new Bed();
        var p = bed.Pending(bed.Alice, bed.Bob, 100);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(TransferId.New(), p, 30)));
        Assert.Equal(970, bed.Ledger.GetBalance(bed.Alice));
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        Assert.Equal(0, alice.DebitsPending); // the remainder was released
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), p, 30), TransferResult.PendingTransferAlreadyPosted);
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(TransferId.New(), p), TransferResult.PendingTransferAlreadyPosted);
    }

    [Fact]
    public void TransferResult_PendingTransferAlreadyVoided_for_a_post_or_a_second_void()
    {
        var bed = new Bed();
        var p = bed.Pending(bed.Alice, bed.Bob, 100);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.VoidPending(TransferId.New(), p)));
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        Assert.Equal((1000L, 0L), (alice.Available, alice.DebitsPending));
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), p, 1), TransferResult.PendingTransferAlreadyVoided);
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(TransferId.New(), p), TransferResult.PendingTransferAlreadyVoided);
    }

    [Fact]
    public void TransferResult_PendingTransferExpired_after_ExpirePending_and_once_the_instant_has_passed()
    {
        var bed = new Bed();
        var at = LedgerTestKit.Start + Duration.FromMinutes(1);
        var expired = bed.Pending(bed.Alice, bed.Bob, 100, at);
        var lapsed = bed.Pending(bed.Alice, bed.Bob, 200, at + Duration.FromMinutes(1));
        var open = bed.Pending(bed.Alice, bed.Bob, 50, at + Duration.FromHours(1));

        bed.Clock.Advance(Duration.FromMinutes(1));
        var position = bed.Ledger.Position;
        Assert.Equal(1, bed.Ledger.ExpirePending());
        Assert.Equal(position + 1, bed.Ledger.Position);
        var e = bed.Ledger.Journal[^1];
        Assert.Equal((LedgerEventKind.PendingExpired, expired, expired, 100L), (e.Kind, e.TransferId, e.RelatedTransferId, e.Amount));
        Assert.Equal(0, bed.Ledger.ExpirePending()); // idempotent
        Assert.True(bed.Ledger.TryGetTransfer(expired, out var t));
        Assert.Equal(PendingState.Expired, t.PendingState);
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), expired, 100), TransferResult.PendingTransferExpired);
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(TransferId.New(), expired), TransferResult.PendingTransferExpired);

        // Past its instant but not yet released by ExpirePending: still not postable nor voidable.
        bed.Clock.Advance(Duration.FromMinutes(1));
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), lapsed, 1), TransferResult.PendingTransferExpired);
        ExpectRejected(bed.Ledger, TransferRequest.VoidPending(TransferId.New(), lapsed), TransferResult.PendingTransferExpired);
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        Assert.Equal(250, alice.DebitsPending);
        Assert.Equal(1, bed.Ledger.ExpirePending());
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out alice));
        Assert.Equal(50, alice.DebitsPending);

        // The one not yet due can still be posted.
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(TransferId.New(), open, 50)));
        AssertInvariants(bed.Ledger);
    }

    [Fact]
    public void TransferResult_ExceedsPendingAmount_for_posting_more_than_reserved()
    {
        var bed = new Bed();
        var p = bed.Pending(bed.Alice, bed.Bob, 100);
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), p, 101), TransferResult.ExceedsPendingAmount);
        ExpectRejected(bed.Ledger, TransferRequest.PostPending(TransferId.New(), p, long.MaxValue), TransferResult.ExceedsPendingAmount);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(TransferId.New(), p, 100)));
    }

    [Fact]
    public void TransferResult_ExpiryNotInFuture_for_an_expiry_at_or_before_now_is_not_journalled()
    {
        var bed = new Bed();
        var id = TransferId.New();
        ExpectRejected(bed.Ledger, TransferRequest.Pending(id, bed.Alice, bed.Bob, 10, 1, bed.Clock.GetCurrentInstant()), TransferResult.ExpiryNotInFuture);
        ExpectRejected(bed.Ledger, TransferRequest.Pending(id, bed.Alice, bed.Bob, 10, 1, LedgerTestKit.Start - Duration.FromDays(1)), TransferResult.ExpiryNotInFuture);

        // The id was not burnt.
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Pending(id, bed.Alice, bed.Bob, 10, 1, bed.Clock.GetCurrentInstant() + Duration.Epsilon)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: reversals
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_TransferNotFound_for_reversing_an_unknown_id()
    {
        var bed = new Bed();
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), TransferId.New()), TransferResult.TransferNotFound);
    }

    [Fact]
    public void TransferResult_TransferAlreadyReversed_for_a_second_reversal()
    {
        var bed = new Bed();
        var t = bed.Post(bed.Alice, bed.Bob, 10);
        var r = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Reverse(r, t)));
        Assert.Equal((1000L, 0L), (bed.Ledger.GetBalance(bed.Alice), bed.Ledger.GetBalance(bed.Bob)));
        Assert.True(bed.Ledger.TryGetTransfer(t, out var original));
        Assert.Equal(r, original.ReversedBy);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), t), TransferResult.TransferAlreadyReversed);
    }

    [Fact]
    public void TransferResult_TransferNotReversible_for_failed_pending_void_and_reversal_transfers()
    {
        var bed = new Bed();
        var failed = bed.Failed();
        var pending = bed.Pending(bed.Alice, bed.Bob, 10);
        var pending2 = bed.Pending(bed.Alice, bed.Bob, 10);
        var voided = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.VoidPending(voided, pending2)));
        var t = bed.Post(bed.Alice, bed.Bob, 10);
        var reversal = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Reverse(reversal, t)));

        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), failed), TransferResult.TransferNotReversible);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), pending), TransferResult.TransferNotReversible);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), pending2), TransferResult.TransferNotReversible);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), voided), TransferResult.TransferNotReversible);
        ExpectRejected(bed.Ledger, TransferRequest.Reverse(TransferId.New(), reversal), TransferResult.TransferNotReversible);

        // A posted pending transfer is reversible, by the amount posted.
        var posted = TransferId.New();
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.PostPending(posted, pending, 7)));
        Assert.Equal((993L, 7L), (bed.Ledger.GetBalance(bed.Alice), bed.Ledger.GetBalance(bed.Bob)));
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.Reverse(TransferId.New(), posted)));
        Assert.Equal((1000L, 0L), (bed.Ledger.GetBalance(bed.Alice), bed.Ledger.GetBalance(bed.Bob)));
        AssertInvariants(bed.Ledger);
    }

    // ------------------------------------------------------------------------------------------------------------
    // TransferResult: linked batches
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void TransferResult_LinkedEventFailed_for_every_other_member_of_a_failed_batch_which_changes_nothing()
    {
        var bed = new Bed();
        var reversible = bed.Post(bed.Alice, bed.Bob, 10);
        var oldPending = bed.Pending(bed.Alice, bed.Bob, 20, LedgerTestKit.Start + Duration.FromMinutes(1));
        var newPending = TransferId.New();
        var batch = new[]
        {
            TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Alice, 500, 1),
            TransferRequest.Pending(newPending, bed.Alice, bed.Bob, 300, 2, LedgerTestKit.Start + Duration.FromMinutes(1)),
            TransferRequest.PostPending(TransferId.New(), newPending, 200),
            TransferRequest.VoidPending(TransferId.New(), oldPending),
            TransferRequest.Reverse(TransferId.New(), reversible),
            TransferRequest.Post(TransferId.New(), bed.Bob, bed.Alice, 1_000_000, 1), // Bob cannot pay this
            TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Bob, 1, 1),
        };
        var accounts = Accounts(bed.Ledger);
        var journal = bed.Ledger.Journal.ToArray();
        var transfersBefore = new[] { reversible, oldPending }.Select(id => bed.Ledger.TryGetTransfer(id, out var t) ? t : default).ToArray();
        var results = new TransferResult[batch.Length + 1];
        results[^1] = TransferResult.Ok;

        Assert.Equal(TransferResult.ExceedsFloor, bed.Ledger.SubmitLinked(batch, results));

        var expected = Enumerable.Repeat(TransferResult.LinkedEventFailed, batch.Length).ToArray();
        expected[5] = TransferResult.ExceedsFloor;
        Assert.Equal(expected, results[..batch.Length]);
        Assert.Equal(TransferResult.Ok, results[^1]); // beyond the batch: untouched
        Assert.Equal(journal, bed.Ledger.Journal);
        AssertAccountsUnchanged(accounts, bed.Ledger);
        Assert.Equal(transfersBefore, new[] { reversible, oldPending }.Select(id => bed.Ledger.TryGetTransfer(id, out var t) ? t : default));
        Assert.All(batch, r => Assert.False(bed.Ledger.TryGetTransfer(r.Id, out _), "a failed batch burns no ids"));
        AssertInvariants(bed.Ledger);

        // The rolled-back pending transfer is not on any expiry watch: nothing expires that was never applied.
        bed.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(1, bed.Ledger.ExpirePending());
        Assert.Equal(oldPending, bed.Ledger.Journal[^1].RelatedTransferId);

        // Without the bad member the same batch applies in full, reusing the ids.
        bed.Clock.Reset(LedgerTestKit.Start);
        var good = batch.Where((_, i) => i is not (5 or 3)).ToArray();
        var goodResults = new TransferResult[good.Length];
        Assert.Equal(TransferResult.Ok, bed.Ledger.SubmitLinked(good, goodResults));
        Assert.All(goodResults, static r => Assert.Equal(TransferResult.Ok, r));
        AssertInvariants(bed.Ledger);
    }

    [Fact]
    public void TransferResult_LinkedEventFailed_when_the_first_member_or_a_request_only_check_fails()
    {
        var bed = new Bed();
        var accounts = Accounts(bed.Ledger);
        var journal = bed.Ledger.Journal.ToArray();
        var results = new TransferResult[3];
        var batch = new[]
        {
            TransferRequest.Post(TransferId.New(), bed.Alice, bed.Carol, 1, 1),
            TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Alice, 1, 1),
            TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Alice, 1, 1),
        };
        Assert.Equal(TransferResult.AssetMismatch, bed.Ledger.SubmitLinked(batch, results));
        Assert.Equal(new[] { TransferResult.AssetMismatch, TransferResult.LinkedEventFailed, TransferResult.LinkedEventFailed }, results);

        batch[0] = TransferRequest.Post(bed.AliceFunding, bed.Issuer, bed.Alice, 999, 1);
        Assert.Equal(TransferResult.ExistsWithDifferentAmount, bed.Ledger.SubmitLinked(batch, results));
        Assert.Equal(new[] { TransferResult.ExistsWithDifferentAmount, TransferResult.LinkedEventFailed, TransferResult.LinkedEventFailed }, results);

        // Two members with one id: the second differs from the first, so the batch fails and the first is undone.
        batch[0] = TransferRequest.Post(batch[1].Id, bed.Issuer, bed.Alice, 2, 1);
        Assert.Equal(TransferResult.ExistsWithDifferentAmount, bed.Ledger.SubmitLinked(batch, results));
        Assert.Equal(new[] { TransferResult.LinkedEventFailed, TransferResult.ExistsWithDifferentAmount, TransferResult.LinkedEventFailed }, results);

        Assert.Equal(journal, bed.Ledger.Journal);
        AssertAccountsUnchanged(accounts, bed.Ledger);
        AssertInvariants(bed.Ledger);
    }

    // ------------------------------------------------------------------------------------------------------------
    // AccountResult
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void AccountResult_Ok_opens_freezes_unfreezes_changes_limits_and_closes_with_one_entry_each()
    {
        var clock = NewClock();
        var ledger = new DoubleEntryLedger(clock);
        var id = AccountId.New();
        var owner = Guid.NewGuid();
        Assert.Equal(AccountResult.Ok, ledger.OpenAccount(new OpenAccountRequest(id, Asset.Points, owner, 3, -5, 10)));
        Assert.True(ledger.TryGetAccount(id, out var a));
        Assert.Equal((id, Asset.Points, owner, 3, (long?)-5, (long?)10, 1L, 0L), (a.Id, a.Asset, a.OwnerId, a.Code, a.Floor, a.Ceiling, a.Version, a.Balance));
        Assert.Equal(AccountResult.Ok, ledger.FreezeAccount(id));
        Assert.Equal(AccountResult.Ok, ledger.UnfreezeAccount(id));
        Assert.Equal(AccountResult.Ok, ledger.ChangeLimits(id, null, null));
        Assert.Equal(AccountResult.Ok, ledger.CloseAccount(id));
        Assert.Equal(
            new[] { LedgerEventKind.AccountOpened, LedgerEventKind.AccountFrozen, LedgerEventKind.AccountUnfrozen, LedgerEventKind.AccountLimitsChanged, LedgerEventKind.AccountClosed },
            ledger.Journal.Select(static e => e.Kind));
        Assert.True(ledger.TryGetAccount(id, out a));
        Assert.Equal((5L, true, false, (long?)null, (long?)null), (a.Version, a.IsClosed, a.IsFrozen, a.Floor, a.Ceiling));
        AssertInvariants(ledger);
    }

    [Fact]
    public void AccountResult_Exists_for_the_same_opening_even_after_limits_changed()
    {
        var bed = new Bed();
        var request = new OpenAccountRequest(AccountId.New(), Asset.TimeCredit, Guid.NewGuid(), 4, 0, 100);
        Bed.Ok(bed.Ledger.OpenAccount(request));
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(request), AccountResult.Exists);
        Bed.Ok(bed.Ledger.ChangeLimits(request.Id, -10, 200));
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(request), AccountResult.Exists);
    }

    [Fact]
    public void AccountResult_ExistsWithDifferentAsset_for_an_id_of_another_asset()
    {
        var bed = new Bed();
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(new OpenAccountRequest(bed.Alice, Asset.Points, Guid.NewGuid(), 7)), AccountResult.ExistsWithDifferentAsset);
    }

    [Fact]
    public void AccountResult_ExistsWithDifferentOwner_for_an_id_of_another_owner()
    {
        var bed = new Bed();
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(new OpenAccountRequest(bed.Alice, Asset.TimeCredit, Guid.NewGuid(), alice.Code)), AccountResult.ExistsWithDifferentOwner);
    }

    [Fact]
    public void AccountResult_ExistsWithDifferentCode_for_an_id_with_another_code()
    {
        var bed = new Bed();
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(new OpenAccountRequest(bed.Alice, Asset.TimeCredit, alice.OwnerId, alice.Code + 1)), AccountResult.ExistsWithDifferentCode);
    }

    [Fact]
    public void AccountResult_ExistsWithDifferentLimits_for_an_id_with_another_floor_or_ceiling()
    {
        var bed = new Bed();
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(new OpenAccountRequest(bed.Alice, Asset.TimeCredit, alice.OwnerId, alice.Code, floor: null)), AccountResult.ExistsWithDifferentLimits);
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(new OpenAccountRequest(bed.Alice, Asset.TimeCredit, alice.OwnerId, alice.Code, 0, 5_000)), AccountResult.ExistsWithDifferentLimits);
    }

    [Fact]
    public void AccountResult_AccountNotFound_for_every_account_operation_on_an_unknown_id()
    {
        var bed = new Bed();
        var unknown = AccountId.New();
        ExpectAccountRejected(bed.Ledger, l => l.FreezeAccount(unknown), AccountResult.AccountNotFound);
        ExpectAccountRejected(bed.Ledger, l => l.UnfreezeAccount(unknown), AccountResult.AccountNotFound);
        ExpectAccountRejected(bed.Ledger, l => l.CloseAccount(unknown), AccountResult.AccountNotFound);
        ExpectAccountRejected(bed.Ledger, l => l.ChangeLimits(unknown, 0, null), AccountResult.AccountNotFound);
        Assert.False(bed.Ledger.TryGetAccount(unknown, out _));
        Assert.Throws<KeyNotFoundException>(() => bed.Ledger.GetBalance(unknown));
    }

    [Fact]
    public void AccountResult_AccountClosed_for_every_account_operation_on_a_closed_account()
    {
        var bed = new Bed();
        var dave = bed.Open(Asset.TimeCredit);
        Bed.Ok(bed.Ledger.FreezeAccount(dave));
        Bed.Ok(bed.Ledger.CloseAccount(dave)); // frozen accounts may close
        ExpectAccountRejected(bed.Ledger, l => l.FreezeAccount(dave), AccountResult.AccountClosed);
        ExpectAccountRejected(bed.Ledger, l => l.UnfreezeAccount(dave), AccountResult.AccountClosed);
        ExpectAccountRejected(bed.Ledger, l => l.CloseAccount(dave), AccountResult.AccountClosed);
        ExpectAccountRejected(bed.Ledger, l => l.ChangeLimits(dave, null, null), AccountResult.AccountClosed);
    }

    [Fact]
    public void AccountResult_AlreadyFrozen_for_freezing_twice()
    {
        var bed = new Bed();
        Bed.Ok(bed.Ledger.FreezeAccount(bed.Alice));
        ExpectAccountRejected(bed.Ledger, l => l.FreezeAccount(bed.Alice), AccountResult.AlreadyFrozen);
    }

    [Fact]
    public void AccountResult_NotFrozen_for_unfreezing_an_active_account()
    {
        var bed = new Bed();
        ExpectAccountRejected(bed.Ledger, l => l.UnfreezeAccount(bed.Alice), AccountResult.NotFrozen);
        Bed.Ok(bed.Ledger.FreezeAccount(bed.Alice));
        Bed.Ok(bed.Ledger.UnfreezeAccount(bed.Alice));
        ExpectAccountRejected(bed.Ledger, l => l.UnfreezeAccount(bed.Alice), AccountResult.NotFrozen);
    }

    [Fact]
    public void AccountResult_BalanceNotZero_for_closing_a_positive_or_negative_balance()
    {
        var bed = new Bed();
        ExpectAccountRejected(bed.Ledger, l => l.CloseAccount(bed.Alice), AccountResult.BalanceNotZero);
        ExpectAccountRejected(bed.Ledger, l => l.CloseAccount(bed.Issuer), AccountResult.BalanceNotZero);
    }

    [Fact]
    public void AccountResult_HasPendingTransfers_for_closing_with_pending_debits_or_credits()
    {
        var bed = new Bed();
        var dave = bed.Open(Asset.TimeCredit);
        var erin = bed.Open(Asset.TimeCredit);
        bed.Post(bed.Issuer, dave, 10);
        var p = bed.Pending(dave, erin, 10);

        // Dave: zero available but a pending debit and a non-zero balance; the pending rule answers first.
        ExpectAccountRejected(bed.Ledger, l => l.CloseAccount(dave), AccountResult.HasPendingTransfers);

        // Erin: zero balance, pending credit.
        ExpectAccountRejected(bed.Ledger, l => l.CloseAccount(erin), AccountResult.HasPendingTransfers);
        Assert.Equal(TransferResult.Ok, bed.Ledger.Submit(TransferRequest.VoidPending(TransferId.New(), p)));
        Bed.Ok(bed.Ledger.CloseAccount(erin));
    }

    [Fact]
    public void AccountResult_LimitsWouldBeViolated_counting_pending_debits_and_credits()
    {
        var bed = new Bed();
        bed.Pending(bed.Alice, bed.Bob, 400);

        // Alice: balance 1000, available 600.
        ExpectAccountRejected(bed.Ledger, l => l.ChangeLimits(bed.Alice, 601, null), AccountResult.LimitsWouldBeViolated);
        ExpectAccountRejected(bed.Ledger, l => l.ChangeLimits(bed.Alice, null, 999), AccountResult.LimitsWouldBeViolated);

        // Bob: balance 0, 400 pending credit.
        ExpectAccountRejected(bed.Ledger, l => l.ChangeLimits(bed.Bob, 0, 399), AccountResult.LimitsWouldBeViolated);
        ExpectAccountRejected(bed.Ledger, l => l.ChangeLimits(bed.Bob, 1, null), AccountResult.LimitsWouldBeViolated);

        Bed.Ok(bed.Ledger.ChangeLimits(bed.Alice, 600, 1000));
        Bed.Ok(bed.Ledger.ChangeLimits(bed.Bob, 0, 400));
        Assert.True(bed.Ledger.TryGetAccount(bed.Alice, out var alice));
        Assert.Equal(((long?)600, (long?)1000), (alice.Floor, alice.Ceiling));
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Carol, 1, 1), TransferResult.AssetMismatch);
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Alice, bed.Issuer, 1, 1), TransferResult.ExceedsFloor);
        ExpectRejected(bed.Ledger, TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Bob, 1, 1), TransferResult.ExceedsCeiling);
    }

    [Fact]
    public void AccountResult_LimitsWouldBeViolated_for_an_opening_whose_limits_exclude_a_zero_balance()
    {
        var bed = new Bed();
        var positiveFloor = new OpenAccountRequest(AccountId.New(), Asset.TimeCredit, Guid.NewGuid(), 1, floor: 1);
        var negativeCeiling = new OpenAccountRequest(AccountId.New(), Asset.TimeCredit, Guid.NewGuid(), 1, floor: null, ceiling: -1);
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(positiveFloor), AccountResult.LimitsWouldBeViolated);
        ExpectAccountRejected(bed.Ledger, l => l.OpenAccount(negativeCeiling), AccountResult.LimitsWouldBeViolated);
        Assert.False(bed.Ledger.TryGetAccount(positiveFloor.Id, out _));

        // Limits that admit zero are fine.
        Bed.Ok(bed.Ledger.OpenAccount(new OpenAccountRequest(AccountId.New(), Asset.TimeCredit, Guid.Empty, 1, floor: 0, ceiling: 0)));
        AssertInvariants(bed.Ledger);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Programmer errors: guard exceptions with the offending parameter's name
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Guard_empty_transfer_id_throws_ArgumentException_for_id()
    {
        var a = AccountId.New();
        var b = AccountId.New();
        var p = TransferId.New();
        Assert.Equal("id", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Post(default, a, b, 1, 1)).ParamName);
        Assert.Equal("id", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Pending(default, a, b, 1, 1)).ParamName);
        Assert.Equal("id", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.PostPending(default, p, 1)).ParamName);
        Assert.Equal("id", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.VoidPending(default, p)).ParamName);
        Assert.Equal("id", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Reverse(default, p)).ParamName);
    }

    [Fact]
    public void Guard_empty_account_ids_throw_ArgumentException_naming_the_account()
    {
        var a = AccountId.New();
        var t = TransferId.New();
        Assert.Equal("debitAccountId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Post(t, default, a, 1, 1)).ParamName);
        Assert.Equal("creditAccountId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Post(t, a, default, 1, 1)).ParamName);
        Assert.Equal("debitAccountId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Pending(t, default, a, 1, 1)).ParamName);
        Assert.Equal("creditAccountId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Pending(t, a, default, 1, 1)).ParamName);
        Assert.Equal("id", Assert.ThrowsAny<ArgumentException>(() => new OpenAccountRequest(default, Asset.Points, Guid.Empty, 1)).ParamName);

        var ledger = new DoubleEntryLedger(NewClock());
        Assert.Equal("accountId", Assert.ThrowsAny<ArgumentException>(() => ledger.FreezeAccount(default)).ParamName);
        Assert.Equal("accountId", Assert.ThrowsAny<ArgumentException>(() => ledger.UnfreezeAccount(default)).ParamName);
        Assert.Equal("accountId", Assert.ThrowsAny<ArgumentException>(() => ledger.CloseAccount(default)).ParamName);
        Assert.Equal("accountId", Assert.ThrowsAny<ArgumentException>(() => ledger.ChangeLimits(default, 0, 1)).ParamName);
        Assert.Equal(0, ledger.Position);
    }

    [Fact]
    public void Guard_empty_related_transfer_ids_throw_ArgumentException_naming_them()
    {
        var t = TransferId.New();
        Assert.Equal("pendingId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.PostPending(t, default, 1)).ParamName);
        Assert.Equal("pendingId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.VoidPending(t, default)).ParamName);
        Assert.Equal("transferId", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Reverse(t, default)).ParamName);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void Guard_zero_or_negative_amount_throws_ArgumentException_for_amount(long amount)
    {
        var a = AccountId.New();
        var b = AccountId.New();
        var t = TransferId.New();
        Assert.Equal("amount", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Post(t, a, b, amount, 1)).ParamName);
        Assert.Equal("amount", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.Pending(t, a, b, amount, 1)).ParamName);
        Assert.Equal("amount", Assert.ThrowsAny<ArgumentException>(() => TransferRequest.PostPending(t, TransferId.New(), amount)).ParamName);
    }

    [Fact]
    public void Guard_memo_longer_than_MaxMemoLength_throws_ArgumentOutOfRangeException_for_memo()
    {
        var a = AccountId.New();
        var b = AccountId.New();
        var t = TransferId.New();
        var tooLong = new string('x', TransferRequest.MaxMemoLength + 1);
        Assert.Equal("memo", Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.Post(t, a, b, 1, 1, tooLong)).ParamName);
        Assert.Equal("memo", Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.Pending(t, a, b, 1, 1, null, tooLong)).ParamName);
        Assert.Equal("memo", Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.PostPending(t, t, 1, tooLong)).ParamName);
        Assert.Equal("memo", Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.VoidPending(t, t, tooLong)).ParamName);
        Assert.Equal("memo", Assert.Throws<ArgumentOutOfRangeException>(() => TransferRequest.Reverse(t, t, tooLong)).ParamName);
        Assert.Equal(TransferRequest.MaxMemoLength, TransferRequest.Post(t, a, b, 1, 1, tooLong[1..]).Memo!.Length);
    }

    [Fact]
    public void Guard_default_requests_throw_ArgumentException_and_change_nothing()
    {
        var bed = new Bed();
        var journal = bed.Ledger.Journal.ToArray();
        var accounts = Accounts(bed.Ledger);
        Assert.Equal("request", Assert.ThrowsAny<ArgumentException>(() => bed.Ledger.Submit(default)).ParamName);
        Assert.Equal("request", Assert.ThrowsAny<ArgumentException>(() => bed.Ledger.OpenAccount(default)).ParamName);

        var ok = TransferRequest.Post(TransferId.New(), bed.Issuer, bed.Alice, 1, 1);
        Assert.Equal("requests", Assert.ThrowsAny<ArgumentException>(() => bed.Ledger.SubmitLinked(new[] { ok, default }, new TransferResult[2])).ParamName);
        Assert.Equal("requests", Assert.ThrowsAny<ArgumentException>(() => bed.Ledger.SubmitLinked(ReadOnlySpan<TransferRequest>.Empty, new TransferResult[1])).ParamName);
        Assert.Equal("results", Assert.ThrowsAny<ArgumentException>(() => bed.Ledger.SubmitLinked(new[] { ok, ok }, new TransferResult[1])).ParamName);
        Assert.Equal(journal, bed.Ledger.Journal);
        AssertAccountsUnchanged(accounts, bed.Ledger);
        Assert.False(bed.Ledger.TryGetTransfer(ok.Id, out _));
    }

    [Fact]
    public void Guard_floor_above_ceiling_throws_ArgumentException_for_floor()
    {
        Assert.Equal("floor", Assert.ThrowsAny<ArgumentException>(() => new OpenAccountRequest(AccountId.New(), Asset.Points, Guid.Empty, 1, 11, 10)).ParamName);
        var bed = new Bed();
        var journal = bed.Ledger.Journal.ToArray();
        var accounts = Accounts(bed.Ledger);
        Assert.Equal("floor", Assert.ThrowsAny<ArgumentException>(() => bed.Ledger.ChangeLimits(bed.Alice, 1001, 1000)).ParamName);
        Assert.Equal(journal, bed.Ledger.Journal);
        AssertAccountsUnchanged(accounts, bed.Ledger);
    }

    [Fact]
    public void Guard_default_asset_throws_ArgumentException_for_asset_and_zero_code_for_code()
    {
        Assert.Equal("asset", Assert.ThrowsAny<ArgumentException>(() => new OpenAccountRequest(AccountId.New(), default, Guid.Empty, 1)).ParamName);
        Assert.Equal("code", Assert.ThrowsAny<ArgumentException>(() => new Asset(0)).ParamName);
        Assert.Equal("code", Assert.ThrowsAny<ArgumentException>(() => new Asset(-2)).ParamName);
    }

    [Fact]
    public void Guard_replay_of_a_journal_with_a_gap_or_a_rewritten_balance_throws_InvalidOperationException()
    {
        var bed = new Bed();
        var journal = bed.Ledger.Journal.ToArray();
        Assert.Throws<InvalidOperationException>(() => DoubleEntryLedger.Replay(journal.Skip(1), NewClock()));
        Assert.Throws<InvalidOperationException>(() => DoubleEntryLedger.Replay(journal.Where((_, i) => i != 3), NewClock()));
        var tampered = journal.ToArray();
        var last = tampered.Length - 1;
        tampered[last] = tampered[last] with { CreditAccountBalance = tampered[last].CreditAccountBalance + 1 };
        Assert.Throws<InvalidOperationException>(() => DoubleEntryLedger.Replay(tampered, NewClock()));
        var replayed = DoubleEntryLedger.Replay(journal, NewClock());
        Assert.Equal(journal, replayed.Journal);
        Assert.Equal(Accounts(bed.Ledger), Accounts(replayed));
    }
}

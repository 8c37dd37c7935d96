using System.Diagnostics;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>
/// The double-entry ledger that holds every balance of a scheme: time-bank minutes, love-bank points and aid money,
/// each its own <see cref="Asset"/>. It keeps its state in memory and does no I/O; every change it makes is an entry
/// in its append-only journal (<see cref="Journal"/>), which a storage adapter persists and
/// <see cref="Replay"/> turns back into the same ledger.
/// </summary>
/// <remarks>
/// <para>Guarantees, after any sequence of operations, accepted or rejected:</para>
/// <list type="bullet">
/// <item>per asset, posted balances sum to zero and pending balances sum to zero;</item>
/// <item>no account's available balance (posted less pending debits) is below its floor, and no account's balance
/// counting pending credits is above its ceiling;</item>
/// <item>a transfer id applies at most once (idempotency), and an id that failed on the ledger's state stays failed;</item>
/// <item>a pending transfer resolves (posted, voided or expired) at most once;</item>
/// <item>a rejected request or linked batch changes no balance, account or transfer;</item>
/// <item>balances equal a fold of the journal, which is only ever appended to.</item>
/// </list>
/// <para><see cref="VerifyInvariants"/> checks all of them. Business rejections are returned as
/// <see cref="TransferResult"/> and <see cref="AccountResult"/> codes without exceptions; programmer errors throw.
/// Instances are not thread-safe: use one writer at a time (a store adapter serialises writers).</para>
/// </remarks>
public sealed class DoubleEntryLedger
{
    private readonly IClock _clock;
    private readonly Dictionary<AccountId, AccountState> _accounts;
    private readonly Dictionary<TransferId, TransferState> _transfers;
    private readonly List<LedgerEvent> _journal;
    private readonly List<EntryLinks> _links;
    private readonly List<TransferId> _expiringPending = [];
    private readonly List<UndoStep> _undo = [];
    private bool _recordUndo;
    private Instant _lastTimestamp = Instant.MinValue;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="clock">The source of time for entry timestamps and pending expiry.</param>
    /// <param name="options">Sizing hints, or null for <see cref="LedgerOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public DoubleEntryLedger(IClock clock, LedgerOptions? options = null)
    {
        _clock = Guard.Against.Null(clock);
        options ??= LedgerOptions.Default;
        Guard.Against.Negative(options.AccountCapacity);
        Guard.Against.Negative(options.TransferCapacity);
        _accounts = new Dictionary<AccountId, AccountState>(options.AccountCapacity);
        _transfers = new Dictionary<TransferId, TransferState>(options.TransferCapacity);
        _journal = new List<LedgerEvent>(options.TransferCapacity);
        _links = new List<EntryLinks>(options.TransferCapacity);
    }

    /// <summary>The journal, oldest entry first; entry <c>i</c> has position <c>i + 1</c>. Read-only.</summary>
    public IReadOnlyList<LedgerEvent> Journal => _journal;

    /// <summary>The position of the newest journal entry (0 when the journal is empty).</summary>
    public long Position => _journal.Count;

    /// <summary>The number of accounts, closed ones included.</summary>
    public int AccountCount => _accounts.Count;

    /// <summary>The clock the ledger reads.</summary>
    public IClock Clock => _clock;

    /// <summary>Rebuilds a ledger from its journal. The entries must be complete and in order (positions 1, 2, ...);
    /// their recorded versions and running balances are checked against the fold.</summary>
    /// <param name="journal">The entries, oldest first.</param>
    /// <param name="clock">The clock for further operations.</param>
    /// <param name="options">Sizing hints, or null.</param>
    /// <exception cref="InvalidOperationException">The journal has a gap, is out of order or contradicts itself.</exception>
    public static DoubleEntryLedger Replay(IEnumerable<LedgerEvent> journal, IClock clock, LedgerOptions? options = null)
    {
        Guard.Against.Null(journal);
        if (options is null && journal is IReadOnlyCollection<LedgerEvent> { Count: > 0 } known)
        {
            // Size the tables from the journal instead of growing them entry by entry.
            options = new LedgerOptions { AccountCapacity = Math.Min(known.Count, 1024), TransferCapacity = known.Count };
        }

        var ledger = new DoubleEntryLedger(clock, options);
        ledger.CatchUp(journal);
        return ledger;
    }

    /// <summary>Applies journal entries written elsewhere (by another writer of the same store) that follow this
    /// ledger's <see cref="Position"/>. Entries at or before the current position are skipped.</summary>
    /// <param name="entries">Entries, oldest first.</param>
    /// <exception cref="InvalidOperationException">An entry leaves a gap or contradicts the fold.</exception>
    public void CatchUp(IEnumerable<LedgerEvent> entries)
    {
        Guard.Against.Null(entries);
        switch (entries)
        {
            case LedgerEvent[] array:
                foreach (ref readonly var entry in array.AsSpan()) CatchUpOne(entry);
                break;
            case List<LedgerEvent> list:
                foreach (ref readonly var entry in CollectionsMarshal.AsSpan(list)) CatchUpOne(entry);
                break;
            default:
                foreach (var entry in entries) CatchUpOne(entry);
                break;
        }
    }

    private void CatchUpOne(in LedgerEvent entry)
    {
        if (entry.Position <= Position)
        {
            return;
        }

        if (entry.Position != Position + 1)
        {
            throw new InvalidOperationException($"Journal gap: expected position {Position + 1}, found {entry.Position}.");
        }

        Apply(entry, replaying: true);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Accounts
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Opens an account. Idempotent: the same request again answers <see cref="AccountResult.Exists"/>.</summary>
    /// <param name="request">The account to open.</param>
    /// <returns><see cref="AccountResult.Ok"/>, <see cref="AccountResult.Exists"/>, an <c>ExistsWithDifferent…</c> code,
    /// or <see cref="AccountResult.LimitsWouldBeViolated"/> when the limits exclude the new account's zero balance (a
    /// positive floor or a negative ceiling).</returns>
    public AccountResult OpenAccount(in OpenAccountRequest request)
    {
        Guard.Against.Expression(static x => x.IsEmpty, request.Id, "The request is the default value.", nameof(request));
        if (_accounts.TryGetValue(request.Id, out var existing))
        {
            var o = existing.Opening;
            if (o.Asset != request.Asset) return AccountResult.ExistsWithDifferentAsset;
            if (o.OwnerId != request.OwnerId) return AccountResult.ExistsWithDifferentOwner;
            if (o.Code != request.Code) return AccountResult.ExistsWithDifferentCode;
            if (o.Floor != request.Floor || o.Ceiling != request.Ceiling) return AccountResult.ExistsWithDifferentLimits;
            return AccountResult.Exists;
        }

        // A new account starts at zero; limits that exclude zero would break the floor/ceiling invariant at once.
        if (!FitsLimits(default(AccountCore), request.Floor, request.Ceiling)) return AccountResult.LimitsWouldBeViolated;

        Apply(new LedgerEvent
        {
            Kind = LedgerEventKind.AccountOpened,
            AccountId = request.Id,
            Asset = request.Asset,
            OwnerId = request.OwnerId,
            Code = request.Code,
            Floor = request.Floor,
            Ceiling = request.Ceiling,
        }, replaying: false);
        return AccountResult.Ok;
    }

    /// <summary>Freezes an account: transfers that would debit or credit it are rejected until it is unfrozen. Pending
    /// transfers on it can still be voided or expire.</summary>
    public AccountResult FreezeAccount(AccountId accountId)
        => AccountChange(accountId, LedgerEventKind.AccountFrozen, null, null);

    /// <summary>Unfreezes a frozen account.</summary>
    public AccountResult UnfreezeAccount(AccountId accountId)
        => AccountChange(accountId, LedgerEventKind.AccountUnfrozen, null, null);

    /// <summary>Closes an account for good. Only an account with a zero posted balance and nothing pending closes.</summary>
    public AccountResult CloseAccount(AccountId accountId)
        => AccountChange(accountId, LedgerEventKind.AccountClosed, null, null);

    /// <summary>Changes an account's floor and ceiling, as a logged journal entry. Rejected if the account's current
    /// available balance or pending credits would not fit the new limits.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="floor">The new floor, or null for none.</param>
    /// <param name="ceiling">The new ceiling, or null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="floor"/> is above <paramref name="ceiling"/>.</exception>
    public AccountResult ChangeLimits(AccountId accountId, long? floor, long? ceiling)
    {
        if (floor is { } f && ceiling is { } c && f > c)
        {
            throw new ArgumentException($"The floor ({f}) is above the ceiling ({c}).", nameof(floor));
        }

        return AccountChange(accountId, LedgerEventKind.AccountLimitsChanged, floor, ceiling);
    }

    private AccountResult AccountChange(AccountId accountId, LedgerEventKind kind, long? floor, long? ceiling)
    {
        Guard.Against.Expression(static x => x.IsEmpty, accountId, "An account id must not be empty.", nameof(accountId));
        if (!_accounts.TryGetValue(accountId, out var account)) return AccountResult.AccountNotFound;
        ref readonly var core = ref account.Core;
        if (core.IsClosed) return AccountResult.AccountClosed;
        switch (kind)
        {
            case LedgerEventKind.AccountFrozen when core.IsFrozen:
                return AccountResult.AlreadyFrozen;
            case LedgerEventKind.AccountUnfrozen when !core.IsFrozen:
                return AccountResult.NotFrozen;
            case LedgerEventKind.AccountClosed when core.DebitsPending != 0 || core.CreditsPending != 0:
                return AccountResult.HasPendingTransfers;
            case LedgerEventKind.AccountClosed when core.Balance != 0:
                return AccountResult.BalanceNotZero;
            case LedgerEventKind.AccountLimitsChanged when !FitsLimits(core, floor, ceiling):
                return AccountResult.LimitsWouldBeViolated;
        }

        Apply(new LedgerEvent
        {
            Kind = kind,
            AccountId = accountId,
            Asset = account.Opening.Asset,
            Floor = floor,
            Ceiling = ceiling,
        }, replaying: false);
        return AccountResult.Ok;
    }

    private static bool FitsLimits(in AccountCore core, long? floor, long? ceiling)
    {
        if (floor is { } f && (Int128)core.CreditsPosted - core.DebitsPosted - core.DebitsPending < f) return false;
        if (ceiling is { } c && (Int128)core.CreditsPosted - core.DebitsPosted + core.CreditsPending > c) return false;
        return true;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Transfers
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Submits one transfer request.</summary>
    /// <param name="request">The request, built with a <see cref="TransferRequest"/> factory.</param>
    /// <returns><see cref="TransferResult.Ok"/>, <see cref="TransferResult.Exists"/>, or the code of the one rule that
    /// rejected it. A rejection on the ledger's state (see <see cref="TransferResultExtensions.IsStateRejection"/>) is
    /// journalled so the id stays failed; no balance changes.</returns>
    /// <exception cref="ArgumentException"><paramref name="request"/> is the default value.</exception>
    public TransferResult Submit(in TransferRequest request)
    {
        Guard.Against.Expression(static x => x == TransferKind.None, request.Kind, "The request is the default value.", nameof(request));
        return TrySubmit(request, recordFailure: true);
    }

    /// <summary>Submits a linked batch: every request is applied, or none is. Requests are applied in order, so a
    /// later one may rely on an earlier one (a pending transfer and its post, say).</summary>
    /// <param name="requests">The requests, in order.</param>
    /// <param name="results">Receives one code per request; at least as long as <paramref name="requests"/>. When a
    /// member is rejected it gets its code and every other member gets <see cref="TransferResult.LinkedEventFailed"/>.</param>
    /// <returns><see cref="TransferResult.Ok"/> when the batch applied (members may individually be
    /// <see cref="TransferResult.Exists"/>), otherwise the failing member's code. A failed batch changes nothing and
    /// burns no ids.</returns>
    /// <exception cref="ArgumentException"><paramref name="requests"/> is empty, holds a default request, or
    /// <paramref name="results"/> is too short.</exception>
    public TransferResult SubmitLinked(ReadOnlySpan<TransferRequest> requests, Span<TransferResult> results)
    {
        if (requests.IsEmpty) throw new ArgumentException("A linked batch needs at least one request.", nameof(requests));
        if (results.Length < requests.Length) throw new ArgumentException("The results span is shorter than the batch.", nameof(results));
        foreach (ref readonly var r in requests)
        {
            if (r.Kind == TransferKind.None) throw new ArgumentException("A batch member is the default value.", nameof(requests));
        }

        var journalMark = _journal.Count;
        var timestampMark = _lastTimestamp;
        _undo.Clear();
        _recordUndo = true;
        try
        {
            for (var i = 0; i < requests.Length; i++)
            {
                var code = TrySubmit(requests[i], recordFailure: false);
                if (!code.IsSuccess())
                {
                    Rollback(journalMark, timestampMark);
                    results[..requests.Length].Fill(TransferResult.LinkedEventFailed);
                    results[i] = code;
                    return code;
                }

                results[i] = code;
            }

            return TransferResult.Ok;
        }
        finally
        {
            _recordUndo = false;
            _undo.Clear();
        }
    }

    /// <summary>Releases every pending transfer whose expiry is at or before the clock's current instant, each as a
    /// journalled <see cref="LedgerEventKind.PendingExpired"/> entry. Running it again changes nothing more.</summary>
    /// <returns>How many pending transfers expired.</returns>
    public int ExpirePending()
    {
        var now = _clock.GetCurrentInstant();
        var expired = 0;
        var kept = 0;
        for (var i = 0; i < _expiringPending.Count; i++)
        {
            var id = _expiringPending[i];
            if (!_transfers.TryGetValue(id, out var state) || state.PendingState != PendingState.Pending)
            {
                continue; // resolved already (or rolled back): drop it from the watch list
            }

            var t = _journal[state.Index];
            if (t.ExpiresAt is { } at && at <= now)
            {
                Apply(new LedgerEvent
                {
                    Kind = LedgerEventKind.PendingExpired,
                    TransferId = id,
                    TransferKind = TransferKind.Pending,
                    RelatedTransferId = id,
                    DebitAccountId = t.DebitAccountId,
                    CreditAccountId = t.CreditAccountId,
                    Asset = t.Asset,
                    Amount = t.Amount,
                    Code = t.Code,
                }, replaying: false);
                expired++;
                continue;
            }

            _expiringPending[kept++] = id;
        }

        _expiringPending.RemoveRange(kept, _expiringPending.Count - kept);
        return expired;
    }

    private TransferResult TrySubmit(in TransferRequest request, bool recordFailure)
    {
        if (_transfers.TryGetValue(request.Id, out var existing))
        {
            return CompareWithExisting(request, _journal[existing.Index]);
        }

        var code = Decide(request, out var e);
        if (code == TransferResult.Ok)
        {
            Apply(e, replaying: false);
            return TransferResult.Ok;
        }

        if (recordFailure && code.IsStateRejection())
        {
            Apply(new LedgerEvent
            {
                Kind = LedgerEventKind.TransferRejected,
                TransferId = request.Id,
                TransferKind = request.Kind,
                RelatedTransferId = request.RelatedTransferId,
                DebitAccountId = request.DebitAccountId,
                CreditAccountId = request.CreditAccountId,
                Amount = request.Amount,
                Code = request.Code,
                Memo = request.Memo,
                ExpiresAt = request.ExpiresAt,
                Rejection = code,
            }, replaying: false);
        }

        return code;
    }

    private static TransferResult CompareWithExisting(in TransferRequest request, in LedgerEvent existing)
    {
        var o = RequestOf(existing);
        if (o.Kind != request.Kind) return TransferResult.ExistsWithDifferentKind;
        if (o.DebitAccountId != request.DebitAccountId) return TransferResult.ExistsWithDifferentDebitAccount;
        if (o.CreditAccountId != request.CreditAccountId) return TransferResult.ExistsWithDifferentCreditAccount;
        if (o.Amount != request.Amount) return TransferResult.ExistsWithDifferentAmount;
        if (o.RelatedTransferId != request.RelatedTransferId) return TransferResult.ExistsWithDifferentRelatedTransfer;
        if (o.Code != request.Code) return TransferResult.ExistsWithDifferentCode;
        if (o.ExpiresAt != request.ExpiresAt) return TransferResult.ExistsWithDifferentExpiry;
        if (!string.Equals(o.Memo, request.Memo, StringComparison.Ordinal)) return TransferResult.ExistsWithDifferentMemo;
        return existing.Kind == LedgerEventKind.TransferRejected ? TransferResult.IdAlreadyFailed : TransferResult.Exists;
    }

    /// <summary>Checks a new request against the ledger's state and, when it is acceptable, builds its journal entry.
    /// Changes nothing.</summary>
    private TransferResult Decide(in TransferRequest request, out LedgerEvent entry)
    {
        entry = default;
        switch (request.Kind)
        {
            case TransferKind.Post:
            case TransferKind.Pending:
            {
                if (request.DebitAccountId == request.CreditAccountId) return TransferResult.AccountsMustBeDifferent;
                if (request.Kind == TransferKind.Pending && request.ExpiresAt is { } at && at <= _clock.GetCurrentInstant())
                {
                    return TransferResult.ExpiryNotInFuture;
                }

                var code = CheckMovement(request.DebitAccountId, request.CreditAccountId, request.Amount, out var asset);
                if (code != TransferResult.Ok) return code;
                entry = new LedgerEvent
                {
                    Kind = request.Kind == TransferKind.Post ? LedgerEventKind.TransferPosted : LedgerEventKind.PendingCreated,
                    TransferId = request.Id,
                    TransferKind = request.Kind,
                    DebitAccountId = request.DebitAccountId,
                    CreditAccountId = request.CreditAccountId,
                    Asset = asset,
                    Amount = request.Amount,
                    Code = request.Code,
                    Memo = request.Memo,
                    ExpiresAt = request.ExpiresAt,
                };
                return TransferResult.Ok;
            }

            case TransferKind.PostPending:
            case TransferKind.VoidPending:
            {
                if (!_transfers.TryGetValue(request.RelatedTransferId, out var pendingState)
                    || _journal[pendingState.Index].Kind != LedgerEventKind.PendingCreated)
                {
                    return TransferResult.PendingTransferNotFound;
                }

                var pending = _journal[pendingState.Index];
                switch (pendingState.PendingState)
                {
                    case PendingState.Posted: return TransferResult.PendingTransferAlreadyPosted;
                    case PendingState.Voided: return TransferResult.PendingTransferAlreadyVoided;
                    case PendingState.Expired: return TransferResult.PendingTransferExpired;
                }

                if (pending.ExpiresAt is { } at && at <= _clock.GetCurrentInstant())
                {
                    return TransferResult.PendingTransferExpired;
                }

                var posting = request.Kind == TransferKind.PostPending;
                if (posting)
                {
                    if (request.Amount > pending.Amount) return TransferResult.ExceedsPendingAmount;
                    var debit = _accounts[pending.DebitAccountId];
                    var credit = _accounts[pending.CreditAccountId];
                    if (debit.Core.IsFrozen) return TransferResult.DebitAccountFrozen;
                    if (credit.Core.IsFrozen) return TransferResult.CreditAccountFrozen;
                }

                entry = new LedgerEvent
                {
                    Kind = posting ? LedgerEventKind.PendingPosted : LedgerEventKind.PendingVoided,
                    TransferId = request.Id,
                    TransferKind = request.Kind,
                    RelatedTransferId = request.RelatedTransferId,
                    DebitAccountId = pending.DebitAccountId,
                    CreditAccountId = pending.CreditAccountId,
                    Asset = pending.Asset,
                    Amount = posting ? request.Amount : pending.Amount,
                    Code = pending.Code,
                    Memo = request.Memo,
                };
                return TransferResult.Ok;
            }

            case TransferKind.Reversal:
            {
                if (!_transfers.TryGetValue(request.RelatedTransferId, out var originalState)) return TransferResult.TransferNotFound;
                var original = _journal[originalState.Index];
                if (original.Kind is not (LedgerEventKind.TransferPosted or LedgerEventKind.PendingPosted))
                {
                    return TransferResult.TransferNotReversible;
                }

                if (originalState.ReversedByIndex != 0) return TransferResult.TransferAlreadyReversed;
                var code = CheckMovement(original.CreditAccountId, original.DebitAccountId, original.Amount, out var asset);
                if (code != TransferResult.Ok) return code;
                entry = new LedgerEvent
                {
                    Kind = LedgerEventKind.TransferReversed,
                    TransferId = request.Id,
                    TransferKind = TransferKind.Reversal,
                    RelatedTransferId = request.RelatedTransferId,
                    DebitAccountId = original.CreditAccountId,
                    CreditAccountId = original.DebitAccountId,
                    Asset = asset,
                    Amount = original.Amount,
                    Code = original.Code,
                    Memo = request.Memo,
                };
                return TransferResult.Ok;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown transfer kind.");
        }
    }

    /// <summary>The checks every new movement of value passes: both accounts exist, share an asset, are open and not
    /// frozen, no total overflows, the debit keeps the floor and the credit keeps the ceiling.</summary>
    private TransferResult CheckMovement(AccountId debitId, AccountId creditId, long amount, out Asset asset)
    {
        asset = default;
        if (!_accounts.TryGetValue(debitId, out var debit)) return TransferResult.DebitAccountNotFound;
        if (!_accounts.TryGetValue(creditId, out var credit)) return TransferResult.CreditAccountNotFound;
        if (debit.Opening.Asset != credit.Opening.Asset) return TransferResult.AssetMismatch;
        ref readonly var d = ref debit.Core;
        ref readonly var c = ref credit.Core;
        if (d.IsClosed) return TransferResult.DebitAccountClosed;
        if (c.IsClosed) return TransferResult.CreditAccountClosed;
        if (d.IsFrozen) return TransferResult.DebitAccountFrozen;
        if (c.IsFrozen) return TransferResult.CreditAccountFrozen;

        // Totals are kept so that posted + pending on each side stays within a long.
        if ((Int128)d.DebitsPosted + d.DebitsPending + amount > long.MaxValue) return TransferResult.BalanceOverflow;
        if ((Int128)c.CreditsPosted + c.CreditsPending + amount > long.MaxValue) return TransferResult.BalanceOverflow;
        if (d.Floor is { } floor && (Int128)d.CreditsPosted - d.DebitsPosted - d.DebitsPending - amount < floor)
        {
            return TransferResult.ExceedsFloor;
        }

        if (c.Ceiling is { } ceiling && (Int128)c.CreditsPosted - c.DebitsPosted + c.CreditsPending + amount > ceiling)
        {
            return TransferResult.ExceedsCeiling;
        }

        asset = debit.Opening.Asset;
        return TransferResult.Ok;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Applying journal entries: the one place state changes, shared by new operations and replay.
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The values an entry records about its accounts after it applied.</summary>
    private struct AfterValues
    {
        public long AccountVersion;
        public long DebitVersion;
        public long DebitBalance;
        public long CreditVersion;
        public long CreditBalance;
    }

    /// <summary>Applies one entry. A new entry (<paramref name="replaying"/> false) gets its position, timestamp,
    /// versions and running balances here; a replayed entry must carry exactly the ones the fold reproduces.</summary>
    private void Apply(in LedgerEvent e, bool replaying)
    {
        var position = _journal.Count + 1L;
        Instant timestamp;
        if (replaying)
        {
            if (e.Timestamp <= _lastTimestamp && _journal.Count > 0)
            {
                throw new InvalidOperationException($"Journal entry {e.Position} is not later than the one before it.");
            }

            timestamp = e.Timestamp;
        }
        else
        {
            var now = _clock.GetCurrentInstant();
            timestamp = _journal.Count > 0 && now <= _lastTimestamp ? _lastTimestamp + Duration.Epsilon : now;
        }

        EntryLinks links = default;
        AfterValues after = default;
        switch (e.Kind)
        {
            case LedgerEventKind.AccountOpened:
            {
                var opening = new OpenAccountRequest(e.AccountId, e.Asset, e.OwnerId, e.Code, e.Floor, e.Ceiling);
                if (_accounts.ContainsKey(e.AccountId)) ThrowCorrupt(position, e.Kind, "opens an account that exists");
                var account = new AccountState(opening, timestamp);
                account.Core.Version = 1;
                account.Core.LastEntry = (int)position;
                after.AccountVersion = 1;
                _accounts.Add(e.AccountId, account);
                if (_recordUndo) _undo.Add(new UndoStep { OpenedAccount = e.AccountId });
                break;
            }

            case LedgerEventKind.AccountFrozen:
            case LedgerEventKind.AccountUnfrozen:
            case LedgerEventKind.AccountClosed:
            case LedgerEventKind.AccountLimitsChanged:
            {
                var account = AccountFor(position, e.Kind, e.AccountId);
                SaveUndo(account, null);
                ref var core = ref account.Core;
                switch (e.Kind)
                {
                    case LedgerEventKind.AccountFrozen: core.IsFrozen = true; break;
                    case LedgerEventKind.AccountUnfrozen: core.IsFrozen = false; break;
                    case LedgerEventKind.AccountClosed: core.IsClosed = true; break;
                    default: core.Floor = e.Floor; core.Ceiling = e.Ceiling; break;
                }

                core.Version++;
                links = new EntryLinks(core.LastEntry, 0);
                core.LastEntry = (int)position;
                after.AccountVersion = core.Version;
                break;
            }

            case LedgerEventKind.TransferRejected:
                AddTransfer(position, e.Kind, e.TransferId, new TransferState { Index = (int)(position - 1) });
                break;

            default:
                links = ApplyMovement(e, position, out after);
                break;
        }

        if (replaying)
        {
            if (e.AccountVersion != after.AccountVersion || e.DebitAccountVersion != after.DebitVersion || e.DebitAccountBalance != after.DebitBalance
                || e.CreditAccountVersion != after.CreditVersion || e.CreditAccountBalance != after.CreditBalance)
            {
                ThrowCorrupt(position, e.Kind, "records versions or running balances that the fold does not reproduce");
            }

            _journal.Add(e);
        }
        else
        {
            _journal.Add(e with
            {
                Position = position,
                Timestamp = timestamp,
                AccountVersion = after.AccountVersion,
                DebitAccountVersion = after.DebitVersion,
                DebitAccountBalance = after.DebitBalance,
                CreditAccountVersion = after.CreditVersion,
                CreditAccountBalance = after.CreditBalance,
            });
        }

        _lastTimestamp = timestamp;
        _links.Add(links);
    }

    private EntryLinks ApplyMovement(in LedgerEvent e, long position, out AfterValues after)
    {
        var debit = AccountFor(position, e.Kind, e.DebitAccountId);
        var credit = AccountFor(position, e.Kind, e.CreditAccountId);
        SaveUndo(debit, credit);
        ref var d = ref debit.Core;
        ref var c = ref credit.Core;
        var amount = e.Amount;
        var related = e.RelatedTransferId;

        switch (e.Kind)
        {
            case LedgerEventKind.TransferPosted:
            case LedgerEventKind.TransferReversed:
                d.DebitsPosted = checked(d.DebitsPosted + amount);
                c.CreditsPosted = checked(c.CreditsPosted + amount);
                if (e.Kind == LedgerEventKind.TransferReversed)
                {
                    ref var original = ref TransferRef(position, e.Kind, related);
                    SaveUndo(related, original);
                    original.ReversedByIndex = (int)position;
                }

                break;

            case LedgerEventKind.PendingCreated:
                d.DebitsPending = checked(d.DebitsPending + amount);
                c.CreditsPending = checked(c.CreditsPending + amount);
                if (e.ExpiresAt is not null) _expiringPending.Add(e.TransferId);
                break;

            case LedgerEventKind.PendingPosted:
            case LedgerEventKind.PendingVoided:
            case LedgerEventKind.PendingExpired:
            {
                ref var pending = ref TransferRef(position, e.Kind, related);
                if (pending.PendingState != PendingState.Pending) ThrowCorrupt(position, e.Kind, "resolves a pending transfer twice");
                SaveUndo(related, pending);
                var reserved = _journal[pending.Index].Amount;
                d.DebitsPending = checked(d.DebitsPending - reserved);
                c.CreditsPending = checked(c.CreditsPending - reserved);
                if (e.Kind == LedgerEventKind.PendingPosted)
                {
                    d.DebitsPosted = checked(d.DebitsPosted + amount);
                    c.CreditsPosted = checked(c.CreditsPosted + amount);
                    pending.PendingState = PendingState.Posted;
                }
                else
                {
                    pending.PendingState = e.Kind == LedgerEventKind.PendingVoided ? PendingState.Voided : PendingState.Expired;
                }

                break;
            }

            default:
                ThrowCorrupt(position, e.Kind, "has an unknown kind");
                break;
        }

        Debug.Assert(d.DebitsPending >= 0 && c.CreditsPending >= 0, "pending totals never go negative");
        d.Version++;
        c.Version++;
        var links = new EntryLinks(d.LastEntry, c.LastEntry);
        d.LastEntry = (int)position;
        c.LastEntry = (int)position;
        after = new AfterValues
        {
            DebitVersion = d.Version,
            DebitBalance = d.Balance,
            CreditVersion = c.Version,
            CreditBalance = c.Balance,
        };

        if (e.Kind != LedgerEventKind.PendingExpired)
        {
            // An expiry adds no transfer id: it is recorded on the pending transfer itself.
            AddTransfer(position, e.Kind, e.TransferId, new TransferState
            {
                Index = (int)(position - 1),
                PendingState = e.Kind == LedgerEventKind.PendingCreated ? PendingState.Pending : PendingState.None,
            });
        }

        return links;
    }

    /// <summary>For each journal entry, the journal index + 1 of the previous entry of each account it touched (0:
    /// none); for an account event, <see cref="Debit"/> links the account.</summary>
    private readonly record struct EntryLinks(int Debit, int Credit);

    /// <summary>The journal index + 1 of the entry before <paramref name="index"/> that touched <paramref name="account"/>.</summary>
    private int PreviousEntry(int index, AccountId account)
    {
        ref readonly var e = ref CollectionsMarshal.AsSpan(_journal)[index];
        var links = _links[index];
        return e.IsAccountEvent || e.DebitAccountId == account ? links.Debit : links.Credit;
    }

    /// <summary>The journal indexes of an account's entries, oldest first, brought up to date from the back links.</summary>
    private List<int> EntriesOf(AccountState account)
    {
        var index = account.Index ??= [];
        var newestKnown = index.Count > 0 ? index[^1] + 1 : 0;
        var start = index.Count;
        for (var at = account.Core.LastEntry; at != 0 && at != newestKnown; at = PreviousEntry(at - 1, account.Opening.Id))
        {
            index.Add(at - 1);
        }

        index.Reverse(start, index.Count - start);
        return index;
    }

    private void AddTransfer(long position, LedgerEventKind kind, TransferId id, TransferState state)
    {
        if (!_transfers.TryAdd(id, state)) ThrowCorrupt(position, kind, "reuses a transfer id");
        if (_recordUndo) _undo.Add(new UndoStep { AddedTransfer = id });
    }

    private AccountState AccountFor(long position, LedgerEventKind kind, AccountId id)
    {
        if (!_accounts.TryGetValue(id, out var a)) ThrowCorrupt(position, kind, "names account " + id + ", which does not exist");
        return a;
    }

    private ref TransferState TransferRef(long position, LedgerEventKind kind, TransferId id)
    {
        ref var t = ref CollectionsMarshal.GetValueRefOrNullRef(_transfers, id);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref t)) ThrowCorrupt(position, kind, "names transfer " + id + ", which does not exist");
        return ref t;
    }

    /// <summary>Throws for a journal entry that contradicts the ledger (a corrupt or foreign journal). Kept out of line so
    /// the hot paths that call it stay small.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ThrowCorrupt(long position, LedgerEventKind kind, string what)
        => throw new InvalidOperationException($"Journal entry {position} ({kind}) {what}.");

    /// <summary>The request a transfer entry answers, rebuilt from the entry (the journal is the only copy).</summary>
    private static TransferRequest RequestOf(in LedgerEvent e)
    {
        if (e.Kind == LedgerEventKind.TransferRejected)
        {
            return TransferRequest.FromParts(e.TransferId, e.TransferKind, e.DebitAccountId, e.CreditAccountId, e.Amount, e.Code, e.Memo, e.RelatedTransferId, e.ExpiresAt);
        }

        // Post-pending, void and reversal requests name only the related transfer; the entry adds its accounts and code.
        var namesRelated = e.TransferKind is TransferKind.PostPending or TransferKind.VoidPending or TransferKind.Reversal;
        return TransferRequest.FromParts(
            e.TransferId,
            e.TransferKind,
            namesRelated ? default : e.DebitAccountId,
            namesRelated ? default : e.CreditAccountId,
            e.TransferKind is TransferKind.VoidPending or TransferKind.Reversal ? 0 : e.Amount,
            namesRelated ? 0 : e.Code,
            e.Memo,
            e.RelatedTransferId,
            e.ExpiresAt);
    }

    private LedgerTransfer SnapshotOf(in TransferState state)
    {
        var e = _journal[state.Index];
        var rejected = e.Kind == LedgerEventKind.TransferRejected;
        return new LedgerTransfer
        {
            Request = RequestOf(e),
            DebitAccountId = e.DebitAccountId,
            CreditAccountId = e.CreditAccountId,
            Asset = e.Asset,
            Amount = e.Amount,
            Timestamp = e.Timestamp,
            Position = e.Position,
            PendingState = state.PendingState,
            ReversedBy = state.ReversedByIndex == 0 ? default : _journal[state.ReversedByIndex - 1].TransferId,
            FailedWith = rejected ? e.Rejection : TransferResult.Ok,
        };
    }


    // ------------------------------------------------------------------------------------------------------------
    // Linked batch rollback
    // ------------------------------------------------------------------------------------------------------------

    private struct UndoStep
    {
        public AccountState? Account;
        public AccountCore AccountCore;
        public AccountId OpenedAccount;
        public TransferId AddedTransfer;
        public TransferId ChangedTransfer;
        public TransferState TransferBefore;
    }

    private void SaveUndo(AccountState? a, AccountState? b)
    {
        if (!_recordUndo) return;
        if (a is not null) _undo.Add(new UndoStep { Account = a, AccountCore = a.Core });
        if (b is not null) _undo.Add(new UndoStep { Account = b, AccountCore = b.Core });
    }

    private void SaveUndo(TransferId id, in TransferState before)
    {
        if (_recordUndo) _undo.Add(new UndoStep { ChangedTransfer = id, TransferBefore = before });
    }

    private void Rollback(int journalMark, Instant timestampMark)
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var step = _undo[i];
            if (step.Account is { } account)
            {
                account.Core = step.AccountCore;
                if (account.Index is { } index)
                {
                    // Drop cached entries the rollback removes from the journal.
                    var keep = index.Count;
                    while (keep > 0 && index[keep - 1] >= journalMark) keep--;
                    index.RemoveRange(keep, index.Count - keep);
                }
            }
            else if (!step.OpenedAccount.IsEmpty)
            {
                _accounts.Remove(step.OpenedAccount);
            }
            else if (!step.AddedTransfer.IsEmpty)
            {
                _transfers.Remove(step.AddedTransfer);
            }
            else if (!step.ChangedTransfer.IsEmpty)
            {
                _transfers[step.ChangedTransfer] = step.TransferBefore;
            }
        }

        _journal.RemoveRange(journalMark, _journal.Count - journalMark);
        _links.RemoveRange(journalMark, _links.Count - journalMark);
        _lastTimestamp = timestampMark;
        _undo.Clear();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Queries
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Looks up an account.</summary>
    /// <returns>True and a snapshot if the account exists.</returns>
    public bool TryGetAccount(AccountId accountId, out LedgerAccount account)
    {
        if (_accounts.TryGetValue(accountId, out var state))
        {
            account = state.Snapshot();
            return true;
        }

        account = default;
        return false;
    }

    /// <summary>The posted balance (credits less debits) of an account.</summary>
    /// <exception cref="KeyNotFoundException">No account has the id.</exception>
    public long GetBalance(AccountId accountId)
        => _accounts.TryGetValue(accountId, out var state)
            ? state.Core.Balance
            : throw new KeyNotFoundException($"No account {accountId}.");

    /// <summary>Looks up a transfer id, applied or failed.</summary>
    /// <returns>True and a snapshot if the id is known.</returns>
    public bool TryGetTransfer(TransferId transferId, out LedgerTransfer transfer)
    {
        if (_transfers.TryGetValue(transferId, out var state))
        {
            transfer = SnapshotOf(state);
            return true;
        }

        transfer = default;
        return false;
    }

    /// <summary>Every account, in no particular order.</summary>
    public IEnumerable<LedgerAccount> Accounts => _accounts.Values.Select(static a => a.Snapshot());

    /// <summary>The journal entries that touched an account, oldest first, starting after a version.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="afterVersion">Entries with a higher account version are returned; 0 for all.</param>
    /// <exception cref="KeyNotFoundException">No account has the id.</exception>
    public IEnumerable<LedgerEvent> GetAccountEntries(AccountId accountId, long afterVersion = 0)
    {
        if (!_accounts.TryGetValue(accountId, out var account)) throw new KeyNotFoundException($"No account {accountId}.");
        Guard.Against.Negative(afterVersion);
        return Iterate(account, afterVersion);

        IEnumerable<LedgerEvent> Iterate(AccountState a, long after)
        {
            // Version v is the v-th entry that touched the account.
            var entries = EntriesOf(a);
            for (var i = (int)Math.Min(after, entries.Count); i < entries.Count; i++)
            {
                yield return _journal[entries[i]];
            }
        }
    }

    /// <summary>An account's statement for a period, from the journal's running balances (no replay).</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="period">From its start (inclusive) to its end (exclusive); unbounded ends are allowed.</param>
    /// <exception cref="KeyNotFoundException">No account has the id.</exception>
    public AccountStatement GetStatement(AccountId accountId, Interval period)
    {
        if (!_accounts.TryGetValue(accountId, out var account)) throw new KeyNotFoundException($"No account {accountId}.");
        var entries = EntriesOf(account);
        var start = period.HasStart ? period.Start : Instant.MinValue;
        var end = period.HasEnd ? period.End : Instant.MaxValue;

        var first = FirstEntryAtOrAfter(entries, start);
        long opening = 0;
        for (var i = first - 1; i >= 0; i--)
        {
            var e = _journal[entries[i]];
            if (!e.IsAccountEvent)
            {
                opening = e.DebitAccountId == accountId ? e.DebitAccountBalance : e.CreditAccountBalance;
                break;
            }
        }

        var lines = new List<StatementLine>();
        for (var i = first; i < entries.Count; i++)
        {
            var e = _journal[entries[i]];
            if (e.Timestamp >= end) break;
            if (!e.MovesPostedBalance) continue;
            var isDebit = e.DebitAccountId == accountId;
            lines.Add(new StatementLine
            {
                Position = e.Position,
                Timestamp = e.Timestamp,
                TransferId = e.TransferId,
                Kind = e.Kind,
                CounterpartyAccountId = isDebit ? e.CreditAccountId : e.DebitAccountId,
                Change = isDebit ? -e.Amount : e.Amount,
                BalanceAfter = isDebit ? e.DebitAccountBalance : e.CreditAccountBalance,
                Code = e.Code,
                Memo = e.Memo,
            });
        }

        return new AccountStatement(accountId, account.Opening.Asset, period, opening, lines);
    }

    private int FirstEntryAtOrAfter(List<int> entries, Instant start)
    {
        int lo = 0, hi = entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_journal[entries[mid]].Timestamp < start) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Invariants
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Checks every invariant the ledger promises and describes each violation found. It folds the whole
    /// journal, so it costs time linear in the journal's length: use it in tests, audits and after recovery.</summary>
    /// <returns>An empty list when every invariant holds.</returns>
    public IReadOnlyList<string> VerifyInvariants()
    {
        var violations = new List<string>();
        var sums = new Dictionary<Asset, (Int128 Posted, Int128 Pending)>();
        foreach (var a in _accounts.Values)
        {
            ref readonly var c = ref a.Core;
            var id = a.Opening.Id;
            sums.TryGetValue(a.Opening.Asset, out var s);
            sums[a.Opening.Asset] = (s.Posted + c.CreditsPosted - c.DebitsPosted, s.Pending + c.CreditsPending - c.DebitsPending);
            if (c.DebitsPosted < 0 || c.CreditsPosted < 0 || c.DebitsPending < 0 || c.CreditsPending < 0)
            {
                violations.Add($"Account {id} has a negative running total.");
            }

            if (!FitsLimits(c, c.Floor, c.Ceiling))
            {
                violations.Add($"Account {id} is outside its limits (floor {c.Floor}, ceiling {c.Ceiling}).");
            }

            var touched = EntriesOf(a).Count;
            if (c.Version != touched)
            {
                violations.Add($"Account {id} is at version {c.Version} but {touched} entries touched it.");
            }
        }

        foreach (var (asset, s) in sums)
        {
            if (s.Posted != 0) violations.Add($"Posted balances of {asset} sum to {s.Posted}, not zero.");
            if (s.Pending != 0) violations.Add($"Pending balances of {asset} sum to {s.Pending}, not zero.");
        }

        // Open pending transfers account for every pending total.
        var pendingByAccount = new Dictionary<AccountId, (long Debits, long Credits)>();
        foreach (var t in _transfers.Values)
        {
            if (t.PendingState != PendingState.Pending) continue;
            var p = _journal[t.Index];
            pendingByAccount.TryGetValue(p.DebitAccountId, out var d);
            pendingByAccount[p.DebitAccountId] = (d.Debits + p.Amount, d.Credits);
            pendingByAccount.TryGetValue(p.CreditAccountId, out var c);
            pendingByAccount[p.CreditAccountId] = (c.Debits, c.Credits + p.Amount);
        }

        foreach (var a in _accounts.Values)
        {
            pendingByAccount.TryGetValue(a.Opening.Id, out var p);
            if (p.Debits != a.Core.DebitsPending || p.Credits != a.Core.CreditsPending)
            {
                violations.Add($"Account {a.Opening.Id} pending totals do not match its open pending transfers.");
            }
        }

        // The journal: dense positions, strictly increasing time, one creating entry per transfer id, one resolution per
        // pending transfer; and balances equal its fold.
        var created = new HashSet<TransferId>();
        var resolved = new HashSet<TransferId>();
        for (var i = 0; i < _journal.Count; i++)
        {
            var e = _journal[i];
            if (e.Position != i + 1) violations.Add($"Journal entry {i + 1} carries position {e.Position}.");
            if (i > 0 && e.Timestamp <= _journal[i - 1].Timestamp) violations.Add($"Journal entry {i + 1} is not later than the one before.");
            if (e.IsAccountEvent) continue;
            if (e.Kind != LedgerEventKind.PendingExpired && !created.Add(e.TransferId))
            {
                violations.Add($"Transfer {e.TransferId} was applied more than once.");
            }

            if (e.Kind is LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired
                && !resolved.Add(e.RelatedTransferId))
            {
                violations.Add($"Pending transfer {e.RelatedTransferId} was resolved more than once.");
            }
        }

        DoubleEntryLedger fold;
        try
        {
            fold = Replay(_journal, _clock, new LedgerOptions { AccountCapacity = _accounts.Count, TransferCapacity = _transfers.Count });
        }
        catch (InvalidOperationException ex)
        {
            violations.Add("The journal does not fold: " + ex.Message);
            return violations;
        }

        foreach (var a in _accounts.Values)
        {
            if (!fold.TryGetAccount(a.Opening.Id, out var folded) || folded != a.Snapshot())
            {
                violations.Add($"Account {a.Opening.Id} differs from the fold of the journal.");
            }
        }

        if (fold._transfers.Count != _transfers.Count) violations.Add("The transfer table differs from the fold of the journal.");
        foreach (var (id, t) in _transfers)
        {
            if (!fold._transfers.TryGetValue(id, out var ft) || fold.SnapshotOf(ft) != SnapshotOf(t))
            {
                violations.Add($"Transfer {id} differs from the fold of the journal.");
            }
        }

        return violations;
    }
}

using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>
/// A request to the ledger: post, reserve (pending), post or void a pending transfer, or reverse a posted one.
/// Build it with the static factories, which reject programmer errors (empty ids, zero or negative amounts) with
/// guard exceptions. <see cref="Id"/> is the client-supplied idempotency key: the same id with the same content
/// applies at most once and then answers <see cref="TransferResult.Exists"/>.
/// </summary>
public readonly struct TransferRequest : IEquatable<TransferRequest>
{
    /// <summary>The longest memo accepted, in UTF-16 characters.</summary>
    public const int MaxMemoLength = 512;

    private TransferRequest(
        TransferId id,
        TransferKind kind,
        AccountId debitAccountId,
        AccountId creditAccountId,
        long amount,
        int code,
        string? memo,
        TransferId relatedTransferId,
        Instant? expiresAt)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A transfer id must not be empty.", nameof(id));
        if (memo is not null)
        {
            Guard.Against.OutOfRange(memo.Length, nameof(memo), 0, MaxMemoLength);
            if (!IsWellFormed(memo))
            {
                throw new ArgumentException("A memo must be well-formed text: no unpaired surrogate characters, which no store could keep.", nameof(memo));
            }
        }

        Id = id;
        Kind = kind;
        DebitAccountId = debitAccountId;
        CreditAccountId = creditAccountId;
        Amount = amount;
        Code = code;
        Memo = memo;
        RelatedTransferId = relatedTransferId;
        ExpiresAt = expiresAt;
    }

    /// <summary>The client-supplied id and idempotency key.</summary>
    public TransferId Id { get; }

    /// <summary>What the request asks for.</summary>
    public TransferKind Kind { get; }

    /// <summary>The account debited (value leaves it); empty for kinds that take it from the related transfer.</summary>
    public AccountId DebitAccountId { get; }

    /// <summary>The account credited (value arrives); empty for kinds that take it from the related transfer.</summary>
    public AccountId CreditAccountId { get; }

    /// <summary>The amount in the asset's smallest unit; positive for post, pending and post-pending; zero for void
    /// and reversal, whose amount comes from the related transfer.</summary>
    public long Amount { get; }

    /// <summary>An application-defined reason code (deposit, withdrawal, family gift, ...).</summary>
    public int Code { get; }

    /// <summary>Free text kept with the transfer, at most <see cref="MaxMemoLength"/> characters, or null.</summary>
    public string? Memo { get; }

    /// <summary>The pending transfer to post or void, or the transfer to reverse; empty otherwise.</summary>
    public TransferId RelatedTransferId { get; }

    /// <summary>When a pending transfer expires (released by <see cref="DoubleEntryLedger.ExpirePending"/> and no longer
    /// postable), or null for no expiry.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>Moves <paramref name="amount"/> from <paramref name="debitAccountId"/> to <paramref name="creditAccountId"/> at once.</summary>
    /// <exception cref="ArgumentException">An id is empty, or the memo is too long or has an unpaired surrogate.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static TransferRequest Post(TransferId id, AccountId debitAccountId, AccountId creditAccountId, long amount, int code, string? memo = null)
    {
        GuardAccounts(debitAccountId, creditAccountId);
        Guard.Against.NegativeOrZero(amount);
        return new TransferRequest(id, TransferKind.Post, debitAccountId, creditAccountId, amount, code, memo, default, null);
    }

    /// <summary>Reserves <paramref name="amount"/> from <paramref name="debitAccountId"/> for <paramref name="creditAccountId"/>
    /// (phase one); post or void it later with another id.</summary>
    /// <param name="id">The id of the pending transfer; later requests name it as their related transfer.</param>
    /// <param name="debitAccountId">The account the amount is reserved on.</param>
    /// <param name="creditAccountId">The account that receives it once posted.</param>
    /// <param name="amount">The amount reserved; positive.</param>
    /// <param name="code">An application-defined reason code.</param>
    /// <param name="expiresAt">When the reservation lapses, or null for never.</param>
    /// <param name="memo">Optional free text.</param>
    /// <exception cref="ArgumentException">An id is empty, or the memo is too long or has an unpaired surrogate.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static TransferRequest Pending(TransferId id, AccountId debitAccountId, AccountId creditAccountId, long amount, int code, Instant? expiresAt = null, string? memo = null)
    {
        GuardAccounts(debitAccountId, creditAccountId);
        Guard.Against.NegativeOrZero(amount);
        return new TransferRequest(id, TransferKind.Pending, debitAccountId, creditAccountId, amount, code, memo, default, expiresAt);
    }

    /// <summary>Posts <paramref name="amount"/> of the pending transfer <paramref name="pendingId"/>; any remainder is
    /// released. The accounts and code come from the pending transfer.</summary>
    /// <exception cref="ArgumentException">An id is empty, or the memo is too long or has an unpaired surrogate.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static TransferRequest PostPending(TransferId id, TransferId pendingId, long amount, string? memo = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, pendingId, "The pending transfer id must not be empty.", nameof(pendingId));
        Guard.Against.NegativeOrZero(amount);
        return new TransferRequest(id, TransferKind.PostPending, default, default, amount, 0, memo, pendingId, null);
    }

    /// <summary>Releases the pending transfer <paramref name="pendingId"/> without moving anything.</summary>
    /// <exception cref="ArgumentException">An id is empty, or the memo is too long or has an unpaired surrogate.</exception>
    public static TransferRequest VoidPending(TransferId id, TransferId pendingId, string? memo = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, pendingId, "The pending transfer id must not be empty.", nameof(pendingId));
        return new TransferRequest(id, TransferKind.VoidPending, default, default, 0, 0, memo, pendingId, null);
    }

    /// <summary>Appends the opposite of the posted transfer <paramref name="transferId"/>: its credit account is
    /// debited and its debit account credited by the amount it moved. Limits apply to the reversal like any other
    /// transfer.</summary>
    /// <exception cref="ArgumentException">An id is empty, or the memo is too long or has an unpaired surrogate.</exception>
    public static TransferRequest Reverse(TransferId id, TransferId transferId, string? memo = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, transferId, "The id of the transfer to reverse must not be empty.", nameof(transferId));
        return new TransferRequest(id, TransferKind.Reversal, default, default, 0, 0, memo, transferId, null);
    }

    private static void GuardAccounts(AccountId debitAccountId, AccountId creditAccountId)
    {
        Guard.Against.Expression(static x => x.IsEmpty, debitAccountId, "The debit account id must not be empty.", nameof(debitAccountId));
        Guard.Against.Expression(static x => x.IsEmpty, creditAccountId, "The credit account id must not be empty.", nameof(creditAccountId));
    }

    /// <inheritdoc />
    public bool Equals(TransferRequest other)
        => Id == other.Id && Kind == other.Kind && DebitAccountId == other.DebitAccountId
           && CreditAccountId == other.CreditAccountId && Amount == other.Amount && Code == other.Code
           && string.Equals(Memo, other.Memo, StringComparison.Ordinal) && RelatedTransferId == other.RelatedTransferId
           && ExpiresAt == other.ExpiresAt;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TransferRequest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, DebitAccountId, CreditAccountId, Amount, Code, RelatedTransferId);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}: {DebitAccountId} -> {CreditAccountId} {Amount} (code {Code})";

    /// <summary>Equality of all fields.</summary>
    public static bool operator ==(TransferRequest left, TransferRequest right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(TransferRequest left, TransferRequest right) => !left.Equals(right);

    /// <summary>Rebuilds a request from a journal event (used by replay); no guards beyond the constructor's.</summary>
    internal static TransferRequest FromParts(TransferId id, TransferKind kind, AccountId debit, AccountId credit, long amount, int code, string? memo, TransferId related, Instant? expiresAt)
        => new(id, kind, debit, credit, amount, code, memo, related, expiresAt);

    /// <summary>True when every surrogate in <paramref name="text"/> is part of a pair, so it encodes to UTF-8 and back
    /// unchanged.</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return false;
        }

        return true;
    }
}

using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Storage.Testing;

/// <summary>
/// The payloads the kit stores: <see cref="LedgerEvent"/> values, the one payload type every durable store's serializer
/// knows today. Every value here is storable (a valid kind with the fields its kind requires), so a store that refuses
/// one, or reads one back different, is at fault. Payload equality is <see cref="LedgerEvent"/> equality, field for
/// field.
/// </summary>
public static class ConformancePayloads
{
    private static readonly Instant Base = Instant.FromUtc(2026, 3, 3, 6, 0);

    /// <summary>An ordinary posted transfer, different for every <paramref name="n"/>: its position, ids, amount,
    /// timestamp (to the nanosecond), versions, balances and memo all follow from <paramref name="n"/>.</summary>
    /// <param name="n">Any number; the entry's position is <c>max(1, n)</c>.</param>
    public static LedgerEvent Entry(long n)
    {
        var position = Math.Max(1, n);
        return new LedgerEvent
        {
            Position = position,
            Kind = LedgerEventKind.TransferPosted,
            Timestamp = Base + Duration.FromMilliseconds(n % 1_000_000) + Duration.FromNanoseconds((n * 7919) % 1_000_000),
            TransferId = new TransferId(IdFor(n, 0x71)),
            TransferKind = TransferKind.Post,
            DebitAccountId = new AccountId(IdFor(n % 5, 0xA1)),
            CreditAccountId = new AccountId(IdFor((n % 5) + 5, 0xA1)),
            Asset = (n % 2) == 0 ? Asset.TimeCredit : Asset.Points,
            Amount = 1 + Math.Abs(n % 10_000),
            Code = (int)(n % 7) - 3,
            Memo = (n % 3) switch { 0 => null, 1 => $"entry {n}", _ => $"第{n}条 服务记录" },
            DebitAccountVersion = position,
            DebitAccountBalance = -position,
            CreditAccountVersion = position + 1,
            CreditAccountBalance = position * 3,
        };
    }

    /// <summary>
    /// Entries with the values stores get wrong: every <see cref="LedgerEventKind"/>; timestamps and expiries to the
    /// nanosecond, before 1970, and at <see cref="Instant.MinValue"/> and <see cref="Instant.MaxValue"/>; a null memo
    /// and an empty one; a 512-character Chinese memo; surrogate pairs, combining marks, quotes, backslashes, control
    /// characters and U+0000 in memos; <c>Floor</c> null and 0; ceilings and floors at the <see cref="long"/> extremes;
    /// negative balances; <see cref="long.MaxValue"/> amounts and versions; <see cref="int"/> extremes for codes and
    /// asset codes; the default <see cref="Asset"/> of a rejection.
    /// </summary>
    public static IReadOnlyList<LedgerEvent> EdgeEntries { get; } = BuildEdgeEntries();

    private static Guid IdFor(long n, byte tag)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, n);
        bytes[8] = tag;
        bytes[15] = 0x5A;
        return new Guid(bytes);
    }

    private static LedgerEvent[] BuildEdgeEntries()
    {
        var member = new AccountId(IdFor(1, 0xE1));
        var issuing = new AccountId(IdFor(2, 0xE1));
        var pending = new TransferId(IdFor(3, 0xE7));
        var posted = new TransferId(IdFor(4, 0xE7));
        var longChinese = string.Concat(Enumerable.Repeat("志愿服务时间银行", TransferRequest.MaxMemoLength / 8));
        var movement = new LedgerEvent
        {
            TransferKind = TransferKind.Post,
            DebitAccountId = issuing,
            CreditAccountId = member,
            Asset = Asset.TimeCredit,
            Amount = 180,
            Code = 1,
            DebitAccountVersion = 2,
            DebitAccountBalance = -180,
            CreditAccountVersion = 2,
            CreditAccountBalance = 180,
        };

        LedgerEvent[] entries =
        [
            new()
            {
                Kind = LedgerEventKind.AccountOpened, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0) + Duration.FromNanoseconds(123_456_789),
                AccountId = issuing, AccountVersion = 1, OwnerId = Guid.Empty, Floor = null, Ceiling = null,
                Asset = Asset.TimeCredit, Code = int.MinValue,
            },
            new()
            {
                Kind = LedgerEventKind.AccountOpened, Timestamp = Instant.FromUnixTimeTicks(0) - Duration.FromNanoseconds(1),
                AccountId = member, AccountVersion = 1, OwnerId = IdFor(9, 0x0E), Floor = 0, Ceiling = long.MaxValue,
                Asset = new Asset(int.MaxValue), Code = int.MaxValue,
            },
            new()
            {
                Kind = LedgerEventKind.AccountLimitsChanged, Timestamp = Instant.MinValue,
                AccountId = member, AccountVersion = long.MaxValue, Floor = long.MinValue, Ceiling = -1, Asset = Asset.MoneyCny,
            },
            new() { Kind = LedgerEventKind.AccountFrozen, Timestamp = Instant.MaxValue, AccountId = member, AccountVersion = 3, Asset = Asset.Points },
            new() { Kind = LedgerEventKind.AccountUnfrozen, Timestamp = Instant.FromUtc(1, 1, 1, 0, 0), AccountId = member, AccountVersion = 4, Asset = Asset.Points },
            new() { Kind = LedgerEventKind.AccountClosed, Timestamp = Instant.FromUtc(9999, 12, 31, 23, 59) + Duration.FromNanoseconds(59_999_999_999), AccountId = member, AccountVersion = 5, Asset = Asset.Points, Floor = -100, Ceiling = 0 },
            movement with
            {
                Kind = LedgerEventKind.TransferPosted, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 1) + Duration.FromNanoseconds(1),
                TransferId = posted, Memo = null, Amount = long.MaxValue, Code = -1,
                DebitAccountVersion = long.MaxValue, DebitAccountBalance = long.MinValue, CreditAccountVersion = long.MaxValue, CreditAccountBalance = long.MaxValue,
            },
            movement with
            {
                Kind = LedgerEventKind.TransferPosted, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 2),
                TransferId = new TransferId(IdFor(5, 0xE7)), Memo = string.Empty,
            },
            movement with
            {
                Kind = LedgerEventKind.PendingCreated, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 3) + Duration.FromNanoseconds(999_999_999),
                TransferId = pending, TransferKind = TransferKind.Pending, ExpiresAt = Instant.MinValue, Memo = longChinese,
                DebitAccountBalance = 0, CreditAccountBalance = 0,
            },
            movement with
            {
                Kind = LedgerEventKind.PendingCreated, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 4),
                TransferId = new TransferId(IdFor(6, 0xE7)), TransferKind = TransferKind.Pending, ExpiresAt = Instant.MaxValue,
                Memo = "👵🏻 陪伴 e\u0301 \U0001F600",
            },
            movement with
            {
                Kind = LedgerEventKind.PendingPosted, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 5),
                TransferId = new TransferId(IdFor(7, 0xE7)), TransferKind = TransferKind.PostPending, RelatedTransferId = pending,
                ExpiresAt = Instant.FromUtc(2026, 3, 3, 7, 0) + Duration.FromNanoseconds(1),
                Memo = "tab\tquote\"backslash\\slash/newline\r\nnul\0bell\u0007del\u007fend\u2028\u2029",
            },
            movement with
            {
                Kind = LedgerEventKind.PendingVoided, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 6),
                TransferId = new TransferId(IdFor(8, 0xE7)), TransferKind = TransferKind.VoidPending, RelatedTransferId = pending, Amount = 1,
            },
            movement with
            {
                Kind = LedgerEventKind.PendingExpired, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 7),
                TransferId = pending, TransferKind = TransferKind.Pending, RelatedTransferId = pending,
                ExpiresAt = Instant.FromUtc(2026, 3, 3, 6, 0, 7),
            },
            movement with
            {
                Kind = LedgerEventKind.TransferReversed, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 8),
                TransferId = new TransferId(IdFor(10, 0xE7)), TransferKind = TransferKind.Reversal, RelatedTransferId = posted,
                DebitAccountId = member, CreditAccountId = issuing, DebitAccountBalance = -5, CreditAccountBalance = 5, Memo = "冲正",
            },
            new()
            {
                Kind = LedgerEventKind.TransferRejected, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 9),
                TransferId = new TransferId(IdFor(11, 0xE7)), TransferKind = TransferKind.Pending, Rejection = TransferResult.ExceedsFloor,
                DebitAccountId = member, CreditAccountId = issuing, Asset = default, Amount = 1_000, Code = 2,
                ExpiresAt = Instant.FromUtc(2026, 3, 4, 0, 0), Memo = "余额不足",
            },
            new()
            {
                Kind = LedgerEventKind.TransferRejected, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 10),
                TransferId = new TransferId(IdFor(12, 0xE7)), TransferKind = TransferKind.Reversal, Rejection = TransferResult.TransferNotFound,
                RelatedTransferId = new TransferId(IdFor(13, 0xE7)),
            },
        ];

        for (var i = 0; i < entries.Length; i++) entries[i] = entries[i] with { Position = i + 1 };
        return entries;
    }
}

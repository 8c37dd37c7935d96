using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Generators of storable <see cref="LedgerEvent"/>s of every kind: the fields the kind requires hold valid
/// values, and every other field is left at its default or, as often, set to anything the schema allows (including
/// fields the ledger never sets for that kind), with edge values (<see cref="long.MinValue"/>, 512-character memos,
/// surrogate pairs, instants at the ends of NodaTime's range) mixed in.</summary>
internal static class LedgerEntryGen
{
    public static readonly LedgerEventKind[] Kinds = Enum.GetValues<LedgerEventKind>().Where(static k => k != LedgerEventKind.None).ToArray();

    private static readonly long MinDay = (NodaTime.Instant.MinValue - NodaConstants.UnixEpoch).Days;
    private static readonly long MaxDay = (NodaTime.Instant.MaxValue - NodaConstants.UnixEpoch).Days;

    public static Gen<Guid> AnyGuid => ArbMap.Default.GeneratorFor<Guid>();

    public static Gen<Guid> NonEmptyGuid => AnyGuid.Where(static g => g != Guid.Empty);

    public static Gen<Guid> OptionalGuid => Gen.Frequency((1, Gen.Constant(Guid.Empty)), (1, AnyGuid));

    public static Gen<long> AnyLong => Gen.Frequency(
        (6, ArbMap.Default.GeneratorFor<long>()),
        (1, Gen.Elements(0L, 1L, -1L, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1)),
        (2, Gen.Choose(int.MinValue, int.MaxValue).SelectMany(static a => Gen.Choose(0, int.MaxValue), static (a, b) => ((long)a << 31) ^ b)));

    public static Gen<long> NonNegativeLong => AnyLong.Select(static v => v == long.MinValue ? long.MaxValue : Math.Abs(v));

    public static Gen<long> Version => Gen.Frequency(
        (4, Gen.Choose(1, 1000).Select(static v => (long)v)),
        (1, NonNegativeLong.Where(static v => v >= 1)));

    public static Gen<int> AnyInt => Gen.Frequency(
        (4, Gen.Choose(int.MinValue, int.MaxValue)),
        (1, Gen.Elements(0, 1, -1, int.MaxValue, int.MinValue)));

    public static Gen<Asset> Asset => Gen.Frequency(
        (3, Gen.Elements(Ledger.Asset.TimeCredit, Ledger.Asset.Points, Ledger.Asset.MoneyCny)),
        (1, Gen.Choose(1, int.MaxValue).Select(static c => new Asset(c))));

    public static Gen<Instant> Instant => Gen.Frequency(
        (4, Gen.Choose(0, 3650 * 2).SelectMany(
            static d => Gen.Choose(0, 86_399),
            static (d, s) => NodaTime.Instant.FromUtc(2020, 1, 1, 0, 0).Plus(Duration.FromDays(d) + Duration.FromSeconds(s)))
            .SelectMany(static i => Fraction, static (i, f) => i.PlusNanoseconds(f))),
        (3, Gen.Choose((int)MinDay, (int)MaxDay).SelectMany(
            static d => Gen.Choose(0, 86_399),
            static (d, s) => NodaConstants.UnixEpoch + Duration.FromDays(d) + Duration.FromSeconds(s))
            .SelectMany(static i => Fraction, static (i, f) => i.PlusNanoseconds(f))),
        (1, Gen.Elements(NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue, NodaConstants.UnixEpoch,
            NodaTime.Instant.FromUtc(1, 1, 1, 0, 0), NodaTime.Instant.FromUtc(9999, 12, 31, 23, 59, 59),
            NodaTime.Instant.FromUtc(1, 1, 1, 0, 0) - Duration.Epsilon, NodaTime.Instant.FromUtc(2000, 2, 29, 12, 0))));

    /// <summary>Sub-second nanoseconds: none, milliseconds, ticks, or any.</summary>
    private static Gen<long> Fraction => Gen.Frequency(
        (2, Gen.Constant(0L)),
        (1, Gen.Choose(0, 999).Select(static ms => ms * 1_000_000L)),
        (1, Gen.Choose(0, 9_999_999).Select(static t => t * 100L)),
        (1, Gen.Choose(0, 999_999_999).Select(static n => (long)n)));

    public static Gen<string?> Memo => Gen.Frequency(
        (4, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>(string.Empty)),
        (2, Gen.Elements<string?>("haircut", "陪伴老人 3h", "理发 \"quoted\" \\ back", "tab\tnew\nline\u0000nul", "emoji 😀👍", "\u2028\u2029<>&'")),
        (3, ArbMap.Default.GeneratorFor<string>()
            .Where(static s => s is not null && s.Length <= StandardRecordTypes.LedgerEntryMaxMemoLength && IsWellFormed(s))
            .Select(static s => (string?)s)),
        (1, Gen.Choose(0x4E00, 0x9FA5).Select(static c => (string?)new string((char)c, StandardRecordTypes.LedgerEntryMaxMemoLength))));

    public static Gen<long?> Limit => Gen.Frequency((2, Gen.Constant<long?>(null)), (1, AnyLong.Select(static v => (long?)v)));

    public static Gen<T> Member<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    /// <summary>A storable entry of the given kind.</summary>
    public static Gen<LedgerEvent> Of(LedgerEventKind kind) =>
        from position in NonNegativeLong.Select(static p => Math.Max(1, p))
        from timestamp in Instant
        from accountId in OptionalGuid
        from accountVersion in Gen.Frequency((1, Gen.Constant(0L)), (1, Version))
        from ownerId in OptionalGuid
        from asset in Gen.Frequency((1, Gen.Constant(default(Asset))), (2, Asset))
        from limits in Limit.Two().Select(static l => l.Item1 is { } f && l.Item2 is { } c && f > c ? (l.Item2, l.Item1) : l)
        from transferId in OptionalGuid
        from transferKind in Member<TransferKind>()
        from relatedTransferId in OptionalGuid
        from debitAccountId in OptionalGuid
        from creditAccountId in OptionalGuid
        from amount in NonNegativeLong
        from code in AnyInt
        from memo in Memo
        from expiresAt in Gen.Frequency((2, Gen.Constant<Instant?>(null)), (1, Instant.Select(static i => (Instant?)i)))
        from rejection in Member<TransferResult>()
        from versions in Gen.Frequency((1, Gen.Constant(0L)), (2, Version)).Two()
        from balances in AnyLong.Two()
        from sparse in Gen.Elements(true, false)
        select Shape(kind, sparse, new LedgerEvent
        {
            Position = position,
            Kind = kind,
            Timestamp = timestamp,
            AccountId = new AccountId(accountId),
            AccountVersion = accountVersion,
            OwnerId = ownerId,
            Asset = asset,
            Floor = limits.Item1,
            Ceiling = limits.Item2,
            TransferId = new TransferId(transferId),
            TransferKind = transferKind,
            RelatedTransferId = new TransferId(relatedTransferId),
            DebitAccountId = new AccountId(debitAccountId),
            CreditAccountId = new AccountId(creditAccountId),
            Amount = amount,
            Code = code,
            Memo = memo,
            ExpiresAt = expiresAt,
            Rejection = rejection,
            DebitAccountVersion = versions.Item1,
            DebitAccountBalance = balances.Item1,
            CreditAccountVersion = versions.Item2,
            CreditAccountBalance = balances.Item2,
        });

    /// <summary>A storable entry of any kind.</summary>
    public static Gen<LedgerEvent> Any => Gen.Elements(Kinds).SelectMany(Of);

    /// <summary>Makes the kind's required fields valid; when <paramref name="sparse"/>, also clears the fields the
    /// ledger does not set for the kind, as real entries have them.</summary>
    private static LedgerEvent Shape(LedgerEventKind kind, bool sparse, LedgerEvent e)
    {
        var filler = new Guid(HashCode.Combine(e.Position, e.Amount), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        static TransferKind NotNone(TransferKind k) => k == TransferKind.None ? TransferKind.Post : k;
        static long AtLeastOne(long v) => Math.Max(1, v);
        static Asset Set(Asset a) => a.IsDefault ? Ledger.Asset.Points : a;

        if (e.IsAccountEvent)
        {
            e = e with
            {
                AccountId = e.AccountId.IsEmpty ? new AccountId(filler) : e.AccountId,
                AccountVersion = AtLeastOne(e.AccountVersion),
                Asset = Set(e.Asset),
            };
            return sparse
                ? new LedgerEvent
                {
                    Position = e.Position, Kind = kind, Timestamp = e.Timestamp, AccountId = e.AccountId, AccountVersion = e.AccountVersion,
                    Asset = e.Asset, OwnerId = kind == LedgerEventKind.AccountOpened ? e.OwnerId : default,
                    Code = kind == LedgerEventKind.AccountOpened ? e.Code : 0,
                    Floor = kind is LedgerEventKind.AccountOpened or LedgerEventKind.AccountLimitsChanged ? e.Floor : null,
                    Ceiling = kind is LedgerEventKind.AccountOpened or LedgerEventKind.AccountLimitsChanged ? e.Ceiling : null,
                }
                : e;
        }

        if (kind == LedgerEventKind.TransferRejected)
        {
            e = e with
            {
                TransferId = e.TransferId.IsEmpty ? new TransferId(filler) : e.TransferId,
                TransferKind = NotNone(e.TransferKind),
                Rejection = e.Rejection == TransferResult.Ok ? TransferResult.ExceedsFloor : e.Rejection,
            };
            return sparse
                ? e with { AccountId = default, AccountVersion = 0, OwnerId = default, Asset = default, Floor = null, Ceiling = null, DebitAccountVersion = 0, DebitAccountBalance = 0, CreditAccountVersion = 0, CreditAccountBalance = 0 }
                : e;
        }

        var related = kind is LedgerEventKind.PendingPosted or LedgerEventKind.PendingVoided or LedgerEventKind.PendingExpired or LedgerEventKind.TransferReversed;
        e = e with
        {
            TransferId = e.TransferId.IsEmpty ? new TransferId(filler) : e.TransferId,
            TransferKind = NotNone(e.TransferKind),
            RelatedTransferId = related && e.RelatedTransferId.IsEmpty ? new TransferId(filler) : e.RelatedTransferId,
            DebitAccountId = e.DebitAccountId.IsEmpty ? new AccountId(filler) : e.DebitAccountId,
            CreditAccountId = e.CreditAccountId.IsEmpty ? new AccountId(filler) : e.CreditAccountId,
            Asset = Set(e.Asset),
            DebitAccountVersion = AtLeastOne(e.DebitAccountVersion),
            CreditAccountVersion = AtLeastOne(e.CreditAccountVersion),
        };
        return sparse
            ? e with
            {
                AccountId = default, AccountVersion = 0, OwnerId = default, Floor = null, Ceiling = null, Rejection = TransferResult.Ok,
                RelatedTransferId = related ? e.RelatedTransferId : default,
                ExpiresAt = kind == LedgerEventKind.PendingCreated ? e.ExpiresAt : null,
            }
            : e;
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }

        return true;
    }
}

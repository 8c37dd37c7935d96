using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Json.Tests;

/// <summary>
/// The committed <c>ledger.entry</c> v1 fixtures and, written out by hand, the entry each must read as. The numbered
/// files are one consistent journal (a time bank's afternoon: two accounts, a deposit, a reservation posted in part, one
/// voided, one expired, a reversal, a rejection, a freeze and unfreeze, a limit change, a third account opened and
/// closed), so they also replay. The files under <c>variants/</c> show hand-written forms the reader accepts: optional
/// fields omitted, fields in another order, explicit nulls, upper-case GUIDs.
/// </summary>
internal static class LedgerEntryFixtures
{
    public static readonly AccountId Wang = new(Guid.Parse("3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70"));
    public static readonly AccountId Issuing = new(Guid.Parse("0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e"));
    public static readonly AccountId Spare = new(Guid.Parse("9e8d7c6b-5a49-4382-b716-05f4e3d2c1b0"));
    public static readonly Guid Owner = Guid.Parse("5b6c7d8e-9fa0-4b1c-8d2e-3f4a5b6c7d8e");

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "v1");

    /// <summary>File name (relative to <see cref="Directory"/>) → the entry it holds.</summary>
    public static IReadOnlyDictionary<string, LedgerEvent> Expected { get; } = new Dictionary<string, LedgerEvent>
    {
        ["01-AccountOpened.json"] = new()
        {
            Position = 1, Kind = LedgerEventKind.AccountOpened, Timestamp = At(6, 0, 0),
            AccountId = Wang, AccountVersion = 1, OwnerId = Owner, Asset = Asset.TimeCredit, Code = 100, Floor = 0, Ceiling = 6000,
        },
        ["02-AccountOpened.json"] = new()
        {
            Position = 2, Kind = LedgerEventKind.AccountOpened, Timestamp = At(6, 1, 30),
            AccountId = Issuing, AccountVersion = 1, Asset = Asset.TimeCredit, Code = 1,
        },
        ["03-TransferPosted.json"] = new()
        {
            Position = 3, Kind = LedgerEventKind.TransferPosted, Timestamp = At(6, 3, 0),
            TransferId = T(1), TransferKind = TransferKind.Post, DebitAccountId = Issuing, CreditAccountId = Wang,
            Asset = Asset.TimeCredit, Amount = 180, Code = 10, Memo = "陪伴老人 3h \"companionship\"",
            DebitAccountVersion = 2, DebitAccountBalance = -180, CreditAccountVersion = 2, CreditAccountBalance = 180,
        },
        ["04-PendingCreated.json"] = new()
        {
            Position = 4, Kind = LedgerEventKind.PendingCreated, Timestamp = At(6, 4, 30),
            TransferId = T(2), TransferKind = TransferKind.Pending, DebitAccountId = Wang, CreditAccountId = Issuing,
            Asset = Asset.TimeCredit, Amount = 60, Code = 20, Memo = "理发 haircut", ExpiresAt = Instant.FromUtc(2026, 3, 10, 0, 0),
            DebitAccountVersion = 3, DebitAccountBalance = 180, CreditAccountVersion = 3, CreditAccountBalance = -180,
        },
        ["05-PendingPosted.json"] = new()
        {
            Position = 5, Kind = LedgerEventKind.PendingPosted, Timestamp = At(6, 6, 0),
            TransferId = T(3), TransferKind = TransferKind.PostPending, RelatedTransferId = T(2), DebitAccountId = Wang, CreditAccountId = Issuing,
            Asset = Asset.TimeCredit, Amount = 45, Code = 20, Memo = "45 minutes used",
            DebitAccountVersion = 4, DebitAccountBalance = 135, CreditAccountVersion = 4, CreditAccountBalance = -135,
        },
        ["06-PendingCreated.json"] = new()
        {
            Position = 6, Kind = LedgerEventKind.PendingCreated, Timestamp = At(6, 7, 30),
            TransferId = T(4), TransferKind = TransferKind.Pending, DebitAccountId = Wang, CreditAccountId = Issuing,
            Asset = Asset.TimeCredit, Amount = 30, Code = 20,
            DebitAccountVersion = 5, DebitAccountBalance = 135, CreditAccountVersion = 5, CreditAccountBalance = -135,
        },
        ["07-PendingVoided.json"] = new()
        {
            Position = 7, Kind = LedgerEventKind.PendingVoided, Timestamp = At(6, 9, 0),
            TransferId = T(5), TransferKind = TransferKind.VoidPending, RelatedTransferId = T(4), DebitAccountId = Wang, CreditAccountId = Issuing,
            Asset = Asset.TimeCredit, Amount = 30, Code = 20, Memo = "cancelled",
            DebitAccountVersion = 6, DebitAccountBalance = 135, CreditAccountVersion = 6, CreditAccountBalance = -135,
        },
        ["08-PendingCreated.json"] = new()
        {
            Position = 8, Kind = LedgerEventKind.PendingCreated, Timestamp = At(6, 10, 30),
            TransferId = T(6), TransferKind = TransferKind.Pending, DebitAccountId = Wang, CreditAccountId = Issuing,
            Asset = Asset.TimeCredit, Amount = 15, Code = 21, ExpiresAt = At(6, 40, 30),
            DebitAccountVersion = 7, DebitAccountBalance = 135, CreditAccountVersion = 7, CreditAccountBalance = -135,
        },
        ["09-PendingExpired.json"] = new()
        {
            Position = 9, Kind = LedgerEventKind.PendingExpired, Timestamp = At(7, 10, 30),
            TransferId = T(6), TransferKind = TransferKind.Pending, RelatedTransferId = T(6), DebitAccountId = Wang, CreditAccountId = Issuing,
            Asset = Asset.TimeCredit, Amount = 15, Code = 21,
            DebitAccountVersion = 8, DebitAccountBalance = 135, CreditAccountVersion = 8, CreditAccountBalance = -135,
        },
        ["10-TransferReversed.json"] = new()
        {
            Position = 10, Kind = LedgerEventKind.TransferReversed, Timestamp = At(7, 12, 0),
            TransferId = T(7), TransferKind = TransferKind.Reversal, RelatedTransferId = T(3), DebitAccountId = Issuing, CreditAccountId = Wang,
            Asset = Asset.TimeCredit, Amount = 45, Code = 20, Memo = "wrong service",
            DebitAccountVersion = 9, DebitAccountBalance = -180, CreditAccountVersion = 9, CreditAccountBalance = 180,
        },
        ["11-TransferRejected.json"] = new()
        {
            Position = 11, Kind = LedgerEventKind.TransferRejected, Timestamp = At(7, 13, 30),
            TransferId = T(8), TransferKind = TransferKind.Post, DebitAccountId = Wang, CreditAccountId = Issuing,
            Amount = 10_000, Code = 30, Memo = "too much", Rejection = TransferResult.ExceedsFloor,
        },
        ["12-AccountFrozen.json"] = new()
        {
            Position = 12, Kind = LedgerEventKind.AccountFrozen, Timestamp = At(7, 15, 0),
            AccountId = Wang, AccountVersion = 10, Asset = Asset.TimeCredit,
        },
        ["13-AccountUnfrozen.json"] = new()
        {
            Position = 13, Kind = LedgerEventKind.AccountUnfrozen, Timestamp = At(7, 16, 30),
            AccountId = Wang, AccountVersion = 11, Asset = Asset.TimeCredit,
        },
        ["14-AccountLimitsChanged.json"] = new()
        {
            Position = 14, Kind = LedgerEventKind.AccountLimitsChanged, Timestamp = At(7, 18, 0),
            AccountId = Wang, AccountVersion = 12, Asset = Asset.TimeCredit, Floor = -120, Ceiling = 9000,
        },
        ["15-AccountOpened.json"] = new()
        {
            Position = 15, Kind = LedgerEventKind.AccountOpened, Timestamp = At(7, 19, 30),
            AccountId = Spare, AccountVersion = 1, OwnerId = Owner, Asset = Asset.Points, Code = 200, Floor = 0,
        },
        ["16-AccountClosed.json"] = new()
        {
            Position = 16, Kind = LedgerEventKind.AccountClosed, Timestamp = At(7, 21, 0),
            AccountId = Spare, AccountVersion = 2, Asset = Asset.Points,
        },
        [Path.Combine("variants", "TransferPosted-optional-fields-omitted.json")] = new()
        {
            // code and memo are absent: they read as 0 and null.
            Position = 3, Kind = LedgerEventKind.TransferPosted, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 3, 0),
            TransferId = T(1), TransferKind = TransferKind.Post, DebitAccountId = Issuing, CreditAccountId = Wang,
            Asset = Asset.TimeCredit, Amount = 180,
            DebitAccountVersion = 2, DebitAccountBalance = -180, CreditAccountVersion = 2, CreditAccountBalance = 180,
        },
        [Path.Combine("variants", "AccountOpened-reordered-with-explicit-nulls.json")] = new()
        {
            Position = 1, Kind = LedgerEventKind.AccountOpened, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0, 0).PlusNanoseconds(500_000_000),
            AccountId = new AccountId(Guid.Parse("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")), AccountVersion = 1, Asset = Asset.MoneyCny,
        },
    };

    /// <summary>The numbered files: one journal, in position order.</summary>
    public static IEnumerable<string> Story => Expected.Keys.Where(static k => !k.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static TransferId T(int n) => new(Guid.Parse($"a0000000-0000-4000-8000-{n:D12}"));

    private static Instant At(int hour, int minute, int second)
        => Instant.FromUtc(2026, 3, 3, hour, minute, second).PlusNanoseconds(123_456_700);
}

using System.Security.Cryptography;
using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// A love bank (爱心银行 / 爱心超市): its id, name and time zone, the time bank whose hours it may exchange, and the ledger
/// accounts it uses, all derived from the ids so that any process finds the same accounts. Points are their own asset
/// (<see cref="Asset.Points"/>); each catalogue item's stock is an asset of its own (<see cref="StockAsset"/>), so stock
/// moves on the same ledger with the same guarantees as points.
/// </summary>
public sealed class LoveBankScheme
{
    /// <summary>The lowest asset code used for catalogue items' stock.</summary>
    public const int FirstStockAssetCode = 1_000_000;

    /// <summary>Describes a scheme.</summary>
    /// <param name="id">The scheme id; not empty. Use a different id from any time-bank scheme's.</param>
    /// <param name="name">The display name; not blank.</param>
    /// <param name="timeZone">The scheme's time zone (limits per period and point lifetimes count in it); default
    /// Asia/Shanghai.</param>
    /// <param name="timeBank">The time bank whose members' hours may be exchanged for points, or null.</param>
    /// <exception cref="ArgumentException">The id is empty or the name blank.</exception>
    public LoveBankScheme(SchemeId id, string name, DateTimeZone? timeZone = null, TimeBankScheme? timeBank = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The scheme id must not be empty.", nameof(id));
        Id = id;
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        TimeZone = timeZone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        TimeBank = timeBank;
        IssuingAccountId = Derived(0x201);
        RedeemedAccountId = Derived(0x202);
        ExpiredAccountId = Derived(0x203);
        DeductedAccountId = Derived(0x204);
        ExchangePointsAccountId = Derived(0x205);
        ExchangeTimeAccountId = Derived(0x206);
        ExchangeMoneyAccountId = Derived(0x207);
    }

    /// <summary>The scheme id.</summary>
    public SchemeId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The time zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The linked time bank, or null.</summary>
    public TimeBankScheme? TimeBank { get; }

    /// <summary>The issuing account (points, no floor).</summary>
    public AccountId IssuingAccountId { get; }

    /// <summary>Where points spent on fulfilled redemptions go (points).</summary>
    public AccountId RedeemedAccountId { get; }

    /// <summary>Where expired points go (points).</summary>
    public AccountId ExpiredAccountId { get; }

    /// <summary>Where deducted points go (points).</summary>
    public AccountId DeductedAccountId { get; }

    /// <summary>The exchange account for points (no floor).</summary>
    public AccountId ExchangePointsAccountId { get; }

    /// <summary>The exchange account for time-bank minutes (no floor).</summary>
    public AccountId ExchangeTimeAccountId { get; }

    /// <summary>The exchange account for voucher money in fen (no floor).</summary>
    public AccountId ExchangeMoneyAccountId { get; }

    /// <summary>The passbook id of a person's own passbook in this scheme: derived, so every process finds it.</summary>
    /// <param name="person">The person; not empty.</param>
    /// <exception cref="ArgumentException">The person id is empty.</exception>
    public PassbookId PersonalPassbookId(VolunteerId person)
    {
        Guard.Against.Expression(static x => x.IsEmpty, person, "The person id must not be empty.", nameof(person));
        return new PassbookId(DerivedId.Combine(person.Value, Id.Value, 0x210));
    }

    /// <summary>A passbook's points account.</summary>
    /// <param name="passbook">The passbook; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public AccountId PassbookAccountId(PassbookId passbook) => new(DerivedId.Combine(NotEmpty(passbook), Id.Value, 0x211));

    /// <summary>A passbook's voucher account (money, fen).</summary>
    /// <param name="passbook">The passbook; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public AccountId VoucherAccountId(PassbookId passbook) => new(DerivedId.Combine(NotEmpty(passbook), Id.Value, 0x212));

    /// <summary>The asset an item's stock is counted in: a code of at least <see cref="FirstStockAssetCode"/> taken
    /// from SHA-256 of the scheme and item ids. Two items could in principle share a code; that is harmless, because
    /// every stock transfer stays between accounts derived from one item, whose balances sum to zero on their own.</summary>
    /// <param name="item">The item; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public Asset StockAsset(CatalogueItemId item)
    {
        Guard.Against.Expression(static x => x.IsEmpty, item, "The item id must not be empty.", nameof(item));
        Span<byte> input = stackalloc byte[32];
        Id.Value.TryWriteBytes(input);
        item.Value.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var value = (int)(BitConverter.ToUInt32(hash) % (uint)(int.MaxValue - FirstStockAssetCode));
        return new Asset(FirstStockAssetCode + value);
    }

    /// <summary>An item's supply account (no floor): restocks come from it.</summary>
    /// <param name="item">The item; not empty.</param>
    public AccountId SupplyAccountId(CatalogueItemId item) => ItemAccount(item, 0x220);

    /// <summary>Where units handed out on fulfilled redemptions go.</summary>
    /// <param name="item">The item; not empty.</param>
    public AccountId HandedOutAccountId(CatalogueItemId item) => ItemAccount(item, 0x221);

    /// <summary>Where written-off units go.</summary>
    /// <param name="item">The item; not empty.</param>
    public AccountId WrittenOffAccountId(CatalogueItemId item) => ItemAccount(item, 0x222);

    /// <summary>An item's stock at an outlet (floor 0).</summary>
    /// <param name="item">The item; not empty.</param>
    /// <param name="outlet">The outlet; not empty.</param>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public AccountId StockAccountId(CatalogueItemId item, OutletId outlet)
    {
        Guard.Against.Expression(static x => x.IsEmpty, outlet, "The outlet id must not be empty.", nameof(outlet));
        return new AccountId(DerivedId.Combine(ItemAccount(item, 0x223).Value, outlet.Value, 0x224));
    }

    private AccountId ItemAccount(CatalogueItemId item, int purpose)
    {
        Guard.Against.Expression(static x => x.IsEmpty, item, "The item id must not be empty.", nameof(item));
        return new AccountId(DerivedId.Combine(item.Value, Id.Value, purpose));
    }

    private AccountId Derived(int purpose) => new(DerivedId.From(Id.Value, purpose));

    private static Guid NotEmpty(PassbookId passbook)
    {
        Guard.Against.Expression(static x => x.IsEmpty, passbook, "The passbook id must not be empty.", nameof(passbook));
        return passbook.Value;
    }
}

using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Tests.Certificates;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>A love bank on the certificate kit's store (so activities, volunteers and a time bank are at hand), with a
/// rulebook like a real scheme's and predictable redemption codes.</summary>
internal sealed class LoveBankKit
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 1, 0);

    private int _codes;

    private LoveBankKit(CertificateKit records, PersistentLedger ledger, RulebookHistory rules)
    {
        Records = records;
        Ledger = ledger;
        Scheme = new LoveBankScheme(SchemeId.New(), "Hunan Road love bank", CertificateKit.Shanghai, records.Scheme);
        Desk = new LoveBankDesk(records.Store, ledger, Scheme, rules, records.Clock, () => (++_codes).ToString("00000000", System.Globalization.CultureInfo.InvariantCulture));
    }

    public CertificateKit Records { get; }

    public PersistentLedger Ledger { get; }

    public LoveBankScheme Scheme { get; }

    public LoveBankDesk Desk { get; }

    public FakeClock Clock => Records.Clock;

    public IRecordStore Store => Records.Store;

    public CatalogueItemId Umbrella { get; } = CatalogueItemId.New();

    public CatalogueItemId Sanitiser { get; } = CatalogueItemId.New();

    public OutletId Station { get; } = OutletId.New();

    /// <summary>1 point per hour (at most 2 hours per activity), 1 per donated item, 1 per 10 yuan, 5 per referral,
    /// 3 for a haircut, a 10-point bonus, a 20-point household grant; points valid 3 years; 5 hours before redeeming;
    /// hours to points at 1 per 60 minutes and points to vouchers at 50 fen per point (reversible).</summary>
    public static LoveBankRulebook Rulebook { get; } = new()
    {
        Version = 1,
        Earning = new EarningRules
        {
            PerServiceMinutes = new PointRate(1, 60),
            MaxServiceMinutesPerActivity = 120,
            PerDonatedItem = new PointRate(1, 1),
            PerDonatedFen = new PointRate(1, 1000),
            ProfessionalServicePoints = new Dictionary<string, long>(StringComparer.Ordinal) { ["haircut"] = 3 },
            ReferralPoints = 5,
            Bonuses = new Dictionary<string, long>(StringComparer.Ordinal) { ["volunteer-of-the-month"] = 10 },
            HouseholdStartingGrant = 20,
        },
        PointsLifetime = Period.FromYears(3),
        MinimumServiceMinutesToRedeem = 300,
        Exchanges =
        [
            new ExchangeRule(ExchangeDirection.HoursToPoints, new PointRate(1, 60)),
            new ExchangeRule(ExchangeDirection.PointsToVoucher, new PointRate(50, 1)) { AllowReverse = true },
        ],
    };

    public static async Task<LoveBankKit> CreateAsync(RulebookHistory? rules = null)
    {
        var records = await CertificateKit.CreateAsync();
        var ledger = await PersistentLedger.OpenAsync(records.Store, records.Clock);
        var kit = new LoveBankKit(records, ledger, rules ?? new RulebookHistory(Rulebook));
        kit.Clock.Reset(Start);
        return kit;
    }

    /// <summary>A second desk on the same store with its own ledger instance, as another process would have.</summary>
    public async Task<LoveBankDesk> OtherDeskAsync()
        => new(Store, await PersistentLedger.OpenAsync(Store, Clock), Scheme, Desk.Rules, Clock, () => "99999999");

    /// <summary>Opens a person's passbook for a new volunteer id (not registered).</summary>
    public async Task<PassbookId> PersonAsync(VolunteerId? person = null)
    {
        var who = person ?? VolunteerId.New();
        var id = Scheme.PersonalPassbookId(who);
        Assert.Equal(LoveBankResult.Ok, await Desk.OpenPassbookAsync(id, PassbookHolderKind.Person, who.Value));
        return id;
    }

    /// <summary>Opens a passbook and gives it <paramref name="points"/> points from donated items, and 5 hours of
    /// service so it may redeem.</summary>
    public async Task<PassbookId> FundedAsync(long points, VolunteerId? person = null)
    {
        var id = await PersonAsync(person);
        if (points > 0) Assert.Equal(LoveBankResult.Ok, await Desk.AwardAsync(id, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, points)));
        await ServeAsync(id, 300);
        return id;
    }

    /// <summary>Records service minutes through time-bank service awards of 120 minutes (each earning 2 points).</summary>
    public async Task ServeAsync(PassbookId id, long minutes)
    {
        for (var left = minutes; left > 0; left -= 120)
        {
            Assert.Equal(LoveBankResult.Ok, await Desk.AwardAsync(id, new Contribution(Guid.NewGuid(), ContributionKind.VolunteerService, Math.Min(120, left))));
        }
    }

    /// <summary>Lists the umbrella (30 points, 1 per person per month) and sanitiser (5 points) and stocks both at the
    /// station.</summary>
    public async Task StockAsync(long umbrellas = 3, long sanitiser = 10)
    {
        Assert.Equal(LoveBankResult.Ok, await Desk.OpenOutletAsync(Station, "Hunan Road station"));
        Assert.Equal(LoveBankResult.Ok, await Desk.ListItemAsync(new CatalogueItem(Umbrella, "Umbrella", 30) { LimitPerPeriod = 1, LimitPeriod = LimitPeriod.Month }));
        Assert.Equal(LoveBankResult.Ok, await Desk.ListItemAsync(new CatalogueItem(Sanitiser, "Hand sanitiser", 5)));
        if (umbrellas > 0) Assert.Equal(LoveBankResult.Ok, await Desk.RestockAsync(TransferId.New(), Umbrella, Station, umbrellas, "donated by a shop"));
        if (sanitiser > 0) Assert.Equal(LoveBankResult.Ok, await Desk.RestockAsync(TransferId.New(), Sanitiser, Station, sanitiser, "purchased"));
    }

    public long PointsOnLedger(PassbookId id) => Ledger.Ledger.GetBalance(Scheme.PassbookAccountId(id));

    public LedgerAccount Account(AccountId id)
    {
        Assert.True(Ledger.Ledger.TryGetAccount(id, out var account));
        return account;
    }

    /// <summary>Every ledger invariant holds, and every passbook agrees with its ledger account.</summary>
    public async Task AssertConsistentAsync(params PassbookId[] passbooks)
    {
        await Ledger.CatchUpAsync();
        Assert.Empty(Ledger.Ledger.VerifyInvariants());
        foreach (var id in passbooks)
        {
            var book = (await Desk.LoadPassbookAsync(id))!;
            var account = Account(Scheme.PassbookAccountId(id));
            Assert.Equal((account.Available, account.DebitsPending), (book.Available, book.Reserved));
            Assert.Equal(book.Available, book.Lots.Sum(l => l.Remaining));
        }
    }
}

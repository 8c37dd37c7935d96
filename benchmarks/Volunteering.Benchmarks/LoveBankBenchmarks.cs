using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Storage;

namespace Volunteering.Benchmarks;

/// <summary>
/// The love bank on the in-memory reference store: awarding points for 100,000 verified services (one award each,
/// across 1,000 passbooks, one desk), and 10,000 concurrent redemptions (reserve, then fulfil on success) against
/// 100 items of 50 units each at one outlet, from 8 desks on parallel tasks, so half of them find the stock gone.
/// The baseline does the same arithmetic on plain arrays: the points each award gives added to a balance, and the
/// reservations counted against the stock, with no ledger, events or store.
/// </summary>
/// <remarks>Every invocation starts from a fresh store built in <c>[IterationSetup]</c> (passbooks opened, points
/// granted, items stocked), so it measures the commands only; one invocation per iteration
/// (<see cref="RunStrategy.Monitoring"/>), because each runs for seconds.</remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LoveBankBenchmarks
{
    /// <summary>Awards per invocation of <see cref="Award100kServices"/>.</summary>
    public const int Awards = 100_000;

    /// <summary>Redemptions per invocation of <see cref="Redeem10kConcurrently"/>.</summary>
    public const int Redemptions = 10_000;

    private const int Passbooks = 1_000;
    private const int Items = 100;
    private const int UnitsPerItem = 50;
    private const int Writers = 8;

    private static readonly LoveBankRulebook Rules = new()
    {
        Earning = new EarningRules { PerServiceMinutes = new PointRate(1, 60), MaxServiceMinutesPerActivity = 120, PerDonatedItem = new PointRate(1, 1) },
        PointsLifetime = Period.FromYears(3),
    };

    private readonly FixedClock _clock = new(Instant.FromUtc(2026, 3, 1, 2, 0));
    private LoveBankScheme _scheme = null!;
    private InMemoryRecordStore _store = null!;
    private PassbookId[] _books = [];
    private CatalogueItemId[] _items = [];
    private OutletId _outlet;
    private (Guid Source, int Book, long Minutes)[] _services = [];

    /// <summary>The services to award: random minutes from 60 to 240 (so every service earns at least a point and the 2-hour limit applies to some).</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        var random = new Random(5);
        _services = [.. Enumerable.Range(0, Awards).Select(_ => (Guid.NewGuid(), random.Next(Passbooks), (long)random.Next(60, 241)))];
    }

    /// <summary>A fresh store with 1,000 passbooks (200 points each) and, for redemptions, 100 stocked items.</summary>
    [IterationSetup]
    public void IterationSetup() => SetUpAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The bare baseline: the award arithmetic on arrays.</summary>
    [Benchmark(Baseline = true)]
    public long BareAwards()
    {
        var balances = new long[Passbooks];
        var rate = Rules.Earning.PerServiceMinutes!;
        foreach (var (_, book, minutes) in _services) balances[book] += rate.Apply(Math.Min(120, minutes), PointsRounding.Down);
        return balances.Sum();
    }

    /// <summary>100,000 awards through one desk.</summary>
    [Benchmark]
    public async Task<long> Award100kServices()
    {
        var desk = new LoveBankDesk(_store, await PersistentLedger.OpenAsync(_store, _clock), _scheme, new RulebookHistory(Rules), _clock);
        long ok = 0;
        foreach (var (source, book, minutes) in _services)
        {
            if (await desk.AwardAsync(_books[book], new Contribution(source, ContributionKind.VolunteerService, minutes)) == LoveBankResult.Ok) ok++;
        }

        return ok != Awards ? throw new InvalidOperationException($"Only {ok} of {Awards} awards were made.") : ok;
    }

    /// <summary>10,000 reservations (each fulfilled when it succeeds) from 8 desks on parallel tasks; 5,000 units.</summary>
    [Benchmark]
    public async Task<int> Redeem10kConcurrently()
    {
        var rules = new RulebookHistory(Rules);
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var desk = new LoveBankDesk(_store, await PersistentLedger.OpenAsync(_store, _clock), _scheme, rules, _clock) { MaxAttempts = 1_000 };
            var fulfilled = 0;
            for (var i = w; i < Redemptions; i += Writers)
            {
                var id = RedemptionId.New();
                var outcome = await desk.ReserveAsync(id, _books[i % Passbooks], _items[i % Items], _outlet, 1);
                if (outcome.Code == LoveBankResult.Ok && await desk.FulfilAsync(id, outcome.RedemptionCode!) == LoveBankResult.Ok) fulfilled++;
            }

            return fulfilled;
        }));
        var total = (await Task.WhenAll(tasks)).Sum();
        return total != Items * UnitsPerItem ? throw new InvalidOperationException($"{total} units were handed out; the stock was {Items * UnitsPerItem}.") : total;
    }

    private async ValueTask SetUpAsync()
    {
        _store = new InMemoryRecordStore();
        _scheme = new LoveBankScheme(SchemeId.New(), "benchmark love bank");
        var desk = new LoveBankDesk(_store, await PersistentLedger.OpenAsync(_store, _clock), _scheme, new RulebookHistory(Rules), _clock);
        _books = [.. Enumerable.Range(0, Passbooks).Select(_ => PassbookId.New())];
        foreach (var book in _books)
        {
            await desk.OpenPassbookAsync(book, PassbookHolderKind.Household, Guid.NewGuid());
            await desk.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 200));
        }

        _outlet = OutletId.New();
        await desk.OpenOutletAsync(_outlet, "Hunan Road love supermarket");
        _items = [.. Enumerable.Range(0, Items).Select(_ => CatalogueItemId.New())];
        foreach (var item in _items)
        {
            await desk.ListItemAsync(new CatalogueItem(item, "item", 10));
            await desk.RestockAsync(TransferId.New(), item, _outlet, UnitsPerItem, "delivery");
        }
    }
}

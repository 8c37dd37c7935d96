using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Tests.LoveBank;

/// <summary>Random sequences of love-bank commands — awards, reversals, deductions, restocks, write-offs,
/// reservations, fulfilments, cancellations, lapses, exchanges to vouchers and back, expiry — on three passbooks, two
/// items and two outlets, with the clock moving up to four years, from two desks on one store. After every step: each
/// asset's balances sum to zero and no account is below its floor (the ledger's own check); every passbook equals its
/// ledger account (available, reserved) and the sum of its lots; stock on hand equals restocks less fulfilled less
/// written off, per item and outlet, and is never negative; expiry run twice expires nothing the second time and
/// never touches a lot that is not yet due.</summary>
public class LoveBankPropertyTests
{
    [Property(MaxTest = 100, Arbitrary = new[] { typeof(LoveBankArbitraries) })]
    public async Task Random_commands_keep_points_and_stock_whole(LoveBankOp[] ops)
        => await new LoveBankScriptRunner(ops).RunAsync();

    [Property(MaxTest = 25)]
    public async Task Concurrent_reservations_from_several_desks_never_oversell(PositiveInt stockSeed, PositiveInt desksSeed, PositiveInt requestsSeed)
    {
        var stock = stockSeed.Get % 6;                 // 0 to 5 units
        var desks = 2 + desksSeed.Get % 4;             // 2 to 5 desks
        var requests = 1 + requestsSeed.Get % 12;      // 1 to 12 reservations of one unit each
        var store = new InMemoryRecordStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 2, 0));
        var scheme = new LoveBankScheme(SchemeId.New(), "race");
        var rules = new RulebookHistory(new LoveBankRulebook { Earning = new EarningRules { PerDonatedItem = new PointRate(1, 1) } });
        var item = CatalogueItemId.New();
        var outlet = OutletId.New();
        var setup = new LoveBankDesk(store, await PersistentLedger.OpenAsync(store, clock), scheme, rules, clock);
        Assert.Equal(LoveBankResult.Ok, await setup.OpenOutletAsync(outlet, "counter"));
        Assert.Equal(LoveBankResult.Ok, await setup.ListItemAsync(new CatalogueItem(item, "Umbrella", 10)));
        if (stock > 0) Assert.Equal(LoveBankResult.Ok, await setup.RestockAsync(TransferId.New(), item, outlet, stock, "donated"));
        var books = Enumerable.Range(0, requests).Select(_ => PassbookId.New()).ToArray();
        foreach (var book in books)
        {
            Assert.Equal(LoveBankResult.Ok, await setup.OpenPassbookAsync(book, PassbookHolderKind.Household, Guid.NewGuid()));
            Assert.Equal(LoveBankResult.Ok, await setup.AwardAsync(book, new Contribution(Guid.NewGuid(), ContributionKind.DonatedItems, 10)));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, desks).Select(d => Task.Run(async () =>
        {
            var desk = new LoveBankDesk(store, await PersistentLedger.OpenAsync(store, clock), scheme, rules, clock) { MaxAttempts = 200 };
            var codes = new List<LoveBankResult>();
            for (var k = d; k < requests; k += desks) codes.Add((await desk.ReserveAsync(RedemptionId.New(), books[k], item, outlet, 1)).Code);
            return codes;
        })));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(Math.Min(stock, requests), all.Count(c => c == LoveBankResult.Ok));
        Assert.All(all.Where(c => c != LoveBankResult.Ok), c => Assert.Equal(LoveBankResult.OutOfStock, c));
        var level = await setup.GetStockAsync(item, outlet);
        Assert.Equal((stock, Math.Min(stock, requests)), ((int)level.OnHand, (int)level.Reserved));
        Assert.True(level.Available >= 0);
    }

    [Fact]
    public async Task A_long_fixed_script_runs_clean_and_reaches_every_kind_of_command()
    {
        var x = 7UL;
        int Next(int bound)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            return (int)((x >> 33) % (ulong)bound);
        }

        var kinds = Enum.GetValues<LoveBankOpKind>();
        var ops = Enumerable.Range(0, 600).Select(_ => new LoveBankOp(kinds[Next(kinds.Length)], Next(3), Next(2), Next(2), 1 + Next(40))).ToArray();
        var seen = await new LoveBankScriptRunner(ops).RunAsync();
        foreach (var kind in new[] { "Award Ok", "Reserve Ok", "Fulfil Ok", "Cancel Ok", "Lapse Ok", "Expire Ok", "Deduct Ok", "WriteOff Ok", "Reverse Ok", "Voucher Ok", "VoucherBack Ok" })
        {
            Assert.True(seen.GetValueOrDefault(kind) > 0, $"{kind} never happened: {string.Join(", ", seen.Select(p => $"{p.Key} {p.Value}"))}");
        }
    }
}

public enum LoveBankOpKind
{
    Award,
    Reverse,
    Deduct,
    Restock,
    WriteOff,
    Reserve,
    Fulfil,
    Cancel,
    Lapse,
    Voucher,
    VoucherBack,
    Expire,
    Advance,
}

/// <summary>One command: <paramref name="P"/> picks the passbook, <paramref name="I"/> the item, <paramref name="O"/>
/// the outlet (or the desk), <paramref name="N"/> a quantity.</summary>
public readonly record struct LoveBankOp(LoveBankOpKind Kind, int P, int I, int O, int N)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}(p{P},i{I},o{O},{N})");
}

public static class LoveBankArbitraries
{
    private static readonly Gen<LoveBankOp> OpGen =
        from kind in Gen.Frequency(
            (5, Gen.Constant(LoveBankOpKind.Award)), (1, Gen.Constant(LoveBankOpKind.Reverse)), (1, Gen.Constant(LoveBankOpKind.Deduct)),
            (3, Gen.Constant(LoveBankOpKind.Restock)), (1, Gen.Constant(LoveBankOpKind.WriteOff)), (5, Gen.Constant(LoveBankOpKind.Reserve)),
            (3, Gen.Constant(LoveBankOpKind.Fulfil)), (1, Gen.Constant(LoveBankOpKind.Cancel)), (1, Gen.Constant(LoveBankOpKind.Lapse)),
            (1, Gen.Constant(LoveBankOpKind.Voucher)), (1, Gen.Constant(LoveBankOpKind.VoucherBack)), (1, Gen.Constant(LoveBankOpKind.Expire)),
            (2, Gen.Constant(LoveBankOpKind.Advance)))
        from p in Gen.Choose(0, 2)
        from i in Gen.Choose(0, 1)
        from o in Gen.Choose(0, 1)
        from n in Gen.Choose(1, 40)
        select new LoveBankOp(kind, p, i, o, n);

    public static Arbitrary<LoveBankOp[]> Ops() => Arb.From(
        Gen.Sized(size => Gen.Choose(5, 20 + size)).SelectMany(length => Gen.ArrayOf(OpGen, length)),
        ops => Enumerable.Range(0, ops.Length).Select(skip => ops.Where((_, k) => k != skip).ToArray()));
}

/// <summary>Runs a script and checks the invariants after every step; returns how often each command answered each
/// code ("Reserve Ok": 12, ...).</summary>
internal sealed class LoveBankScriptRunner(LoveBankOp[] ops)
{
    private readonly InMemoryRecordStore _store = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 1, 5, 1, 0));
    private readonly LoveBankScheme _scheme = new(SchemeId.New(), "property love bank");
    private readonly PassbookId[] _books = [PassbookId.New(), PassbookId.New(), PassbookId.New()];
    private readonly CatalogueItemId[] _items = [CatalogueItemId.New(), CatalogueItemId.New()];
    private readonly OutletId[] _outlets = [OutletId.New(), OutletId.New()];
    private readonly Dictionary<(int, int), long> _expectedOnHand = [];
    private readonly List<(RedemptionId Id, string Code, int Item, int Outlet, int Quantity)> _redemptions = [];
    private readonly List<(int Book, Guid Source)> _awards = [];

    public async Task<Dictionary<string, int>> RunAsync()
    {
        var rules = new RulebookHistory(LoveBankKit.Rulebook with { MinimumServiceMinutesToRedeem = 0, ReservationHold = Duration.FromDays(2) });
        var codes = 0;
        LoveBankDesk NewDesk(PersistentLedger ledger) => new(_store, ledger, _scheme, rules, _clock, () => (++codes).ToString("00000000", CultureInfo.InvariantCulture));
        var ledgers = new[] { await PersistentLedger.OpenAsync(_store, _clock), await PersistentLedger.OpenAsync(_store, _clock) };
        var desks = ledgers.Select(NewDesk).ToArray();
        for (var k = 0; k < _books.Length; k++) Assert.Equal(LoveBankResult.Ok, await desks[0].OpenPassbookAsync(_books[k], PassbookHolderKind.Person, Guid.NewGuid()));
        foreach (var outlet in _outlets) Assert.Equal(LoveBankResult.Ok, await desks[0].OpenOutletAsync(outlet, "outlet"));
        Assert.Equal(LoveBankResult.Ok, await desks[0].ListItemAsync(new CatalogueItem(_items[0], "Umbrella", 12) { LimitPerPeriod = 3, LimitPeriod = LimitPeriod.Week }));
        Assert.Equal(LoveBankResult.Ok, await desks[0].ListItemAsync(new CatalogueItem(_items[1], "Tissues", 2)));
        var seen = new Dictionary<string, int>();

        foreach (var op in ops)
        {
            var desk = desks[op.O];
            var book = _books[op.P];
            var label = op.Kind.ToString();
            var before = await _store.GetPositionAsync();
            LoveBankResult result;
            switch (op.Kind)
            {
                case LoveBankOpKind.Award:
                {
                    var source = Guid.NewGuid();
                    result = await desk.AwardAsync(book, new Contribution(source, ContributionKind.DonatedItems, op.N));
                    if (result == LoveBankResult.Ok) _awards.Add((op.P, source));
                    break;
                }

                case LoveBankOpKind.Reverse:
                    if (_awards.Count == 0) continue;
                    var award = _awards[op.N % _awards.Count];
                    result = await desk.ReverseAwardAsync(_books[award.Book], award.Source, "returned");
                    break;
                case LoveBankOpKind.Deduct:
                    result = await desk.DeductAsync(book, Guid.NewGuid(), "misconduct", "random", op.N);
                    break;
                case LoveBankOpKind.Restock:
                    result = await desk.RestockAsync(TransferId.New(), _items[op.I], _outlets[op.O], op.N % 4 + 1, "delivery");
                    if (result == LoveBankResult.Ok) _expectedOnHand[(op.I, op.O)] = _expectedOnHand.GetValueOrDefault((op.I, op.O)) + (op.N % 4 + 1);
                    break;
                case LoveBankOpKind.WriteOff:
                    result = await desk.WriteOffAsync(TransferId.New(), _items[op.I], _outlets[op.O], op.N % 3 + 1, "damaged");
                    if (result == LoveBankResult.Ok) _expectedOnHand[(op.I, op.O)] -= op.N % 3 + 1;
                    break;
                case LoveBankOpKind.Reserve:
                {
                    var id = RedemptionId.New();
                    var quantity = op.N % 3 + 1;
                    var outcome = await desk.ReserveAsync(id, book, _items[op.I], _outlets[op.O], quantity);
                    result = outcome.Code;
                    if (result == LoveBankResult.Ok) _redemptions.Add((id, outcome.RedemptionCode!, op.I, op.O, quantity));
                    break;
                }

                case LoveBankOpKind.Fulfil:
                {
                    if (_redemptions.Count == 0) continue;
                    var r = _redemptions[op.N % _redemptions.Count];
                    result = await desk.FulfilAsync(r.Id, r.Code);
                    if (result == LoveBankResult.Ok) _expectedOnHand[(r.Item, r.Outlet)] -= r.Quantity;
                    break;
                }

                case LoveBankOpKind.Cancel:
                    if (_redemptions.Count == 0) continue;
                    result = await desk.CancelAsync(_redemptions[op.N % _redemptions.Count].Id);
                    break;
                case LoveBankOpKind.Lapse:
                    result = (await desk.LapseReservationsAsync(book, _clock.GetCurrentInstant())).Code;
                    break;
                case LoveBankOpKind.Voucher:
                    result = await desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.PointsToVoucher, reverse: false, op.N % 10 + 1);
                    break;
                case LoveBankOpKind.VoucherBack:
                    result = await desk.ExchangeAsync(Guid.NewGuid(), book, ExchangeDirection.PointsToVoucher, reverse: true, (op.N % 4 + 1) * 50);
                    break;
                case LoveBankOpKind.Expire:
                    result = await ExpireTwiceAsync(desk, book);
                    break;
                default:
                    _clock.Advance(op.N < 30 ? Duration.FromDays(op.N) : Duration.FromDays(365));
                    continue;
            }

            var key = $"{label} {result}";
            seen[key] = seen.GetValueOrDefault(key) + 1;
            if (result is not (LoveBankResult.Ok or LoveBankResult.AlreadyDone) && op.Kind != LoveBankOpKind.Expire)
            {
                Assert.True(before == await _store.GetPositionAsync(), $"{op} answered {result} but wrote to the store");
            }

            await CheckAsync(desks[0], ledgers[0], op);
        }

        return seen;
    }

    private async Task<LoveBankResult> ExpireTwiceAsync(LoveBankDesk desk, PassbookId book)
    {
        var now = _clock.GetCurrentInstant();
        var notDue = (await desk.LoadPassbookAsync(book))!.Lots.Where(l => l.ExpiresAt is not { } e || e > now).ToDictionary(l => (l.Source, l.Sequence), l => l.Remaining);
        var first = await desk.ExpirePointsAsync(book, now);
        var after = (await desk.LoadPassbookAsync(book))!;
        foreach (var lot in after.Lots.Where(l => notDue.ContainsKey((l.Source, l.Sequence))))
        {
            Assert.Equal(notDue[(lot.Source, lot.Sequence)], lot.Remaining);
        }

        Assert.Empty(after.ExpiringBy(now));
        var position = await _store.GetPositionAsync();
        Assert.Equal(new ExpiryOutcome(LoveBankResult.AlreadyDone, 0, 0), await desk.ExpirePointsAsync(book, now));
        Assert.Equal(position, await _store.GetPositionAsync());
        return first.Code;
    }

    private async Task CheckAsync(LoveBankDesk desk, PersistentLedger ledger, LoveBankOp op)
    {
        await ledger.CatchUpAsync();
        var l = ledger.Ledger;
        Assert.True(l.VerifyInvariants().Count == 0, $"after {op}: {string.Join("; ", l.VerifyInvariants())}");
        foreach (var group in l.Accounts.GroupBy(a => a.Asset)) Assert.Equal(0, group.Sum(a => a.Balance));
        foreach (var id in _books)
        {
            var book = (await desk.LoadPassbookAsync(id))!;
            Assert.True(l.TryGetAccount(_scheme.PassbookAccountId(id), out var account));
            Assert.True((account.Available, account.DebitsPending) == (book.Available, book.Reserved), $"after {op}: passbook {book.Available}/{book.Reserved}, ledger {account.Available}/{account.DebitsPending}");
            Assert.Equal(book.Available, book.Lots.Sum(x => x.Remaining));
            Assert.True(book.Lots.All(x => x.Remaining >= 0));
        }

        for (var i = 0; i < _items.Length; i++)
        {
            for (var o = 0; o < _outlets.Length; o++)
            {
                var stock = await desk.GetStockAsync(_items[i], _outlets[o]);
                Assert.Equal(_expectedOnHand.GetValueOrDefault((i, o)), stock.OnHand);
                Assert.True(stock.Available >= 0 && stock.Reserved >= 0, $"after {op}: stock {stock}");
            }
        }
    }
}

using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;
using Interval = NodaTime.Interval;

namespace Volunteering.Domain.Tests.TimeBank;

/// <summary>Random sequences of time-bank operations — accounts opened, services recorded, confirmed and refused,
/// time redeemed, given, donated, granted and funded, accounts frozen, time passing — checked after every step against
/// a small model: a refusal or a repeat changes nothing, a success moves exactly the time it reports, no member
/// balance leaves [0, cap], the time in circulation is what members, the pool and the fund hold, a record credits at
/// most once, and the ledger's invariants hold.</summary>
public class TimeBankPropertyTests
{
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(TimeBankArbitraries) })]
    public void Random_operations_keep_the_time_bank_consistent(TimeBankScript script)
        => new ScriptRunner(script).Run();

    [Fact]
    public void A_long_fixed_script_runs_clean()
    {
        // A deterministic script with every kind of operation many times over (a linear congruential sequence, so the
        // test needs no random number generator and is the same on every run).
        var people = new[]
        {
            new TimeBankPerson(55, 0, Hardship.None, 0), new TimeBankPerson(82, 0, Hardship.LivingAlone, 0),
            new TimeBankPerson(17, 2, Hardship.None, 1), new TimeBankPerson(60, -1, Hardship.LowIncome, 1),
            new TimeBankPerson(64, 0, Hardship.SpecialHardship, 2), new TimeBankPerson(88, 5, Hardship.LivingAlone, 0),
        };
        var ops = new List<TimeBankOp>();
        var kinds = Enum.GetValues<TimeBankOpKind>();
        ulong x = 12345;
        int Next(int bound)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
            return (int)((x >> 33) % (ulong)bound);
        }

        for (var i = 0; i < 600; i++)
        {
            ops.Add(new TimeBankOp(kinds[Next(kinds.Length)], Next(64), Next(64), Next(64), Next(64), 1 + Next(i % 3 == 0 ? 3000 : 240)));
        }

        new ScriptRunner(new TimeBankScript([.. people], 2, false, 1, 0, RedemptionScope.District, [.. ops])).Run();
        new ScriptRunner(new TimeBankScript([.. people], 1, true, 2, 3, RedemptionScope.Community, [.. ops])).Run();
    }
}

public enum TimeBankOpKind
{
    Open,
    Relative,
    Record,
    Confirm,
    Refuse,
    Redeem,
    Gift,
    Donate,
    GrantPool,
    GrantFund,
    Fund,
    Freeze,
    Advance,
}

/// <summary>One operation; its small numbers pick people, record and transfer-id slots, places and so on.</summary>
public readonly record struct TimeBankOp(TimeBankOpKind Kind, int A, int B, int C, int D, int Minutes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}({A},{B},{C},{D},{Minutes}m)");
}

/// <summary>A person: age in whole years today, days to add to the birth date (positive: the birthday is still to
/// come), hardship, and home area (0 Hunan Road, 1 Ninghai Road, 2 Xuanwu).</summary>
public readonly record struct TimeBankPerson(int Age, int ShiftDays, Hardship Hardship, int Area);

/// <summary>A generated script: the people, the rules (cap 1,500h / 5h / 20h / none; overflow refused or pooled;
/// uniform or category rates; Beijing or Shanghai redeemers, all or some relationships giftable; redemption scope)
/// and the operations.</summary>
public sealed record TimeBankScript(
    TimeBankPerson[] People,
    int CapChoice,
    bool RefuseOverflow,
    int RateChoice,
    int RulesChoice,
    RedemptionScope Scope,
    TimeBankOp[] Ops)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cap={CapChoice} refuse={RefuseOverflow} rate={RateChoice} rules={RulesChoice} scope={Scope}; people: ");
        text.AppendJoin(", ", People.Select(p => $"{p.Age}y{p.ShiftDays:+0;-0;0}d {p.Hardship} area{p.Area}"));
        text.Append("; ops: ").AppendJoin(" ", Ops);
        return text.ToString();
    }
}

public static class TimeBankArbitraries
{
    private static readonly Gen<TimeBankPerson> PersonGen =
        from age in Gen.Frequency((2, Gen.Choose(16, 19)), (2, Gen.Choose(58, 66)), (1, Gen.Choose(78, 92)), (2, Gen.Choose(20, 95)))
        from shift in Gen.Choose(-3, 3)
        from hardship in Gen.Elements(Hardship.None, Hardship.None, Hardship.LivingAlone, Hardship.LowIncome, Hardship.SpecialHardship, Hardship.Disabled | Hardship.LivingAlone)
        from area in Gen.Choose(0, 2)
        select new TimeBankPerson(age, shift, hardship, area);

    private static readonly Gen<TimeBankOpKind> KindGen = Gen.Frequency(
        (2, Gen.Constant(TimeBankOpKind.Open)),
        (2, Gen.Constant(TimeBankOpKind.Relative)),
        (6, Gen.Constant(TimeBankOpKind.Record)),
        (6, Gen.Constant(TimeBankOpKind.Confirm)),
        (1, Gen.Constant(TimeBankOpKind.Refuse)),
        (3, Gen.Constant(TimeBankOpKind.Redeem)),
        (3, Gen.Constant(TimeBankOpKind.Gift)),
        (2, Gen.Constant(TimeBankOpKind.Donate)),
        (2, Gen.Constant(TimeBankOpKind.GrantPool)),
        (2, Gen.Constant(TimeBankOpKind.GrantFund)),
        (1, Gen.Constant(TimeBankOpKind.Fund)),
        (1, Gen.Constant(TimeBankOpKind.Freeze)),
        (1, Gen.Constant(TimeBankOpKind.Advance)));

    private static readonly Gen<int> MinutesGen = Gen.Frequency(
        (6, Gen.Choose(1, 180)),
        (3, Gen.Choose(181, 900)),
        (1, Gen.Choose(901, 4000)));

    private static readonly Gen<TimeBankOp> OpGen =
        from kind in KindGen
        from a in Gen.Choose(0, 63)
        from b in Gen.Choose(0, 63)
        from c in Gen.Choose(0, 63)
        from d in Gen.Choose(0, 63)
        from minutes in MinutesGen
        select new TimeBankOp(kind, a, b, c, d, minutes);

    private static readonly Gen<TimeBankScript> ScriptGen =
        from count in Gen.Choose(2, 6)
        from people in Gen.ArrayOf(PersonGen, count)
        from cap in Gen.Choose(0, 3)
        from refuse in Gen.Elements(true, false)
        from rate in Gen.Choose(0, 2)
        from rules in Gen.Choose(0, 3)
        from scope in Gen.Elements(RedemptionScope.Community, RedemptionScope.District, RedemptionScope.City)
        from length in Gen.Sized(size => Gen.Choose(5, 20 + size))
        from ops in Gen.ArrayOf(OpGen, length)
        select new TimeBankScript(people, cap, refuse, rate, rules, scope, ops);

    public static Arbitrary<TimeBankScript> Script() => Arb.From(ScriptGen, Shrink);

    private static IEnumerable<TimeBankScript> Shrink(TimeBankScript script)
    {
        var ops = script.Ops;
        if (ops.Length == 0) yield break;
        if (ops.Length > 1)
        {
            yield return script with { Ops = ops[..(ops.Length / 2)] };
            yield return script with { Ops = ops[(ops.Length / 2)..] };
        }

        for (var i = ops.Length - 1; i >= 0; i--)
        {
            yield return script with { Ops = [.. ops[..i], .. ops[(i + 1)..]] };
        }
    }
}

/// <summary>Runs a script against a fresh bank and checks every step.</summary>
internal sealed class ScriptRunner
{
    private const int RecordSlots = 24;
    private const int TransferSlots = 40;
    private static readonly ResidenceArea[] Areas = [TimeBankTestKit.HunanRoad, TimeBankTestKit.Ninghai, TimeBankTestKit.Xuanwu, TimeBankTestKit.OtherCity];
    private static readonly string[] Categories = ["elder-care", "nursing", "chat", "training"];

    private readonly TimeBankScript _script;
    private readonly TimeBankTestKit _kit;
    private readonly VolunteerId[] _persons;
    private readonly MemberProfile[] _profiles;
    private readonly ServiceRecordId[] _records = [.. Enumerable.Range(0, RecordSlots).Select(_ => ServiceRecordId.New())];
    private readonly TransferId[] _transfers = [.. Enumerable.Range(0, TransferSlots).Select(_ => TransferId.New())];
    private readonly HashSet<ServiceRecordId> _credited = [];
    private readonly Dictionary<VolunteerId, long> _given = [];
    private long _depositedByRecords;
    private int _step;
    private TimeBankOp _op;

    public ScriptRunner(TimeBankScript script)
    {
        _script = script;
        _kit = new TimeBankTestKit(Rules(script));
        var n = script.People.Length;
        _persons = [.. Enumerable.Range(0, n).Select(_ => VolunteerId.New())];
        _profiles = [.. script.People.Select((p, i) => new MemberProfile(
            "Person " + i.ToString(CultureInfo.InvariantCulture),
            _kit.Today.PlusYears(-p.Age).PlusDays(p.ShiftDays),
            "139-" + i.ToString(CultureInfo.InvariantCulture),
            Areas[p.Area]) { Hardship = p.Hardship })];

        // Everyone but the last person has an account from the start; the last may be opened by the script.
        for (var i = 0; i < n - 1; i++)
        {
            Assert.Equal(TimeBankResult.Ok, Bank.OpenAccount(_persons[i], _profiles[i], _kit.Now));
        }
    }

    private Volunteering.Domain.TimeBank.TimeBank Bank => _kit.Bank;

    private TimeCredit? Cap => Bank.Scheme.Rules.Cap.Cap;

    private static TimeBankRules Rules(TimeBankScript s)
    {
        var cap = s.CapChoice switch
        {
            0 => AccountCapPolicy.Default,
            1 => new AccountCapPolicy { Cap = TimeCredit.FromHours(5) },
            2 => new AccountCapPolicy { Cap = TimeCredit.FromHours(20) },
            _ => AccountCapPolicy.None,
        };
        cap = cap with { Overflow = s.RefuseOverflow ? CapOverflow.Refuse : CapOverflow.DonateToPool };
        ICreditRatePolicy rate = s.RateChoice switch
        {
            0 => UniformCreditRate.Instance,
            1 => new CategoryCreditRate(new Dictionary<string, decimal> { ["nursing"] = 1.5m, ["chat"] = 0.5m, ["training"] = 0m }),
            _ => new CategoryCreditRate(new Dictionary<string, decimal> { ["nursing"] = 1.25m, ["chat"] = 0.7m }, MidpointRounding.AwayFromZero),
        };
        var rules = new TimeBankRules
        {
            Cap = cap,
            CreditRate = rate,
            RedemptionScope = new AreaRedemptionScopePolicy(s.Scope),
        };
        if ((s.RulesChoice & 1) != 0) rules = rules with { Redeemer = new MinimumAgeRedeemerPolicy(65, 60, Hardship.SpecialHardship) };
        if ((s.RulesChoice & 2) != 0) rules = rules with { GiftableRelationships = new HashSet<Relationship> { Relationship.Spouse, Relationship.Parent, Relationship.Child } };
        return rules;
    }

    public void Run()
    {
        for (_step = 0; _step < _script.Ops.Length; _step++)
        {
            _op = _script.Ops[_step];
            Step(_op);
            CheckAlways();
            if (_step % 40 == 39) Check(_kit.Ledger.VerifyInvariants().Count == 0, "ledger invariants: " + string.Join("; ", _kit.Ledger.VerifyInvariants()));
        }

        _step = -1;
        var violations = _kit.Ledger.VerifyInvariants();
        Check(violations.Count == 0, "ledger invariants: " + string.Join("; ", violations));
        _kit.AssertInvariants();

        // Records credit at most once: the ledger's deposits are exactly what the credited records say they deposited.
        var depositsOnLedger = _kit.Ledger.Journal
            .Where(e => e.Kind == LedgerEventKind.TransferPosted && e.Code is (int)TimeBankTransferCode.Deposit or (int)TimeBankTransferCode.DepositOverflowToPool)
            .Sum(e => e.Amount);
        var byRecords = Bank.ServiceRecords.Where(r => r.Status == ServiceRecordStatus.Credited).Sum(r => r.Credited.Minutes + r.SentToPool.Minutes);
        Check(depositsOnLedger == byRecords && byRecords == _depositedByRecords, $"deposits on the ledger {depositsOnLedger}, by records {byRecords}, by the model {_depositedByRecords}");
        Check(Bank.ServiceRecords.Where(r => r.Status == ServiceRecordStatus.Credited).Select(r => r.Id).ToHashSet().SetEquals(_credited), "credited records differ from the model");
    }

    private void Check(bool condition, string what)
    {
        if (!condition)
        {
            Assert.Fail(_step < 0 ? $"at the end: {what}\n{_script}" : $"step {_step} {_op}: {what}\n{_script}");
        }
    }

    private int N => _persons.Length;

    private VolunteerId Person(int i) => _persons[i % N];

    private bool IsMember(VolunteerId p) => Bank.TryGetMember(p, out _);

    /// <summary>Two times in three the member's own community; otherwise any place, another city included.</summary>
    private ResidenceArea Place(TimeBankOp op, VolunteerId member)
        => op.D % 3 != 0 && Bank.TryGetMember(member, out var m) ? m.Profile.Residence : Areas[op.C % Areas.Length];

    /// <summary>Two times in three, a member that fits <paramref name="fits"/> (if there is one), so operations are not
    /// mostly refused; otherwise <paramref name="otherwise"/>.</summary>
    private VolunteerId Bias(TimeBankOp op, VolunteerId otherwise, Func<TimeBankMember, bool> fits)
    {
        if (op.C % 3 == 0) return otherwise;
        var candidates = Bank.Members.Where(fits).OrderBy(m => m.Id.Value).ToList();
        return candidates.Count == 0 ? otherwise : candidates[op.B % candidates.Count].Id;
    }

    // ------------------------------------------------------------------------------------------------------------

    private sealed record State(
        Dictionary<VolunteerId, long> Balances,
        Dictionary<VolunteerId, long> Given,
        Dictionary<ServiceRecordId, ServiceRecordStatus> Statuses,
        long Pool,
        long Fund,
        long Issuing,
        long Position,
        string Relatives);

    private State Observe() => new(
        Bank.Members.ToDictionary(m => m.Id, m => Bank.GetBalance(m.Id).Minutes),
        Bank.Members.ToDictionary(m => m.Id, m => Bank.GetTotalGiven(m.Id).Minutes),
        Bank.ServiceRecords.ToDictionary(r => r.Id, r => r.Status),
        Bank.PoolBalance.Minutes,
        Bank.GuaranteeFundBalance.Minutes,
        _kit.Ledger.GetBalance(Bank.Scheme.IssuingAccountId),
        _kit.Ledger.Position,
        string.Join(";", Bank.Members.OrderBy(m => m.Id.Value).Select(m => string.Join(",", m.Relatives.OrderBy(r => r.Key.Value).Select(r => $"{r.Key}:{r.Value}")))));

    /// <summary>Checks the change from <paramref name="before"/> to now: each member's balance moved by its delta (zero if
    /// absent), the pool, fund and issuing account by theirs, the journal by <paramref name="entries"/>.</summary>
    private void Expect(State before, Dictionary<VolunteerId, long>? members = null, long pool = 0, long fund = 0, long issuing = 0, int entries = 0)
    {
        var after = Observe();
        foreach (var (id, balance) in before.Balances)
        {
            var delta = members is not null && members.TryGetValue(id, out var d) ? d : 0;
            Check(after.Balances[id] == balance + delta, $"member {id} went from {balance} to {after.Balances[id]}, expected change {delta}");
        }

        Check(after.Pool == before.Pool + pool, $"pool went from {before.Pool} to {after.Pool}, expected change {pool}");
        Check(after.Fund == before.Fund + fund, $"fund went from {before.Fund} to {after.Fund}, expected change {fund}");
        Check(after.Issuing == before.Issuing + issuing, $"issuing went from {before.Issuing} to {after.Issuing}, expected change {issuing}");
        Check(after.Position == before.Position + entries, $"journal went from {before.Position} to {after.Position}, expected {entries} new entries");
    }

    /// <summary>A refusal or an idempotent repeat: nothing at all changed.</summary>
    private void ExpectNothing(State before, string what)
    {
        Expect(before);
        var after = Observe();
        Check(after.Balances.Count == before.Balances.Count, $"{what}: the member count changed");
        Check(after.Statuses.Count == before.Statuses.Count && after.Statuses.All(s => before.Statuses[s.Key] == s.Value), $"{what}: a record changed");
        Check(after.Given.All(g => before.Given[g.Key] == g.Value), $"{what}: time given changed");
        Check(after.Relatives == before.Relatives, $"{what}: relatives changed");
    }

    private void CheckAlways()
    {
        long members = 0;
        foreach (var m in Bank.Members)
        {
            var balance = Bank.GetBalance(m.Id);
            members += balance.Minutes;
            Check(!balance.IsNegative, $"{m.Profile.Name} has a negative balance {balance}");
            if (Cap is { } cap) Check(balance <= cap, $"{m.Profile.Name} is above the cap: {balance}");
        }

        Check(!Bank.PoolBalance.IsNegative && !Bank.GuaranteeFundBalance.IsNegative, "pool or fund negative");
        var held = members + Bank.PoolBalance.Minutes + Bank.GuaranteeFundBalance.Minutes;
        Check(Bank.TimeInCirculation.Minutes == held, $"time in circulation {Bank.TimeInCirculation.Minutes} but members, pool and fund hold {held}");
        foreach (var p in _persons.Where(IsMember))
        {
            Check(Bank.GetTotalGiven(p).Minutes == _given.GetValueOrDefault(p), $"time given by {p} is {Bank.GetTotalGiven(p).Minutes}, the model says {_given.GetValueOrDefault(p)}");
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private void Step(TimeBankOp op)
    {
        var before = Observe();
        // Withdrawals are mostly small, so that they often fit the balance; sometimes the full generated amount.
        var withdrawal = op.Kind is TimeBankOpKind.Redeem or TimeBankOpKind.Gift or TimeBankOpKind.Donate or TimeBankOpKind.GrantPool or TimeBankOpKind.GrantFund;
        if (withdrawal && op.D % 4 != 0) op = op with { Minutes = 1 + (op.Minutes % 90) };
        _op = op; // failure messages show the operation as run
        var amount = TimeCredit.FromMinutes(op.Minutes);
        switch (op.Kind)
        {
            case TimeBankOpKind.Open:
            {
                var i = op.A % N;
                var profile = op.C % 5 == 0 ? _profiles[i] with { Hardship = _profiles[i].Hardship ^ Hardship.Disabled } : _profiles[i];
                var wasMember = IsMember(_persons[i]);
                var code = Bank.OpenAccount(_persons[i], profile, op.B % 4 == 0 ? null : _kit.Now);
                if (code == TimeBankResult.Ok)
                {
                    Check(!wasMember, "opened twice");
                    Expect(before, entries: 1);
                    Check(Bank.GetBalance(_persons[i]).IsZero, "a new account is not empty");
                }
                else
                {
                    Check(code is TimeBankResult.AlreadyDone or TimeBankResult.AccountExistsWithDifferentProfile or TimeBankResult.ConsentRequired, $"unexpected {code}");
                    Check(wasMember == (code != TimeBankResult.ConsentRequired), $"{code} for a person who {(wasMember ? "is" : "is not")} a member");
                    ExpectNothing(before, code.ToString());
                }

                break;
            }

            case TimeBankOpKind.Relative:
            {
                var code = Bank.RegisterRelative(Person(op.A), Person(op.B), (Relationship)((op.C % 7) + 1));
                if (code == TimeBankResult.Ok)
                {
                    Expect(before);
                }
                else
                {
                    Check(code is TimeBankResult.AlreadyDone or TimeBankResult.MemberNotFound or TimeBankResult.NotFamily, $"unexpected {code}");
                    ExpectNothing(before, code.ToString());
                }

                break;
            }

            case TimeBankOpKind.Record:
            {
                // Mostly a fresh record id; sometimes one that may be taken.
                var fresh = _records.Where(r => !Bank.TryGetServiceRecord(r, out _)).ToList();
                var slot = op.D % 4 != 0 && fresh.Count > 0 ? fresh[0] : _records[op.A % RecordSlots];
                // Mostly a well-formed record (recipient and witness other than the provider); sometimes any.
                var provider = Person(op.B);
                var recipient = op.A % 5 == 0 ? Person(op.C) : Person(op.B + 1 + (op.C % (N - 1)));
                VolunteerId? witness = (op.D % 3) switch
                {
                    0 => null,
                    1 => Person(op.B + 1 + (op.D % (N - 1))),
                    _ => Person(op.D),
                };
                var minutes = op.Minutes;
                var span = op.D % 11 == 0 && minutes > 1 ? Duration.FromMinutes(minutes - 1) : Duration.FromMinutes(minutes + ((op.A * 7) % 40)) + Duration.FromSeconds(op.B % 60);
                var start = _kit.Now - Duration.FromDays(1 + (op.C % 30)) - Duration.FromMinutes(op.D * 13);
                var details = new ServiceDetails(provider, recipient, Areas[op.D % 3], "service", Categories[(op.B + op.C) % Categories.Length], new Interval(start, start + span), amount, witness);
                var existed = Bank.TryGetServiceRecord(slot, out var old);
                var code = Bank.RecordService(slot, details);
                if (code == TimeBankResult.Ok)
                {
                    Check(!existed, "a record id recorded twice");
                    Check(minutes <= (long)span.TotalMinutes && provider != recipient && witness != provider && start + span <= _kit.Now, "a record that breaks the record rules was accepted");
                    Expect(before);
                    Check(Bank.TryGetServiceRecord(slot, out var r) && r.Status == ServiceRecordStatus.Recorded, "a new record is not Recorded");
                }
                else
                {
                    Check(code is TimeBankResult.AlreadyDone or TimeBankResult.ServiceRecordExistsWithDifferentDetails or TimeBankResult.MemberNotFound
                        or TimeBankResult.ProviderIsRecipient or TimeBankResult.WitnessIsProvider or TimeBankResult.ServiceNotEnded
                        or TimeBankResult.CreditedDurationExceedsServiceTime or TimeBankResult.DepositorTooYoung, $"unexpected {code}");
                    if (existed) Check(code == (old.Details == details ? TimeBankResult.AlreadyDone : TimeBankResult.ServiceRecordExistsWithDifferentDetails), $"{code} for an existing record");
                    ExpectNothing(before, code.ToString());
                }

                break;
            }

            case TimeBankOpKind.Confirm:
            {
                // Mostly a record still waiting for a decision; sometimes any slot (unknown, refused or credited ones).
                var waiting = _records.Where(r => Bank.TryGetServiceRecord(r, out var w) && w.Status == ServiceRecordStatus.Recorded).ToList();
                var known = _records.Where(r => Bank.TryGetServiceRecord(r, out _)).ToList();
                var slot = op.D % 4 != 0 && waiting.Count > 0 ? waiting[op.A % waiting.Count]
                    : op.D % 4 != 0 && known.Count > 0 ? known[op.A % known.Count]
                    : _records[op.A % RecordSlots];
                var exists = Bank.TryGetServiceRecord(slot, out var record);
                var confirmer = !exists ? Person(op.C) : (op.B % 4) switch
                {
                    0 or 1 => record.Details.Recipient,
                    2 => record.Details.Witness ?? record.Details.Recipient,
                    _ => Person(op.C),
                };
                var statusBefore = exists ? record.Status : (ServiceRecordStatus?)null;
                var outcome = Bank.ConfirmService(slot, confirmer);
                if (outcome.Code == TimeBankResult.Ok)
                {
                    Check(statusBefore == ServiceRecordStatus.Recorded, $"a {statusBefore} record was credited");
                    Check(_credited.Add(slot), "a record credited twice");
                    var credit = Bank.Scheme.Rules.CreditRate.CreditFor(record.Details);
                    Check(outcome.Credited + outcome.ToPool == credit, $"credited {outcome.Credited} + pool {outcome.ToPool} is not the rate's {credit}");
                    Check(!outcome.Credited.IsNegative && !outcome.ToPool.IsNegative, "negative deposit");
                    if (Bank.Scheme.Rules.Cap.Overflow == CapOverflow.Refuse) Check(outcome.ToPool.IsZero, "overflow pooled under CapOverflow.Refuse");
                    if (outcome.ToPool.IsPositive) Check(Cap is { } c && Bank.GetBalance(record.Details.Provider) == c, "overflow although the member is below the cap");
                    var provider = record.Details.Provider;
                    _given[provider] = _given.GetValueOrDefault(provider) + credit.Minutes;
                    _depositedByRecords += credit.Minutes;
                    var legs = (outcome.Credited.IsPositive ? 1 : 0) + (outcome.ToPool.IsPositive ? 1 : 0);
                    Expect(before, new() { [provider] = outcome.Credited.Minutes }, pool: outcome.ToPool.Minutes, issuing: -credit.Minutes, entries: legs);
                    Check(record.Status == ServiceRecordStatus.Credited && record.Credited == outcome.Credited && record.SentToPool == outcome.ToPool, "the record does not show the deposit");
                }
                else
                {
                    Check(outcome.Code is TimeBankResult.AlreadyDone or TimeBankResult.ServiceRecordNotFound or TimeBankResult.ConfirmerNotRecipientOrWitness
                        or TimeBankResult.ServiceRefused or TimeBankResult.AccountCapReached or TimeBankResult.LedgerRejected, $"unexpected {outcome.Code}");
                    if (outcome.Code == TimeBankResult.AlreadyDone) Check(_credited.Contains(slot), "AlreadyDone for a record never credited");
                    if (outcome.Code == TimeBankResult.ServiceRefused) Check(statusBefore == ServiceRecordStatus.Refused, "ServiceRefused for a record not refused");
                    if (outcome.Code == TimeBankResult.AccountCapReached) Check(Bank.Scheme.Rules.Cap.Overflow == CapOverflow.Refuse, "cap refusal while overflow goes to the pool");
                    ExpectNothing(before, outcome.Code.ToString());
                }

                break;
            }

            case TimeBankOpKind.Refuse:
            {
                var waiting = _records.Where(r => Bank.TryGetServiceRecord(r, out var w) && w.Status == ServiceRecordStatus.Recorded).ToList();
                var slot = op.D % 3 != 0 && waiting.Count > 0 ? waiting[op.A % waiting.Count] : _records[op.A % RecordSlots];
                var exists = Bank.TryGetServiceRecord(slot, out var record);
                var by = exists && op.B % 2 == 0 ? record.Details.Recipient : Person(op.C);
                var code = Bank.RefuseService(slot, by, "not as recorded");
                if (code == TimeBankResult.Ok)
                {
                    Check(!_credited.Contains(slot), "a credited record was refused");
                    Expect(before);
                    Check(record.Status == ServiceRecordStatus.Refused, "a refused record is not Refused");
                }
                else
                {
                    Check(code is TimeBankResult.AlreadyDone or TimeBankResult.ServiceRecordNotFound or TimeBankResult.ConfirmerNotRecipientOrWitness or TimeBankResult.ServiceAlreadyConfirmed, $"unexpected {code}");
                    ExpectNothing(before, code.ToString());
                }

                break;
            }

            case TimeBankOpKind.Redeem:
            {
                var member = Bias(op, Person(op.B), m => Bank.Scheme.Rules.Redeemer.Check(m.Profile, _kit.Today) == TimeBankResult.Ok);
                var outcome = Bank.Redeem(_transfers[op.A % TransferSlots], member, amount, Place(op, member), "service received");
                Withdrawal(before, outcome, new() { [member] = -op.Minutes }, issuing: op.Minutes, -amount);
                break;
            }

            case TimeBankOpKind.Gift:
            {
                var from = Bias(op, Person(op.B), m => m.Relatives.Count > 0);
                var to = Person(op.C);
                if (op.D % 3 != 0 && Bank.TryGetMember(from, out var giver) && giver.Relatives.Count > 0)
                {
                    to = giver.Relatives.Keys.OrderBy(k => k.Value).ElementAt(op.C % giver.Relatives.Count);
                }

                var outcome = Bank.GiveToFamily(_transfers[op.A % TransferSlots], from, to, amount);
                if (outcome.Code == TimeBankResult.Ok) Check(from != to, "a gift to oneself");
                Withdrawal(before, outcome, new() { [from] = -op.Minutes, [to] = op.Minutes }, 0, -amount);
                break;
            }

            case TimeBankOpKind.Donate:
            {
                var from = Person(op.B);
                var outcome = Bank.DonateToPool(_transfers[op.A % TransferSlots], from, amount);
                Withdrawal(before, outcome, new() { [from] = -op.Minutes }, 0, -amount, pool: op.Minutes);
                break;
            }

            case TimeBankOpKind.GrantPool:
            {
                var to = Bias(op, Person(op.B), m => Bank.Scheme.Rules.GrantRecipient.Check(m.Profile, _kit.Today) == TimeBankResult.Ok);
                var outcome = Bank.GrantFromPool(_transfers[op.A % TransferSlots], to, amount);
                Withdrawal(before, outcome, new() { [to] = op.Minutes }, 0, amount, pool: -op.Minutes);
                break;
            }

            case TimeBankOpKind.GrantFund:
            {
                var to = Bias(op, Person(op.B), m => Bank.Scheme.Rules.GrantRecipient.Check(m.Profile, _kit.Today) == TimeBankResult.Ok);
                var outcome = Bank.GrantFromGuaranteeFund(_transfers[op.A % TransferSlots], to, amount);
                Withdrawal(before, outcome, new() { [to] = op.Minutes }, 0, amount, fund: -op.Minutes);
                break;
            }

            case TimeBankOpKind.Fund:
            {
                var outcome = Bank.FundGuarantee(_transfers[op.A % TransferSlots], amount);
                Withdrawal(before, outcome, null, -op.Minutes, TimeCredit.Zero, fund: op.Minutes);
                break;
            }

            case TimeBankOpKind.Freeze:
            {
                // Freeze one member's account, or (more often) unfreeze every frozen one.
                foreach (var m in Bank.Members)
                {
                    Check(_kit.Ledger.TryGetAccount(m.AccountId, out var account), "a member without a ledger account");
                    if (op.D % 3 == 0 && m.Id == Person(op.A) && !account.IsFrozen) Check(_kit.Ledger.FreezeAccount(m.AccountId) == AccountResult.Ok, "freeze failed");
                    if (op.D % 3 != 0 && account.IsFrozen) Check(_kit.Ledger.UnfreezeAccount(m.AccountId) == AccountResult.Ok, "unfreeze failed");
                }

                break;
            }

            case TimeBankOpKind.Advance:
                _kit.Advance(Duration.FromHours(1 + (op.Minutes % 2000)));
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    /// <summary>Checks a single-transfer operation: on Ok the balances moved exactly as given and the outcome reports
    /// the member's change; on anything else (a repeat included) nothing changed.</summary>
    private void Withdrawal(State before, TimeBankOutcome outcome, Dictionary<VolunteerId, long>? members, long issuing, TimeCredit reported, long pool = 0, long fund = 0)
    {
        if (outcome.Code == TimeBankResult.Ok)
        {
            Check(outcome.LedgerResult == TransferResult.Ok, $"Ok with ledger result {outcome.LedgerResult}");
            Check(outcome.Credited == reported, $"reported {outcome.Credited}, expected {reported}");
            Expect(before, members, pool, fund, issuing, entries: 1);
        }
        else
        {
            Check(outcome.Code is TimeBankResult.AlreadyDone or TimeBankResult.MemberNotFound or TimeBankResult.RedeemerTooYoung
                or TimeBankResult.OutsideRedemptionScope or TimeBankResult.NotFamily or TimeBankResult.NotEligibleForGrant
                or TimeBankResult.InsufficientCredit or TimeBankResult.AccountCapReached or TimeBankResult.LedgerRejected, $"unexpected {outcome.Code}");
            if (outcome.Code == TimeBankResult.InsufficientCredit) Check(outcome.LedgerResult == TransferResult.ExceedsFloor, "InsufficientCredit without ExceedsFloor");
            if (outcome.Code == TimeBankResult.AlreadyDone) Check(outcome.LedgerResult == TransferResult.Exists, "AlreadyDone without Exists");
            ExpectNothing(before, outcome.Code.ToString());
        }
    }
}

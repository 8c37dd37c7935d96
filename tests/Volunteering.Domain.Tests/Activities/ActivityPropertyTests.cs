using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;
using static Volunteering.Domain.Tests.Activities.ActivityTestKit;

namespace Volunteering.Domain.Tests.Activities;

/// <summary>Random sequences of activity commands — sign-ups, withdrawals, check-ins and check-outs, service entries
/// (on time and late), evaluations, confirmations, verifications from two desks on one store, corrections requested,
/// accepted (as proposed or amended) and rejected, and time redeemed from members' accounts, while the clock runs from
/// before the activities to after their recording deadline — checked
/// after every step against a small model: every refusal and every repeat writes nothing; each participation's credited
/// time and verification are what the successful commands made them; the hours on the ledger equal the verified
/// participations' credited time, net of corrections (per volunteer, in the pool and in total); repeating every
/// verification from either desk changes nothing; and the store's ledger passes the audit.</summary>
public class ActivityPropertyTests
{
    [Property(MaxTest = 150, Arbitrary = new[] { typeof(ActivityArbitraries) })]
    public async Task Random_commands_keep_the_ledger_equal_to_the_verified_service_time(ActivityScript script)
        => await new ActivityScriptRunner(script).RunAsync();

    [Fact]
    public async Task Long_fixed_scripts_run_clean()
    {
        // Deterministic scripts (linear congruential sequences, the same on every run) with every kind of command and a
        // short story woven in, each under the three cap modes.
        var kinds = ActivityArbitraries.Weights.SelectMany(w => Enumerable.Repeat(w.Kind, w.Weight)).ToArray();
        var outcomes = new Dictionary<string, int>();
        for (ulong seed = 1; seed <= 6; seed++)
        {
            var x = seed;
            int Next(int bound)
            {
                x = (x * 6364136223846793005UL) + 1442695040888963407UL;
                return (int)((x >> 33) % (ulong)bound);
            }

            var ops = new List<ActivityOp>();
            for (var i = 0; i < 300; i++) ops.Add(new ActivityOp(kinds[Next(kinds.Length)], Next(3), Next(4), 1 + Next(200), Next(11)));

            // Woven in: two volunteers attend the first activity (at the start of the script, on its day), and after it
            // ends (45% in) each is recorded, confirmed, verified (by either desk) and then corrected.
            ActivityOp[] attend = [new(ActivityOpKind.SignUp, 0, 0, 1, 1), new(ActivityOpKind.CheckIn, 0, 0, 1, 5), new(ActivityOpKind.CheckOut, 0, 0, 1, 5),
                new(ActivityOpKind.SignUp, 0, 1, 1, 1), new(ActivityOpKind.CheckIn, 0, 1, 1, 5), new(ActivityOpKind.CheckOut, 0, 1, 1, 5)];
            ActivityOp[] credit = [new(ActivityOpKind.Record, 0, 0, 120, 1), new(ActivityOpKind.Confirm, 0, 0, 1, 2), new(ActivityOpKind.Verify, 0, 0, 1, 1),
                new(ActivityOpKind.Request, 0, 0, 150, 5), new(ActivityOpKind.Accept, 0, 0, 1, 1), new(ActivityOpKind.Record, 0, 1, 90, 1),
                new(ActivityOpKind.Confirm, 0, 1, 1, 4), new(ActivityOpKind.VerifyOther, 0, 1, 1, 1), new(ActivityOpKind.Request, 0, 1, 60, 3),
                new(ActivityOpKind.AcceptAmended, 0, 1, 75, 1)];
            for (var i = 0; i < attend.Length; i++) ops[i] = attend[i];
            for (var i = 0; i < credit.Length; i++) ops[135 + i] = credit[i];
            foreach (var cap in new[] { 0, 1, 2 })
            {
                var runner = new ActivityScriptRunner(new ActivityScript(cap, cap == 2, [.. ops]));
                await runner.RunAsync();
                foreach (var (key, count) in runner.Outcomes) outcomes[key] = outcomes.GetValueOrDefault(key) + count;
            }
        }

        // The scripts must keep exercising what they check: credits from both desks, corrections of credited
        // participations, and many kinds of refusal.
        var seen = string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"));
        Assert.True(outcomes.GetValueOrDefault("Verify Ok") >= 5 && outcomes.GetValueOrDefault("VerifyOther Ok") >= 1, seen);
        Assert.True(outcomes.GetValueOrDefault("Recredit") >= 2, seen);
        Assert.True(outcomes.Keys.Count(k => !k.EndsWith(" Ok", StringComparison.Ordinal)) >= 30, seen);
    }
}

public enum ActivityOpKind
{
    SignUp,
    Withdraw,
    CheckIn,
    CheckOut,
    Record,
    RecordLate,
    Evaluate,
    Confirm,
    Verify,
    VerifyOther,
    Request,
    Accept,
    AcceptAmended,
    Reject,
    Spend,
}

/// <summary>One command: <paramref name="A"/> picks the activity, <paramref name="S"/> the participation slot (and so
/// the volunteer, unless <paramref name="D"/> is 10), <paramref name="M"/> minutes, <paramref name="D"/> a small
/// variation (offsets, ratings, ...).</summary>
public readonly record struct ActivityOp(ActivityOpKind Kind, int A, int S, int M, int D)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}(a{A},s{S},{M}m,{D})");
}

/// <summary>A script: the cap mode (0 none, 1 four hours with the excess to the pool, 2 four hours refused), whether
/// verification needs a confirmation, and the commands.</summary>
public sealed record ActivityScript(int CapMode, bool RequireConfirmation, ActivityOp[] Ops)
{
    public override string ToString() => $"cap {CapMode}, confirm {RequireConfirmation}: {string.Join(", ", Ops)}";
}

public static class ActivityArbitraries
{
    /// <summary>How often each command comes up.</summary>
    public static readonly (ActivityOpKind Kind, int Weight)[] Weights =
    [
        (ActivityOpKind.SignUp, 4), (ActivityOpKind.Withdraw, 1), (ActivityOpKind.CheckIn, 4), (ActivityOpKind.CheckOut, 2),
        (ActivityOpKind.Record, 5), (ActivityOpKind.RecordLate, 1), (ActivityOpKind.Evaluate, 1), (ActivityOpKind.Confirm, 2),
        (ActivityOpKind.Verify, 4), (ActivityOpKind.VerifyOther, 2), (ActivityOpKind.Request, 4), (ActivityOpKind.Accept, 3),
        (ActivityOpKind.AcceptAmended, 1), (ActivityOpKind.Reject, 1), (ActivityOpKind.Spend, 1),
    ];

    private static readonly Gen<ActivityOpKind> KindGen = Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))).ToArray());

    private static readonly Gen<ActivityOp> OpGen =
        from kind in KindGen
        from a in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from s in Gen.Choose(0, 3)
        from m in Gen.Frequency((6, Gen.Choose(30, 180)), (2, Gen.Choose(1, 29)), (1, Gen.Choose(181, 240)))
        from d in Gen.Choose(0, 10)
        select new ActivityOp(kind, a, s, m, d);

    private static readonly Gen<ActivityScript> ScriptGen =
        from cap in Gen.Choose(0, 2)
        from confirm in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from length in Gen.Sized(size => Gen.Choose(10, 25 + size))
        from ops in Gen.ArrayOf(OpGen, length)
        select new ActivityScript(cap, confirm, ops);

    public static Arbitrary<ActivityScript> Script() => Arb.From(ScriptGen, Shrink);

    private static IEnumerable<ActivityScript> Shrink(ActivityScript script)
    {
        var ops = script.Ops;
        if (ops.Length == 0) yield break;
        if (ops.Length > 1)
        {
            yield return script with { Ops = ops[..(ops.Length / 2)] };
            yield return script with { Ops = ops[(ops.Length / 2)..] };
        }

        for (var i = ops.Length - 1; i >= 0; i--) yield return script with { Ops = [.. ops[..i], .. ops[(i + 1)..]] };
    }
}

/// <summary>Runs a script on a fresh store with two desks and checks every step.</summary>
internal sealed class ActivityScriptRunner(ActivityScript script)
{
    private static readonly int[] Ages = [30, 45, 16, 70];

    private readonly Dictionary<ParticipationId, long> _credited = [];
    private readonly HashSet<ParticipationId> _verified = [];
    private readonly long[] _spent = new long[Ages.Length];
    private readonly ParticipationId[,] _slots = new ParticipationId[3, 4];
    private readonly ActivityId[] _activities = new ActivityId[3];
    private readonly VolunteerId[] _volunteers = new VolunteerId[Ages.Length];
    private ActivityTestKit _kit = null!;

    /// <summary>How often each command answered each code ("Verify Ok": 3, ...).</summary>
    public Dictionary<string, int> Outcomes { get; } = [];
    private ActivityDesk _other = null!;

    /// <summary>Runs the script; returns how many participations ended verified.</summary>
    public async Task<int> RunAsync()
    {
        var bankRules = script.CapMode switch
        {
            0 => new TimeBankRules { Cap = AccountCapPolicy.None },
            1 => new TimeBankRules { Cap = new AccountCapPolicy { Cap = TimeCredit.FromHours(4), Overflow = CapOverflow.DonateToPool } },
            _ => new TimeBankRules { Cap = new AccountCapPolicy { Cap = TimeCredit.FromHours(4), Overflow = CapOverflow.Refuse } },
        };
        _kit = await CreateAsync(new ActivityRules { RequireConfirmation = script.RequireConfirmation }, bankRules);
        _other = await _kit.SecondDeskAsync();
        for (var i = 0; i < Ages.Length; i++) _volunteers[i] = _kit.Volunteer(Ages[i]);
        _activities[0] = await _kit.PlanAsync(Details(capacity: 4));
        _activities[1] = await _kit.PlanAsync(Details(capacity: 3, kind: ActivityKind.DoorToDoorService, start: new LocalDateTime(2026, 6, 15, 18, 0), end: new LocalDateTime(2026, 6, 15, 20, 0), name: "Evening visits"));
        _activities[2] = await _kit.PlanAsync(Details(capacity: 5, service: false, kind: ActivityKind.Performance, name: "Gala"));
        for (var a = 0; a < 3; a++)
        {
            for (var s = 0; s < 4; s++) _slots[a, s] = ParticipationId.New();
        }

        for (var i = 0; i < script.Ops.Length; i++)
        {
            _kit.Clock.Reset(TimeAt(i, script.Ops.Length));
            await StepAsync(script.Ops[i]);
            await CheckAsync(script.Ops[i]);
        }

        await RepeatVerificationsAsync();
        await _kit.AssertAuditCleanAsync();
        return _verified.Count;
    }

    /// <summary>Time follows the script: the first 40% of its commands run on the activities' day before the last one
    /// ends (10:00 to 20:00), the next half over the two weeks of the recording deadline, the rest in the ten days after.</summary>
    private static Instant TimeAt(int index, int count)
    {
        var f = (double)index / count;
        var morning = At(Morning);
        if (f < 0.4) return morning + Duration.FromMinutes(Math.Floor(f / 0.4 * 600));
        var evening = morning + Duration.FromHours(10);
        if (f < 0.9) return evening + Duration.FromMinutes(Math.Floor((f - 0.4) / 0.5 * 14 * 1440));
        return evening + Duration.FromDays(14) + Duration.FromMinutes(Math.Floor((f - 0.9) / 0.1 * 10 * 1440));
    }

    private async Task StepAsync(ActivityOp op)
    {
        var id = _activities[op.A];
        var p = _slots[op.A, op.S];
        var activity = await _kit.LoadAsync(id);
        activity.TryGetParticipation(p, out var participation);
        var desk = _kit.Desk;
        var before = await _kit.Store.GetPositionAsync();
        ActivityResult result;
        switch (op.Kind)
        {
            case ActivityOpKind.Spend:
                var spender = op.S % Ages.Length;
                var redeem = TransferRequest.Post(TransferId.New(), _kit.Scheme.MemberAccountId(_volunteers[spender]), _kit.Scheme.IssuingAccountId, op.M, (int)TimeBankTransferCode.Redemption, "redeemed");
                var spent = await _kit.Ledger.ExecuteAsync(l =>
                {
                    var results = new TransferResult[1];
                    return l.SubmitLinked([redeem], results);
                });
                if (spent == TransferResult.Ok) _spent[spender] += op.M;
                return;
            case ActivityOpKind.SignUp:
                result = await desk.SignUpAsync(id, p, _volunteers[(op.S + (op.D == 10 ? 1 : 0)) % Ages.Length]);
                break;
            case ActivityOpKind.Withdraw:
                result = await desk.WithdrawAsync(id, p);
                break;
            case ActivityOpKind.CheckIn:
                result = await desk.CheckInAsync(id, p, activity.Details.StartInstant + Duration.FromMinutes((op.D * 6) - 30));
                break;
            case ActivityOpKind.CheckOut:
                result = await desk.CheckOutAsync(id, p, activity.Details.EndInstant + Duration.FromMinutes((op.D * 6) - 30));
                break;
            case ActivityOpKind.Record:
            case ActivityOpKind.RecordLate:
                result = await desk.RecordServiceTimeAsync(id, p, TimeCredit.FromMinutes(op.M), op.Kind == ActivityOpKind.RecordLate ? "sheet found late" : null);
                if (result == ActivityResult.Ok) _credited[p] = op.M;
                break;
            case ActivityOpKind.Evaluate:
                result = await desk.EvaluateAsync(id, p, op.D % 7, op.D > 7 ? "evaluated late" : null);
                break;
            case ActivityOpKind.Confirm:
                result = await desk.ConfirmAsync(id, p, op.D % 2 == 0 ? Leader : _volunteers[(op.S + op.D) % Ages.Length], op.D % 3 == 0 ? ConfirmerRole.Recipient : ConfirmerRole.Witness);
                break;
            case ActivityOpKind.Verify:
            case ActivityOpKind.VerifyOther:
                result = await (op.Kind == ActivityOpKind.Verify ? desk : _other).VerifyAsync(id, p);
                if (result == ActivityResult.Ok) Assert.True(_verified.Add(p), $"{p} was verified twice.");
                break;
            case ActivityOpKind.Request:
                var by = participation?.Volunteer ?? _volunteers[op.S % Ages.Length];
                result = await desk.RequestCorrectionAsync(id, p, by, op.D == 0 ? " " : "wrong time", TimeCredit.FromMinutes(op.M));
                break;
            case ActivityOpKind.Accept:
            case ActivityOpKind.AcceptAmended:
                var sequence = participation?.Corrections.Count ?? 1;
                TimeCredit? amended = op.Kind == ActivityOpKind.AcceptAmended ? TimeCredit.FromMinutes(op.M) : null;
                result = await desk.AcceptCorrectionAsync(id, p, sequence, "checked", amended);
                if (result == ActivityResult.Ok)
                {
                    _credited[p] = (amended ?? participation!.Corrections[sequence - 1].ProposedCreditedTime).Minutes;
                    if (participation!.IsVerified) Outcomes["Recredit"] = Outcomes.GetValueOrDefault("Recredit") + 1;
                }

                break;
            case ActivityOpKind.Reject:
                result = await desk.RejectCorrectionAsync(id, p, participation?.Corrections.Count ?? 1, "not supported by the sheet");
                break;
            default:
                throw new InvalidOperationException(op.Kind.ToString());
        }

        var key = $"{op.Kind} {result}";
        Outcomes[key] = Outcomes.GetValueOrDefault(key) + 1;
        var after = await _kit.Store.GetPositionAsync();
        if (result == ActivityResult.Ok) Assert.True(after > before, $"{op} answered Ok and wrote nothing.");
        else Assert.True(after == before, $"{op} answered {result} and wrote {after - before} records.");
    }

    private async Task CheckAsync(ActivityOp op)
    {
        var deposited = new long[Ages.Length];
        long toPool = 0, total = 0;
        foreach (var id in _activities)
        {
            foreach (var p in (await _kit.LoadAsync(id)).Participations)
            {
                Assert.Equal(_credited.TryGetValue(p.Id, out var m) ? m : null, p.CreditedTime?.Minutes);
                Assert.Equal(_verified.Contains(p.Id), p.IsVerified);
                if (!p.IsVerified)
                {
                    Assert.Equal((TimeCredit.Zero, TimeCredit.Zero), (p.Deposited, p.ToPool));
                    continue;
                }

                Assert.Equal(p.CreditedTime, p.Deposited + p.ToPool);
                deposited[Array.IndexOf(_volunteers, p.Volunteer)] += p.Deposited.Minutes;
                toPool += p.ToPool.Minutes;
                total += p.CreditedTime!.Value.Minutes;
            }
        }

        for (var v = 0; v < Ages.Length; v++)
        {
            Assert.True(deposited[v] - _spent[v] == await _kit.BalanceAsync(_volunteers[v]), $"After {op}: volunteer {v} holds {await _kit.BalanceAsync(_volunteers[v])}, expected {deposited[v]} - {_spent[v]} spent.");
        }

        Assert.Equal(toPool, await _kit.PoolAsync());
        Assert.Equal(total - _spent.Sum(), await _kit.IssuedAsync());
    }

    private async Task RepeatVerificationsAsync()
    {
        var before = await _kit.Store.GetPositionAsync();
        var balances = new List<long>();
        foreach (var v in _volunteers) balances.Add(await _kit.BalanceAsync(v));
        var third = await _kit.SecondDeskAsync();
        foreach (var desk in new[] { _kit.Desk, _other, third })
        {
            for (var a = 0; a < 3; a++)
            {
                for (var s = 0; s < 4; s++)
                {
                    var p = _slots[a, s];
                    if (_verified.Contains(p)) Assert.Equal(ActivityResult.AlreadyDone, await desk.VerifyAsync(_activities[a], p));
                }
            }
        }

        Assert.Equal(before, await _kit.Store.GetPositionAsync());
        var after = new List<long>();
        foreach (var v in _volunteers) after.Add(await _kit.BalanceAsync(v));
        Assert.Equal(balances, after);
    }
}

using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;
using static Volunteering.Domain.Tests.Activities.ActivityTestKit;

namespace Volunteering.Domain.Tests.Activities;

/// <summary>Verification credits the time bank exactly once per participation, across repeats, desks and races; the
/// time bank's rules apply; corrections reverse and recredit, never edit.</summary>
public class ActivityCreditingTests
{
    private static TimeCredit Minutes(long m) => TimeCredit.FromMinutes(m);

    private static TimeBankRules Cap(long hours, CapOverflow overflow) => new() { Cap = new AccountCapPolicy { Cap = TimeCredit.FromHours(hours), Overflow = overflow } };

    // ------------------------------------------------------------------------------------------------------------
    // Exactly once
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Verification_credits_the_volunteer_once_with_a_transfer_id_derived_from_the_participation()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.VerifiedAsync(id, v, 165);

        Assert.Equal(165, await kit.BalanceAsync(v));
        Assert.Equal(165, await kit.IssuedAsync());
        var credit = await kit.TransferAsync(ActivityCrediting.CreditTransferId(p, 0, toPool: false));
        Assert.Equal(
            (kit.Scheme.IssuingAccountId, kit.Scheme.MemberAccountId(v), 165L, (int)TimeBankTransferCode.ActivityService, "Riverside clean-up"),
            (credit.DebitAccountId, credit.CreditAccountId, credit.Amount, credit.Code, credit.Memo));
        Assert.NotNull(await kit.Store.FindItemAsync(new ItemKey(Activity.VerifiedScope, p.Value)));

        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal((ParticipationStatus.Verified, Minutes(165), TimeCredit.Zero, 0, kit.Now), (participation.Status, participation.Deposited, participation.ToPool, participation.CreditSequence, participation.VerifiedAt!.Value));

        var position = await kit.Store.GetPositionAsync();
        Assert.Equal(ActivityResult.AlreadyDone, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(ActivityResult.AlreadyDone, await (await kit.SecondDeskAsync()).VerifyAsync(id, p));
        Assert.Equal(position, await kit.Store.GetPositionAsync());
        Assert.Equal(165, await kit.BalanceAsync(v));
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task A_verification_that_loses_the_race_to_another_desk_answers_AlreadyDone_and_credits_nothing()
    {
        InterceptingStore? interceptor = null;
        var kit = await CreateAsync(deskStore: s => interceptor = new InterceptingStore(s));
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(180)));

        // Between this desk's load and its save, a desk in another process verifies the same participation.
        var other = await kit.SecondDeskAsync();
        var otherResult = ActivityResult.LedgerRejected;
        interceptor!.BeforeAppend = async () => otherResult = await other.VerifyAsync(id, p);
        Assert.Equal(ActivityResult.AlreadyDone, await kit.Desk.VerifyAsync(id, p));

        Assert.Equal(ActivityResult.Ok, otherResult);
        Assert.Equal(1, interceptor.Conflicts);
        Assert.Equal(180, await kit.BalanceAsync(v));
        Assert.Equal(180, await kit.IssuedAsync());
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task Desks_verifying_in_parallel_threads_credit_once()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var volunteers = Enumerable.Range(0, 4).Select(_ => kit.Volunteer()).ToArray();
        var participations = new List<ParticipationId>();
        foreach (var v in volunteers) participations.Add(await kit.AttendAsync(id, v));
        kit.AfterEnd();
        foreach (var p in participations) Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(100)));

        // Four writers, each with its own desk and ledger, verify every participation at the same time.
        var desks = new List<ActivityDesk>();
        for (var i = 0; i < 4; i++)
        {
            desks.Add(new ActivityDesk(kit.Store, await PersistentLedger.OpenAsync(kit.Store, kit.Clock), kit.Scheme, kit.Profiles, kit.Clock, kit.Rules) { MaxAttempts = 100 });
        }

        var perDesk = await Task.WhenAll(desks.Select(d => Task.Run(async () =>
        {
            var answers = new List<ActivityResult>();
            foreach (var p in participations) answers.Add(await d.VerifyAsync(id, p));
            return answers;
        })));
        var results = perDesk.SelectMany(r => r).ToList();

        Assert.All(results, r => Assert.True(r is ActivityResult.Ok or ActivityResult.AlreadyDone, r.ToString()));
        Assert.Equal(participations.Count, results.Count(r => r == ActivityResult.Ok));
        foreach (var v in volunteers) Assert.Equal(100, await kit.BalanceAsync(v));
        Assert.Equal(400, await kit.IssuedAsync());
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task A_unit_of_work_that_loses_the_race_stores_neither_the_verification_nor_the_credit()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(180)));

        var stale = await kit.LoadAsync(id);
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordBeneficiariesAsync(id, 12));   // another writer moves the activity on
        var crediting = new ActivityCrediting(kit.Scheme, kit.Ledger.Ledger);
        var profile = await kit.Profiles.FindAsync(v);
        Assert.Equal(ActivityResult.Ok, stale.Verify(p, kit.Now, kit.Rules, q => crediting.CreditVerified(stale, q, profile)));
        Assert.True(kit.Ledger.Ledger.TryGetTransfer(ActivityCrediting.CreditTransferId(p, 0, false), out _));

        var saved = await new UnitOfWork(kit.Store).Add(stale).AddLedger(kit.Ledger).CommitAsync();
        Assert.Equal(AppendStatus.WrongExpectedVersion, saved.Status);
        Assert.Null(await kit.Store.FindTransferAsync(ActivityCrediting.CreditTransferId(p, 0, false)));
        Assert.Null(await kit.Store.FindItemAsync(new ItemKey(Activity.VerifiedScope, p.Value)));
        Assert.Equal(0, await kit.BalanceAsync(v));

        // The desk, deciding again on fresh state, stores both.
        Assert.Equal(ActivityResult.Ok, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(180, await kit.BalanceAsync(v));
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task A_desk_that_loses_every_attempt_throws_and_writes_nothing()
    {
        InterceptingStore? interceptor = null;
        var kit = await CreateAsync(deskStore: s => interceptor = new InterceptingStore(s));
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(180)));

        var other = await kit.SecondDeskAsync();
        var count = 0;
        interceptor!.KeepHook = true;
        interceptor.BeforeAppend = async () => Assert.Equal(ActivityResult.Ok, await other.RecordBeneficiariesAsync(id, ++count));
        var desk = new ActivityDesk(interceptor, kit.Ledger, kit.Scheme, kit.Profiles, kit.Clock, kit.Rules) { MaxAttempts = 3 };
        await Assert.ThrowsAsync<ActivityConcurrencyException>(async () => await desk.VerifyAsync(id, p));

        Assert.Equal((3, 3), (count, interceptor.Conflicts));
        Assert.Equal(0, await kit.BalanceAsync(v));
        Assert.False((await kit.ParticipationAsync(id, p)).IsVerified);
        await kit.AssertAuditCleanAsync();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The time bank's rules
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Volunteers_under_the_depositor_age_on_the_activitys_date_are_not_credited()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var young = kit.Volunteer(17);
        var adult = kit.Volunteer(18);
        var p = await kit.AttendAsync(id, young);
        var q = await kit.AttendAsync(id, adult);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(120)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, q, Minutes(120)));
        var position = await kit.Store.GetPositionAsync();
        Assert.Equal(ActivityResult.DepositorTooYoung, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(position, await kit.Store.GetPositionAsync());
        Assert.Equal(ActivityResult.Ok, await kit.Desk.VerifyAsync(id, q));
        Assert.Equal((0L, 120L), (await kit.BalanceAsync(young), await kit.BalanceAsync(adult)));
    }

    [Fact]
    public async Task Without_a_profile_or_with_a_policy_that_refuses_nothing_is_credited()
    {
        var kit = await CreateAsync(bankRules: new TimeBankRules { Depositor = new RefuseAll() });
        var id = await kit.PlanAsync();
        var unknown = VolunteerId.New();
        var known = kit.Volunteer();
        var p = await kit.AttendAsync(id, unknown);
        var q = await kit.AttendAsync(id, known);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(60)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, q, Minutes(60)));
        var position = await kit.Store.GetPositionAsync();
        Assert.Equal(ActivityResult.ProfileNotFound, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(ActivityResult.DepositorNotEligible, await kit.Desk.VerifyAsync(id, q));
        Assert.Equal(position, await kit.Store.GetPositionAsync());
    }

    [Fact]
    public async Task Above_the_cap_the_excess_goes_to_the_pool_and_a_correction_takes_it_back_from_there()
    {
        var kit = await CreateAsync(bankRules: Cap(2, CapOverflow.DonateToPool));
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.VerifiedAsync(id, v, 180);
        Assert.Equal((120L, 60L), (await kit.BalanceAsync(v), await kit.PoolAsync()));
        var credited = await kit.TransferAsync(ActivityCrediting.CreditTransferId(p, 0, toPool: true));
        Assert.Equal((60L, (int)TimeBankTransferCode.ActivityServiceOverflowToPool), (credited.Amount, credited.Code));
        Assert.Equal((Minutes(120), Minutes(60)), ((await kit.ParticipationAsync(id, p)).Deposited, (await kit.ParticipationAsync(id, p)).ToPool));

        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "I left at 15:00", Minutes(60)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.AcceptCorrectionAsync(id, p, 1, "the leader agrees"));
        Assert.Equal((60L, 0L, 60L), (await kit.BalanceAsync(v), await kit.PoolAsync(), await kit.IssuedAsync()));
        Assert.Equal(60, (await kit.TransferAsync(ActivityCrediting.ReversalTransferId(p, 1, toPool: true))).Amount);
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task A_scheme_that_refuses_the_excess_refuses_the_verification_with_AccountCapReached()
    {
        var kit = await CreateAsync(bankRules: Cap(2, CapOverflow.Refuse));
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        var q = await kit.AttendAsync(id, kit.Volunteer());
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(121)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, q, Minutes(120)));
        var position = await kit.Store.GetPositionAsync();
        Assert.Equal(ActivityResult.AccountCapReached, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(position, await kit.Store.GetPositionAsync());
        Assert.Equal(ActivityResult.Ok, await kit.Desk.VerifyAsync(id, q));   // exactly the cap fits
    }

    // ------------------------------------------------------------------------------------------------------------
    // Corrections on the ledger
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_accepted_correction_reverses_the_live_credit_and_credits_anew_keeping_the_original_entries()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.VerifiedAsync(id, v, 120);

        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "I also set up the stall", Minutes(170)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.AcceptCorrectionAsync(id, p, 1, "confirmed by the leader"));
        Assert.Equal(170, await kit.BalanceAsync(v));

        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "the stall was 20 minutes less", Minutes(150)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.AcceptCorrectionAsync(id, p, 2, "agreed"));
        Assert.Equal((150L, 150L), (await kit.BalanceAsync(v), await kit.IssuedAsync()));

        // Every credit and reversal is on the ledger, linked: credit 0 reversed by correction 1, credit 1 by correction 2.
        var credits = new List<long>();
        foreach (var s in new[] { 0, 1, 2 }) credits.Add((await kit.TransferAsync(ActivityCrediting.CreditTransferId(p, s, false))).Amount);
        Assert.Equal([120L, 170L, 150L], credits);
        var first = await kit.TransferAsync(ActivityCrediting.ReversalTransferId(p, 1, false));
        var second = await kit.TransferAsync(ActivityCrediting.ReversalTransferId(p, 2, false));
        Assert.Equal((TransferKind.Reversal, ActivityCrediting.CreditTransferId(p, 0, false), 120L), (first.TransferKind, first.RelatedTransferId, first.Amount));
        Assert.Equal((TransferKind.Reversal, ActivityCrediting.CreditTransferId(p, 1, false), 170L), (second.TransferKind, second.RelatedTransferId, second.Amount));
        Assert.NotNull(await kit.Store.FindItemAsync(new ItemKey(Activity.CorrectionScope, ActivityCrediting.CorrectionKeyId(p, 2))));

        // The activity's history keeps the original entry and both corrections.
        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal((Minutes(150), 2), (participation.CreditedTime!.Value, participation.CreditSequence));
        var events = new List<ActivityEvent>();
        await foreach (var r in kit.Store.ReadStreamAsync(Activity.StreamFor(id))) events.Add((ActivityEvent)r.Payload);
        Assert.Equal(Minutes(120), events.OfType<ServiceTimeRecorded>().Single().CreditedTime);
        Assert.Equal([(Minutes(120), Minutes(170)), (Minutes(170), Minutes(150))], events.OfType<CorrectionAccepted>().Select(e => (e.PreviousCreditedTime, e.CreditedTime)));
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task A_correction_that_must_reverse_time_already_redeemed_answers_CreditAlreadySpent()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.VerifiedAsync(id, v, 120);
        var redeemed = TransferRequest.Post(TransferId.New(), kit.Scheme.MemberAccountId(v), kit.Scheme.IssuingAccountId, 100, (int)TimeBankTransferCode.Redemption, "haircut");
        Assert.Equal(TransferResult.Ok, await kit.Ledger.ExecuteAsync(l => l.Submit(redeemed)));

        // 20 minutes left: giving back 120 and crediting 60 would leave -40.
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "it was less", Minutes(60)));
        var position = await kit.Store.GetPositionAsync();
        Assert.Equal(ActivityResult.CreditAlreadySpent, await kit.Desk.AcceptCorrectionAsync(id, p, 1, "agreed"));
        Assert.Equal(position, await kit.Store.GetPositionAsync());
        Assert.Equal(20, await kit.BalanceAsync(v));
        Assert.Equal(Minutes(120), (await kit.ParticipationAsync(id, p)).CreditedTime);

        // Raising the time works although part of the old credit is spent: the new credit goes in before the reversal.
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RejectCorrectionAsync(id, p, 1, "cannot be applied"));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "I stayed to the end and cleaned up", Minutes(170)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.AcceptCorrectionAsync(id, p, 2, "the leader agrees"));
        Assert.Equal((70L, 70L), (await kit.BalanceAsync(v), await kit.IssuedAsync()));
        await kit.AssertAuditCleanAsync();
    }

    [Fact]
    public async Task A_frozen_account_makes_the_ledger_refuse_and_nothing_is_verified()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(60)));
        var member = kit.Scheme.MemberAccountId(v);
        await kit.Ledger.ExecuteAsync(l =>
        {
            Volunteering.Domain.TimeBank.TimeBank.Open(kit.Scheme, l);
            l.OpenAccount(new OpenAccountRequest(member, Asset.TimeCredit, v.Value, (int)TimeBankAccountCode.Member, 0, kit.Scheme.Rules.Cap.Cap!.Value.Minutes));
            return l.FreezeAccount(member);
        });

        var position = await kit.Store.GetPositionAsync();
        Assert.Equal(ActivityResult.LedgerRejected, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(position, await kit.Store.GetPositionAsync());
        Assert.False((await kit.ParticipationAsync(id, p)).IsVerified);
    }

    [Fact]
    public void Transfer_ids_are_stable_and_distinct_per_participation_sequence_and_leg()
    {
        var p = ParticipationId.New();
        var q = ParticipationId.New();
        var ids = new List<TransferId>();
        foreach (var participation in new[] { p, q })
        {
            for (var s = 0; s < 50; s++)
            {
                ids.Add(ActivityCrediting.CreditTransferId(participation, s, false));
                ids.Add(ActivityCrediting.CreditTransferId(participation, s, true));
                if (s > 0)
                {
                    ids.Add(ActivityCrediting.ReversalTransferId(participation, s, false));
                    ids.Add(ActivityCrediting.ReversalTransferId(participation, s, true));
                }
            }
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ActivityCrediting.CreditTransferId(p, 3, true), ActivityCrediting.CreditTransferId(new ParticipationId(p.Value), 3, true));
        Assert.Throws<ArgumentException>(() => ActivityCrediting.ReversalTransferId(p, 0, false));
        Assert.Throws<ArgumentException>(() => ActivityCrediting.CreditTransferId(p, -1, false));
        Assert.Throws<ArgumentException>(() => ActivityCrediting.CreditTransferId(default, 0, false));
    }

    private sealed class RefuseAll : IEligibilityPolicy
    {
        public TimeBankResult Check(MemberProfile person, LocalDate onDate) => TimeBankResult.NotEligibleForGrant;
    }
}

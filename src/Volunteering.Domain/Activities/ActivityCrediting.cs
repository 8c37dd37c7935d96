using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;
using Bank = Volunteering.Domain.TimeBank.TimeBank;

namespace Volunteering.Domain.Activities;

/// <summary>
/// Credits verified activity service to a time bank's ledger under the scheme's rules, and corrects such credits. The
/// credit is a transfer from the scheme's issuing account to the volunteer's member account
/// (<see cref="TimeBankScheme.MemberAccountId"/>) with code <see cref="TimeBankTransferCode.ActivityService"/>; above
/// the account's ceiling (the scheme's cap) the excess goes to the community pool
/// (<see cref="TimeBankTransferCode.ActivityServiceOverflowToPool"/>) or the credit is refused, as
/// <see cref="AccountCapPolicy.Overflow"/> says.
/// </summary>
/// <remarks>
/// <para>Transfer ids are derived from the participation id and a sequence number (0 for the credit on verification,
/// the correction's number for a replacement credit), so a repeated or concurrent attempt names the same transfers and
/// the ledger's idempotency applies on top of the activity's own.</para>
/// <para>Rules applied: the depositor policy (<see cref="TimeBankRules.Depositor"/>, by default at least 18 on the
/// activity's start date) and the cap. The credit-rate policy is not applied: it is defined on a time bank's
/// <see cref="ServiceDetails"/> (one recipient, one place), which an activity does not have, so activities credit the
/// organisation's credited time 1:1.</para>
/// <para>The scheme's system accounts and the volunteer's member account are opened on the ledger when missing, exactly
/// as <see cref="Bank.Open"/> and <see cref="Bank.OpenAccount"/> open them. Every refusal leaves the ledger's balances
/// unchanged (the transfers of one credit or correction are one linked batch).</para>
/// <para>Not thread-safe, like the ledger.</para>
/// </remarks>
public sealed class ActivityCrediting
{
    private const int CreditPurpose = 0x4101;
    private const int PoolCreditPurpose = 0x4102;
    private const int ReversalPurpose = 0x4103;
    private const int PoolReversalPurpose = 0x4104;
    private const int CorrectionKeyPurpose = 0x4105;

    /// <summary>Credits on a ledger for a scheme.</summary>
    /// <param name="scheme">The time-bank scheme.</param>
    /// <param name="ledger">The ledger (for a store, <see cref="Storage.PersistentLedger.Ledger"/>).</param>
    public ActivityCrediting(TimeBankScheme scheme, DoubleEntryLedger ledger)
    {
        Scheme = Guard.Against.Null(scheme);
        Ledger = Guard.Against.Null(ledger);
    }

    /// <summary>The scheme.</summary>
    public TimeBankScheme Scheme { get; }

    /// <summary>The ledger.</summary>
    public DoubleEntryLedger Ledger { get; }

    /// <summary>The id of a credit transfer for a participation.</summary>
    /// <param name="participation">The participation; not empty.</param>
    /// <param name="sequence">0 for the credit made on verification; a correction's number for the credit that replaced
    /// an earlier one.</param>
    /// <param name="toPool">False for the leg to the volunteer, true for the leg above the cap to the pool.</param>
    /// <exception cref="ArgumentException"><paramref name="participation"/> is empty or <paramref name="sequence"/> is
    /// negative.</exception>
    public static TransferId CreditTransferId(ParticipationId participation, int sequence, bool toPool)
        => Derive(participation, sequence, toPool ? PoolCreditPurpose : CreditPurpose);

    /// <summary>The id of the reversal that correction <paramref name="sequence"/> made of the credit it replaced.</summary>
    /// <param name="participation">The participation; not empty.</param>
    /// <param name="sequence">The correction's number; 1 or more.</param>
    /// <param name="toPool">False for the reversal of the leg to the volunteer, true for the pool leg.</param>
    /// <exception cref="ArgumentException"><paramref name="participation"/> is empty or <paramref name="sequence"/> is
    /// below 1.</exception>
    public static TransferId ReversalTransferId(ParticipationId participation, int sequence, bool toPool)
    {
        Guard.Against.NegativeOrZero(sequence);
        return Derive(participation, sequence, toPool ? PoolReversalPurpose : ReversalPurpose);
    }

    /// <summary>The item-key id an accepted correction claims (scope <see cref="Activity.CorrectionScope"/>).</summary>
    internal static Guid CorrectionKeyId(ParticipationId participation, int sequence)
        => Derive(participation, sequence, CorrectionKeyPurpose).Value;

    /// <summary>Credits a participation being verified: checks depositor eligibility on the activity's start date, then
    /// posts its <see cref="Participation.CreditedTime"/> (sequence 0).</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation, with its credited time recorded.</param>
    /// <param name="profile">The volunteer's profile (date of birth), or null when unknown.</param>
    /// <returns><see cref="ActivityResult.Ok"/> with the split; <see cref="ActivityResult.ProfileNotFound"/>;
    /// <see cref="ActivityResult.DepositorTooYoung"/>; <see cref="ActivityResult.DepositorNotEligible"/>;
    /// <see cref="ActivityResult.AccountCapReached"/>; <see cref="ActivityResult.LedgerRejected"/>.</returns>
    /// <exception cref="InvalidOperationException">No credited time is recorded.</exception>
    public ActivityCreditOutcome CreditVerified(Activity activity, Participation participation, MemberProfile? profile)
    {
        Guard.Against.Null(activity);
        Guard.Against.Null(participation);
        var credited = participation.CreditedTime ?? throw new InvalidOperationException("The participation has no credited time.");
        if (profile is null) return ActivityCreditOutcome.Refused(ActivityResult.ProfileNotFound);
        var eligible = Scheme.Rules.Depositor.Check(profile, activity.Details.Start.Date);
        switch (eligible)
        {
            case TimeBankResult.Ok:
                break;
            case TimeBankResult.DepositorTooYoung:
                return ActivityCreditOutcome.Refused(ActivityResult.DepositorTooYoung);
            default:
                return ActivityCreditOutcome.Refused(ActivityResult.DepositorNotEligible);
        }

        return Post(activity, participation, 0, credited, reverse: false);
    }

    /// <summary>Corrects a verified participation's credit: reverses the live credit (its legs to the volunteer and to
    /// the pool) and posts <paramref name="credited"/> as a new credit, in one linked batch; transfer ids come from the
    /// participation and <paramref name="sequence"/>. Eligibility was decided on verification and is not checked again
    /// (the volunteer's age on the activity's date cannot change).</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The verified participation.</param>
    /// <param name="sequence">The accepted correction's number; greater than the live credit's.</param>
    /// <param name="credited">The new credited time; positive.</param>
    /// <returns><see cref="ActivityResult.Ok"/> with the new split; <see cref="ActivityResult.CreditAlreadySpent"/> when
    /// the volunteer or the pool no longer holds the time to reverse; <see cref="ActivityResult.AccountCapReached"/>;
    /// <see cref="ActivityResult.LedgerRejected"/>.</returns>
    /// <exception cref="InvalidOperationException">The participation is not verified.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is not after the live credit's, or
    /// <paramref name="credited"/> is not positive.</exception>
    public ActivityCreditOutcome Recredit(Activity activity, Participation participation, int sequence, TimeCredit credited)
    {
        Guard.Against.Null(activity);
        Guard.Against.Null(participation);
        if (!participation.IsVerified) throw new InvalidOperationException("Only a verified participation has a credit to correct.");
        Guard.Against.OutOfRange(sequence, nameof(sequence), participation.CreditSequence + 1, int.MaxValue);
        if (!credited.IsPositive) throw new ArgumentOutOfRangeException(nameof(credited), credited, "The credited time must be positive.");
        return Post(activity, participation, sequence, credited, reverse: true);
    }

    private ActivityCreditOutcome Post(Activity activity, Participation p, int sequence, TimeCredit credited, bool reverse)
    {
        // The room under the ceiling, counting the live credit as already given back when it is being reversed.
        var memberId = Scheme.MemberAccountId(p.Volunteer);
        var hasAccount = Ledger.TryGetAccount(memberId, out var account);
        var ceiling = hasAccount ? account.Ceiling : Scheme.Rules.Cap.Cap?.Minutes;
        var releasing = reverse ? p.Deposited.Minutes : 0;
        var toMember = credited;
        var toPool = TimeCredit.Zero;
        if (ceiling is { } c)
        {
            var held = hasAccount ? account.Balance + account.CreditsPending - releasing : 0;
            var room = TimeCredit.FromMinutes(Math.Max(0, c - held));
            if (credited > room)
            {
                if (Scheme.Rules.Cap.Overflow == CapOverflow.Refuse) return ActivityCreditOutcome.Refused(ActivityResult.AccountCapReached);
                toMember = room;
                toPool = credited - room;
            }
        }

        // Accounts are opened only once the credit is decided, so a refusal by the rules leaves the ledger untouched.
        if (!Ledger.TryGetAccount(Scheme.IssuingAccountId, out _) || !Ledger.TryGetAccount(Scheme.PoolAccountId, out _))
        {
            Bank.Open(Scheme, Ledger);
        }

        if (!hasAccount)
        {
            var opened = Ledger.OpenAccount(new OpenAccountRequest(memberId, Asset.TimeCredit, p.Volunteer.Value, (int)TimeBankAccountCode.Member, 0, Scheme.Rules.Cap.Cap?.Minutes));
            if (opened is not (AccountResult.Ok or AccountResult.Exists)) return ActivityCreditOutcome.Refused(ActivityResult.LedgerRejected);
        }

        var memo = Memo(activity.Details.Name);
        var reversals = new List<TransferRequest>(2);
        if (reverse)
        {
            if (p.Deposited.IsPositive)
            {
                reversals.Add(TransferRequest.Reverse(ReversalTransferId(p.Id, sequence, false), CreditTransferId(p.Id, p.CreditSequence, false), memo));
            }

            if (p.ToPool.IsPositive)
            {
                reversals.Add(TransferRequest.Reverse(ReversalTransferId(p.Id, sequence, true), CreditTransferId(p.Id, p.CreditSequence, true), memo));
            }
        }

        var credits = new List<TransferRequest>(2);
        if (toMember.IsPositive)
        {
            credits.Add(TransferRequest.Post(CreditTransferId(p.Id, sequence, false), Scheme.IssuingAccountId, memberId, toMember.Minutes, (int)TimeBankTransferCode.ActivityService, memo));
        }

        if (toPool.IsPositive)
        {
            credits.Add(TransferRequest.Post(CreditTransferId(p.Id, sequence, true), Scheme.IssuingAccountId, Scheme.PoolAccountId, toPool.Minutes, (int)TimeBankTransferCode.ActivityServiceOverflowToPool, memo));
        }

        // Give back first, so the room under the ceiling is there for the new credit; but if the volunteer has spent
        // part of the old credit, credit first, so the reversal can draw on the new time.
        var reverseFirst = !hasAccount || account.Available >= releasing;
        TransferRequest[] batch = reverseFirst ? [.. reversals, .. credits] : [.. credits, .. reversals];
        var results = new TransferResult[batch.Length];
        var result = Ledger.SubmitLinked(batch, results);
        return result.IsSuccess()
            ? new ActivityCreditOutcome(ActivityResult.Ok, result, toMember, toPool)
            : new ActivityCreditOutcome(
                result switch
                {
                    TransferResult.ExceedsFloor => ActivityResult.CreditAlreadySpent,
                    TransferResult.ExceedsCeiling => ActivityResult.AccountCapReached,
                    _ => ActivityResult.LedgerRejected,
                },
                result,
                TimeCredit.Zero,
                TimeCredit.Zero);
    }

    private static TransferId Derive(ParticipationId participation, int sequence, int purpose)
    {
        Guard.Against.Expression(static x => x.IsEmpty, participation, "A participation id must not be empty.", nameof(participation));
        Guard.Against.Negative(sequence);

        // Mixing a sequence-bearing seed into the participation id is injective in the sequence, and the purpose
        // separates the legs, so every (participation, sequence, leg) names its own transfer.
        var seed = new Guid(sequence, 0x4163, 0x7469, 0x76, 0x69, 0x74, 0x79, 0x53, 0x65, 0x71, 0x6E);
        return new TransferId(DerivedId.Combine(participation.Value, seed, purpose));
    }

    private static string Memo(string text) => text.Length <= TransferRequest.MaxMemoLength ? text : text[..TransferRequest.MaxMemoLength];
}

using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// A time bank (时间银行) on the ledger: residents open accounts (开户); services they give to elderly, disabled or
/// living-alone neighbours are recorded, confirmed by the recipient or a witness, and deposited as time credit;
/// older members redeem time for services they receive; time can be given to family, donated to the community pool,
/// and granted from the pool or the guarantee fund to people who cannot earn their own.
/// </summary>
/// <remarks>
/// Every movement of time is a ledger transfer with a <see cref="TimeBankTransferCode"/>; member accounts have a
/// floor of zero and the cap as their ceiling. Every refusal is a <see cref="TimeBankResult"/> and changes nothing.
/// Members and service records are kept in memory by this class; the ledger is the record of balances. Not
/// thread-safe.
/// </remarks>
public sealed class TimeBank
{
    private readonly Dictionary<VolunteerId, TimeBankMember> _members = [];
    private readonly Dictionary<ServiceRecordId, ServiceRecord> _records = [];
    private readonly Dictionary<VolunteerId, TimeCredit> _given = [];

    private TimeBank(TimeBankScheme scheme, DoubleEntryLedger ledger)
    {
        Scheme = scheme;
        Ledger = ledger;
    }

    /// <summary>The scheme.</summary>
    public TimeBankScheme Scheme { get; }

    /// <summary>The ledger the time bank writes to.</summary>
    public DoubleEntryLedger Ledger { get; }

    /// <summary>The members, in no particular order.</summary>
    public IEnumerable<TimeBankMember> Members => _members.Values;

    /// <summary>The service records, in no particular order.</summary>
    public IEnumerable<ServiceRecord> ServiceRecords => _records.Values;

    /// <summary>Opens a time bank on a ledger, opening the scheme's system accounts if they are not open yet.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <param name="ledger">The ledger.</param>
    /// <exception cref="InvalidOperationException">A system account id is taken by an account of another kind.</exception>
    public static TimeBank Open(TimeBankScheme scheme, DoubleEntryLedger ledger)
    {
        Guard.Against.Null(scheme);
        Guard.Against.Null(ledger);
        OpenSystemAccount(ledger, scheme.IssuingAccountId, TimeBankAccountCode.Issuing, floor: null);
        OpenSystemAccount(ledger, scheme.PoolAccountId, TimeBankAccountCode.Pool, floor: 0);
        OpenSystemAccount(ledger, scheme.GuaranteeFundAccountId, TimeBankAccountCode.GuaranteeFund, floor: 0);
        return new TimeBank(scheme, ledger);
    }

    private static void OpenSystemAccount(DoubleEntryLedger ledger, AccountId id, TimeBankAccountCode code, long? floor)
    {
        var result = ledger.OpenAccount(new OpenAccountRequest(id, Asset.TimeCredit, Guid.Empty, (int)code, floor));
        if (result is not (AccountResult.Ok or AccountResult.Exists))
        {
            throw new InvalidOperationException($"System account {id} ({code}) could not be opened: {result}.");
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Members
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Opens an account (开户) for a person.</summary>
    /// <param name="person">The person.</param>
    /// <param name="profile">The record fields.</param>
    /// <param name="consentGivenAt">When the person consented to record keeping; null means no consent.</param>
    /// <returns><see cref="TimeBankResult.Ok"/>; <see cref="TimeBankResult.AlreadyDone"/> if the same person is already a
    /// member with the same profile; <see cref="TimeBankResult.AccountExistsWithDifferentProfile"/>;
    /// <see cref="TimeBankResult.ConsentRequired"/>.</returns>
    public TimeBankResult OpenAccount(VolunteerId person, MemberProfile profile, Instant? consentGivenAt)
    {
        Guard.Against.Expression(static x => x.IsEmpty, person, "A person id must not be empty.", nameof(person));
        Guard.Against.Null(profile);
        if (_members.TryGetValue(person, out var existing))
        {
            return existing.Profile == profile ? TimeBankResult.AlreadyDone : TimeBankResult.AccountExistsWithDifferentProfile;
        }

        if (consentGivenAt is not { } consent) return TimeBankResult.ConsentRequired;

        var accountId = Scheme.MemberAccountId(person);
        var ceiling = Scheme.Rules.Cap.Cap?.Minutes;
        var opened = Ledger.OpenAccount(new OpenAccountRequest(accountId, Asset.TimeCredit, person.Value, (int)TimeBankAccountCode.Member, 0, ceiling));
        if (opened is not (AccountResult.Ok or AccountResult.Exists))
        {
            throw new InvalidOperationException($"Member account {accountId} could not be opened: {opened}.");
        }

        _members.Add(person, new TimeBankMember(person, accountId, profile, consent, Ledger.Clock.GetCurrentInstant()));
        return TimeBankResult.Ok;
    }

    /// <summary>Registers <paramref name="relative"/> as a relative of <paramref name="member"/>, so the member may give
    /// time to them. Both must be members.</summary>
    public TimeBankResult RegisterRelative(VolunteerId member, VolunteerId relative, Relationship relationship)
    {
        if (!_members.TryGetValue(member, out var m) || !_members.ContainsKey(relative)) return TimeBankResult.MemberNotFound;
        if (member == relative) return TimeBankResult.NotFamily;
        if (m.Relatives.TryGetValue(relative, out var known) && known == relationship) return TimeBankResult.AlreadyDone;
        m.SetRelative(relative, relationship);
        return TimeBankResult.Ok;
    }

    /// <summary>Looks up a member.</summary>
    public bool TryGetMember(VolunteerId person, out TimeBankMember member)
        => _members.TryGetValue(person, out member!);

    /// <summary>A member's balance.</summary>
    /// <exception cref="KeyNotFoundException">The person is not a member.</exception>
    public TimeCredit GetBalance(VolunteerId person) => TimeCredit.FromMinutes(Ledger.GetBalance(RequireMember(person).AccountId));

    /// <summary>The total time a member has been credited for services given (before any gift or redemption).</summary>
    public TimeCredit GetTotalGiven(VolunteerId person)
    {
        RequireMember(person);
        return _given.GetValueOrDefault(person);
    }

    /// <summary>A member's star level (星级) from the time they have given.</summary>
    public int GetStarLevel(VolunteerId person) => Scheme.Rules.StarLevels.LevelFor(GetTotalGiven(person));

    /// <summary>A member's statement for a range of dates in the scheme's time zone (both ends inclusive).</summary>
    /// <exception cref="KeyNotFoundException">The person is not a member.</exception>
    public AccountStatement GetStatement(VolunteerId person, DateInterval dates)
    {
        Guard.Against.Null(dates);
        var member = RequireMember(person);
        var start = dates.Start.AtStartOfDayInZone(Scheme.TimeZone).ToInstant();
        var end = dates.End.PlusDays(1).AtStartOfDayInZone(Scheme.TimeZone).ToInstant();
        return Ledger.GetStatement(member.AccountId, new Interval(start, end));
    }

    private TimeBankMember RequireMember(VolunteerId person)
        => _members.TryGetValue(person, out var m) ? m : throw new KeyNotFoundException($"{person} is not a member of {Scheme.Name}.");

    private LocalDate Today => Ledger.Clock.GetCurrentInstant().InZone(Scheme.TimeZone).Date;

    // ------------------------------------------------------------------------------------------------------------
    // Service records and deposits
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Records a service a member gave. Nothing is credited until the recipient or the witness confirms it.</summary>
    /// <param name="id">The record id (idempotent: the same id and details again answer AlreadyDone).</param>
    /// <param name="service">What was done.</param>
    public TimeBankResult RecordService(ServiceRecordId id, ServiceDetails service)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A service record id must not be empty.", nameof(id));
        Guard.Against.Null(service);
        if (_records.TryGetValue(id, out var existing))
        {
            return existing.Details == service ? TimeBankResult.AlreadyDone : TimeBankResult.ServiceRecordExistsWithDifferentDetails;
        }

        if (!_members.TryGetValue(service.Provider, out var provider)) return TimeBankResult.MemberNotFound;
        if (service.Provider == service.Recipient) return TimeBankResult.ProviderIsRecipient;
        if (service.Witness == service.Provider) return TimeBankResult.WitnessIsProvider;
        if (service.Span.End > Ledger.Clock.GetCurrentInstant()) return TimeBankResult.ServiceNotEnded;
        if (service.CreditedDuration.Minutes > (long)Math.Floor(service.Span.Duration.TotalMinutes))
        {
            return TimeBankResult.CreditedDurationExceedsServiceTime;
        }

        var eligible = Scheme.Rules.Depositor.Check(provider.Profile, ServiceDate(service));
        if (eligible != TimeBankResult.Ok) return eligible;

        _records.Add(id, new ServiceRecord(id, service, Ledger.Clock.GetCurrentInstant()));
        return TimeBankResult.Ok;
    }

    /// <summary>Looks up a service record.</summary>
    public bool TryGetServiceRecord(ServiceRecordId id, out ServiceRecord record) => _records.TryGetValue(id, out record!);

    /// <summary>The recipient or the witness confirms a service; its credit is deposited to the volunteer from the
    /// scheme's issuing account, at most once. Above the cap, the excess goes to the pool or the deposit is refused,
    /// as the cap policy says.</summary>
    /// <param name="id">The record.</param>
    /// <param name="confirmer">The recipient or the witness.</param>
    public TimeBankOutcome ConfirmService(ServiceRecordId id, VolunteerId confirmer)
    {
        if (!_records.TryGetValue(id, out var record)) return TimeBankOutcome.Refused(TimeBankResult.ServiceRecordNotFound);
        if (!record.MayBeDecidedBy(confirmer)) return TimeBankOutcome.Refused(TimeBankResult.ConfirmerNotRecipientOrWitness);
        switch (record.Status)
        {
            case ServiceRecordStatus.Refused:
                return TimeBankOutcome.Refused(TimeBankResult.ServiceRefused);
            case ServiceRecordStatus.Credited:
                return new TimeBankOutcome(TimeBankResult.AlreadyDone, TransferResult.Exists, record.Credited, record.SentToPool);
        }

        // The depositor's eligibility was decided when the record was accepted: the profile, the service date and the
        // scheme's rules cannot change since, so it is not checked again here.
        var service = record.Details;
        var provider = _members[service.Provider];
        var credit = Scheme.Rules.CreditRate.CreditFor(service);
        if (credit.IsNegative) throw new InvalidOperationException("The credit rate policy returned a negative credit.");

        var toMember = credit;
        var toPool = TimeCredit.Zero;
        if (Scheme.Rules.Cap.Cap is { } cap)
        {
            Ledger.TryGetAccount(provider.AccountId, out var account);
            var room = TimeCredit.FromMinutes(Math.Max(0, cap.Minutes - (account.Balance + account.CreditsPending)));
            if (credit > room)
            {
                if (Scheme.Rules.Cap.Overflow == Policies.CapOverflow.Refuse) return TimeBankOutcome.Refused(TimeBankResult.AccountCapReached);
                toMember = room;
                toPool = credit - room;
            }
        }

        var legs = new TransferRequest[2];
        var count = 0;
        var memo = Memo(service.Content);
        if (toMember.IsPositive)
        {
            legs[count++] = TransferRequest.Post(new TransferId(DerivedId.From(id.Value, 1)), Scheme.IssuingAccountId, provider.AccountId, toMember.Minutes, (int)TimeBankTransferCode.Deposit, memo);
        }

        if (toPool.IsPositive)
        {
            legs[count++] = TransferRequest.Post(new TransferId(DerivedId.From(id.Value, 2)), Scheme.IssuingAccountId, Scheme.PoolAccountId, toPool.Minutes, (int)TimeBankTransferCode.DepositOverflowToPool, memo);
        }

        var result = TransferResult.Ok;
        if (count > 0)
        {
            Span<TransferResult> results = stackalloc TransferResult[2];
            result = Ledger.SubmitLinked(legs.AsSpan(0, count), results[..count]);
            if (!result.IsSuccess()) return TimeBankOutcome.FromLedger(result, TimeCredit.Zero);
        }

        record.MarkCredited(confirmer, Ledger.Clock.GetCurrentInstant(), toMember, toPool);
        _given[service.Provider] = _given.GetValueOrDefault(service.Provider) + credit;
        return new TimeBankOutcome(TimeBankResult.Ok, result, toMember, toPool);
    }

    /// <summary>The recipient or the witness refuses a record (for example, someone else did the work). A refused record
    /// never credits.</summary>
    /// <param name="id">The record.</param>
    /// <param name="by">The recipient or the witness.</param>
    /// <param name="reason">Why; not blank.</param>
    public TimeBankResult RefuseService(ServiceRecordId id, VolunteerId by, string reason)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        if (!_records.TryGetValue(id, out var record)) return TimeBankResult.ServiceRecordNotFound;
        if (!record.MayBeDecidedBy(by)) return TimeBankResult.ConfirmerNotRecipientOrWitness;
        switch (record.Status)
        {
            case ServiceRecordStatus.Refused: return TimeBankResult.AlreadyDone;
            case ServiceRecordStatus.Credited: return TimeBankResult.ServiceAlreadyConfirmed;
        }

        record.MarkRefused(by, Ledger.Clock.GetCurrentInstant(), reason);
        return TimeBankResult.Ok;
    }

    private LocalDate ServiceDate(ServiceDetails service) => service.Span.Start.InZone(Scheme.TimeZone).Date;

    // ------------------------------------------------------------------------------------------------------------
    // Withdrawals, gifts, donations, grants
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>A member redeems time for a service they receive (兑换服务). The time is retired to the issuing account.</summary>
    /// <param name="transferId">The idempotency key.</param>
    /// <param name="member">The redeeming member.</param>
    /// <param name="amount">The time to redeem; positive.</param>
    /// <param name="servicePlace">Where the service is given; checked against the redemption scope.</param>
    /// <param name="content">What service is received.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public TimeBankOutcome Redeem(TransferId transferId, VolunteerId member, TimeCredit amount, ResidenceArea servicePlace, string content)
    {
        GuardAmount(amount);
        Guard.Against.Null(servicePlace);
        Guard.Against.NullOrWhiteSpace(content);
        if (!_members.TryGetValue(member, out var m)) return TimeBankOutcome.Refused(TimeBankResult.MemberNotFound);
        var eligible = Scheme.Rules.Redeemer.Check(m.Profile, Today);
        if (eligible != TimeBankResult.Ok) return TimeBankOutcome.Refused(eligible);
        if (!Scheme.Rules.RedemptionScope.Allows(m.Profile, servicePlace)) return TimeBankOutcome.Refused(TimeBankResult.OutsideRedemptionScope);
        return Move(transferId, m.AccountId, Scheme.IssuingAccountId, amount, TimeBankTransferCode.Redemption, content, -amount);
    }

    /// <summary>A member gives time to a registered relative (亲属转赠).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public TimeBankOutcome GiveToFamily(TransferId transferId, VolunteerId from, VolunteerId to, TimeCredit amount)
    {
        GuardAmount(amount);
        if (!_members.TryGetValue(from, out var giver) || !_members.TryGetValue(to, out var receiver))
        {
            return TimeBankOutcome.Refused(TimeBankResult.MemberNotFound);
        }

        if (!giver.Relatives.TryGetValue(to, out var relationship) || !Scheme.Rules.GiftableRelationships.Contains(relationship))
        {
            return TimeBankOutcome.Refused(TimeBankResult.NotFamily);
        }

        return Move(transferId, giver.AccountId, receiver.AccountId, amount, TimeBankTransferCode.FamilyGift, "gift to " + relationship, -amount);
    }

    /// <summary>A member donates time to the community pool (捐赠).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public TimeBankOutcome DonateToPool(TransferId transferId, VolunteerId from, TimeCredit amount)
    {
        GuardAmount(amount);
        if (!_members.TryGetValue(from, out var giver)) return TimeBankOutcome.Refused(TimeBankResult.MemberNotFound);
        return Move(transferId, giver.AccountId, Scheme.PoolAccountId, amount, TimeBankTransferCode.PoolDonation, "donation to pool", -amount);
    }

    /// <summary>Grants time from the community pool to a member who qualifies (by default, key elderly).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public TimeBankOutcome GrantFromPool(TransferId transferId, VolunteerId to, TimeCredit amount)
        => Grant(transferId, to, amount, Scheme.PoolAccountId, TimeBankTransferCode.PoolGrant);

    /// <summary>Grants time from the guarantee fund to a member who qualifies.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public TimeBankOutcome GrantFromGuaranteeFund(TransferId transferId, VolunteerId to, TimeCredit amount)
        => Grant(transferId, to, amount, Scheme.GuaranteeFundAccountId, TimeBankTransferCode.GuaranteeGrant);

    /// <summary>The scheme issues time into its guarantee fund (backed by a government guarantee).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    public TimeBankOutcome FundGuarantee(TransferId transferId, TimeCredit amount)
    {
        GuardAmount(amount);
        return Move(transferId, Scheme.IssuingAccountId, Scheme.GuaranteeFundAccountId, amount, TimeBankTransferCode.GuaranteeFunding, "guarantee funding", TimeCredit.Zero);
    }

    /// <summary>The time in the community pool.</summary>
    public TimeCredit PoolBalance => TimeCredit.FromMinutes(Ledger.GetBalance(Scheme.PoolAccountId));

    /// <summary>The time in the guarantee fund.</summary>
    public TimeCredit GuaranteeFundBalance => TimeCredit.FromMinutes(Ledger.GetBalance(Scheme.GuaranteeFundAccountId));

    /// <summary>All time in circulation: what the issuing account has issued less what was retired by redemption.</summary>
    public TimeCredit TimeInCirculation => TimeCredit.FromMinutes(-Ledger.GetBalance(Scheme.IssuingAccountId));

    private TimeBankOutcome Grant(TransferId transferId, VolunteerId to, TimeCredit amount, AccountId source, TimeBankTransferCode code)
    {
        GuardAmount(amount);
        if (!_members.TryGetValue(to, out var receiver)) return TimeBankOutcome.Refused(TimeBankResult.MemberNotFound);
        var eligible = Scheme.Rules.GrantRecipient.Check(receiver.Profile, Today);
        if (eligible != TimeBankResult.Ok) return TimeBankOutcome.Refused(eligible);
        return Move(transferId, source, receiver.AccountId, amount, code, code.ToString(), amount);
    }

    private TimeBankOutcome Move(TransferId transferId, AccountId debit, AccountId credit, TimeCredit amount, TimeBankTransferCode code, string memo, TimeCredit memberChange)
    {
        // A batch of one: a refused transfer leaves no journal entry and does not use up the id (Submit would journal
        // the rejection and burn the id), so every refusal changes nothing, as the class promises.
        Span<TransferRequest> request = [TransferRequest.Post(transferId, debit, credit, amount.Minutes, (int)code, Memo(memo))];
        Span<TransferResult> results = stackalloc TransferResult[1];
        Ledger.SubmitLinked(request, results);
        return TimeBankOutcome.FromLedger(results[0], memberChange); // Ok, Exists (a repeat) or the rejection
    }

    private static string Memo(string text) => text.Length <= TransferRequest.MaxMemoLength ? text : text[..TransferRequest.MaxMemoLength];

    private static void GuardAmount(TimeCredit amount, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(amount))] string? name = null)
    {
        if (!amount.IsPositive) throw new ArgumentOutOfRangeException(name, amount, "The amount of time must be positive.");
    }
}

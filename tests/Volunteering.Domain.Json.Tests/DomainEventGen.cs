using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Certificates;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Generators of every domain event the standard types register (the love bank's too), and of
/// <see cref="PersonalData"/>: any
/// text (non-ASCII, quotes, control characters, surrogate pairs, the empty string), dates and local times across
/// NodaTime's ISO range with fractional seconds, instants as in <see cref="LedgerEntryGen"/>, every enum member,
/// optional ids and texts both present and absent, counts and minutes up to their limits.</summary>
internal static class DomainEventGen
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);
    private static readonly int MinDay = Period.Between(Epoch, new LocalDate(-9998, 1, 1), PeriodUnits.Days).Days;
    private static readonly int MaxDay = Period.Between(Epoch, new LocalDate(9999, 12, 31), PeriodUnits.Days).Days;

    public static Gen<Guid> Id => LedgerEntryGen.NonEmptyGuid;

    public static Gen<Guid?> OptionalId => Gen.Frequency((1, Gen.Constant<Guid?>(null)), (2, Id.Select(static g => (Guid?)g)));

    public static Gen<string> Text => Gen.Frequency(
        (2, Gen.Elements("Hunan Road", "陪伴老人", "理发 \"quoted\" \\ back", "tab\tnew\nline\u0000nul", "emoji 😀👍", "\u2028\u2029<>&'", "", " ")),
        (3, ArbMap.Default.GeneratorFor<string>().Where(static s => s is not null && IsWellFormed(s))));

    public static Gen<string> NonBlankText => Text.Where(static s => !string.IsNullOrWhiteSpace(s));

    /// <summary>Text as <see cref="PersonalData"/> and <see cref="ResidenceArea"/> keep it: not blank, trimmed.</summary>
    public static Gen<string> TrimmedText => NonBlankText.Select(static s => s.Trim()).Where(static s => s.Length > 0);

    public static Gen<string?> OptionalText => Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Text.Select(static s => (string?)s)));

    public static Gen<ImmutableArray<string>> Texts => Text.ArrayOf().Select(static a => ImmutableArray.Create(a));

    public static Gen<LocalDate> Date => Gen.Frequency(
        (3, Gen.Choose(0, 365 * 100).Select(static d => new LocalDate(1950, 1, 1).PlusDays(d))),
        (1, Gen.Choose(MinDay, MaxDay).Select(static d => Epoch.PlusDays(d))),
        (1, Gen.Elements(new LocalDate(-9998, 1, 1), new LocalDate(9999, 12, 31), new LocalDate(0, 1, 1), new LocalDate(2024, 2, 29))));

    public static Gen<LocalDateTime> DateTime =>
        from date in Date
        from second in Gen.Choose(0, 86_399)
        from nanos in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 999_999_999)))
        select date.AtMidnight().PlusSeconds(second).PlusNanoseconds(nanos);

    public static Gen<Instant> Instant => LedgerEntryGen.Instant;

    public static Gen<TimeCredit> Minutes => Gen.Frequency(
        (4, Gen.Choose(0, 100_000).Select(static m => TimeCredit.FromMinutes(m))),
        (1, LedgerEntryGen.NonNegativeLong.Select(static m => TimeCredit.FromMinutes(m))));

    public static Gen<ServiceCategory> Category => Gen.Frequency(
        (2, Gen.Elements(ServiceCategory.ElderCare, ServiceCategory.LegalAid, ServiceCategory.Culture, ServiceCategory.Health, ServiceCategory.PolicyTalks)),
        (1, Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-".ToCharArray()).ArrayOf()
            .Where(static a => a.Length is >= 1 and <= ServiceCategory.MaxLength)
            .Select(static a => new ServiceCategory(new string(a)))));

    /// <summary>CNY from <paramref name="min"/> fen up to the largest fen amount.</summary>
    public static Gen<Money> Fen(long min) => Gen.Frequency(
        (4, Gen.Choose(0, 10_000_000).Select(f => Money.FromFen(min + f))),
        (1, LedgerEntryGen.NonNegativeLong.Where(f => f >= min).Select(static f => Money.FromFen(f))),
        (1, Gen.Constant(Money.FromFen(long.MaxValue))));

    public static Gen<Money?> OptionalFen(long min) => Gen.Frequency((1, Gen.Constant<Money?>(null)), (2, Fen(min).Select(static m => (Money?)m)));

    public static Gen<T[]> Members<T>()
        where T : struct, Enum => Member<T>().ArrayOf();

    public static Gen<PeriodAmount[]> Periods => (from day in Date from amount in Fen(1) select new PeriodAmount(day, amount)).ArrayOf();

    public static Gen<AidInstalment[]> Instalments => (from day in Date from amount in Fen(1) select new AidInstalment(day, amount)).ArrayOf();

    public static Gen<int> Year => Gen.Choose(-9998, 9999);

    public static Gen<T> Member<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    public static Gen<Instant?> OptionalInstant => Gen.Frequency((1, Gen.Constant<Instant?>(null)), (2, Instant.Select(static i => (Instant?)i)));

    /// <summary>Points, units or minutes from <paramref name="min"/> (0 or 1) up to <see cref="long.MaxValue"/>.</summary>
    public static Gen<long> Amount(long min) => Gen.Frequency(
        (4, Gen.Choose((int)min, 100_000).Select(static v => (long)v)),
        (1, LedgerEntryGen.NonNegativeLong.Where(v => v >= min)),
        (1, Gen.Constant(long.MaxValue)));

    /// <summary>A SHA-256 in lower-case hex, as <see cref="RedemptionReserved.CodeHash"/> holds it.</summary>
    public static Gen<string> CodeHash => Gen.Elements("0123456789abcdef".ToCharArray()).ArrayOf(64).Select(static a => new string(a));

    public static Gen<CatalogueItem> CatalogueItem =>
        from id in Id
        from name in NonBlankText
        from price in Amount(1)
        from limit in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Count(1).Select(static c => (int?)c)))
        from period in Member<LimitPeriod>()
        from availableFrom in OptionalInstant
        from availableUntil in OptionalInstant
        from minutes in Amount(0)
        from onlyFor in Gen.Frequency((1, Gen.Constant<PassbookHolderKind?>(null)), (2, Member<PassbookHolderKind>().Select(static k => (PassbookHolderKind?)k)))
        select new CatalogueItem(new CatalogueItemId(id), name, price)
        {
            // The core refuses a window that ends before it starts: such a pair keeps only its start.
            LimitPerPeriod = limit, LimitPeriod = period, AvailableFrom = availableFrom,
            AvailableUntil = availableFrom is { } start && availableUntil is { } end && end <= start ? null : availableUntil,
            MinimumServiceMinutes = minutes, OnlyFor = onlyFor,
        };

    public static Gen<int> Count(int min) => Gen.Frequency((3, Gen.Choose(min, 1000)), (1, Gen.Choose(min, int.MaxValue)), (1, Gen.Constant(int.MaxValue)));

    public static Gen<PersonalData> PersonalData =>
        from name in TrimmedText
        from gender in Member<Gender>()
        from birth in Date
        from idType in Member<IdDocumentType>()
        from idNumber in TrimmedText.Where(static s => s.Length <= Volunteers.PersonalData.MaxIdNumberLength)
        from city in NonBlankText
        from district in NonBlankText
        from community in NonBlankText
        from phone in TrimmedText
        from skills in TrimmedText.ListOf()
        from categories in Category.ListOf()
        select new PersonalData(name, gender, birth, idType, idType == IdDocumentType.ResidentIdCard ? idNumber.ToUpperInvariant() : idNumber, new ResidenceArea(city, district, community), phone)
        {
            Skills = [.. skills],
            ServiceCategories = [.. categories],
        };

    /// <summary>One generator per registered payload type (every concrete event and <see cref="PersonalData"/>).</summary>
    public static IReadOnlyDictionary<Type, Gen<object>> ByType { get; } = new Dictionary<Type, Gen<object>>
    {
        [typeof(UnitFounded)] = Box(from id in Id from name in Text from level in Member<UnitLevel>() from parent in OptionalId from communities in Texts from zone in Text from day in Date from at in Instant
                                    select new UnitFounded(new UnitId(id), name, level, parent is { } p ? new UnitId(p) : null, communities, zone, day, at)),
        [typeof(UnitRenamed)] = Box(from id in Id from name in Text from day in Date from at in Instant select new UnitRenamed(new UnitId(id), name, day, at)),
        [typeof(UnitMoved)] = Box(from id in Id from parent in Id from day in Date from at in Instant select new UnitMoved(new UnitId(id), new UnitId(parent), day, at)),
        [typeof(UnitCoverageChanged)] = Box(from id in Id from communities in Texts from day in Date from at in Instant select new UnitCoverageChanged(new UnitId(id), communities, day, at)),
        [typeof(UnitClosed)] = Box(from id in Id from reason in Text from day in Date from at in Instant select new UnitClosed(new UnitId(id), reason, day, at)),
        [typeof(TeamFormed)] = Box(from id in Id from unit in Id from category in Category from brand in Text from day in Date from at in Instant
                                   select new TeamFormed(new TeamId(id), new UnitId(unit), category, brand, day, at)),
        [typeof(TeamMemberJoined)] = Box(from id in Id from v in Id from role in Member<TeamRole>() from day in Date from at in Instant select new TeamMemberJoined(new TeamId(id), new VolunteerId(v), role, day, at)),
        [typeof(TeamMemberRoleChanged)] = Box(from id in Id from v in Id from role in Member<TeamRole>() from day in Date from at in Instant select new TeamMemberRoleChanged(new TeamId(id), new VolunteerId(v), role, day, at)),
        [typeof(TeamMemberLeft)] = Box(from id in Id from v in Id from day in Date from at in Instant select new TeamMemberLeft(new TeamId(id), new VolunteerId(v), day, at)),
        [typeof(TeamDisbanded)] = Box(from id in Id from reason in Text from day in Date from at in Instant select new TeamDisbanded(new TeamId(id), reason, day, at)),

        [typeof(VolunteerRegistered)] = Box(from v in Id from scheme in Id from number in Text from source in Member<RegistrationSource>() from unit in OptionalId from consentAt in Instant from method in Member<ConsentMethod>() from day in Date from at in Instant
                                            select new VolunteerRegistered(new VolunteerId(v), new SchemeId(scheme), number, source, unit is { } u ? new UnitId(u) : null, consentAt, method, day, at)),
        [typeof(VolunteerSuspended)] = Box(from v in Id from reason in Text from day in Date from at in Instant select new VolunteerSuspended(new VolunteerId(v), reason, day, at)),
        [typeof(VolunteerReinstated)] = Box(from v in Id from reason in Text from day in Date from at in Instant select new VolunteerReinstated(new VolunteerId(v), reason, day, at)),
        [typeof(VolunteerLeft)] = Box(from v in Id from reason in Text from day in Date from at in Instant select new VolunteerLeft(new VolunteerId(v), reason, day, at)),
        [typeof(TrainingRecorded)] = Box(from v in Id from t in Id from name in Text from content in Text from minutes in Count(0) from organiser in Text from day in Date from at in Instant
                                         select new TrainingRecorded(new VolunteerId(v), t, name, content, minutes, organiser, day, at)),
        [typeof(AwardRecorded)] = Box(from v in Id from a in Id from name in Text from day in Date from body in Text from at in Instant select new AwardRecorded(new VolunteerId(v), a, name, day, body, at)),
        [typeof(ExportConsentGranted)] = Box(from v in Id from given in Instant from method in Member<ConsentMethod>() from at in Instant select new ExportConsentGranted(new VolunteerId(v), given, method, at)),
        [typeof(ExportConsentWithdrawn)] = Box(from v in Id from at in Instant select new ExportConsentWithdrawn(new VolunteerId(v), at)),
        [typeof(PersonalDataUpdated)] = Box(from v in Id from at in Instant select new PersonalDataUpdated(new VolunteerId(v), at)),
        [typeof(PersonalDataErased)] = Box(from v in Id from reason in Text from at in Instant select new PersonalDataErased(new VolunteerId(v), reason, at)),
        [typeof(PersonalData)] = Box(PersonalData),

        [typeof(ActivityPlanned)] = Box(from a in Id from name in Text from category in Category from unit in Id from team in OptionalId from leader in Id from location in Text from start in DateTime from end in DateTime from zone in Text from capacity in Count(1) from kind in Member<ActivityKind>() from service in ArbMap.Default.GeneratorFor<bool>() from at in Instant
                                        select new ActivityPlanned(new ActivityId(a), name, category, new UnitId(unit), team is { } t ? new TeamId(t) : null, new VolunteerId(leader), location, start, end, zone, capacity, kind, service, at)),
        [typeof(ActivityCancelled)] = Box(from reason in Text from at in Instant select new ActivityCancelled(reason, at)),
        [typeof(BeneficiariesRecorded)] = Box(from count in Count(0) from at in Instant select new BeneficiariesRecorded(count, at)),
        [typeof(ParticipantSignedUp)] = Box(from p in Id from v in Id from at in Instant select new ParticipantSignedUp(new ParticipationId(p), new VolunteerId(v), at)),
        [typeof(ParticipantWithdrew)] = Box(from p in Id from at in Instant select new ParticipantWithdrew(new ParticipationId(p), at)),
        [typeof(ParticipantCheckedIn)] = Box(from p in Id from at in Instant select new ParticipantCheckedIn(new ParticipationId(p), at)),
        [typeof(ParticipantCheckedOut)] = Box(from p in Id from at in Instant select new ParticipantCheckedOut(new ParticipationId(p), at)),
        [typeof(ServiceTimeRecorded)] = Box(from p in Id from time in Minutes from at in Instant from reason in OptionalText select new ServiceTimeRecorded(new ParticipationId(p), time, at, reason)),
        [typeof(ParticipationEvaluated)] = Box(from p in Id from rating in Gen.Choose(1, Activity.MaxRating) from day in Date from at in Instant from reason in OptionalText
                                               select new ParticipationEvaluated(new ParticipationId(p), rating, day, at, reason)),
        [typeof(ParticipationConfirmed)] = Box(from p in Id from who in Id from role in Member<ConfirmerRole>() from at in Instant select new ParticipationConfirmed(new ParticipationId(p), new VolunteerId(who), role, at)),
        [typeof(ParticipationVerified)] = Box(from p in Id from v in Id from credited in Minutes from deposited in Minutes from pool in Minutes from at in Instant
                                              select new ParticipationVerified(new ParticipationId(p), new VolunteerId(v), credited, deposited, pool, at)),
        [typeof(CorrectionRequested)] = Box(from p in Id from seq in Count(1) from who in Id from reason in Text from proposed in Minutes from at in Instant
                                            select new CorrectionRequested(new ParticipationId(p), seq, new VolunteerId(who), reason, proposed, at)),
        [typeof(CorrectionAccepted)] = Box(from p in Id from seq in Count(1) from credited in Minutes from previous in Minutes from reason in Text from again in ArbMap.Default.GeneratorFor<bool>() from deposited in Minutes from pool in Minutes from at in Instant
                                           select new CorrectionAccepted(new ParticipationId(p), seq, credited, previous, reason, again, deposited, pool, at)),
        [typeof(ProgrammeEstablished)] = Box(from p in Id from name in Text from kind in Member<ProgrammeKind>() from zone in Text from unit in Member<AidPeriodUnit>() from standard in Member<BenefitStandardKind>() from amount in Fen(1)
                                             from kinds in Members<BeneficiaryKind>() from categories in Members<HardshipCategory>() from cap in OptionalFen(1) from once in ArbMap.Default.GeneratorFor<bool>()
                                             from days in Gen.Choose(1, ProgrammeTerms.MaxNoticeDays) from urgent in Fen(0) from at in Instant
                                             select new ProgrammeEstablished(new ProgrammeId(p), name, kind, zone, unit, standard, amount, kinds, categories, cap, once, days, urgent, at)),
        [typeof(BudgetSet)] = Box(from day in Date from amount in Fen(0) from at in Instant select new BudgetSet(day, amount, at)),
        [typeof(FundsReceived)] = Box(from c in Id from d in Id from source in Member<FundSource>() from amount in Fen(1) from at in Instant select new FundsReceived(new ContributionId(c), new DonorId(d), source, amount, at)),
        [typeof(AidCommitted)] = Box(from a in Id from b in Id from cause in Text from year in Year from periods in Periods from at in Instant select new AidCommitted(new AidApplicationId(a), new BeneficiaryId(b), cause, year, periods, at)),
        [typeof(CommitmentReleased)] = Box(from a in Id from periods in Periods from at in Instant select new CommitmentReleased(new AidApplicationId(a), periods, at)),
        [typeof(ApplicationSubmitted)] = Box(from a in Id from p in Id from b in Id from kind in Member<BeneficiaryKind>() from name in Text from size in Gen.Choose(1, AidBeneficiary.MaxHouseholdSize) from community in Text
                                             from category in Member<HardshipCategory>() from school in OptionalText from cause in Text from requested in Fen(1) from handler in Id from related in OptionalId
                                             from urgent in ArbMap.Default.GeneratorFor<bool>() from at in Instant
                                             select new ApplicationSubmitted(new AidApplicationId(a), new ProgrammeId(p), new BeneficiaryId(b), kind, name, size, community, category, school, cause, requested, new StaffId(handler), related is { } r ? new StaffId(r) : null, urgent, at)),
        [typeof(ApplicationReviewed)] = Box(from s in Id from kind in Member<ReviewKind>() from finding in Text from at in Instant select new ApplicationReviewed(new StaffId(s), kind, finding, at)),
        [typeof(FirstOpinionGiven)] = Box(from s in Id from instalments in Instalments from note in Text from at in Instant select new FirstOpinionGiven(new StaffId(s), instalments, note, at)),
        [typeof(NoticePublished)] = Box(from s in Id from first in Date from ends in Date from at in Instant select new NoticePublished(new StaffId(s), first, ends, at)),
        [typeof(ObjectionLodged)] = Box(from seq in Count(1) from summary in Text from at in Instant select new ObjectionLodged(seq, summary, at)),
        [typeof(ObjectionResolved)] = Box(from seq in Count(1) from s in Id from upheld in ArbMap.Default.GeneratorFor<bool>() from finding in Text from at in Instant select new ObjectionResolved(seq, new StaffId(s), upheld, finding, at)),
        [typeof(ApplicationApproved)] = Box(from s in Id from amount in Fen(1) from at in Instant select new ApplicationApproved(new StaffId(s), amount, at)),
        [typeof(ApplicationRejected)] = Box(from s in Id from reason in Text from at in Instant select new ApplicationRejected(new StaffId(s), reason, at)),
        [typeof(UrgentAidGranted)] = Box(from s in Id from amount in Fen(1) from day in Date from at in Instant select new UrgentAidGranted(new StaffId(s), amount, day, at)),
        [typeof(UrgentAidDocumented)] = Box(from s in Id from evidence in Text from note in Text from at in Instant select new UrgentAidDocumented(new StaffId(s), evidence, note, at)),
        [typeof(PaymentMade)] = Box(from p in Id from instalment in Count(1) from amount in Fen(1) from at in Instant select new PaymentMade(new PaymentId(p), instalment, amount, at)),
        [typeof(PaymentReversed)] = Box(from p in Id from s in Id from reason in Text from at in Instant select new PaymentReversed(new PaymentId(p), new StaffId(s), reason, at)),
        [typeof(ApprovalRevoked)] = Box(from s in Id from reason in Text from day in Date from released in Fen(1) from at in Instant select new ApprovalRevoked(new StaffId(s), reason, day, released, at)),
        [typeof(WishPosted)] = Box(from w in Id from p in Id from b in Id from name in Text from community in Text from item in Text from cost in Fen(1) from s in Id from at in Instant
                                   select new WishPosted(new WishId(w), new ProgrammeId(p), new BeneficiaryId(b), name, community, item, cost, new StaffId(s), at)),
        [typeof(WishClaimed)] = Box(from d in Id from at in Instant select new WishClaimed(new DonorId(d), at)),
        [typeof(WishClaimReleased)] = Box(from reason in Text from at in Instant select new WishClaimReleased(reason, at)),
        [typeof(WishFulfilled)] = Box(from evidence in Text from at in Instant select new WishFulfilled(evidence, at)),
        [typeof(WishCancelled)] = Box(from reason in Text from at in Instant select new WishCancelled(reason, at)),
        [typeof(CertificateIssued)] = Box(from c in Certificate from at in Instant select new CertificateIssued(c with { VolunteerName = string.Empty, MaskedIdNumber = string.Empty }, at)),
        [typeof(ServiceCertificate)] = Box(Certificate),
        [typeof(CorrectionRejected)] = Box(from p in Id from seq in Count(1) from reason in Text from at in Instant select new CorrectionRejected(new ParticipationId(p), seq, reason, at)),

        [typeof(PassbookOpened)] = Box(from p in Id from scheme in Id from kind in Member<PassbookHolderKind>() from holder in Id from at in Instant
                                       select new PassbookOpened(new PassbookId(p), new SchemeId(scheme), kind, holder, at)),
        [typeof(PointsAwarded)] = Box(from source in Id from seq in Count(0) from kind in Member<ContributionKind>() from detail in Text from basis in Amount(0) from points in Amount(1) from version in Count(1) from at in Instant from expires in OptionalInstant
                                      select new PointsAwarded(source, seq, kind, detail, basis, points, version, at, expires)),
        [typeof(AwardReversed)] = Box(from source in Id from seq in Count(0) from points in Amount(1) from reason in Text from at in Instant select new AwardReversed(source, seq, points, reason, at)),
        [typeof(PointsDeducted)] = Box(from d in Id from rule in Text from reason in Text from points in Amount(1) from version in Count(1) from at in Instant
                                       select new PointsDeducted(d, rule, reason, points, version, at)),
        [typeof(PointsExpired)] = Box(from source in Id from seq in Count(0) from points in Amount(1) from expires in Instant from at in Instant select new PointsExpired(source, seq, points, expires, at)),
        [typeof(RedemptionReserved)] = Box(from r in Id from item in Id from outlet in Id from quantity in Count(1) from points in Amount(1) from hash in CodeHash from hold in Instant from version in Count(1) from at in Instant
                                           select new RedemptionReserved(new RedemptionId(r), new CatalogueItemId(item), new OutletId(outlet), quantity, points, hash, hold, version, at)),
        [typeof(RedemptionFulfilled)] = Box(from r in Id from at in Instant select new RedemptionFulfilled(new RedemptionId(r), at)),
        [typeof(RedemptionCancelled)] = Box(from r in Id from lapsed in ArbMap.Default.GeneratorFor<bool>() from at in Instant select new RedemptionCancelled(new RedemptionId(r), lapsed, at)),
        [typeof(PointsExchanged)] = Box(from x in Id from direction in Member<ExchangeDirection>() from reverse in ArbMap.Default.GeneratorFor<bool>() from source in Amount(1) from target in Amount(1) from version in Count(1) from at in Instant from expires in OptionalInstant
                                        select new PointsExchanged(x, direction, reverse, source, target, version, at, expires)),
        [typeof(ItemListed)] = Box(from item in CatalogueItem from at in Instant select new ItemListed(item, at)),
        [typeof(ItemWithdrawn)] = Box(from item in Id from at in Instant select new ItemWithdrawn(new CatalogueItemId(item), at)),
        [typeof(OutletOpened)] = Box(from outlet in Id from name in Text from at in Instant select new OutletOpened(new OutletId(outlet), name, at)),
    };

    public static Gen<CertificateEntry> Entry =>
        from activity in Id
        from participation in Id
        from date in Text
        from name in Text
        from category in Text
        from minutes in LedgerEntryGen.NonNegativeLong
        from version in LedgerEntryGen.Version
        select new CertificateEntry { Activity = activity, Participation = participation, Date = date, ActivityName = name, Category = category, CreditedMinutes = minutes, RecordVersion = version };

    public static Gen<ServiceCertificate> Certificate =>
        from texts in Text.ArrayOf(14)
        from issuer in Id
        from volunteer in Id
        from minutes in LedgerEntryGen.NonNegativeLong
        from categories in Text.ListOf()
        from entries in Entry.ListOf()
        select new ServiceCertificate
        {
            Number = texts[0], IssuedOn = texts[1], IssuerUnit = issuer, IssuerCode = texts[2], IssuerName = texts[3], ResponsiblePerson = texts[4],
            Handler = texts[5], Contact = texts[6], Volunteer = volunteer, VolunteerNumber = texts[7], VolunteerName = texts[8], IdType = texts[9],
            MaskedIdNumber = texts[10], PeriodStart = texts[11], PeriodEnd = texts[12], TotalMinutes = minutes, TotalHours = texts[13],
            Categories = [.. categories], Entries = [.. entries], ContentHash = texts[13] + "hash",
        };

    /// <summary>Any registered payload, of every type equally often.</summary>
    public static Gen<object> Any => Gen.OneOf(ByType.Values);

    private static Gen<object> Box<T>(Gen<T> gen)
        where T : class => gen.Select(static v => (object)v);

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }

        return true;
    }
}

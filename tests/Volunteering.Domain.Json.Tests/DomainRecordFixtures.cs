using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
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
using Xunit.Sdk;

namespace Volunteering.Domain.Json.Tests;

/// <summary>
/// The committed v1 fixtures of the domain-event record types and <c>volunteer.personal-data</c>, one envelope per type
/// under <c>Fixtures/v1/{organisations,volunteers,activities,certificates,lovebank,aid}/{type name}.json</c>, and,
/// written out by hand, the value each must read as. Together they tell one story: a district centre, an institute and
/// a station founded, a team formed at the station, two volunteers registered, an activity planned and one
/// participation verified; then the station's love bank opens a household passbook that earns points for that
/// participation, loses them to a correction, redeems umbrellas at the love supermarket and exchanges points for a
/// voucher; and an aid programme funded, a household's application taken through notice to payment, and a child's
/// micro-wish fulfilled.
/// </summary>
internal static class DomainRecordFixtures
{
    public static readonly UnitId Centre = new(Guid.Parse("c0000000-0000-4000-8000-000000000001"));
    public static readonly UnitId Institute = new(Guid.Parse("c0000000-0000-4000-8000-000000000002"));
    public static readonly UnitId Station = new(Guid.Parse("c0000000-0000-4000-8000-000000000003"));
    public static readonly TeamId Team = new(Guid.Parse("7e000000-0000-4000-8000-000000000001"));
    public static readonly VolunteerId Wang = new(Guid.Parse("3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70"));
    public static readonly VolunteerId Li = new(Guid.Parse("5b6c7d8e-9fa0-4b1c-8d2e-3f4a5b6c7d8e"));
    public static readonly SchemeId Scheme = new(Guid.Parse("5c000000-0000-4000-8000-000000000001"));
    public static readonly ActivityId Activity = new(Guid.Parse("ac000000-0000-4000-8000-000000000001"));
    public static readonly ParticipationId Participation = new(Guid.Parse("9a000000-0000-4000-8000-000000000001"));
    public static readonly Guid Training = Guid.Parse("7a000000-0000-4000-8000-000000000001");
    public static readonly Guid Award = Guid.Parse("aa000000-0000-4000-8000-000000000001");
    public static readonly PassbookId Passbook = new(Guid.Parse("b0000000-0000-4000-8000-000000000001"));
    public static readonly Guid PassbookHousehold = Guid.Parse("40000000-0000-4000-8000-000000000001");
    public static readonly CatalogueItemId Umbrella = new(Guid.Parse("1e000000-0000-4000-8000-000000000001"));
    public static readonly OutletId Supermarket = new(Guid.Parse("0e000000-0000-4000-8000-000000000001"));
    public static readonly RedemptionId Redemption = new(Guid.Parse("5e000000-0000-4000-8000-000000000001"));
    public static readonly Guid Deduction = Guid.Parse("de000000-0000-4000-8000-000000000001");
    public static readonly Guid Exchange = Guid.Parse("ec000000-0000-4000-8000-000000000001");
    public const string CodeHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static readonly ProgrammeId Programme = new(Guid.Parse("a1d00000-0000-4000-8000-000000000001"));
    public static readonly ProgrammeId WishRound = new(Guid.Parse("a1d00000-0000-4000-8000-000000000002"));
    public static readonly AidApplicationId Application = new(Guid.Parse("a1d00000-0000-4000-8000-0000000000a1"));
    public static readonly BeneficiaryId Household = new(Guid.Parse("be000000-0000-4000-8000-000000000001"));
    public static readonly BeneficiaryId Child = new(Guid.Parse("be000000-0000-4000-8000-000000000002"));
    public static readonly StaffId Handler = new(Guid.Parse("5a000000-0000-4000-8000-000000000001"));
    public static readonly StaffId Reviewer = new(Guid.Parse("5a000000-0000-4000-8000-000000000002"));
    public static readonly StaffId Approver = new(Guid.Parse("5a000000-0000-4000-8000-000000000003"));
    public static readonly StaffId Clerk = new(Guid.Parse("5a000000-0000-4000-8000-000000000004"));
    public static readonly StaffId Relative = new(Guid.Parse("5a000000-0000-4000-8000-000000000005"));
    public static readonly DonorId Donor = new(Guid.Parse("d0000000-0000-4000-8000-000000000001"));
    public static readonly ContributionId Contribution = new(Guid.Parse("c0a00000-0000-4000-8000-000000000001"));
    public static readonly PaymentId Payment = new(Guid.Parse("9a1d0000-0000-4000-8000-000000000001"));
    public static readonly WishId Wish = new(Guid.Parse("51500000-0000-4000-8000-000000000001"));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "v1");

    /// <summary>File name (relative to <see cref="Directory"/>) → the value it holds. The file name is the type name.</summary>
    public static IReadOnlyDictionary<string, object> Expected { get; } = new Dictionary<string, object>
    {
        ["organisations/unit.founded.json"] = new UnitFounded(Station, "湖南路新时代文明实践站", UnitLevel.Station, Institute, ["Hunan Road", "Ninghai Road"], "Asia/Shanghai", new LocalDate(2026, 1, 5), At(1, 5, 9, 0)),
        ["organisations/unit.renamed.json"] = new UnitRenamed(Station, "Hunan Road station \"north\"", new LocalDate(2026, 2, 1), At(1, 20, 9, 30)),
        ["organisations/unit.moved.json"] = new UnitMoved(Station, Centre, new LocalDate(2026, 3, 1), At(2, 25, 10, 0)),
        ["organisations/unit.coverage-changed.json"] = new UnitCoverageChanged(Station, ["Hunan Road", "Ninghai Road", "Shanxi Road"], new LocalDate(2026, 3, 1), At(2, 25, 10, 5)),
        ["organisations/unit.closed.json"] = new UnitClosed(Institute, "merged into the centre", new LocalDate(2026, 4, 1), At(3, 30, 8, 0)),
        ["organisations/team.formed.json"] = new TeamFormed(Team, Station, ServiceCategory.ElderCare, "红马甲 Red Vest", new LocalDate(2026, 1, 10), At(1, 10, 2, 0)),
        ["organisations/team.member-joined.json"] = new TeamMemberJoined(Team, Wang, TeamRole.Member, new LocalDate(2026, 1, 12), At(1, 12, 2, 0)),
        ["organisations/team.member-role-changed.json"] = new TeamMemberRoleChanged(Team, Wang, TeamRole.Leader, new LocalDate(2026, 2, 1), At(2, 1, 2, 0)),
        ["organisations/team.member-left.json"] = new TeamMemberLeft(Team, Li, new LocalDate(2026, 5, 1), At(4, 30, 2, 0)),
        ["organisations/team.disbanded.json"] = new TeamDisbanded(Team, "merged with another team", new LocalDate(2026, 12, 31), At(12, 30, 2, 0)),

        ["volunteers/volunteer.registered.json"] = new VolunteerRegistered(Wang, Scheme, "GL-0001", RegistrationSource.Organisation, Station, At(1, 12, 1, 0), ConsentMethod.Written, new LocalDate(2026, 1, 12), At(1, 12, 1, 5)),
        ["volunteers/volunteer.suspended.json"] = new VolunteerSuspended(Li, "on leave", new LocalDate(2026, 3, 1), At(2, 28, 3, 0)),
        ["volunteers/volunteer.reinstated.json"] = new VolunteerReinstated(Li, "back from leave", new LocalDate(2026, 4, 1), At(3, 31, 3, 0)),
        ["volunteers/volunteer.left.json"] = new VolunteerLeft(Li, "moved away", new LocalDate(2026, 5, 1), At(4, 30, 3, 0)),
        ["volunteers/volunteer.training-recorded.json"] = new TrainingRecorded(Wang, Training, "First aid", "CPR and bandaging", 120, "Gulou Red Cross", new LocalDate(2026, 1, 20), At(1, 20, 8, 0)),
        ["volunteers/volunteer.award-recorded.json"] = new AwardRecorded(Wang, Award, "Star volunteer ★★★★★", new LocalDate(2026, 3, 5), "Gulou district", At(3, 5, 8, 0)),
        ["volunteers/volunteer.export-consent-granted.json"] = new ExportConsentGranted(Wang, At(2, 1, 1, 0), ConsentMethod.Electronic, At(2, 1, 1, 1)),
        ["volunteers/volunteer.export-consent-withdrawn.json"] = new ExportConsentWithdrawn(Wang, At(2, 10, 1, 0)),
        ["volunteers/volunteer.personal-data-updated.json"] = new PersonalDataUpdated(Wang, At(2, 15, 1, 0)),
        ["volunteers/volunteer.personal-data-erased.json"] = new PersonalDataErased(Li, "at the volunteer's request", At(6, 1, 1, 0)),
        ["volunteers/volunteer.personal-data.json"] = new PersonalData(
            "王秀英", Gender.Female, new LocalDate(1970, 5, 12), IdDocumentType.ResidentIdCard, ResidentIdNumber.WithCheckCharacter("32010219700512123"),
            new ResidenceArea("Nanjing", "Gulou", "Ninghai Lane"), "13912345678")
        {
            Skills = ["理发 haircut", "computer help"],
            ServiceCategories = [ServiceCategory.ElderCare, ServiceCategory.Health],
        },

        ["activities/activity.planned.json"] = new ActivityPlanned(Activity, "Haircuts at the day centre", ServiceCategory.ElderCare, Station, Team, Wang, "Ninghai Road day centre, room 2", new LocalDateTime(2026, 6, 15, 14, 0), new LocalDateTime(2026, 6, 15, 17, 30), "Asia/Shanghai", 8, ActivityKind.DoorToDoorService, true, At(6, 1, 2, 0)),
        ["activities/activity.cancelled.json"] = new ActivityCancelled("heavy rain", At(6, 15, 4, 0)),
        ["activities/activity.beneficiaries-recorded.json"] = new BeneficiariesRecorded(23, At(6, 15, 10, 0)),
        ["activities/activity.participant-signed-up.json"] = new ParticipantSignedUp(Participation, Li, At(6, 2, 2, 0)),
        ["activities/activity.participant-withdrew.json"] = new ParticipantWithdrew(Participation, At(6, 3, 2, 0)),
        ["activities/activity.participant-checked-in.json"] = new ParticipantCheckedIn(Participation, At(6, 15, 6, 0).PlusNanoseconds(123_456_789)),
        ["activities/activity.participant-checked-out.json"] = new ParticipantCheckedOut(Participation, At(6, 15, 9, 30)),
        ["activities/activity.service-time-recorded.json"] = new ServiceTimeRecorded(Participation, TimeCredit.FromMinutes(210), At(6, 15, 10, 0), null),
        ["activities/activity.participation-evaluated.json"] = new ParticipationEvaluated(Participation, 5, new LocalDate(2026, 6, 25), At(6, 25, 2, 0), "entered after the deadline"),
        ["activities/activity.participation-confirmed.json"] = new ParticipationConfirmed(Participation, Wang, ConfirmerRole.Recipient, At(6, 15, 9, 40)),
        ["activities/activity.participation-verified.json"] = new ParticipationVerified(Participation, Li, TimeCredit.FromMinutes(210), TimeCredit.FromMinutes(180), TimeCredit.FromMinutes(30), At(6, 16, 2, 0)),
        ["activities/activity.correction-requested.json"] = new CorrectionRequested(Participation, 1, Li, "I stayed until 18:00", TimeCredit.FromMinutes(240), At(6, 17, 2, 0)),
        ["activities/activity.correction-accepted.json"] = new CorrectionAccepted(Participation, 1, TimeCredit.FromMinutes(240), TimeCredit.FromMinutes(210), "confirmed by the leader", true, TimeCredit.FromMinutes(180), TimeCredit.FromMinutes(60), At(6, 18, 2, 0)),
        ["activities/activity.correction-rejected.json"] = new CorrectionRejected(Participation, 2, "no witness", At(6, 19, 2, 0)),

        ["aid/aid.programme-established.json"] = new ProgrammeEstablished(
            Programme, "湖南路幸福驿站 happiness fund", ProgrammeKind.HouseholdAid, "Asia/Shanghai", AidPeriodUnit.Month, BenefitStandardKind.PerMember, Money.FromYuan(300),
            [BeneficiaryKind.Household, BeneficiaryKind.Student], [HardshipCategory.MinimumLiving, HardshipCategory.MarginalLowIncome], Money.FromYuan(3_000), true, 7, Money.FromYuan(1_000), At(3, 1, 1, 0)),
        ["aid/aid.budget-set.json"] = new BudgetSet(new LocalDate(2026, 3, 1), Money.FromYuan(20_000), At(3, 1, 1, 5)),
        ["aid/aid.funds-received.json"] = new FundsReceived(Contribution, Donor, FundSource.Donation, Money.FromFen(5_000_050), At(3, 1, 2, 0).PlusNanoseconds(1)),
        ["aid/aid.committed.json"] = new AidCommitted(Application, Household, "living", 2026, [new PeriodAmount(new LocalDate(2026, 3, 1), Money.FromYuan(900)), new PeriodAmount(new LocalDate(2026, 4, 1), Money.FromYuan(1_800))], At(3, 9, 2, 0)),
        ["aid/aid.commitment-released.json"] = new CommitmentReleased(Application, [new PeriodAmount(new LocalDate(2026, 4, 1), Money.FromYuan(900))], At(4, 10, 2, 0)),
        ["aid/aid.application-submitted.json"] = new ApplicationSubmitted(
            Application, Programme, Household, BeneficiaryKind.Household, "王*明", 3, "Hunan Road", HardshipCategory.MinimumLiving, null, "living", Money.FromYuan(2_700), Handler, Relative, false, At(3, 2, 1, 0)),
        ["aid/aid.application-reviewed.json"] = new ApplicationReviewed(Reviewer, ReviewKind.Initial, "home visit: three members, no income", At(3, 2, 3, 0)),
        ["aid/aid.first-opinion-given.json"] = new FirstOpinionGiven(Reviewer, [new AidInstalment(new LocalDate(2026, 3, 2), Money.FromYuan(900)), new AidInstalment(new LocalDate(2026, 4, 2), Money.FromYuan(900)), new AidInstalment(new LocalDate(2026, 4, 30), Money.FromYuan(900))], "meets the standard: ¥300 × 3", At(3, 2, 5, 0)),
        ["aid/aid.notice-published.json"] = new NoticePublished(Clerk, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 9), At(3, 2, 6, 0)),
        ["aid/aid.objection-lodged.json"] = new ObjectionLodged(1, "the household owns a car", At(3, 5, 2, 0)),
        ["aid/aid.objection-resolved.json"] = new ObjectionResolved(1, Clerk, false, "the car belongs to a son living elsewhere", At(3, 6, 2, 0)),
        ["aid/aid.application-approved.json"] = new ApplicationApproved(Approver, Money.FromYuan(2_700), At(3, 9, 2, 0)),
        ["aid/aid.application-rejected.json"] = new ApplicationRejected(Approver, "income above the line", At(3, 9, 3, 0)),
        ["aid/aid.urgent-granted.json"] = new UrgentAidGranted(Approver, Money.FromYuan(800), new LocalDate(2026, 3, 20), At(3, 20, 2, 0)),
        ["aid/aid.urgent-documented.json"] = new UrgentAidDocumented(Clerk, "archive/2026/fire-7", "receipts and the fire brigade's report", At(3, 24, 2, 0)),
        ["aid/aid.payment-made.json"] = new PaymentMade(Payment, 1, Money.FromYuan(900), At(3, 9, 2, 0).PlusNanoseconds(2)),
        ["aid/aid.payment-reversed.json"] = new PaymentReversed(Payment, Clerk, "bank account closed", At(3, 12, 2, 0)),
        ["aid/aid.approval-revoked.json"] = new ApprovalRevoked(Approver, "moved out of the district", new LocalDate(2026, 4, 10), Money.FromYuan(1_800), At(4, 10, 2, 0)),
        ["aid/aid.wish-posted.json"] = new WishPosted(Wish, WishRound, Child, "陈*雨", "Hunan Road", "a schoolbag 书包", Money.FromYuan(120), Clerk, At(5, 20, 2, 0)),
        ["aid/aid.wish-claimed.json"] = new WishClaimed(Donor, At(5, 21, 2, 0)),
        ["aid/aid.wish-claim-released.json"] = new WishClaimReleased("the donor moved away", At(5, 22, 2, 0)),
        ["aid/aid.wish-fulfilled.json"] = new WishFulfilled("receipts/2026/0601-17.jpg", At(6, 1, 2, 0)),
        ["aid/aid.wish-cancelled.json"] = new WishCancelled("the family moved away", At(6, 2, 2, 0)),

        ["certificates/certificate.issued.json"] = new CertificateIssued(Certificate() with { VolunteerName = string.Empty, MaskedIdNumber = string.Empty }, At(7, 1, 2, 0)),
        ["certificates/certificate.service-certificate.json"] = Certificate(),

        ["lovebank/lovebank.passbook-opened.json"] = new PassbookOpened(Passbook, Scheme, PassbookHolderKind.Household, PassbookHousehold, At(7, 1, 1, 0)),
        ["lovebank/lovebank.points-awarded.json"] = new PointsAwarded(Participation.Value, 0, ContributionKind.VolunteerService, "Haircuts at the day centre", 120, 2, 1, At(7, 2, 2, 0), Instant.FromUtc(2029, 7, 2, 2, 0)),
        ["lovebank/lovebank.award-reversed.json"] = new AwardReversed(Participation.Value, 0, 2, "corrected", At(7, 3, 2, 0)),
        ["lovebank/lovebank.points-deducted.json"] = new PointsDeducted(Deduction, "no-show", "missed two booked activities 两次未到", 3, 2, At(7, 4, 2, 0)),
        ["lovebank/lovebank.points-expired.json"] = new PointsExpired(Passbook.Value, 0, 20, Instant.FromUtc(2029, 7, 1, 1, 0), Instant.FromUtc(2029, 7, 1, 16, 0).PlusNanoseconds(500_000_000)),
        ["lovebank/lovebank.redemption-reserved.json"] = new RedemptionReserved(Redemption, Umbrella, Supermarket, 2, 60, CodeHash, At(7, 8, 2, 0), 2, At(7, 5, 2, 0)),
        ["lovebank/lovebank.redemption-fulfilled.json"] = new RedemptionFulfilled(Redemption, At(7, 6, 3, 30)),
        ["lovebank/lovebank.redemption-cancelled.json"] = new RedemptionCancelled(Redemption, true, At(7, 8, 2, 0)),
        ["lovebank/lovebank.points-exchanged.json"] = new PointsExchanged(Exchange, ExchangeDirection.PointsToVoucher, false, 10, 500, 2, At(7, 9, 2, 0), null),
        ["lovebank/lovebank.item-listed.json"] = new ItemListed(
            new CatalogueItem(Umbrella, "Umbrella 雨伞", 30)
            {
                LimitPerPeriod = 1, LimitPeriod = LimitPeriod.Month, AvailableFrom = At(7, 1, 0, 0), AvailableUntil = null,
                MinimumServiceMinutes = 300, OnlyFor = PassbookHolderKind.Household,
            },
            At(6, 30, 8, 0)),
        ["lovebank/lovebank.item-withdrawn.json"] = new ItemWithdrawn(Umbrella, At(12, 31, 8, 0)),
        ["lovebank/lovebank.outlet-opened.json"] = new OutletOpened(Supermarket, "湖南路爱心超市", At(6, 30, 7, 0)),
    };

    /// <summary>A certificate of Li's verified participation.</summary>
    public static ServiceCertificate Certificate() => new()
    {
        Number = "GLHN-2026-000001",
        IssuedOn = "2026-07-01",
        IssuerUnit = Station.Value,
        IssuerCode = "GLHN",
        IssuerName = "湖南路新时代文明实践站",
        ResponsiblePerson = "Zhao Lei",
        Handler = "Sun Li",
        Contact = "025-8888 0000",
        Volunteer = Li.Value,
        VolunteerNumber = "GL-0002",
        VolunteerName = "Li Ming",
        IdType = "Passport",
        MaskedIdNumber = "E9*****32",
        PeriodStart = "2026-06-01",
        PeriodEnd = "2026-06-30",
        TotalMinutes = 240,
        TotalHours = "4",
        Categories = ["elder-care"],
        Entries =
        [
            new CertificateEntry
            {
                Activity = Activity.Value, Participation = Participation.Value, Date = "2026-06-15",
                ActivityName = "Haircuts at the day centre", Category = "elder-care", CreditedMinutes = 240, RecordVersion = 12,
            },
        ],
        ContentHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    };

    /// <summary>The type name a fixture file holds: its file name without the extension.</summary>
    public static string TypeNameOf(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>Asserts two values are the same field by field (every public property; lists item by item in order),
    /// naming the first field that differs.</summary>
    public static void AssertSameFields(string label, object expected, object actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            if (!SameValue(e, a))
            {
                throw new XunitException($"{label}: {property.Name} should be {Show(e)} but is {Show(a)}.");
            }
        }
    }

    private static bool SameValue(object? expected, object? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (IsPlainDataClass(expected.GetType()))
        {
            try
            {
                AssertSameFields(expected.GetType().Name, expected, actual);
                return true;
            }
            catch (XunitException)
            {
                return false;
            }
        }

        if (expected is ImmutableArray<string> { IsDefault: true } || actual is ImmutableArray<string> { IsDefault: true })
        {
            return expected is ImmutableArray<string> { IsDefault: true } && actual is ImmutableArray<string> { IsDefault: true };
        }

        if (expected is IEnumerable left and not string && actual is IEnumerable right)
        {
            return left.Cast<object?>().ToList() is var l && right.Cast<object?>().ToList() is var r && l.Count == r.Count && l.Zip(r).All(p => SameValue(p.First, p.Second));
        }

        return Equals(expected, actual);
    }

    /// <summary>A class of the domain assembly (a DTO such as <see cref="ServiceCertificate"/>, which keeps reference
    /// equality or, as a record, compares its lists by reference): compared field by field instead. Arrays of domain
    /// values (whose type reports the element's assembly) are lists, compared item by item.</summary>
    private static bool IsPlainDataClass(Type type)
        => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.Assembly == typeof(UnitFounded).Assembly;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static Instant At(int month, int day, int hour, int minute) => Instant.FromUtc(2026, month, day, hour, minute);
}

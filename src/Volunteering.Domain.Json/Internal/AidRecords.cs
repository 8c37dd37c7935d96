using System.Collections.Frozen;
using NodaTime;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The record types of <see cref="ProgrammeEvent"/>, <see cref="AidApplicationEvent"/> and
/// <see cref="MicroWishEvent"/>, version 1 (see <c>docs/schema.md</c>). Money is CNY, stored as whole fen. Events
/// after the first of a stream carry no id of their aggregate: the stream says whose they are.</summary>
internal static class AidRecords
{
    private static readonly FrozenSet<string> InstalmentFields = new[] { "dueOn", "amount" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> PeriodFields = new[] { "periodStart", "amount" }.ToFrozenSet(StringComparer.Ordinal);

    // ---------------------------------------------------------------- programmes

    public static RecordType<ProgrammeEstablished> ProgrammeEstablished { get; } = DomainRecord.Define<ProgrammeEstablished>(
        "aid.programme-established",
        ["programmeId", "name", "kind", "zoneId", "periodUnit", "standardKind", "standardAmount", "eligibleKinds", "eligibleCategories", "beneficiaryCapPerPeriod", "oncePerCausePerYear", "noticeDays", "urgentLimit", "at"],
        static (w, e) =>
        {
            w.Id("programmeId", e.ProgrammeId.Value);
            w.Text("name", e.Name);
            w.Enum("kind", e.Kind);
            w.Text("zoneId", e.ZoneId);
            w.Enum("periodUnit", e.PeriodUnit);
            w.Enum("standardKind", e.StandardKind);
            w.Fen("standardAmount", e.StandardAmount, 1);
            w.Enums("eligibleKinds", e.EligibleKinds);
            w.Enums("eligibleCategories", e.EligibleCategories);
            w.OptionalFen("beneficiaryCapPerPeriod", e.BeneficiaryCapPerPeriod, 1);
            w.Boolean("oncePerCausePerYear", e.OncePerCausePerYear);
            w.Int32("noticeDays", e.NoticeDays, 1, ProgrammeTerms.MaxNoticeDays);
            w.Fen("urgentLimit", e.UrgentLimit);
            w.Instant("at", e.At);
        },
        static r => new ProgrammeEstablished(
            new ProgrammeId(r.Id("programmeId")),
            r.Text("name"),
            r.Enum<ProgrammeKind>("kind"),
            r.Text("zoneId"),
            r.Enum<AidPeriodUnit>("periodUnit"),
            r.Enum<BenefitStandardKind>("standardKind"),
            r.Fen("standardAmount", 1),
            r.Enums<BeneficiaryKind>("eligibleKinds"),
            r.Enums<HardshipCategory>("eligibleCategories"),
            r.OptionalFen("beneficiaryCapPerPeriod", 1),
            r.Boolean("oncePerCausePerYear"),
            r.Int32("noticeDays", 1, ProgrammeTerms.MaxNoticeDays),
            r.Fen("urgentLimit"),
            r.Instant("at")));

    public static RecordType<BudgetSet> BudgetSet { get; } = DomainRecord.Define<BudgetSet>(
        "aid.budget-set",
        ["periodStart", "amount", "at"],
        static (w, e) =>
        {
            w.Date("periodStart", e.PeriodStart);
            w.Fen("amount", e.Amount);
            w.Instant("at", e.At);
        },
        static r => new BudgetSet(r.Date("periodStart"), r.Fen("amount"), r.Instant("at")));

    public static RecordType<FundsReceived> FundsReceived { get; } = DomainRecord.Define<FundsReceived>(
        "aid.funds-received",
        ["contributionId", "donor", "source", "amount", "at"],
        static (w, e) =>
        {
            w.Id("contributionId", e.ContributionId.Value);
            w.Id("donor", e.Donor.Value);
            w.Enum("source", e.Source);
            w.Fen("amount", e.Amount, 1);
            w.Instant("at", e.At);
        },
        static r => new FundsReceived(new ContributionId(r.Id("contributionId")), new DonorId(r.Id("donor")), r.Enum<FundSource>("source"), r.Fen("amount", 1), r.Instant("at")));

    public static RecordType<AidCommitted> AidCommitted { get; } = DomainRecord.Define<AidCommitted>(
        "aid.committed",
        ["applicationId", "beneficiary", "cause", "year", "periods", "at"],
        static (w, e) =>
        {
            w.Id("applicationId", e.ApplicationId.Value);
            w.Id("beneficiary", e.Beneficiary.Value);
            w.Text("cause", e.Cause);
            w.Int32("year", e.Year, -9998, 9999);
            WritePeriods(w, e.Periods);
            w.Instant("at", e.At);
        },
        static r => new AidCommitted(
            new AidApplicationId(r.Id("applicationId")), new BeneficiaryId(r.Id("beneficiary")), r.Text("cause"), r.Int32("year", -9998, 9999), ReadPeriods(r), r.Instant("at")));

    public static RecordType<CommitmentReleased> CommitmentReleased { get; } = DomainRecord.Define<CommitmentReleased>(
        "aid.commitment-released",
        ["applicationId", "periods", "at"],
        static (w, e) =>
        {
            w.Id("applicationId", e.ApplicationId.Value);
            WritePeriods(w, e.Periods);
            w.Instant("at", e.At);
        },
        static r => new CommitmentReleased(new AidApplicationId(r.Id("applicationId")), ReadPeriods(r), r.Instant("at")));

    // ---------------------------------------------------------------- applications

    public static RecordType<ApplicationSubmitted> ApplicationSubmitted { get; } = DomainRecord.Define<ApplicationSubmitted>(
        "aid.application-submitted",
        ["applicationId", "programme", "beneficiary", "beneficiaryKind", "maskedName", "householdSize", "community", "category", "school", "cause", "requested", "handler", "relatedStaff", "isUrgent", "at"],
        static (w, e) =>
        {
            w.Id("applicationId", e.ApplicationId.Value);
            w.Id("programme", e.Programme.Value);
            w.Id("beneficiary", e.Beneficiary.Value);
            w.Enum("beneficiaryKind", e.BeneficiaryKind);
            w.Text("maskedName", e.MaskedName);
            w.Int32("householdSize", e.HouseholdSize, 1, AidBeneficiary.MaxHouseholdSize);
            w.Text("community", e.Community);
            w.Enum("category", e.Category);
            w.OptionalText("school", e.School);
            w.Text("cause", e.Cause);
            w.Fen("requested", e.Requested, 1);
            w.Id("handler", e.Handler.Value);
            w.OptionalId("relatedStaff", e.RelatedStaff?.Value);
            w.Boolean("isUrgent", e.IsUrgent);
            w.Instant("at", e.At);
        },
        static r => new ApplicationSubmitted(
            new AidApplicationId(r.Id("applicationId")),
            new ProgrammeId(r.Id("programme")),
            new BeneficiaryId(r.Id("beneficiary")),
            r.Enum<BeneficiaryKind>("beneficiaryKind"),
            r.Text("maskedName"),
            r.Int32("householdSize", 1, AidBeneficiary.MaxHouseholdSize),
            r.Text("community"),
            r.Enum<HardshipCategory>("category"),
            r.OptionalText("school"),
            r.Text("cause"),
            r.Fen("requested", 1),
            new StaffId(r.Id("handler")),
            r.OptionalId("relatedStaff") is { } related ? new StaffId(related) : null,
            r.Boolean("isUrgent"),
            r.Instant("at")));

    public static RecordType<ApplicationReviewed> ApplicationReviewed { get; } = DomainRecord.Define<ApplicationReviewed>(
        "aid.application-reviewed",
        ["reviewer", "kind", "finding", "at"],
        static (w, e) =>
        {
            w.Id("reviewer", e.Reviewer.Value);
            w.Enum("kind", e.Kind);
            w.Text("finding", e.Finding);
            w.Instant("at", e.At);
        },
        static r => new ApplicationReviewed(new StaffId(r.Id("reviewer")), r.Enum<ReviewKind>("kind"), r.Text("finding"), r.Instant("at")));

    public static RecordType<FirstOpinionGiven> FirstOpinionGiven { get; } = DomainRecord.Define<FirstOpinionGiven>(
        "aid.first-opinion-given",
        ["by", "instalments", "note", "at"],
        static (w, e) =>
        {
            w.Id("by", e.By.Value);
            w.Objects("instalments", e.Instalments, static (i, instalment) =>
            {
                i.Date("dueOn", instalment.DueOn);
                i.Fen("amount", instalment.Amount, 1);
            });
            w.Text("note", e.Note);
            w.Instant("at", e.At);
        },
        static r => new FirstOpinionGiven(
            new StaffId(r.Id("by")),
            r.Objects("instalments", InstalmentFields, static i => new AidInstalment(i.Date("dueOn"), i.Fen("amount", 1))),
            r.Text("note"),
            r.Instant("at")));

    public static RecordType<NoticePublished> NoticePublished { get; } = DomainRecord.Define<NoticePublished>(
        "aid.notice-published",
        ["by", "from", "endsOn", "at"],
        static (w, e) =>
        {
            w.Id("by", e.By.Value);
            w.Date("from", e.From);
            w.Date("endsOn", e.EndsOn);
            w.Instant("at", e.At);
        },
        static r => new NoticePublished(new StaffId(r.Id("by")), r.Date("from"), r.Date("endsOn"), r.Instant("at")));

    public static RecordType<ObjectionLodged> ObjectionLodged { get; } = DomainRecord.Define<ObjectionLodged>(
        "aid.objection-lodged",
        ["sequence", "summary", "at"],
        static (w, e) =>
        {
            w.Int32("sequence", e.Sequence, 1);
            w.Text("summary", e.Summary);
            w.Instant("at", e.At);
        },
        static r => new ObjectionLodged(r.Int32("sequence", 1), r.Text("summary"), r.Instant("at")));

    public static RecordType<ObjectionResolved> ObjectionResolved { get; } = DomainRecord.Define<ObjectionResolved>(
        "aid.objection-resolved",
        ["sequence", "reviewer", "upheld", "finding", "at"],
        static (w, e) =>
        {
            w.Int32("sequence", e.Sequence, 1);
            w.Id("reviewer", e.Reviewer.Value);
            w.Boolean("upheld", e.Upheld);
            w.Text("finding", e.Finding);
            w.Instant("at", e.At);
        },
        static r => new ObjectionResolved(r.Int32("sequence", 1), new StaffId(r.Id("reviewer")), r.Boolean("upheld"), r.Text("finding"), r.Instant("at")));

    public static RecordType<ApplicationApproved> ApplicationApproved { get; } = DomainRecord.Define<ApplicationApproved>(
        "aid.application-approved",
        ["approver", "amount", "at"],
        static (w, e) =>
        {
            w.Id("approver", e.Approver.Value);
            w.Fen("amount", e.Amount, 1);
            w.Instant("at", e.At);
        },
        static r => new ApplicationApproved(new StaffId(r.Id("approver")), r.Fen("amount", 1), r.Instant("at")));

    public static RecordType<ApplicationRejected> ApplicationRejected { get; } = DomainRecord.Define<ApplicationRejected>(
        "aid.application-rejected",
        ["by", "reason", "at"],
        static (w, e) => StaffReason(w, e.By, e.Reason, e.At),
        static r => new ApplicationRejected(new StaffId(r.Id("by")), r.Text("reason"), r.Instant("at")));

    public static RecordType<UrgentAidGranted> UrgentAidGranted { get; } = DomainRecord.Define<UrgentAidGranted>(
        "aid.urgent-granted",
        ["authorisedBy", "amount", "dueOn", "at"],
        static (w, e) =>
        {
            w.Id("authorisedBy", e.AuthorisedBy.Value);
            w.Fen("amount", e.Amount, 1);
            w.Date("dueOn", e.DueOn);
            w.Instant("at", e.At);
        },
        static r => new UrgentAidGranted(new StaffId(r.Id("authorisedBy")), r.Fen("amount", 1), r.Date("dueOn"), r.Instant("at")));

    public static RecordType<UrgentAidDocumented> UrgentAidDocumented { get; } = DomainRecord.Define<UrgentAidDocumented>(
        "aid.urgent-documented",
        ["by", "evidence", "note", "at"],
        static (w, e) =>
        {
            w.Id("by", e.By.Value);
            w.Text("evidence", e.Evidence);
            w.Text("note", e.Note);
            w.Instant("at", e.At);
        },
        static r => new UrgentAidDocumented(new StaffId(r.Id("by")), r.Text("evidence"), r.Text("note"), r.Instant("at")));

    public static RecordType<PaymentMade> PaymentMade { get; } = DomainRecord.Define<PaymentMade>(
        "aid.payment-made",
        ["paymentId", "instalment", "amount", "at"],
        static (w, e) =>
        {
            w.Id("paymentId", e.PaymentId.Value);
            w.Int32("instalment", e.Instalment, 1);
            w.Fen("amount", e.Amount, 1);
            w.Instant("at", e.At);
        },
        static r => new PaymentMade(new PaymentId(r.Id("paymentId")), r.Int32("instalment", 1), r.Fen("amount", 1), r.Instant("at")));

    public static RecordType<PaymentReversed> PaymentReversed { get; } = DomainRecord.Define<PaymentReversed>(
        "aid.payment-reversed",
        ["paymentId", "by", "reason", "at"],
        static (w, e) =>
        {
            w.Id("paymentId", e.PaymentId.Value);
            w.Id("by", e.By.Value);
            w.Text("reason", e.Reason);
            w.Instant("at", e.At);
        },
        static r => new PaymentReversed(new PaymentId(r.Id("paymentId")), new StaffId(r.Id("by")), r.Text("reason"), r.Instant("at")));

    public static RecordType<ApprovalRevoked> ApprovalRevoked { get; } = DomainRecord.Define<ApprovalRevoked>(
        "aid.approval-revoked",
        ["by", "reason", "effectiveFrom", "released", "at"],
        static (w, e) =>
        {
            w.Id("by", e.By.Value);
            w.Text("reason", e.Reason);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Fen("released", e.Released, 1);
            w.Instant("at", e.At);
        },
        static r => new ApprovalRevoked(new StaffId(r.Id("by")), r.Text("reason"), r.Date("effectiveFrom"), r.Fen("released", 1), r.Instant("at")));

    // ---------------------------------------------------------------- micro-wishes

    public static RecordType<WishPosted> WishPosted { get; } = DomainRecord.Define<WishPosted>(
        "aid.wish-posted",
        ["wishId", "programme", "beneficiary", "maskedName", "community", "item", "estimatedCost", "postedBy", "at"],
        static (w, e) =>
        {
            w.Id("wishId", e.WishId.Value);
            w.Id("programme", e.Programme.Value);
            w.Id("beneficiary", e.Beneficiary.Value);
            w.Text("maskedName", e.MaskedName);
            w.Text("community", e.Community);
            w.Text("item", e.Item);
            w.Fen("estimatedCost", e.EstimatedCost, 1);
            w.Id("postedBy", e.PostedBy.Value);
            w.Instant("at", e.At);
        },
        static r => new WishPosted(
            new WishId(r.Id("wishId")),
            new ProgrammeId(r.Id("programme")),
            new BeneficiaryId(r.Id("beneficiary")),
            r.Text("maskedName"),
            r.Text("community"),
            r.Text("item"),
            r.Fen("estimatedCost", 1),
            new StaffId(r.Id("postedBy")),
            r.Instant("at")));

    public static RecordType<WishClaimed> WishClaimed { get; } = DomainRecord.Define<WishClaimed>(
        "aid.wish-claimed",
        ["donor", "at"],
        static (w, e) =>
        {
            w.Id("donor", e.Donor.Value);
            w.Instant("at", e.At);
        },
        static r => new WishClaimed(new DonorId(r.Id("donor")), r.Instant("at")));

    public static RecordType<WishClaimReleased> WishClaimReleased { get; } = DomainRecord.Define<WishClaimReleased>(
        "aid.wish-claim-released",
        ["reason", "at"],
        static (w, e) => TextAt(w, "reason", e.Reason, e.At),
        static r => new WishClaimReleased(r.Text("reason"), r.Instant("at")));

    public static RecordType<WishFulfilled> WishFulfilled { get; } = DomainRecord.Define<WishFulfilled>(
        "aid.wish-fulfilled",
        ["evidence", "at"],
        static (w, e) => TextAt(w, "evidence", e.Evidence, e.At),
        static r => new WishFulfilled(r.Text("evidence"), r.Instant("at")));

    public static RecordType<WishCancelled> WishCancelled { get; } = DomainRecord.Define<WishCancelled>(
        "aid.wish-cancelled",
        ["reason", "at"],
        static (w, e) => TextAt(w, "reason", e.Reason, e.At),
        static r => new WishCancelled(r.Text("reason"), r.Instant("at")));

    public static IReadOnlyList<RecordType> All { get; } =
    [
        ProgrammeEstablished, BudgetSet, FundsReceived, AidCommitted, CommitmentReleased,
        ApplicationSubmitted, ApplicationReviewed, FirstOpinionGiven, NoticePublished, ObjectionLodged, ObjectionResolved,
        ApplicationApproved, ApplicationRejected, UrgentAidGranted, UrgentAidDocumented, PaymentMade, PaymentReversed, ApprovalRevoked,
        WishPosted, WishClaimed, WishClaimReleased, WishFulfilled, WishCancelled,
    ];

    private static void WritePeriods(FieldWriter w, IReadOnlyList<PeriodAmount> periods)
        => w.Objects("periods", periods, static (p, period) =>
        {
            p.Date("periodStart", period.PeriodStart);
            p.Fen("amount", period.Amount, 1);
        });

    private static IReadOnlyList<PeriodAmount> ReadPeriods(FieldReader r)
        => r.Objects("periods", PeriodFields, static p => new PeriodAmount(p.Date("periodStart"), p.Fen("amount", 1)));

    private static void StaffReason(FieldWriter w, StaffId by, string reason, Instant at)
    {
        w.Id("by", by.Value);
        w.Text("reason", reason);
        w.Instant("at", at);
    }

    private static void TextAt(FieldWriter w, string name, string text, Instant at)
    {
        w.Text(name, text);
        w.Instant("at", at);
    }
}

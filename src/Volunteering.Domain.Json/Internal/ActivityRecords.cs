using Volunteering.Domain.Activities;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The record types of <see cref="ActivityEvent"/>, version 1 (see <c>docs/schema.md</c>). Events after the
/// first carry no activity id: the activity is the stream they are stored in.</summary>
internal static class ActivityRecords
{
    public static RecordType<ActivityPlanned> ActivityPlanned { get; } = DomainRecord.Define<ActivityPlanned>(
        "activity.planned",
        ["activityId", "name", "category", "unit", "team", "leader", "location", "start", "end", "zoneId", "capacity", "kind", "isVolunteerService", "at"],
        static (w, e) =>
        {
            w.Id("activityId", e.ActivityId.Value);
            w.Text("name", e.Name);
            w.Category("category", e.Category);
            w.Id("unit", e.Unit.Value);
            w.OptionalId("team", e.Team?.Value);
            w.Id("leader", e.Leader.Value);
            w.Text("location", e.Location);
            w.DateTime("start", e.Start);
            w.DateTime("end", e.End);
            w.Text("zoneId", e.ZoneId);
            w.Int32("capacity", e.Capacity, 1);
            w.Enum("kind", e.Kind);
            w.Boolean("isVolunteerService", e.IsVolunteerService);
            w.Instant("at", e.At);
        },
        static r => new ActivityPlanned(
            r.ActivityId("activityId"),
            r.Text("name"),
            r.Category("category"),
            r.UnitId("unit"),
            r.OptionalTeamId("team"),
            r.VolunteerId("leader"),
            r.Text("location"),
            r.DateTime("start"),
            r.DateTime("end"),
            r.Text("zoneId"),
            r.Int32("capacity", 1),
            r.Enum<ActivityKind>("kind"),
            r.Boolean("isVolunteerService"),
            r.Instant("at")));

    public static RecordType<ActivityCancelled> ActivityCancelled { get; } = DomainRecord.Define<ActivityCancelled>(
        "activity.cancelled",
        ["reason", "at"],
        static (w, e) =>
        {
            w.Text("reason", e.Reason);
            w.Instant("at", e.At);
        },
        static r => new ActivityCancelled(r.Text("reason"), r.Instant("at")));

    public static RecordType<BeneficiariesRecorded> BeneficiariesRecorded { get; } = DomainRecord.Define<BeneficiariesRecorded>(
        "activity.beneficiaries-recorded",
        ["count", "at"],
        static (w, e) =>
        {
            w.Int32("count", e.Count, 0);
            w.Instant("at", e.At);
        },
        static r => new BeneficiariesRecorded(r.Int32("count", 0), r.Instant("at")));

    public static RecordType<ParticipantSignedUp> ParticipantSignedUp { get; } = DomainRecord.Define<ParticipantSignedUp>(
        "activity.participant-signed-up",
        ["participationId", "volunteer", "at"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Id("volunteer", e.Volunteer.Value);
            w.Instant("at", e.At);
        },
        static r => new ParticipantSignedUp(r.ParticipationId("participationId"), r.VolunteerId("volunteer"), r.Instant("at")));

    public static RecordType<ParticipantWithdrew> ParticipantWithdrew { get; } = DomainRecord.Define<ParticipantWithdrew>(
        "activity.participant-withdrew",
        ["participationId", "at"],
        static (w, e) => ParticipationAt(w, e.ParticipationId.Value, e.At),
        static r => new ParticipantWithdrew(r.ParticipationId("participationId"), r.Instant("at")));

    public static RecordType<ParticipantCheckedIn> ParticipantCheckedIn { get; } = DomainRecord.Define<ParticipantCheckedIn>(
        "activity.participant-checked-in",
        ["participationId", "at"],
        static (w, e) => ParticipationAt(w, e.ParticipationId.Value, e.At),
        static r => new ParticipantCheckedIn(r.ParticipationId("participationId"), r.Instant("at")));

    public static RecordType<ParticipantCheckedOut> ParticipantCheckedOut { get; } = DomainRecord.Define<ParticipantCheckedOut>(
        "activity.participant-checked-out",
        ["participationId", "at"],
        static (w, e) => ParticipationAt(w, e.ParticipationId.Value, e.At),
        static r => new ParticipantCheckedOut(r.ParticipationId("participationId"), r.Instant("at")));

    public static RecordType<ServiceTimeRecorded> ServiceTimeRecorded { get; } = DomainRecord.Define<ServiceTimeRecorded>(
        "activity.service-time-recorded",
        ["participationId", "creditedTime", "at", "correctionReason"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Minutes("creditedTime", e.CreditedTime);
            w.Instant("at", e.At);
            w.OptionalText("correctionReason", e.CorrectionReason);
        },
        static r => new ServiceTimeRecorded(r.ParticipationId("participationId"), r.Minutes("creditedTime"), r.Instant("at"), r.OptionalText("correctionReason")));

    public static RecordType<ParticipationEvaluated> ParticipationEvaluated { get; } = DomainRecord.Define<ParticipationEvaluated>(
        "activity.participation-evaluated",
        ["participationId", "rating", "evaluatedOn", "at", "correctionReason"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Int32("rating", e.Rating, 1, Activity.MaxRating);
            w.Date("evaluatedOn", e.EvaluatedOn);
            w.Instant("at", e.At);
            w.OptionalText("correctionReason", e.CorrectionReason);
        },
        static r => new ParticipationEvaluated(
            r.ParticipationId("participationId"), r.Int32("rating", 1, Activity.MaxRating), r.Date("evaluatedOn"), r.Instant("at"), r.OptionalText("correctionReason")));

    public static RecordType<ParticipationConfirmed> ParticipationConfirmed { get; } = DomainRecord.Define<ParticipationConfirmed>(
        "activity.participation-confirmed",
        ["participationId", "confirmedBy", "role", "at"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Id("confirmedBy", e.ConfirmedBy.Value);
            w.Enum("role", e.Role);
            w.Instant("at", e.At);
        },
        static r => new ParticipationConfirmed(r.ParticipationId("participationId"), r.VolunteerId("confirmedBy"), r.Enum<ConfirmerRole>("role"), r.Instant("at")));

    public static RecordType<ParticipationVerified> ParticipationVerified { get; } = DomainRecord.Define<ParticipationVerified>(
        "activity.participation-verified",
        ["participationId", "volunteer", "creditedTime", "deposited", "toPool", "at"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Id("volunteer", e.Volunteer.Value);
            w.Minutes("creditedTime", e.CreditedTime);
            w.Minutes("deposited", e.Deposited);
            w.Minutes("toPool", e.ToPool);
            w.Instant("at", e.At);
        },
        static r => new ParticipationVerified(
            r.ParticipationId("participationId"), r.VolunteerId("volunteer"), r.Minutes("creditedTime"), r.Minutes("deposited"), r.Minutes("toPool"), r.Instant("at")));

    public static RecordType<CorrectionRequested> CorrectionRequested { get; } = DomainRecord.Define<CorrectionRequested>(
        "activity.correction-requested",
        ["participationId", "sequence", "requestedBy", "reason", "proposedCreditedTime", "at"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Int32("sequence", e.Sequence, 1);
            w.Id("requestedBy", e.RequestedBy.Value);
            w.Text("reason", e.Reason);
            w.Minutes("proposedCreditedTime", e.ProposedCreditedTime);
            w.Instant("at", e.At);
        },
        static r => new CorrectionRequested(
            r.ParticipationId("participationId"), r.Int32("sequence", 1), r.VolunteerId("requestedBy"), r.Text("reason"), r.Minutes("proposedCreditedTime"), r.Instant("at")));

    public static RecordType<CorrectionAccepted> CorrectionAccepted { get; } = DomainRecord.Define<CorrectionAccepted>(
        "activity.correction-accepted",
        ["participationId", "sequence", "creditedTime", "previousCreditedTime", "reason", "recredited", "deposited", "toPool", "at"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Int32("sequence", e.Sequence, 1);
            w.Minutes("creditedTime", e.CreditedTime);
            w.Minutes("previousCreditedTime", e.PreviousCreditedTime);
            w.Text("reason", e.Reason);
            w.Boolean("recredited", e.Recredited);
            w.Minutes("deposited", e.Deposited);
            w.Minutes("toPool", e.ToPool);
            w.Instant("at", e.At);
        },
        static r => new CorrectionAccepted(
            r.ParticipationId("participationId"),
            r.Int32("sequence", 1),
            r.Minutes("creditedTime"),
            r.Minutes("previousCreditedTime"),
            r.Text("reason"),
            r.Boolean("recredited"),
            r.Minutes("deposited"),
            r.Minutes("toPool"),
            r.Instant("at")));

    public static RecordType<CorrectionRejected> CorrectionRejected { get; } = DomainRecord.Define<CorrectionRejected>(
        "activity.correction-rejected",
        ["participationId", "sequence", "reason", "at"],
        static (w, e) =>
        {
            w.Id("participationId", e.ParticipationId.Value);
            w.Int32("sequence", e.Sequence, 1);
            w.Text("reason", e.Reason);
            w.Instant("at", e.At);
        },
        static r => new CorrectionRejected(r.ParticipationId("participationId"), r.Int32("sequence", 1), r.Text("reason"), r.Instant("at")));

    public static IReadOnlyList<RecordType> All { get; } =
    [
        ActivityPlanned, ActivityCancelled, BeneficiariesRecorded, ParticipantSignedUp, ParticipantWithdrew,
        ParticipantCheckedIn, ParticipantCheckedOut, ServiceTimeRecorded, ParticipationEvaluated, ParticipationConfirmed,
        ParticipationVerified, CorrectionRequested, CorrectionAccepted, CorrectionRejected,
    ];

    private static void ParticipationAt(FieldWriter w, Guid participation, NodaTime.Instant at)
    {
        w.Id("participationId", participation);
        w.Instant("at", at);
    }
}

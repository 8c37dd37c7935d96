using NodaTime;
using NodaTime.TimeZones;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using static Volunteering.Domain.Tests.Activities.ActivityTestKit;

namespace Volunteering.Domain.Tests.Activities;

/// <summary>One example per rule of <see cref="Activity"/> and its <see cref="ActivityResult"/> code, through the desk on
/// the in-memory store. Every refusal is also checked to have written nothing.</summary>
public class ActivityRuleTests
{
    private static TimeCredit Minutes(long m) => TimeCredit.FromMinutes(m);

    /// <summary>Runs a command that must be refused with <paramref name="expected"/> (or answer AlreadyDone) and checks
    /// that the store did not move.</summary>
    private static async Task Unchanged(ActivityTestKit kit, ActivityResult expected, Func<ValueTask<ActivityResult>> command)
    {
        var before = await kit.Store.GetPositionAsync();
        Assert.Equal(expected, await command());
        Assert.Equal(before, await kit.Store.GetPositionAsync());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Planning and the activity
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_planned_activity_loads_back_with_its_details_instants_and_stream()
    {
        var kit = await CreateAsync();
        var details = Details(capacity: 12, kind: ActivityKind.DoorToDoorService) with { };
        var id = await kit.PlanAsync(details);
        var activity = await kit.LoadAsync(id);

        Assert.Equal(details, activity.Details);
        Assert.Equal(id, activity.Id);
        Assert.Equal(Activity.StreamFor(id), activity.Stream);
        Assert.Equal("activity-" + id.Value.ToString("N"), activity.Stream.Value);
        Assert.Equal(Instant.FromUtc(2026, 6, 15, 6, 0), activity.Details.StartInstant);
        Assert.Equal(new Interval(Instant.FromUtc(2026, 6, 15, 6, 0), Instant.FromUtc(2026, 6, 15, 9, 0)), activity.Details.Interval);
        Assert.Equal(Minutes(180), activity.MaxCreditedTime);
        Assert.Equal(kit.Now, activity.PlannedAt);
        Assert.Equal(1, activity.Version);
    }

    [Fact]
    public async Task Planning_the_same_id_again_is_AlreadyDone_with_the_same_details_and_refused_with_others()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.PlanAsync(id, Details()));
        await Unchanged(kit, ActivityResult.ActivityExistsWithDifferentDetails, () => kit.Desk.PlanAsync(id, Details(capacity: 3)));
    }

    [Fact]
    public async Task Commands_on_an_unknown_activity_answer_ActivityNotFound()
    {
        var kit = await CreateAsync();
        await Unchanged(kit, ActivityResult.ActivityNotFound, () => kit.Desk.SignUpAsync(ActivityId.New(), ParticipationId.New(), kit.Volunteer()));
        await Unchanged(kit, ActivityResult.ActivityNotFound, () => kit.Desk.VerifyAsync(ActivityId.New(), ParticipationId.New()));
    }

    [Fact]
    public void Details_reject_programmer_errors_with_guard_exceptions()
    {
        Assert.Throws<ArgumentException>(() => Details(end: Start));
        Assert.Throws<ArgumentException>(() => Details(end: Start.PlusMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Details(capacity: 0));
        Assert.Throws<ArgumentException>(() => Details(name: " "));
        Assert.Throws<ArgumentException>(() => new ActivityDetails("x", default, Station, null, Leader, "here", Start, End, Shanghai, 1, ActivityKind.Talk));
        Assert.Throws<ArgumentException>(() => new ActivityDetails("x", ServiceCategory.Culture, default, null, Leader, "here", Start, End, Shanghai, 1, ActivityKind.Talk));
        Assert.Throws<ArgumentException>(() => new ActivityDetails("x", ServiceCategory.Culture, Station, default(TeamId), Leader, "here", Start, End, Shanghai, 1, ActivityKind.Talk));
        Assert.Throws<ArgumentException>(() => new ActivityDetails("x", ServiceCategory.Culture, Station, null, Leader, "here", Start, End, new HomeMadeZone(), 1, ActivityKind.Talk));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivityDetails("x", ServiceCategory.Culture, Station, null, Leader, "here", Start, End, Shanghai, 1, (ActivityKind)99));
    }

    [Fact]
    public async Task Beneficiaries_are_recorded_replaced_and_repeated_idempotently()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordBeneficiariesAsync(id, 0));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.RecordBeneficiariesAsync(id, 0));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordBeneficiariesAsync(id, 46));
        Assert.Equal(46, (await kit.LoadAsync(id)).Beneficiaries);
        await Assert.ThrowsAsync<ArgumentException>(async () => await kit.Desk.RecordBeneficiariesAsync(id, -1));
    }

    [Fact]
    public async Task A_cancelled_activity_refuses_everything_with_ActivityCancelled()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, p, v));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.CancelAsync(id, "typhoon warning"));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.CancelAsync(id, "typhoon warning"));

        await Unchanged(kit, ActivityResult.ActivityCancelled, () => kit.Desk.SignUpAsync(id, ParticipationId.New(), kit.Volunteer()));
        await Unchanged(kit, ActivityResult.ActivityCancelled, () => kit.Desk.CheckInAsync(id, p));
        await Unchanged(kit, ActivityResult.ActivityCancelled, () => kit.Desk.RecordBeneficiariesAsync(id, 3));
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.ActivityCancelled, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(60)));
        await Unchanged(kit, ActivityResult.ActivityCancelled, () => kit.Desk.VerifyAsync(id, p));
        var activity = await kit.LoadAsync(id);
        Assert.True(activity.IsCancelled);
        Assert.Equal("typhoon warning", activity.CancellationReason);
    }

    [Fact]
    public async Task After_the_end_sign_ups_withdrawals_and_cancellation_answer_ActivityEnded()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, p, kit.Volunteer()));
        kit.Clock.Reset(At(End));   // the end is exclusive: at the end the activity has ended
        await Unchanged(kit, ActivityResult.ActivityEnded, () => kit.Desk.SignUpAsync(id, ParticipationId.New(), kit.Volunteer()));
        await Unchanged(kit, ActivityResult.ActivityEnded, () => kit.Desk.WithdrawAsync(id, p));
        await Unchanged(kit, ActivityResult.ActivityEnded, () => kit.Desk.CancelAsync(id, "too late"));
    }

    [Fact]
    public async Task Before_the_end_service_entries_evaluations_corrections_and_verification_answer_ActivityNotEnded()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.Clock.Reset(At(End) - Duration.FromMinutes(1));
        await Unchanged(kit, ActivityResult.ActivityNotEnded, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(60)));
        await Unchanged(kit, ActivityResult.ActivityNotEnded, () => kit.Desk.EvaluateAsync(id, p, 5));
        await Unchanged(kit, ActivityResult.ActivityNotEnded, () => kit.Desk.RequestCorrectionAsync(id, p, v, "left out", Minutes(60)));
        await Unchanged(kit, ActivityResult.ActivityNotEnded, () => kit.Desk.VerifyAsync(id, p));
    }

    [Fact]
    public async Task An_activity_that_is_not_volunteer_service_takes_attendance_but_records_and_credits_nothing()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync(Details(service: false, kind: ActivityKind.Performance, name: "Mid-autumn gala"));
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.NotVolunteerService, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(60)));
        await Unchanged(kit, ActivityResult.NotVolunteerService, () => kit.Desk.EvaluateAsync(id, p, 4));
        await Unchanged(kit, ActivityResult.NotVolunteerService, () => kit.Desk.ConfirmAsync(id, p, kit.Volunteer(), ConfirmerRole.Witness));
        await Unchanged(kit, ActivityResult.NotVolunteerService, () => kit.Desk.RequestCorrectionAsync(id, p, v, "omitted", Minutes(60)));
        await Unchanged(kit, ActivityResult.NotVolunteerService, () => kit.Desk.VerifyAsync(id, p));
        Assert.Equal(0, await kit.BalanceAsync(v));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sign-up, withdrawal, check-in, check-out
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Sign_up_is_idempotent_by_participation_id_and_one_per_volunteer()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, p, v));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.SignUpAsync(id, p, v));
        await Unchanged(kit, ActivityResult.ParticipationExistsWithDifferentVolunteer, () => kit.Desk.SignUpAsync(id, p, kit.Volunteer()));
        await Unchanged(kit, ActivityResult.AlreadySignedUp, () => kit.Desk.SignUpAsync(id, ParticipationId.New(), v));

        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal((v, ParticipationStatus.SignedUp, kit.Now), (participation.Volunteer, participation.Status, participation.SignedUpAt));
    }

    [Fact]
    public async Task Capacity_counts_participations_that_have_not_withdrawn()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync(Details(capacity: 2));
        var first = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, first, kit.Volunteer()));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, ParticipationId.New(), kit.Volunteer()));
        var late = kit.Volunteer();
        await Unchanged(kit, ActivityResult.CapacityReached, () => kit.Desk.SignUpAsync(id, ParticipationId.New(), late));

        Assert.Equal(ActivityResult.Ok, await kit.Desk.WithdrawAsync(id, first));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.WithdrawAsync(id, first));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, ParticipationId.New(), late));
        var activity = await kit.LoadAsync(id);
        Assert.Equal((3, 2), (activity.Participations.Count, activity.ActiveParticipantCount));
    }

    [Fact]
    public async Task A_withdrawn_participation_records_nothing_more()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, p, kit.Volunteer()));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.WithdrawAsync(id, p));
        await Unchanged(kit, ActivityResult.ParticipationWithdrawn, () => kit.Desk.CheckInAsync(id, p));
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.ParticipationWithdrawn, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(30)));
        Assert.Equal(ParticipationStatus.Withdrawn, (await kit.ParticipationAsync(id, p)).Status);
    }

    [Fact]
    public async Task Unknown_participations_answer_ParticipationNotFound()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var unknown = ParticipationId.New();
        await Unchanged(kit, ActivityResult.ParticipationNotFound, () => kit.Desk.CheckInAsync(id, unknown));
        await Unchanged(kit, ActivityResult.ParticipationNotFound, () => kit.Desk.WithdrawAsync(id, unknown));
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.ParticipationNotFound, () => kit.Desk.VerifyAsync(id, unknown));
        await Unchanged(kit, ActivityResult.ParticipationNotFound, () => kit.Desk.RejectCorrectionAsync(id, unknown, 1, "no"));
    }

    [Fact]
    public async Task Check_in_and_check_out_are_recorded_once_and_in_order()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, p, kit.Volunteer()));
        var checkIn = At(Start).Plus(Duration.FromMinutes(-10));
        await Unchanged(kit, ActivityResult.NotCheckedIn, () => kit.Desk.CheckOutAsync(id, p, checkIn));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.CheckInAsync(id, p, checkIn));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.CheckInAsync(id, p, checkIn));
        await Unchanged(kit, ActivityResult.AlreadyCheckedIn, () => kit.Desk.CheckInAsync(id, p, checkIn + Duration.FromMinutes(1)));
        await Unchanged(kit, ActivityResult.AlreadyCheckedIn, () => kit.Desk.WithdrawAsync(id, p));
        await Unchanged(kit, ActivityResult.CheckOutBeforeCheckIn, () => kit.Desk.CheckOutAsync(id, p, checkIn - Duration.FromSeconds(1)));
        var checkOut = At(End).Plus(Duration.FromMinutes(25));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.CheckOutAsync(id, p, checkOut));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.CheckOutAsync(id, p, checkOut));
        await Unchanged(kit, ActivityResult.AlreadyCheckedOut, () => kit.Desk.CheckOutAsync(id, p, checkOut - Duration.FromMinutes(5)));

        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal(ParticipationStatus.CheckedOut, participation.Status);
        Assert.Equal(Duration.FromMinutes(215), participation.CheckInSpan);
        Assert.Null(participation.CreditedTime);   // the span on site is not the credited time
    }

    [Fact]
    public async Task A_participation_id_used_in_another_activity_answers_ParticipationIdTaken()
    {
        var kit = await CreateAsync();
        var first = await kit.PlanAsync();
        var second = await kit.PlanAsync();
        var p = ParticipationId.New();
        var v = kit.Volunteer();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(first, p, v));
        await Unchanged(kit, ActivityResult.ParticipationIdTaken, () => kit.Desk.SignUpAsync(second, p, v));
        Assert.Empty((await kit.LoadAsync(second)).Participations);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Service time, evaluation, confirmation
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Credited_time_must_be_positive_and_at_most_the_activitys_duration()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = await kit.AttendAsync(id, kit.Volunteer());
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.CreditedTimeOutOfRange, () => kit.Desk.RecordServiceTimeAsync(id, p, TimeCredit.Zero));
        await Unchanged(kit, ActivityResult.CreditedTimeOutOfRange, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(-30)));
        await Unchanged(kit, ActivityResult.CreditedTimeOutOfRange, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(181)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(180)));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(180)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(150)));   // replaced before verification
        Assert.Equal(Minutes(150), (await kit.ParticipationAsync(id, p)).CreditedTime);
    }

    [Fact]
    public async Task Service_time_and_evaluations_need_a_check_in()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = ParticipationId.New();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.SignUpAsync(id, p, kit.Volunteer()));
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.NotCheckedIn, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(60)));
        await Unchanged(kit, ActivityResult.NotCheckedIn, () => kit.Desk.EvaluateAsync(id, p, 5));
        await Unchanged(kit, ActivityResult.NotCheckedIn, () => kit.Desk.ConfirmAsync(id, p, kit.Volunteer(), ConfirmerRole.Witness));
    }

    [Fact]
    public async Task Evaluations_are_rated_one_to_five_and_dated_in_the_activitys_zone()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = await kit.AttendAsync(id, kit.Volunteer());
        kit.Clock.Reset(At(new LocalDateTime(2026, 6, 16, 7, 30)));   // 23:30 UTC the day before
        await Unchanged(kit, ActivityResult.RatingOutOfRange, () => kit.Desk.EvaluateAsync(id, p, 0));
        await Unchanged(kit, ActivityResult.RatingOutOfRange, () => kit.Desk.EvaluateAsync(id, p, 6));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.EvaluateAsync(id, p, 1));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.EvaluateAsync(id, p, 5));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.EvaluateAsync(id, p, 5));
        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal((5, new LocalDate(2026, 6, 16)), (participation.Rating, participation.EvaluatedOn));
    }

    [Fact]
    public async Task A_witness_or_recipient_confirms_once_and_never_the_participant()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        await Unchanged(kit, ActivityResult.ConfirmerIsParticipant, () => kit.Desk.ConfirmAsync(id, p, v, ConfirmerRole.Witness));
        var resident = kit.Volunteer(84, "Liu Nainai");
        Assert.Equal(ActivityResult.Ok, await kit.Desk.ConfirmAsync(id, p, resident, ConfirmerRole.Recipient));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.ConfirmAsync(id, p, Leader, ConfirmerRole.Witness));
        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal((resident, ConfirmerRole.Recipient, kit.Now), (participation.ConfirmedBy!.Value, participation.ConfirmerRole!.Value, participation.ConfirmedAt!.Value));
    }

    [Fact]
    public async Task When_the_rules_require_confirmation_verification_waits_for_it()
    {
        var kit = await CreateAsync(new ActivityRules { RequireConfirmation = true });
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(120)));
        await Unchanged(kit, ActivityResult.NotConfirmed, () => kit.Desk.VerifyAsync(id, p));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.ConfirmAsync(id, p, Leader, ConfirmerRole.Witness));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(120, await kit.BalanceAsync(v));
    }

    // ------------------------------------------------------------------------------------------------------------
    // The recording deadline
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Entries_are_due_by_the_tenth_working_day_after_the_end_and_later_only_as_corrections_with_a_reason()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();   // ends Monday 2026-06-15
        var a = await kit.AttendAsync(id, kit.Volunteer());
        var b = await kit.AttendAsync(id, kit.Volunteer());
        var activity = await kit.LoadAsync(id);
        Assert.Equal(new LocalDate(2026, 6, 29), activity.RecordingDeadline(kit.Rules));   // two weeks of weekdays later

        kit.Clock.Reset(At(new LocalDateTime(2026, 6, 29, 23, 59)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, a, Minutes(170)));   // the last day still counts
        kit.Clock.Reset(At(new LocalDateTime(2026, 6, 30, 0, 0)));
        await Unchanged(kit, ActivityResult.RecordingDeadlinePassed, () => kit.Desk.RecordServiceTimeAsync(id, b, Minutes(170)));
        await Unchanged(kit, ActivityResult.RecordingDeadlinePassed, () => kit.Desk.EvaluateAsync(id, b, 4));
        await Unchanged(kit, ActivityResult.CorrectionReasonRequired, () => kit.Desk.RecordServiceTimeAsync(id, b, Minutes(170), "  "));
        await Unchanged(kit, ActivityResult.CorrectionReasonRequired, () => kit.Desk.EvaluateAsync(id, b, 4, ""));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, b, Minutes(170), "sign-in sheet found late"));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.EvaluateAsync(id, b, 4, "sign-in sheet found late"));

        var events = new List<ActivityEvent>();
        await foreach (var r in kit.Store.ReadStreamAsync(Activity.StreamFor(id))) events.Add((ActivityEvent)r.Payload);
        var entries = events.OfType<ServiceTimeRecorded>().ToList();
        Assert.Equal([null, "sign-in sheet found late"], entries.Select(e => e.CorrectionReason));
        Assert.Equal("sign-in sheet found late", events.OfType<ParticipationEvaluated>().Single().CorrectionReason);
    }

    [Fact]
    public async Task The_deadline_follows_the_configured_holidays_make_up_days_and_number_of_working_days()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync(Details(start: new LocalDateTime(2026, 9, 30, 9, 0), end: new LocalDateTime(2026, 9, 30, 11, 30)));
        var activity = await kit.LoadAsync(id);

        // A National Day week off (Thursday 1 to Wednesday 7 October) and a make-up working Saturday on 10 October.
        var calendar = new WeekdayCalendar(
            Enumerable.Range(1, 7).Select(d => new LocalDate(2026, 10, d)),
            [new LocalDate(2026, 10, 10)]);
        Assert.Equal(new LocalDate(2026, 10, 20), activity.RecordingDeadline(new ActivityRules { Calendar = calendar }));
        Assert.Equal(new LocalDate(2026, 10, 13), activity.RecordingDeadline(new ActivityRules { Calendar = calendar, RecordingWorkingDays = 5 }));
        Assert.Equal(new LocalDate(2026, 10, 14), activity.RecordingDeadline(new ActivityRules { RecordingWorkingDays = 10 }));
        Assert.Equal(new LocalDate(2026, 9, 30), activity.RecordingDeadline(new ActivityRules { RecordingWorkingDays = 0 }));
        Assert.Throws<ArgumentException>(() => new ActivityRules { RecordingWorkingDays = -1 });
    }

    // ------------------------------------------------------------------------------------------------------------
    // Verification
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Verification_needs_recorded_service_time()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = await kit.AttendAsync(id, kit.Volunteer());
        kit.AfterEnd();
        await Unchanged(kit, ActivityResult.ServiceTimeNotRecorded, () => kit.Desk.VerifyAsync(id, p));
    }

    [Fact]
    public async Task A_verified_participation_changes_its_service_time_only_through_a_correction()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var p = await kit.VerifiedAsync(id, kit.Volunteer(), 180);
        await Unchanged(kit, ActivityResult.AlreadyVerified, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(120)));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(180)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Corrections
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Only_the_participant_requests_a_correction_with_a_reason_a_new_time_and_one_at_a_time()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RecordServiceTimeAsync(id, p, Minutes(120)));
        await Unchanged(kit, ActivityResult.NotTheParticipant, () => kit.Desk.RequestCorrectionAsync(id, p, Leader, "stayed longer", Minutes(150)));
        await Unchanged(kit, ActivityResult.CorrectionReasonRequired, () => kit.Desk.RequestCorrectionAsync(id, p, v, " ", Minutes(150)));
        await Unchanged(kit, ActivityResult.CreditedTimeOutOfRange, () => kit.Desk.RequestCorrectionAsync(id, p, v, "stayed longer", Minutes(200)));
        await Unchanged(kit, ActivityResult.NothingToCorrect, () => kit.Desk.RequestCorrectionAsync(id, p, v, "stayed longer", Minutes(120)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "stayed longer", Minutes(150)));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.RequestCorrectionAsync(id, p, v, "stayed longer", Minutes(150)));
        await Unchanged(kit, ActivityResult.CorrectionPending, () => kit.Desk.RequestCorrectionAsync(id, p, v, "and set up", Minutes(170)));
        await Unchanged(kit, ActivityResult.CorrectionPending, () => kit.Desk.RecordServiceTimeAsync(id, p, Minutes(90)));
        await Unchanged(kit, ActivityResult.CorrectionPending, () => kit.Desk.VerifyAsync(id, p));

        var pending = (await kit.ParticipationAsync(id, p)).PendingCorrection!;
        Assert.Equal((1, v, "stayed longer", Minutes(150), CorrectionStatus.Pending), (pending.Sequence, pending.RequestedBy, pending.Reason, pending.ProposedCreditedTime, pending.Status));
    }

    [Fact]
    public async Task The_organisation_accepts_or_rejects_with_a_reason_and_decides_once()
    {
        var kit = await CreateAsync();
        var id = await kit.PlanAsync();
        var v = kit.Volunteer();
        var p = await kit.AttendAsync(id, v);
        kit.AfterEnd();
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "my time was never entered", Minutes(150)));
        await Unchanged(kit, ActivityResult.CorrectionNotFound, () => kit.Desk.AcceptCorrectionAsync(id, p, 2, "ok"));
        await Unchanged(kit, ActivityResult.CorrectionNotFound, () => kit.Desk.RejectCorrectionAsync(id, p, 0, "no"));
        await Unchanged(kit, ActivityResult.CorrectionReasonRequired, () => kit.Desk.AcceptCorrectionAsync(id, p, 1, ""));
        await Unchanged(kit, ActivityResult.CorrectionReasonRequired, () => kit.Desk.RejectCorrectionAsync(id, p, 1, " "));
        await Unchanged(kit, ActivityResult.CreditedTimeOutOfRange, () => kit.Desk.AcceptCorrectionAsync(id, p, 1, "checked the sheet", Minutes(999)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.AcceptCorrectionAsync(id, p, 1, "checked the sheet: 2h20", Minutes(140)));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.AcceptCorrectionAsync(id, p, 1, "again"));
        await Unchanged(kit, ActivityResult.CorrectionAlreadyDecided, () => kit.Desk.RejectCorrectionAsync(id, p, 1, "changed our mind"));

        Assert.Equal(ActivityResult.Ok, await kit.Desk.RequestCorrectionAsync(id, p, v, "it was 2h30", Minutes(150)));
        Assert.Equal(ActivityResult.Ok, await kit.Desk.RejectCorrectionAsync(id, p, 2, "the sheet says 2h20"));
        await Unchanged(kit, ActivityResult.AlreadyDone, () => kit.Desk.RejectCorrectionAsync(id, p, 2, "again"));
        await Unchanged(kit, ActivityResult.CorrectionAlreadyDecided, () => kit.Desk.AcceptCorrectionAsync(id, p, 2, "fine"));

        var participation = await kit.ParticipationAsync(id, p);
        Assert.Equal(Minutes(140), participation.CreditedTime);
        Assert.Null(participation.PendingCorrection);
        Assert.Equal(
            [(1, CorrectionStatus.Accepted, "checked the sheet: 2h20", (TimeCredit?)Minutes(140)), (2, CorrectionStatus.Rejected, "the sheet says 2h20", null)],
            participation.Corrections.Select(c => (c.Sequence, c.Status, c.DecisionReason!, c.AcceptedCreditedTime)));

        // Accepted before verification, the corrected time is what verification credits.
        Assert.Equal(ActivityResult.Ok, await kit.Desk.VerifyAsync(id, p));
        Assert.Equal(140, await kit.BalanceAsync(v));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_event_is_a_sealed_record_with_only_plain_serializable_members()
    {
        var allowed = new HashSet<Type>
        {
            typeof(string), typeof(int), typeof(bool), typeof(ActivityId), typeof(ParticipationId), typeof(VolunteerId), typeof(UnitId),
            typeof(TeamId?), typeof(ServiceCategory), typeof(LocalDateTime), typeof(LocalDate), typeof(Instant), typeof(TimeCredit),
            typeof(ActivityKind), typeof(ConfirmerRole),
        };
        var events = typeof(ActivityEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ActivityEvent))).ToList();
        Assert.Equal(14, events.Count);
        foreach (var type in events)
        {
            Assert.True(type.IsSealed, type.Name);
            Assert.NotNull(type.GetMethod("<Clone>$"));   // a record
            foreach (var property in type.GetProperties().Where(p => p.Name != "EqualityContract"))
            {
                Assert.True(allowed.Contains(property.PropertyType), $"{type.Name}.{property.Name} is a {property.PropertyType}.");
                Assert.True(property.SetMethod is null || property.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)), $"{type.Name}.{property.Name} is mutable.");
            }
        }
    }

    /// <summary>A zone no TZDB knows: its id could not be resolved when the activity is loaded again.</summary>
    private sealed class HomeMadeZone() : DateTimeZone("Moon/Tranquility", true, Offset.Zero, Offset.Zero)
    {
        public override ZoneInterval GetZoneInterval(Instant instant) => new("MST", null, null, Offset.Zero, Offset.Zero);
    }
}

using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Tests.Statistics;

/// <summary>Writes unit, team, volunteer and activity events straight into a store (as the aggregates would have
/// raised them), so statistics tests can lay out a district's records quickly.</summary>
internal sealed class StatsKit
{
    public static readonly Instant At = Instant.FromUtc(2026, 1, 1, 0, 0);
    public static readonly LocalDate Founded = new(2026, 1, 1);

    private readonly Dictionary<ActivityId, long> _versions = [];

    public InMemoryRecordStore Store { get; } = new();

    public async Task<UnitId> UnitAsync(UnitLevel level, UnitId? parent, params string[] communities)
    {
        var id = UnitId.New();
        await AppendAsync(PracticeUnit.StreamOf(id), 1, new UnitFounded(id, $"{level} {id.Value:N}"[..16], level, parent, [.. communities.Order(StringComparer.Ordinal)], "Asia/Shanghai", Founded, At));
        return id;
    }

    public async Task CloseAsync(UnitId unit, LocalDate on)
        => await AppendAsync(PracticeUnit.StreamOf(unit), await Store.GetStreamVersionAsync(PracticeUnit.StreamOf(unit)) + 1, new UnitClosed(unit, "merged", on, At));

    public async Task MoveAsync(UnitId unit, UnitId parent, LocalDate on)
        => await AppendAsync(PracticeUnit.StreamOf(unit), await Store.GetStreamVersionAsync(PracticeUnit.StreamOf(unit)) + 1, new UnitMoved(unit, parent, on, At));

    public async Task<TeamId> TeamAsync(UnitId unit, ServiceCategory category, LocalDate? formed = null)
    {
        var id = TeamId.New();
        await AppendAsync(VolunteerTeam.StreamOf(id), 1, new TeamFormed(id, unit, category, "Red Vest", formed ?? Founded, At));
        return id;
    }

    public async Task<VolunteerId> RegisteredAsync(UnitId? enteredBy, LocalDate on, LocalDate? leftOn = null)
    {
        var id = VolunteerId.New();
        var stream = Volunteer.StreamOf(id);
        await AppendAsync(stream, 1, new VolunteerRegistered(id, SchemeId.New(), "GL-" + id.Value.ToString("N")[..8], enteredBy is null ? RegistrationSource.Self : RegistrationSource.Organisation, enteredBy, At, ConsentMethod.SelfEntered, on, At));
        if (leftOn is { } left) await AppendAsync(stream, 2, new VolunteerLeft(id, "moved away", left, At));
        return id;
    }

    public async Task<ActivityId> ActivityAsync(UnitId unit, LocalDate day, ServiceCategory? category = null, TeamId? team = null, ActivityKind kind = ActivityKind.Event, bool service = true)
    {
        var id = ActivityId.New();
        var start = day.At(new LocalTime(9, 0));
        await NextAsync(id, new ActivityPlanned(id, "Activity", category ?? ServiceCategory.Environment, unit, team, VolunteerId.New(), "Hunan Road",
            start, start.PlusHours(8), "Asia/Shanghai", 100, kind, service, At));
        return id;
    }

    /// <summary>A participation signed up and verified with <paramref name="minutes"/> credited.</summary>
    public async Task<ParticipationId> VerifiedAsync(ActivityId activity, VolunteerId volunteer, long minutes)
    {
        var p = ParticipationId.New();
        await NextAsync(activity, new ParticipantSignedUp(p, volunteer, At));
        await NextAsync(activity, new ParticipationVerified(p, volunteer, TimeCredit.FromMinutes(minutes), TimeCredit.FromMinutes(minutes), TimeCredit.Zero, At));
        return p;
    }

    /// <summary>A participation signed up but never verified.</summary>
    public async Task SignedUpAsync(ActivityId activity, VolunteerId volunteer)
        => await NextAsync(activity, new ParticipantSignedUp(ParticipationId.New(), volunteer, At));

    public async Task CorrectAsync(ActivityId activity, ParticipationId p, int sequence, long from, long to, bool recredited = true)
        => await NextAsync(activity, new CorrectionAccepted(p, sequence, TimeCredit.FromMinutes(to), TimeCredit.FromMinutes(from), "checked", recredited, TimeCredit.FromMinutes(to), TimeCredit.Zero, At));

    public async Task BeneficiariesAsync(ActivityId activity, int count) => await NextAsync(activity, new BeneficiariesRecorded(count, At));

    public async Task CancelAsync(ActivityId activity) => await NextAsync(activity, new ActivityCancelled("rain", At));

    private async Task NextAsync(ActivityId activity, ActivityEvent e)
    {
        var version = _versions.GetValueOrDefault(activity) + 1;
        _versions[activity] = version;
        await AppendAsync(Activity.StreamFor(activity), version, e);
    }

    private async Task AppendAsync(StreamName stream, long version, object payload)
        => Assert.True((await Store.AppendAsync([new NewRecord(stream, version, payload)])).IsAppended);
}

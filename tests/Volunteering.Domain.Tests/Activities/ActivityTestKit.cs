using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Domain.Tests.Activities;

/// <summary>A store, a fake clock, a time-bank scheme, registered volunteers' profiles and a desk on them, with helpers
/// to plan activities, take volunteers through them and read balances back from the store.</summary>
internal sealed class ActivityTestKit
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Monday 2026-06-15, 10:00 in Shanghai: the clock's start.</summary>
    public static readonly LocalDateTime Morning = new(2026, 6, 15, 10, 0);

    /// <summary>The default activity: Monday 2026-06-15, 14:00 to 17:00 (3 hours).</summary>
    public static readonly LocalDateTime Start = new(2026, 6, 15, 14, 0);

    /// <inheritdoc cref="Start"/>
    public static readonly LocalDateTime End = new(2026, 6, 15, 17, 0);

    public static readonly UnitId Station = UnitId.New();

    public static readonly VolunteerId Leader = VolunteerId.New();

    private ActivityTestKit(InMemoryRecordStore store, IRecordStore deskStore, FakeClock clock, TimeBankScheme scheme, ProfileTable profiles, PersistentLedger ledger, ActivityRules rules)
    {
        Store = store;
        Clock = clock;
        Scheme = scheme;
        Profiles = profiles;
        Ledger = ledger;
        Rules = rules;
        Desk = new ActivityDesk(deskStore, ledger, scheme, profiles, clock, rules);
    }

    public InMemoryRecordStore Store { get; }

    public FakeClock Clock { get; }

    public TimeBankScheme Scheme { get; }

    public ProfileTable Profiles { get; }

    public PersistentLedger Ledger { get; }

    public ActivityRules Rules { get; }

    public ActivityDesk Desk { get; }

    public Instant Now => Clock.GetCurrentInstant();

    /// <summary>A kit on a fresh store; <paramref name="deskStore"/> wraps the store for the desk if given.</summary>
    public static async Task<ActivityTestKit> CreateAsync(
        ActivityRules? rules = null,
        TimeBankRules? bankRules = null,
        Func<InMemoryRecordStore, IRecordStore>? deskStore = null)
    {
        var store = new InMemoryRecordStore();
        var clock = new FakeClock(At(Morning));
        var scheme = new TimeBankScheme(SchemeId.New(), "Hunan Road mutual-aid time", Shanghai, bankRules);
        var used = deskStore?.Invoke(store) ?? store;
        var ledger = await PersistentLedger.OpenAsync(used, clock);
        return new ActivityTestKit(store, used, clock, scheme, new ProfileTable(), ledger, rules ?? ActivityRules.Default);
    }

    /// <summary>Another desk on the same store, scheme, clock and profiles, with its own ledger instance: a second
    /// writer (another process, in production).</summary>
    public async Task<ActivityDesk> SecondDeskAsync(IRecordStore? store = null)
    {
        var s = store ?? Store;
        return new ActivityDesk(s, await PersistentLedger.OpenAsync(s, Clock), Scheme, Profiles, Clock, Rules);
    }

    public static Instant At(LocalDateTime local) => local.InZoneStrictly(Shanghai).ToInstant();

    /// <summary>Registers a volunteer who is <paramref name="age"/> on the activity's date (birthday 10 days before).</summary>
    public VolunteerId Volunteer(int age = 35, string name = "Wang Fang")
    {
        var id = VolunteerId.New();
        Profiles.Add(id, new MemberProfile(name, Start.Date.PlusYears(-age).PlusDays(-10), "139-0000-0000", new ResidenceArea("Nanjing", "Gulou", "Hunan Road")));
        return id;
    }

    public static ActivityDetails Details(
        int capacity = 10,
        bool service = true,
        ActivityKind kind = ActivityKind.Event,
        LocalDateTime? start = null,
        LocalDateTime? end = null,
        string name = "Riverside clean-up")
        => new(name, ServiceCategory.Environment, Station, null, Leader, "Qinhuai riverside, gate 3", start ?? Start, end ?? End, Shanghai, capacity, kind, service);

    public async Task<ActivityId> PlanAsync(ActivityDetails? details = null)
    {
        var id = ActivityId.New();
        Assert.Equal(ActivityResult.Ok, await Desk.PlanAsync(id, details ?? Details()));
        return id;
    }

    /// <summary>Signs up, checks in at the start and out at the end (asserting Ok), before the end.</summary>
    public async Task<ParticipationId> AttendAsync(ActivityId activity, VolunteerId volunteer)
    {
        var p = ParticipationId.New();
        var loaded = await LoadAsync(activity);
        Assert.Equal(ActivityResult.Ok, await Desk.SignUpAsync(activity, p, volunteer));
        Assert.Equal(ActivityResult.Ok, await Desk.CheckInAsync(activity, p, loaded.Details.StartInstant));
        Assert.Equal(ActivityResult.Ok, await Desk.CheckOutAsync(activity, p, loaded.Details.EndInstant));
        return p;
    }

    /// <summary>Moves the clock to one hour after the default activity's end.</summary>
    public void AfterEnd() => Clock.Reset(At(End) + Duration.FromHours(1));

    /// <summary>Attends, moves past the end, records the time and verifies (asserting Ok at each step).</summary>
    public async Task<ParticipationId> VerifiedAsync(ActivityId activity, VolunteerId volunteer, long minutes = 180)
    {
        var p = await AttendAsync(activity, volunteer);
        AfterEnd();
        Assert.Equal(ActivityResult.Ok, await Desk.RecordServiceTimeAsync(activity, p, TimeCredit.FromMinutes(minutes)));
        Assert.Equal(ActivityResult.Ok, await Desk.VerifyAsync(activity, p));
        return p;
    }

    public async Task<Activity> LoadAsync(ActivityId id) => (await Desk.LoadAsync(id)) ?? throw new InvalidOperationException("No such activity.");

    public async Task<Participation> ParticipationAsync(ActivityId activity, ParticipationId id)
    {
        Assert.True((await LoadAsync(activity)).TryGetParticipation(id, out var p));
        return p;
    }

    /// <summary>A volunteer's posted balance in minutes, read from the store (0 without an account).</summary>
    public async Task<long> BalanceAsync(VolunteerId volunteer) => await BalanceAsync(Scheme.MemberAccountId(volunteer));

    public async Task<long> PoolAsync() => await BalanceAsync(Scheme.PoolAccountId);

    public async Task<long> IssuedAsync() => -await BalanceAsync(Scheme.IssuingAccountId);

    public async Task<long> BalanceAsync(AccountId account) => (await Store.GetBalanceAsync(account))?.Posted ?? 0;

    public async Task<LedgerEvent> TransferAsync(TransferId id) => await Store.FindTransferAsync(id) ?? throw new Xunit.Sdk.XunitException($"The store has no transfer {id}.");

    public async Task AssertAuditCleanAsync()
    {
        var report = await LedgerAudit.VerifyAsync(Store);
        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Violations));
    }
}

/// <summary>Volunteers' profiles in a dictionary.</summary>
internal sealed class ProfileTable : IParticipantProfiles
{
    private readonly Dictionary<VolunteerId, MemberProfile> _profiles = [];

    public void Add(VolunteerId id, MemberProfile profile) => _profiles[id] = profile;

    public ValueTask<MemberProfile?> FindAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
        => new(_profiles.GetValueOrDefault(volunteer));
}

/// <summary>A store that runs a hook before appends: lets a test slip another writer's change in between a desk's
/// load and its save.</summary>
internal sealed class InterceptingStore(InMemoryRecordStore inner) : IRecordStore
{
    /// <summary>Runs before the next append (and is then cleared, unless <see cref="KeepHook"/>).</summary>
    public Func<Task>? BeforeAppend { get; set; }

    public bool KeepHook { get; set; }

    public int Appends { get; private set; }

    public int Conflicts { get; private set; }

    public async ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
    {
        if (BeforeAppend is { } hook)
        {
            if (!KeepHook) BeforeAppend = null;
            await hook();
        }

        Appends++;
        var result = await inner.AppendAsync(batch, cancellationToken);
        if (result.Status == AppendStatus.WrongExpectedVersion) Conflicts++;
        return result;
    }

    public IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, cancellationToken);

    public IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default) => inner.ReadStreamAsync(stream, afterVersion, cancellationToken);

    public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default) => inner.GetStreamVersionAsync(stream, cancellationToken);

    public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default) => inner.GetPositionAsync(cancellationToken);

    public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default) => inner.FindItemAsync(item, cancellationToken);

    public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default) => inner.SaveSnapshotAsync(snapshot, cancellationToken);

    public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default) => inner.LoadSnapshotAsync(stream, cancellationToken);
}

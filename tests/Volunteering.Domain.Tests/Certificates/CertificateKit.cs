using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Certificates;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Tests.Activities;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Tests.Certificates;

/// <summary>A store with a small chart (centre → institute → station → point, and a second station), volunteers
/// registered through the registry with an in-memory vault, an activity desk crediting a time bank, and a certificate
/// desk, all on one fake clock.</summary>
internal sealed class CertificateKit
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly LocalDate Founded = new(2026, 1, 1);
    public static readonly SchemeId SchemeId = SchemeId.New();

    private CertificateKit(InMemoryRecordStore store, FakeClock clock, PersistentLedger ledger)
    {
        Store = store;
        Clock = clock;
        Scheme = new TimeBankScheme(SchemeId, "Hunan Road mutual-aid time", Shanghai);
        Registry = new VolunteerRegistry(store, Vault, clock);
        Activities = new ActivityDesk(store, ledger, Scheme, Profiles, clock);
        Certificates = new CertificateDesk(store, Vault, clock);
    }

    public InMemoryRecordStore Store { get; }

    public FakeClock Clock { get; }

    public InMemoryPersonalDataVault Vault { get; } = new();

    public ProfileTable Profiles { get; } = new();

    public TimeBankScheme Scheme { get; }

    public VolunteerRegistry Registry { get; }

    public ActivityDesk Activities { get; }

    public CertificateDesk Certificates { get; }

    public PracticeUnit Centre { get; private set; } = null!;

    public PracticeUnit Institute { get; private set; } = null!;

    public PracticeUnit Station { get; private set; } = null!;

    public PracticeUnit Point { get; private set; } = null!;

    public PracticeUnit OtherStation { get; private set; } = null!;

    public VolunteerId Leader { get; } = VolunteerId.New();

    public CertificateIssuer Issuer => new(Station.Id, "GLHNS", "Li Hua", "Zhao Min", "025-8888-0000");

    public static async Task<CertificateKit> CreateAsync()
    {
        var store = new InMemoryRecordStore();
        var clock = new FakeClock(At(new LocalDateTime(2026, 1, 5, 9, 0)));
        var kit = new CertificateKit(store, clock, await PersistentLedger.OpenAsync(store, clock));
        kit.Centre = await kit.FoundAsync("Gulou centre", UnitLevel.Centre, null, "Hunan Road", "Ninghai Road");
        kit.Institute = await kit.FoundAsync("Hunan Road institute", UnitLevel.Institute, kit.Centre);
        kit.Station = await kit.FoundAsync("Hunan Road station", UnitLevel.Station, kit.Institute, "Hunan Road");
        kit.Point = await kit.FoundAsync("Shiziqiao point", UnitLevel.Point, kit.Station);
        kit.OtherStation = await kit.FoundAsync("Ninghai Road station", UnitLevel.Station, kit.Institute, "Ninghai Road");
        return kit;
    }

    public static Instant At(LocalDateTime local) => local.InZoneStrictly(Shanghai).ToInstant();

    public async Task<PracticeUnit> FoundAsync(string name, UnitLevel level, PracticeUnit? parent, params string[] communities)
    {
        Assert.Equal(OrganisationResult.Ok, PracticeUnit.Found(UnitId.New(), name, level, parent, communities, Founded, Clock.GetCurrentInstant(), out var unit));
        Assert.True((await PracticeUnit.Repository(Store).SaveAsync(unit!)).IsAppended);
        return unit!;
    }

    /// <summary>Registers Wang Fang (or another person) through the registry and gives the desk her profile.</summary>
    public async Task<VolunteerId> RegisterAsync(string number = "GL-0001", string name = "Wang Fang")
    {
        var id = VolunteerId.New();
        var data = new PersonalData(name, Gender.Female, new LocalDate(1970, 5, 12), IdDocumentType.ResidentIdCard, IdNumber,
            new ResidenceArea("Nanjing", "Gulou", "Hunan Road"), "13900000000");
        Assert.Equal(VolunteerResult.Ok, await Registry.RegisterAsync(new VolunteerRegistration(id, SchemeId, number, data, Founded)));
        Profiles.Add(id, data.ToMemberProfile());
        return id;
    }

    public static string IdNumber { get; } = ResidentIdNumber.WithCheckCharacter("32010219700512123");

    /// <summary>Plans an activity at a unit on a day from 9:00 for <paramref name="hours"/> hours.</summary>
    public async Task<ActivityId> PlanAsync(PracticeUnit unit, LocalDate day, string name = "Riverside clean-up", int hours = 3, bool service = true, ServiceCategory? category = null)
    {
        var id = ActivityId.New();
        var start = day.At(new LocalTime(9, 0));
        var details = new ActivityDetails(name, category ?? ServiceCategory.Environment, unit.Id, null, Leader, "Hunan Road", start, start.PlusHours(hours), Shanghai, 20, ActivityKind.Event, service);
        Clock.Reset(At(day.At(new LocalTime(8, 0))));
        Assert.Equal(ActivityResult.Ok, await Activities.PlanAsync(id, details));
        return id;
    }

    /// <summary>Signs up, checks in and out (clock before and during the activity); returns the participation.</summary>
    public async Task<ParticipationId> AttendAsync(ActivityId activity, VolunteerId volunteer)
    {
        var a = (await Activities.LoadAsync(activity))!;
        var p = ParticipationId.New();
        Clock.Reset(a.Details.StartInstant - Duration.FromHours(1));
        Assert.Equal(ActivityResult.Ok, await Activities.SignUpAsync(activity, p, volunteer));
        Assert.Equal(ActivityResult.Ok, await Activities.CheckInAsync(activity, p, a.Details.StartInstant));
        Assert.Equal(ActivityResult.Ok, await Activities.CheckOutAsync(activity, p, a.Details.EndInstant));
        Clock.Reset(a.Details.EndInstant + Duration.FromHours(1));
        return p;
    }

    /// <summary>Attends, records <paramref name="minutes"/> and verifies.</summary>
    public async Task<ParticipationId> VerifiedAsync(ActivityId activity, VolunteerId volunteer, long minutes)
    {
        var p = await AttendAsync(activity, volunteer);
        Assert.Equal(ActivityResult.Ok, await Activities.RecordServiceTimeAsync(activity, p, TimeCredit.FromMinutes(minutes)));
        Assert.Equal(ActivityResult.Ok, await Activities.VerifyAsync(activity, p));
        return p;
    }

    /// <summary>Moves the clock to a day at 10:00 (for issuing).</summary>
    public void On(LocalDate day) => Clock.Reset(At(day.At(new LocalTime(10, 0))));

    public CertificateRequest Request(VolunteerId volunteer, DateInterval? period = null, IReadOnlyList<ActivityId>? activities = null, CertificateIssuer? issuer = null)
        => new(issuer ?? Issuer, volunteer, period ?? March, activities);

    public static DateInterval March { get; } = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
}

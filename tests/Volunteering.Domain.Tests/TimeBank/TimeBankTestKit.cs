using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Bank = Volunteering.Domain.TimeBank.TimeBank;

namespace Volunteering.Domain.Tests.TimeBank;

/// <summary>Everything a time-bank test needs: a fake clock, a ledger, a bank on it, helpers to open members and
/// give services, a snapshot of all the state a refusal must leave alone, and the closing invariant checks.</summary>
internal sealed class TimeBankTestKit
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Nanjing, Gulou district, Hunan Road community.</summary>
    public static readonly ResidenceArea HunanRoad = new("Nanjing", "Gulou", "Hunan Road");

    /// <summary>Another community in the same district.</summary>
    public static readonly ResidenceArea Ninghai = new("Nanjing", "Gulou", "Ninghai Road");

    /// <summary>Another district of the same city.</summary>
    public static readonly ResidenceArea Xuanwu = new("Nanjing", "Xuanwu", "Xiaolingwei");

    /// <summary>Another city.</summary>
    public static readonly ResidenceArea OtherCity = new("Shanghai", "Huangpu", "Nanjing East Road");

    /// <summary>2026-06-15 10:00 in Shanghai.</summary>
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 6, 15, 2, 0);

    public TimeBankTestKit(TimeBankRules? rules = null, Instant? now = null, DateTimeZone? zone = null, string name = "Hunan Road mutual-aid time")
    {
        Clock = new FakeClock(now ?? DefaultNow);
        Ledger = new DoubleEntryLedger(Clock);
        Bank = Bank.Open(new TimeBankScheme(SchemeId.New(), name, zone ?? Shanghai, rules), Ledger);
    }

    public TimeBankTestKit(Bank bank, FakeClock clock)
    {
        Clock = clock;
        Ledger = bank.Ledger;
        Bank = bank;
    }

    public FakeClock Clock { get; }

    public DoubleEntryLedger Ledger { get; }

    public Bank Bank { get; }

    public Instant Now => Clock.GetCurrentInstant();

    /// <summary>Today in the scheme's zone.</summary>
    public LocalDate Today => Now.InZone(Bank.Scheme.TimeZone).Date;

    /// <summary>A birth date that makes the person exactly <paramref name="years"/> old today, <paramref name="extraDays"/>
    /// days past the birthday.</summary>
    public LocalDate BornYearsAgo(int years, int extraDays = 0) => Today.PlusYears(-years).PlusDays(-extraDays);

    public static MemberProfile Profile(string name, LocalDate birth, Hardship hardship = Hardship.None, ResidenceArea? home = null)
        => new(name, birth, "139-0000-0000", home ?? HunanRoad) { Hardship = hardship };

    /// <summary>Opens an account (asserting Ok) and returns the person.</summary>
    public VolunteerId Join(string name, LocalDate birth, Hardship hardship = Hardship.None, ResidenceArea? home = null)
    {
        var person = VolunteerId.New();
        Assert.Equal(TimeBankResult.Ok, Bank.OpenAccount(person, Profile(name, birth, hardship, home), Now));
        return person;
    }

    /// <summary>Opens an account for a person of a given age today (asserting Ok).</summary>
    public VolunteerId JoinAged(string name, int years, Hardship hardship = Hardship.None, ResidenceArea? home = null)
        => Join(name, BornYearsAgo(years, 10), hardship, home);

    /// <summary>A service that started at <paramref name="start"/> (default: yesterday 09:00 in the scheme zone) and
    /// lasted exactly the credited duration.</summary>
    public ServiceDetails Service(
        VolunteerId provider,
        VolunteerId recipient,
        TimeCredit credited,
        Instant? start = null,
        VolunteerId? witness = null,
        string category = "elder-care",
        ResidenceArea? place = null,
        Duration? span = null,
        string content = "companionship and shopping")
    {
        var from = start ?? Today.PlusDays(-1).At(new LocalTime(9, 0)).InZoneStrictly(Bank.Scheme.TimeZone).ToInstant();
        var length = span ?? Duration.FromMinutes(credited.Minutes);
        return new ServiceDetails(provider, recipient, place ?? HunanRoad, content, category, new Interval(from, from + length), credited, witness);
    }

    /// <summary>Records a service (asserting Ok) and returns its id.</summary>
    public ServiceRecordId Record(ServiceDetails service)
    {
        var id = ServiceRecordId.New();
        Assert.Equal(TimeBankResult.Ok, Bank.RecordService(id, service));
        return id;
    }

    /// <summary>Records a service and has the recipient confirm it (both asserted Ok); returns the record id.</summary>
    public ServiceRecordId Earn(VolunteerId provider, VolunteerId recipient, TimeCredit credited, Instant? start = null)
    {
        var id = Record(Service(provider, recipient, credited, start));
        var outcome = Bank.ConfirmService(id, recipient);
        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        return id;
    }

    public TimeCredit Balance(VolunteerId person) => Bank.GetBalance(person);

    public ServiceRecordStatus Status(ServiceRecordId id)
        => Bank.TryGetServiceRecord(id, out var record) ? record.Status : throw new KeyNotFoundException(id.ToString());

    public void Advance(Duration by) => Clock.Advance(by);

    /// <summary>Moves the clock to a local date and time in the scheme's zone.</summary>
    public void SetLocalTime(LocalDateTime local) => Clock.Reset(local.InZoneStrictly(Bank.Scheme.TimeZone).ToInstant());

    public static TimeCredit H(string text) => TimeCredit.Parse(text);

    /// <summary>Every piece of state a refused (or idempotently repeated) operation must leave unchanged.</summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        foreach (var m in Bank.Members.OrderBy(static m => m.Id.Value))
        {
            text.Append(c, $"member {m.Id} {m.Profile.Name} balance={Bank.GetBalance(m.Id).Minutes} given={Bank.GetTotalGiven(m.Id).Minutes} relatives=");
            foreach (var (relative, relationship) in m.Relatives.OrderBy(static r => r.Key.Value))
            {
                text.Append(c, $"{relative}:{relationship},");
            }

            text.AppendLine();
        }

        foreach (var r in Bank.ServiceRecords.OrderBy(static r => r.Id.Value))
        {
            text.AppendLine(c, $"record {r.Id} {r.Status} by={r.DecidedBy} credited={r.Credited.Minutes} pool={r.SentToPool.Minutes}");
        }

        text.AppendLine(c, $"pool={Bank.PoolBalance.Minutes} fund={Bank.GuaranteeFundBalance.Minutes} issuing={Ledger.GetBalance(Bank.Scheme.IssuingAccountId)}");
        text.AppendLine(c, $"position={Ledger.Position} journal={Ledger.Journal.Count} accounts={Ledger.AccountCount}");
        return text.ToString();
    }

    /// <summary>Sum of every member's balance.</summary>
    public TimeCredit MemberTotal => TimeCredit.FromMinutes(Bank.Members.Sum(m => Bank.GetBalance(m.Id).Minutes));

    /// <summary>The closing checks of every test: the ledger's invariants hold, and the time in circulation is exactly
    /// what members, the pool and the fund hold.</summary>
    public void AssertInvariants()
    {
        Assert.Empty(Ledger.VerifyInvariants());
        Assert.Equal(Bank.TimeInCirculation, MemberTotal + Bank.PoolBalance + Bank.GuaranteeFundBalance);
        var cap = Bank.Scheme.Rules.Cap.Cap;
        foreach (var m in Bank.Members)
        {
            var balance = Bank.GetBalance(m.Id);
            Assert.False(balance.IsNegative, $"{m.Profile.Name} is negative: {balance}");
            if (cap is { } c) Assert.True(balance <= c, $"{m.Profile.Name} is above the cap: {balance}");
        }
    }
}

// A consumer of the Volunteering.Domain packages, built outside the repository's solution against the packed packages
// only: it opens a SQLite store, opens time-bank accounts, posts a confirmed service and a family gift, saves, reopens
// the store and prints a statement read back from it.
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;
using Volunteering.Storage.Sqlite;

var file = args[0];
var clock = new StepClock(Instant.FromUtc(2026, 3, 3, 6, 0));   // after the service below ended
var scheme = new TimeBankScheme(new SchemeId(Guid.Parse("0c0c0c0c-1111-4222-8333-444455556666")), "Consumer time bank");
var home = new ResidenceArea("Nanjing", "Gulou", "Hunan Road");
var wang = new VolunteerId(Guid.Parse("0c0c0c0c-0000-4000-8000-000000000001"));
var liu = new VolunteerId(Guid.Parse("0c0c0c0c-0000-4000-8000-000000000002"));

await using (var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file)))
{
    var ledger = await PersistentLedger.OpenAsync(store, clock);
    var bank = TimeBank.Open(scheme, ledger.Ledger);
    Console.WriteLine($"open Wang: {bank.OpenAccount(wang, new MemberProfile("Wang Fang", new LocalDate(1970, 5, 12), "139", home), clock.GetCurrentInstant())}");
    Console.WriteLine($"open Liu: {bank.OpenAccount(liu, new MemberProfile("Liu Nainai", new LocalDate(1944, 2, 1), "138", home) { Hardship = Hardship.LivingAlone }, clock.GetCurrentInstant())}");
    var visit = new ServiceRecordId(Guid.Parse("0c0c0c0c-0000-4000-8000-0000000000a1"));
    var span = new Interval(Instant.FromUtc(2026, 3, 3, 2, 0), Instant.FromUtc(2026, 3, 3, 5, 0));
    Console.WriteLine($"record: {bank.RecordService(visit, new ServiceDetails(wang, liu, home, "companionship", "elder-care", span, TimeCredit.Parse("3h")))}");
    Console.WriteLine($"confirm: {bank.ConfirmService(visit, liu).Code}");
    Console.WriteLine($"saved: {(await ledger.SaveChangesAsync()).Status}");
}

await using (var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file)))
{
    var ledger = await PersistentLedger.OpenAsync(store, clock);
    var balance = await store.GetBalanceAsync(scheme.MemberAccountId(wang));
    Console.WriteLine($"stored balance: {TimeCredit.FromMinutes(balance!.Value.Posted)}");
    var statement = ledger.Ledger.GetStatement(scheme.MemberAccountId(wang), new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0)));
    Console.WriteLine($"statement: opening {statement.OpeningBalance}, {statement.Lines.Count} line(s), closing {TimeCredit.FromMinutes(statement.ClosingBalance)}");
    Console.WriteLine($"invariants: {ledger.Ledger.VerifyInvariants().Count} violation(s)");
}

/// <summary>A clock that moves one second each time it is read.</summary>
internal sealed class StepClock(Instant start) : IClock
{
    private Instant _now = start;

    public Instant GetCurrentInstant() => _now = _now + Duration.FromSeconds(1);
}

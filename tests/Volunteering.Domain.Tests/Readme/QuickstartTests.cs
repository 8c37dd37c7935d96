using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Bank = Volunteering.Domain.TimeBank.TimeBank;

namespace Volunteering.Domain.Tests.Readme;

/// <summary>The README's quickstart, line for line but with a fixed clock, so the README cannot drift from the API.</summary>
public class QuickstartTests
{
    [Fact]
    public void Quickstart_from_the_readme_works_as_described()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 29, 2, 0));
        var ledger = new DoubleEntryLedger(clock);
        var bank = Bank.Open(new TimeBankScheme(SchemeId.New(), "Hunan Road mutual-aid time"), ledger);
        var home = new ResidenceArea("Nanjing", "Gulou", "Hunan Road");

        var wang = VolunteerId.New();
        var liu = VolunteerId.New();
        Assert.Equal(TimeBankResult.Ok, bank.OpenAccount(wang, new MemberProfile("Wang Fang", new LocalDate(1990, 5, 12), "139…", home), clock.GetCurrentInstant()));
        Assert.Equal(TimeBankResult.Ok, bank.OpenAccount(liu, new MemberProfile("Liu Nainai", new LocalDate(1944, 2, 1), "138…", home) { Hardship = Hardship.LivingAlone }, clock.GetCurrentInstant()));

        var visit = ServiceRecordId.New();
        var span = new Interval(Instant.FromUtc(2026, 3, 3, 6, 0), Instant.FromUtc(2026, 3, 3, 9, 0));
        Assert.Equal(TimeBankResult.Ok, bank.RecordService(visit, new ServiceDetails(wang, liu, home, "companionship", "elder-care", span, TimeCredit.Parse("3h"))));
        var outcome = bank.ConfirmService(visit, liu);

        Assert.Equal("Ok: Wang Fang holds 3h", $"{outcome.Code}: Wang Fang holds {bank.GetBalance(wang)}");
        Assert.Equal(TimeBankResult.RedeemerTooYoung, bank.Redeem(TransferId.New(), wang, TimeCredit.Parse("1h"), home, "haircut").Code);
        Assert.Empty(ledger.VerifyInvariants());
    }
}

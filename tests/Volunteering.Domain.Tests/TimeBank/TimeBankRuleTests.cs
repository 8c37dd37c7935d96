using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.TimeBank.Policies;
using static Volunteering.Domain.Tests.TimeBank.TimeBankTestKit;

namespace Volunteering.Domain.Tests.TimeBank;

/// <summary>One example per rule of the time bank and per <see cref="TimeBankResult"/> code it can return. Every
/// refusal is checked to change nothing: balances, pool, fund, issuing account, the ledger's journal and the records.</summary>
public class TimeBankRuleTests
{
    private static void AssertNothingChanged(TimeBankTestKit kit, string before)
    {
        Assert.Equal(before, kit.Snapshot());
        kit.AssertInvariants();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Accounts
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Opening_an_account_without_consent_is_refused_and_opens_nothing()
    {
        var kit = new TimeBankTestKit();
        var person = VolunteerId.New();
        var profile = Profile("Zhang Wei", new LocalDate(1980, 1, 1));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.ConsentRequired, kit.Bank.OpenAccount(person, profile, consentGivenAt: null));

        Assert.False(kit.Bank.TryGetMember(person, out _));
        Assert.Throws<KeyNotFoundException>(() => kit.Bank.GetBalance(person));
        AssertNothingChanged(kit, before);

        Assert.Equal(TimeBankResult.Ok, kit.Bank.OpenAccount(person, profile, kit.Now));
        Assert.True(kit.Bank.TryGetMember(person, out var member));
        Assert.Equal(kit.Now, member.ConsentGivenAt);
        Assert.Equal(TimeCredit.Zero, kit.Balance(person));
        kit.AssertInvariants();
    }

    [Fact]
    public void Opening_again_with_the_same_profile_is_AlreadyDone_and_with_another_profile_is_refused()
    {
        var kit = new TimeBankTestKit();
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var person = VolunteerId.New();
        var profile = Profile("Li Na", new LocalDate(1975, 4, 2));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.OpenAccount(person, profile, kit.Now));
        kit.Earn(person, elder, H("2h"));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.OpenAccount(person, Profile("Li Na", new LocalDate(1975, 4, 2)), kit.Now));
        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.OpenAccount(person, profile, consentGivenAt: null));
        Assert.Equal(TimeBankResult.AccountExistsWithDifferentProfile, kit.Bank.OpenAccount(person, profile with { Hardship = Hardship.LivingAlone }, kit.Now));
        Assert.Equal(TimeBankResult.AccountExistsWithDifferentProfile, kit.Bank.OpenAccount(person, Profile("Li Na", new LocalDate(1975, 4, 3)), kit.Now));
        Assert.Equal(TimeBankResult.AccountExistsWithDifferentProfile, kit.Bank.OpenAccount(person, Profile("Li Na", new LocalDate(1975, 4, 2), home: Ninghai), null));

        Assert.True(kit.Bank.TryGetMember(person, out var member));
        Assert.Equal(profile, member.Profile);
        Assert.Equal(H("2h"), kit.Balance(person));
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void Opening_again_with_an_equal_profile_that_lists_skills_is_AlreadyDone()
    {
        var kit = new TimeBankTestKit();
        var person = VolunteerId.New();
        MemberProfile Make() => Profile("Chen Jie", new LocalDate(1968, 9, 9)) with
        {
            Skills = ["haircut", "computer help"],
            ServiceCategories = ["elder-care"],
        };

        Assert.Equal(TimeBankResult.Ok, kit.Bank.OpenAccount(person, Make(), kit.Now));
        var before = kit.Snapshot();

        // A client retrying the same request builds the same record again: that is the same profile.
        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.OpenAccount(person, Make(), kit.Now));
        Assert.Equal(TimeBankResult.AccountExistsWithDifferentProfile, kit.Bank.OpenAccount(person, Make() with { Skills = ["haircut"] }, kit.Now));
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void Operations_naming_a_non_member_or_an_unknown_record_change_nothing()
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 62);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        kit.Earn(member, elder, H("3h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.DonateToPool(TransferId.New(), member, H("1h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.FundGuarantee(TransferId.New(), H("10h")).Code);
        var stranger = VolunteerId.New();
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.RecordService(ServiceRecordId.New(), kit.Service(stranger, elder, H("1h"))));
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.Redeem(TransferId.New(), stranger, H("1h"), HunanRoad, "haircut").Code);
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.GiveToFamily(TransferId.New(), stranger, member, H("1h")).Code);
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.GiveToFamily(TransferId.New(), member, stranger, H("1h")).Code);
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.DonateToPool(TransferId.New(), stranger, H("1h")).Code);
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.GrantFromPool(TransferId.New(), stranger, H("1h")).Code);
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.GrantFromGuaranteeFund(TransferId.New(), stranger, H("1h")).Code);
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.RegisterRelative(member, stranger, Relationship.Parent));
        Assert.Equal(TimeBankResult.MemberNotFound, kit.Bank.RegisterRelative(stranger, member, Relationship.Child));
        Assert.Equal(TimeBankResult.ServiceRecordNotFound, kit.Bank.ConfirmService(ServiceRecordId.New(), elder).Code);
        Assert.Equal(TimeBankResult.ServiceRecordNotFound, kit.Bank.RefuseService(ServiceRecordId.New(), elder, "never happened"));

        Assert.Throws<KeyNotFoundException>(() => kit.Bank.GetBalance(stranger));
        Assert.Throws<KeyNotFoundException>(() => kit.Bank.GetTotalGiven(stranger));
        Assert.Throws<KeyNotFoundException>(() => kit.Bank.GetStarLevel(stranger));
        Assert.Throws<KeyNotFoundException>(() => kit.Bank.GetStatement(stranger, new DateInterval(kit.Today, kit.Today)));
        AssertNothingChanged(kit, before);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Service records
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_record_id_reused_with_other_details_is_refused_and_with_the_same_details_is_AlreadyDone()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var details = kit.Service(volunteer, elder, H("2h"));
        var id = kit.Record(details);
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.RecordService(id, details));
        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.RecordService(id, kit.Service(volunteer, elder, H("2h"))));
        Assert.Equal(TimeBankResult.ServiceRecordExistsWithDifferentDetails, kit.Bank.RecordService(id, kit.Service(volunteer, elder, H("1.5h"))));
        Assert.Equal(TimeBankResult.ServiceRecordExistsWithDifferentDetails, kit.Bank.RecordService(id, kit.Service(volunteer, elder, H("2h"), category: "cleaning")));

        Assert.True(kit.Bank.TryGetServiceRecord(id, out var record));
        Assert.Equal(details, record.Details);
        Assert.Equal(ServiceRecordStatus.Recorded, record.Status);
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void A_service_that_has_not_ended_cannot_be_recorded()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var before = kit.Snapshot();

        var endsInAMinute = kit.Service(volunteer, elder, H("1h"), start: kit.Now - Duration.FromMinutes(59));
        Assert.Equal(TimeBankResult.ServiceNotEnded, kit.Bank.RecordService(ServiceRecordId.New(), endsInAMinute));

        Assert.Empty(kit.Bank.ServiceRecords);
        AssertNothingChanged(kit, before);
        var endedJustNow = kit.Service(volunteer, elder, H("1h"), start: kit.Now - Duration.FromHours(1));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RecordService(ServiceRecordId.New(), endedJustNow));
    }

    [Fact]
    public void A_volunteer_cannot_serve_or_witness_for_themself()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.ProviderIsRecipient, kit.Bank.RecordService(ServiceRecordId.New(), kit.Service(volunteer, volunteer, H("1h"))));
        Assert.Equal(TimeBankResult.WitnessIsProvider, kit.Bank.RecordService(ServiceRecordId.New(), kit.Service(volunteer, elder, H("1h"), witness: volunteer)));

        Assert.Empty(kit.Bank.ServiceRecords);
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void The_credited_duration_may_not_exceed_the_span_of_the_service()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.CreditedDurationExceedsServiceTime,
            kit.Bank.RecordService(ServiceRecordId.New(), kit.Service(volunteer, elder, H("121m"), span: Duration.FromHours(2))));
        Assert.Equal(TimeBankResult.CreditedDurationExceedsServiceTime,
            kit.Bank.RecordService(ServiceRecordId.New(), kit.Service(volunteer, elder, H("121m"), span: Duration.FromHours(2) + Duration.FromSeconds(59))));
        Assert.Empty(kit.Bank.ServiceRecords);
        AssertNothingChanged(kit, before);

        // The whole span, or less of it (time on site is not all time given), is fine.
        var full = kit.Record(kit.Service(volunteer, elder, H("2h"), span: Duration.FromHours(2)));
        var part = kit.Record(kit.Service(volunteer, elder, H("1.5h"), span: Duration.FromHours(2)));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.ConfirmService(full, elder).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.ConfirmService(part, elder).Code);
        Assert.Equal(H("3.5h"), kit.Balance(volunteer));
        kit.AssertInvariants();
    }

    [Fact]
    public void Only_the_recipient_or_the_witness_may_confirm_or_refuse()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var witness = kit.JoinAged("Community worker Zhou", 40);
        var neighbour = kit.JoinAged("Neighbour Sun", 50);
        var id = kit.Record(kit.Service(volunteer, elder, H("2h"), witness: witness));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.ConfirmerNotRecipientOrWitness, kit.Bank.ConfirmService(id, volunteer).Code);
        Assert.Equal(TimeBankResult.ConfirmerNotRecipientOrWitness, kit.Bank.ConfirmService(id, neighbour).Code);
        Assert.Equal(TimeBankResult.ConfirmerNotRecipientOrWitness, kit.Bank.ConfirmService(id, VolunteerId.New()).Code);
        Assert.Equal(TimeBankResult.ConfirmerNotRecipientOrWitness, kit.Bank.RefuseService(id, volunteer, "I did not do it"));
        Assert.Equal(TimeBankResult.ConfirmerNotRecipientOrWitness, kit.Bank.RefuseService(id, neighbour, "I saw nothing"));
        Assert.Equal(ServiceRecordStatus.Recorded, kit.Status(id));
        AssertNothingChanged(kit, before);

        // The witness may confirm.
        var outcome = kit.Bank.ConfirmService(id, witness);
        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        Assert.Equal(H("2h"), outcome.Credited);
        Assert.True(kit.Bank.TryGetServiceRecord(id, out var record));
        Assert.Equal(ServiceRecordStatus.Credited, record.Status);
        Assert.Equal(witness, record.DecidedBy);
        Assert.Equal(H("2h"), kit.Balance(volunteer));
        kit.AssertInvariants();
    }

    [Fact]
    public void A_refused_record_never_credits()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var witness = kit.JoinAged("Community worker Zhou", 40);
        var id = kit.Record(kit.Service(volunteer, elder, H("2h"), witness: witness));

        Assert.Equal(TimeBankResult.Ok, kit.Bank.RefuseService(id, elder, "someone else came"));
        Assert.True(kit.Bank.TryGetServiceRecord(id, out var record));
        Assert.Equal(ServiceRecordStatus.Refused, record.Status);
        Assert.Equal("someone else came", record.RefusalReason);
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.ServiceRefused, kit.Bank.ConfirmService(id, elder).Code);
        Assert.Equal(TimeBankResult.ServiceRefused, kit.Bank.ConfirmService(id, witness).Code);
        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.RefuseService(id, witness, "agreed"));
        Assert.Equal(TimeCredit.Zero, kit.Balance(volunteer));
        Assert.Equal(TimeCredit.Zero, kit.Bank.GetTotalGiven(volunteer));
        Assert.Equal("someone else came", record.RefusalReason);
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void A_credited_record_can_no_longer_be_refused()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var id = kit.Earn(volunteer, elder, H("2h"));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.ServiceAlreadyConfirmed, kit.Bank.RefuseService(id, elder, "changed my mind"));
        Assert.Equal(ServiceRecordStatus.Credited, kit.Status(id));
        Assert.Equal(H("2h"), kit.Balance(volunteer));
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void Confirming_twice_credits_once()
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var witness = kit.JoinAged("Community worker Zhou", 40);
        var id = kit.Record(kit.Service(volunteer, elder, H("2.5h"), witness: witness));
        var first = kit.Bank.ConfirmService(id, elder);
        Assert.Equal(TimeBankResult.Ok, first.Code);
        var before = kit.Snapshot();

        var again = kit.Bank.ConfirmService(id, elder);
        var byWitness = kit.Bank.ConfirmService(id, witness);

        Assert.Equal(TimeBankResult.AlreadyDone, again.Code);
        Assert.True(again.IsSuccess);
        Assert.Equal(TransferResult.Exists, again.LedgerResult);
        Assert.Equal(first.Credited, again.Credited);
        Assert.Equal(TimeBankResult.AlreadyDone, byWitness.Code);
        Assert.Equal(H("2.5h"), kit.Balance(volunteer));
        Assert.Equal(H("2.5h"), kit.Bank.GetTotalGiven(volunteer));
        Assert.True(kit.Bank.TryGetServiceRecord(id, out var record));
        Assert.Equal(elder, record.DecidedBy);
        AssertNothingChanged(kit, before);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Ages, computed in the scheme's zone
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_depositor_must_be_18_on_the_local_date_of_the_service()
    {
        var kit = new TimeBankTestKit(now: Instant.FromUtc(2026, 3, 5, 2, 0));
        var student = kit.Join("Xiao Ming", new LocalDate(2008, 3, 1));
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        Assert.True(kit.Bank.TryGetMember(student, out var member));
        Assert.Equal(17, member.Profile.AgeOn(new LocalDate(2026, 2, 28)));
        Assert.Equal(18, member.Profile.AgeOn(new LocalDate(2026, 3, 1)));
        var before = kit.Snapshot();

        // 2026-02-28 23:30 in Shanghai: 17 years and 364 days old.
        var eve = new LocalDateTime(2026, 2, 28, 23, 30).InZoneStrictly(Shanghai).ToInstant();
        Assert.Equal(TimeBankResult.DepositorTooYoung, kit.Bank.RecordService(ServiceRecordId.New(), kit.Service(student, elder, H("20m"), start: eve)));
        Assert.Empty(kit.Bank.ServiceRecords);
        AssertNothingChanged(kit, before);

        // 2026-03-01 23:30 in Shanghai (15:30 UTC): the 18th birthday.
        var birthdayNight = new LocalDateTime(2026, 3, 1, 23, 30).InZoneStrictly(Shanghai).ToInstant();
        Assert.Equal(Instant.FromUtc(2026, 3, 1, 15, 30), birthdayNight);
        kit.Earn(student, elder, H("20m"), start: birthdayNight);

        // 2026-03-01 00:30 in Shanghai is still 2026-02-28 in UTC (16:30); the local date is what counts.
        var birthdayMorning = new LocalDateTime(2026, 3, 1, 0, 30).InZoneStrictly(Shanghai).ToInstant();
        Assert.Equal(Instant.FromUtc(2026, 2, 28, 16, 30), birthdayMorning);
        kit.Earn(student, elder, H("20m"), start: birthdayMorning);
        Assert.Equal(H("40m"), kit.Balance(student));
        kit.AssertInvariants();

        // The same morning in a scheme that keeps UTC dates is the day before the birthday.
        var utc = new TimeBankTestKit(now: Instant.FromUtc(2026, 3, 5, 2, 0), zone: DateTimeZone.Utc);
        var student2 = utc.Join("Xiao Ming", new LocalDate(2008, 3, 1));
        var elder2 = utc.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var utcBefore = utc.Snapshot();
        Assert.Equal(TimeBankResult.DepositorTooYoung, utc.Bank.RecordService(ServiceRecordId.New(), utc.Service(student2, elder2, H("20m"), start: birthdayMorning)));
        AssertNothingChanged(utc, utcBefore);
    }

    [Fact]
    public void A_redeemer_must_be_60_by_default()
    {
        var kit = new TimeBankTestKit(); // 2026-06-15 in Shanghai
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var almost = kit.Join("Almost sixty", new LocalDate(1966, 6, 16));
        var sixty = kit.Join("Sixty today", new LocalDate(1966, 6, 15));
        kit.Earn(almost, elder, H("2h"));
        kit.Earn(sixty, elder, H("2h"));
        var before = kit.Snapshot();

        var refused = kit.Bank.Redeem(TransferId.New(), almost, H("1h"), HunanRoad, "haircut");

        Assert.Equal(TimeBankResult.RedeemerTooYoung, refused.Code);
        Assert.False(refused.IsSuccess);
        Assert.Equal(TimeCredit.Zero, refused.Credited);
        AssertNothingChanged(kit, before);

        var ok = kit.Bank.Redeem(TransferId.New(), sixty, H("1h"), HunanRoad, "haircut");
        Assert.Equal(TimeBankResult.Ok, ok.Code);
        Assert.Equal(-H("1h"), ok.Credited);
        Assert.Equal(H("1h"), kit.Balance(sixty));
        kit.AssertInvariants();
    }

    [Fact]
    public void The_redeemer_age_is_reckoned_on_today_in_the_scheme_zone()
    {
        // 2026-06-14 17:00 UTC is 2026-06-15 01:00 in Shanghai: the 60th birthday there, not yet in UTC.
        var kit = new TimeBankTestKit(now: Instant.FromUtc(2026, 6, 14, 17, 0));
        Assert.Equal(new LocalDate(2026, 6, 15), kit.Today);
        var elder = kit.JoinAged("Liu Nainai", 82, Hardship.LivingAlone);
        var sixty = kit.Join("Sixty today", new LocalDate(1966, 6, 15));
        kit.Earn(sixty, elder, H("2h"));

        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), sixty, H("1h"), HunanRoad, "haircut").Code);
        kit.AssertInvariants();
    }

    [Theory]
    [InlineData(59, Hardship.SpecialHardship, TimeBankResult.RedeemerTooYoung)]
    [InlineData(60, Hardship.None, TimeBankResult.RedeemerTooYoung)]
    [InlineData(64, Hardship.None, TimeBankResult.RedeemerTooYoung)]
    [InlineData(60, Hardship.SpecialHardship, TimeBankResult.Ok)]
    [InlineData(64, Hardship.LowIncome, TimeBankResult.Ok)]
    [InlineData(65, Hardship.None, TimeBankResult.Ok)]
    public void Shanghai_style_redeemers_are_65_or_60_with_a_hardship(int age, Hardship hardship, TimeBankResult expected)
    {
        var kit = new TimeBankTestKit(new TimeBankRules { Redeemer = new MinimumAgeRedeemerPolicy(65, 60) });
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        // Exactly `age` today, or for 59 the day before the 60th birthday.
        var birth = age == 59 ? kit.BornYearsAgo(60).PlusDays(1) : kit.BornYearsAgo(age);
        var member = kit.Join("Member", birth, hardship);
        kit.Earn(member, elder, H("2h"));
        var before = kit.Snapshot();

        var outcome = kit.Bank.Redeem(TransferId.New(), member, H("1h"), HunanRoad, "meal delivery");

        Assert.Equal(expected, outcome.Code);
        if (expected == TimeBankResult.Ok)
        {
            Assert.Equal(H("1h"), kit.Balance(member));
            kit.AssertInvariants();
        }
        else
        {
            AssertNothingChanged(kit, before);
        }
    }

    [Fact]
    public void A_hardship_that_does_not_qualify_does_not_lower_the_redeemer_age()
    {
        var kit = new TimeBankTestKit(new TimeBankRules { Redeemer = new MinimumAgeRedeemerPolicy(65, 60, Hardship.SpecialHardship) });
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var lowIncome = kit.JoinAged("Low income", 62, Hardship.LowIncome);
        var special = kit.JoinAged("Special hardship", 62, Hardship.SpecialHardship | Hardship.LivingAlone);
        kit.Earn(lowIncome, elder, H("2h"));
        kit.Earn(special, elder, H("2h"));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.RedeemerTooYoung, kit.Bank.Redeem(TransferId.New(), lowIncome, H("1h"), HunanRoad, "meal").Code);
        AssertNothingChanged(kit, before);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), special, H("1h"), HunanRoad, "meal").Code);
        kit.AssertInvariants();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Redemption scope
    // ------------------------------------------------------------------------------------------------------------

    public static TheoryData<RedemptionScope, string, bool> ScopeCases => new()
    {
        { RedemptionScope.Community, "same community", true },
        { RedemptionScope.Community, "same district", false },
        { RedemptionScope.District, "same district", true },
        { RedemptionScope.District, "same city", false },
        { RedemptionScope.City, "same city", true },
        { RedemptionScope.City, "other city", false },
    };

    private static ResidenceArea Place(string where) => where switch
    {
        "same community" => new ResidenceArea("Nanjing", "Gulou", "Hunan Road"),
        "same district" => Ninghai,
        "same city" => Xuanwu,
        "other city" => OtherCity,
        _ => throw new ArgumentOutOfRangeException(nameof(where)),
    };

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public void Redemption_is_allowed_only_within_the_scope(RedemptionScope scope, string where, bool allowed)
    {
        var kit = new TimeBankTestKit(new TimeBankRules { RedemptionScope = new AreaRedemptionScopePolicy(scope) });
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var member = kit.JoinAged("Wang Fang", 66);
        kit.Earn(member, elder, H("2h"));
        var before = kit.Snapshot();

        var outcome = kit.Bank.Redeem(TransferId.New(), member, H("1h"), Place(where), "haircut");

        if (allowed)
        {
            Assert.Equal(TimeBankResult.Ok, outcome.Code);
            Assert.Equal(H("1h"), kit.Balance(member));
            kit.AssertInvariants();
        }
        else
        {
            Assert.Equal(TimeBankResult.OutsideRedemptionScope, outcome.Code);
            AssertNothingChanged(kit, before);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Family gifts
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Time_may_be_given_only_to_a_registered_relative()
    {
        var kit = new TimeBankTestKit();
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var giver = kit.JoinAged("Wang Fang", 62);
        var parent = kit.JoinAged("Wang Laoye", 88);
        var neighbour = kit.JoinAged("Neighbour Sun", 70);
        kit.Earn(giver, elder, H("6h"));
        kit.Earn(parent, elder, H("1h"));

        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(giver, parent, Relationship.Parent));
        var before = kit.Snapshot();
        Assert.Equal(TimeBankResult.AlreadyDone, kit.Bank.RegisterRelative(giver, parent, Relationship.Parent));
        Assert.Equal(TimeBankResult.NotFamily, kit.Bank.RegisterRelative(giver, giver, Relationship.Spouse));
        Assert.Equal(TimeBankResult.NotFamily, kit.Bank.GiveToFamily(TransferId.New(), giver, neighbour, H("1h")).Code);
        Assert.Equal(TimeBankResult.NotFamily, kit.Bank.GiveToFamily(TransferId.New(), giver, giver, H("1h")).Code);
        // Registration goes one way: the parent has not registered the child.
        Assert.Equal(TimeBankResult.NotFamily, kit.Bank.GiveToFamily(TransferId.New(), parent, giver, H("1h")).Code);
        AssertNothingChanged(kit, before);

        var gift = kit.Bank.GiveToFamily(TransferId.New(), giver, parent, H("2h"));
        Assert.Equal(TimeBankResult.Ok, gift.Code);
        Assert.Equal(-H("2h"), gift.Credited);
        Assert.Equal(H("4h"), kit.Balance(giver));
        Assert.Equal(H("3h"), kit.Balance(parent));
        // A gift is not time given in service.
        Assert.Equal(H("6h"), kit.Bank.GetTotalGiven(giver));
        Assert.Equal(H("1h"), kit.Bank.GetTotalGiven(parent));
        kit.AssertInvariants();
    }

    [Fact]
    public void A_relationship_outside_the_giftable_set_is_not_family()
    {
        var rules = new TimeBankRules { GiftableRelationships = new HashSet<Relationship> { Relationship.Spouse, Relationship.Parent, Relationship.Child } };
        var kit = new TimeBankTestKit(rules);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var giver = kit.JoinAged("Wang Fang", 62);
        var sibling = kit.JoinAged("Wang Jun", 66);
        kit.Earn(giver, elder, H("3h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(giver, sibling, Relationship.Sibling));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.NotFamily, kit.Bank.GiveToFamily(TransferId.New(), giver, sibling, H("1h")).Code);
        AssertNothingChanged(kit, before);

        // Re-registering under another relationship replaces it.
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(giver, sibling, Relationship.Spouse));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.GiveToFamily(TransferId.New(), giver, sibling, H("1h")).Code);
        Assert.Equal(H("1h"), kit.Balance(sibling));
        kit.AssertInvariants();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Grants
    // ------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(85, Hardship.LivingAlone, true)]
    [InlineData(80, Hardship.LivingAlone, true)]
    [InlineData(85, Hardship.None, false)]
    [InlineData(79, Hardship.None, false)]
    [InlineData(60, Hardship.LowIncome, true)]
    [InlineData(60, Hardship.Disabled, true)]
    [InlineData(70, Hardship.SpecialHardship, true)]
    [InlineData(59, Hardship.LowIncome, false)]
    [InlineData(59, Hardship.LivingAlone, false)]
    [InlineData(45, Hardship.Disabled | Hardship.LowIncome, false)]
    public void Grants_go_to_key_elderly_only(int age, Hardship hardship, bool eligible)
    {
        var kit = new TimeBankTestKit();
        var volunteer = kit.JoinAged("Wang Fang", 55);
        var recipient = kit.Join("Applicant", age == 59 ? kit.BornYearsAgo(60).PlusDays(1) : kit.BornYearsAgo(age), hardship);
        var served = kit.JoinAged("Liu Nainai", 90, Hardship.LivingAlone);
        kit.Earn(volunteer, served, H("5h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.DonateToPool(TransferId.New(), volunteer, H("5h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.FundGuarantee(TransferId.New(), H("10h")).Code);
        var before = kit.Snapshot();

        var fromPool = kit.Bank.GrantFromPool(TransferId.New(), recipient, H("2h"));
        var fromFund = kit.Bank.GrantFromGuaranteeFund(TransferId.New(), recipient, H("3h"));

        if (eligible)
        {
            Assert.Equal(TimeBankResult.Ok, fromPool.Code);
            Assert.Equal(TimeBankResult.Ok, fromFund.Code);
            Assert.Equal(H("2h"), fromPool.Credited);
            Assert.Equal(H("5h"), kit.Balance(recipient));
            Assert.Equal(H("3h"), kit.Bank.PoolBalance);
            Assert.Equal(H("7h"), kit.Bank.GuaranteeFundBalance);
            kit.AssertInvariants();
        }
        else
        {
            Assert.Equal(TimeBankResult.NotEligibleForGrant, fromPool.Code);
            Assert.Equal(TimeBankResult.NotEligibleForGrant, fromFund.Code);
            AssertNothingChanged(kit, before);
        }
    }

    [Theory]
    [InlineData(75, Hardship.LivingAlone, TimeBankResult.Ok)]
    [InlineData(70, Hardship.LowIncome, TimeBankResult.Ok)]
    [InlineData(69, Hardship.LowIncome, TimeBankResult.NotEligibleForGrant)]
    [InlineData(69, Hardship.LivingAlone, TimeBankResult.NotEligibleForGrant)]
    [InlineData(90, Hardship.None, TimeBankResult.NotEligibleForGrant)]
    public void KeyElderlyGrantPolicy_ages_are_configurable(int age, Hardship hardship, TimeBankResult expected)
    {
        var policy = new KeyElderlyGrantPolicy(oldAge: 75, hardshipAge: 70);
        var today = new LocalDate(2026, 6, 15);
        var person = Profile("Applicant", today.PlusYears(-age), hardship);

        Assert.Equal(expected, policy.Check(person, today));
        if (age == 70)
        {
            // The day before the 70th birthday the person is 69.
            Assert.Equal(TimeBankResult.NotEligibleForGrant, policy.Check(person, today.PlusDays(-1)));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Insufficient credit
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void Withdrawals_beyond_the_balance_are_refused_and_change_nothing()
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 62);
        var parent = kit.JoinAged("Wang Laoye", 88, Hardship.LivingAlone);
        kit.Earn(member, parent, H("3h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.DonateToPool(TransferId.New(), member, H("1h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.FundGuarantee(TransferId.New(), H("1h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(member, parent, Relationship.Parent));
        var before = kit.Snapshot();

        var outcomes = new[]
        {
            kit.Bank.Redeem(TransferId.New(), member, H("2h1m"), HunanRoad, "haircut"),
            kit.Bank.GiveToFamily(TransferId.New(), member, parent, H("2h1m")),
            kit.Bank.DonateToPool(TransferId.New(), member, H("2h1m")),
            kit.Bank.GrantFromPool(TransferId.New(), parent, H("1h1m")),
            kit.Bank.GrantFromGuaranteeFund(TransferId.New(), parent, H("1h1m")),
        };

        Assert.All(outcomes, o =>
        {
            Assert.Equal(TimeBankResult.InsufficientCredit, o.Code);
            Assert.Equal(TransferResult.ExceedsFloor, o.LedgerResult);
            Assert.Equal(TimeCredit.Zero, o.Credited);
        });
        AssertNothingChanged(kit, before);

        // Exactly the balance is fine.
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), member, H("2h"), HunanRoad, "haircut").Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.GrantFromPool(TransferId.New(), parent, H("1h")).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.GrantFromGuaranteeFund(TransferId.New(), parent, H("1h")).Code);
        Assert.Equal(TimeCredit.Zero, kit.Balance(member));
        Assert.Equal(TimeCredit.Zero, kit.Bank.PoolBalance);
        Assert.Equal(TimeCredit.Zero, kit.Bank.GuaranteeFundBalance);
        kit.AssertInvariants();
    }

    [Fact]
    public void A_refused_redemption_does_not_use_up_its_transfer_id()
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 62);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        kit.Earn(member, elder, H("1h"));
        var id = TransferId.New();
        Assert.Equal(TimeBankResult.InsufficientCredit, kit.Bank.Redeem(id, member, H("2h"), HunanRoad, "haircut").Code);

        kit.Earn(member, elder, H("1h"));
        var retry = kit.Bank.Redeem(id, member, H("2h"), HunanRoad, "haircut");

        Assert.Equal(TimeBankResult.Ok, retry.Code);
        Assert.Equal(TimeCredit.Zero, kit.Balance(member));
        kit.AssertInvariants();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Account cap
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void With_CapOverflow_Refuse_a_deposit_above_the_cap_is_refused()
    {
        var kit = new TimeBankTestKit(new TimeBankRules { Cap = new AccountCapPolicy { Cap = TimeCredit.FromHours(10), Overflow = CapOverflow.Refuse } });
        var member = kit.JoinAged("Wang Fang", 62);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var daughter = kit.JoinAged("Wang Xiaomei", 35);
        kit.Earn(member, elder, H("9h"));
        kit.Earn(daughter, elder, H("2h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(daughter, member, Relationship.Parent));
        var big = kit.Record(kit.Service(member, elder, H("3h")));
        var before = kit.Snapshot();

        Assert.Equal(TimeBankResult.AccountCapReached, kit.Bank.ConfirmService(big, elder).Code);
        Assert.Equal(ServiceRecordStatus.Recorded, kit.Status(big));
        var gift = kit.Bank.GiveToFamily(TransferId.New(), daughter, member, H("1h1m"));
        Assert.Equal(TimeBankResult.AccountCapReached, gift.Code);
        Assert.Equal(TransferResult.ExceedsCeiling, gift.LedgerResult);
        Assert.Equal(H("9h"), kit.Balance(member));
        Assert.Equal(TimeCredit.Zero, kit.Bank.PoolBalance);
        AssertNothingChanged(kit, before);

        // Up to the cap is fine; after spending, the refused record can be confirmed after all.
        Assert.Equal(TimeBankResult.Ok, kit.Bank.GiveToFamily(TransferId.New(), daughter, member, H("1h")).Code);
        Assert.Equal(H("10h"), kit.Balance(member));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(TransferId.New(), member, H("3h"), HunanRoad, "cleaning").Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.ConfirmService(big, elder).Code);
        Assert.Equal(H("10h"), kit.Balance(member));
        kit.AssertInvariants();
    }

    [Fact]
    public void With_CapOverflow_DonateToPool_the_excess_goes_to_the_pool()
    {
        var kit = new TimeBankTestKit(new TimeBankRules { Cap = new AccountCapPolicy { Cap = TimeCredit.FromHours(10), Overflow = CapOverflow.DonateToPool } });
        var member = kit.JoinAged("Wang Fang", 62);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        kit.Earn(member, elder, H("9h"));
        var id = kit.Record(kit.Service(member, elder, H("3h")));

        var outcome = kit.Bank.ConfirmService(id, elder);

        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        Assert.Equal(H("1h"), outcome.Credited);
        Assert.Equal(H("2h"), outcome.ToPool);
        Assert.True(kit.Bank.TryGetServiceRecord(id, out var record));
        Assert.Equal(H("1h"), record.Credited);
        Assert.Equal(H("2h"), record.SentToPool);
        Assert.Equal(H("10h"), kit.Balance(member));
        Assert.Equal(H("2h"), kit.Bank.PoolBalance);
        Assert.Equal(H("12h"), kit.Bank.GetTotalGiven(member));
        Assert.Equal(H("12h"), kit.Bank.TimeInCirculation);
        Assert.Contains(kit.Ledger.Journal, e => e.Code == (int)TimeBankTransferCode.DepositOverflowToPool && e.Amount == 120);

        // At the cap, a whole deposit goes to the pool; confirming again changes nothing.
        var next = kit.Record(kit.Service(member, elder, H("1h")));
        var all = kit.Bank.ConfirmService(next, elder);
        Assert.Equal(TimeBankResult.Ok, all.Code);
        Assert.Equal(TimeCredit.Zero, all.Credited);
        Assert.Equal(H("1h"), all.ToPool);
        var before = kit.Snapshot();
        var again = kit.Bank.ConfirmService(id, elder);
        Assert.Equal(TimeBankResult.AlreadyDone, again.Code);
        Assert.Equal(H("1h"), again.Credited);
        Assert.Equal(H("2h"), again.ToPool);
        AssertNothingChanged(kit, before);
        Assert.Equal(H("10h"), kit.Balance(member));
        Assert.Equal(H("3h"), kit.Bank.PoolBalance);
        Assert.Equal(H("13h"), kit.Bank.GetTotalGiven(member));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Credit rate
    // ------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("nursing", 45, MidpointRounding.ToZero, 67)]
    [InlineData("nursing", 45, MidpointRounding.AwayFromZero, 68)]
    [InlineData("nursing", 41, MidpointRounding.ToEven, 62)]
    [InlineData("nursing", 43, MidpointRounding.ToEven, 64)]
    [InlineData("chat", 45, MidpointRounding.ToZero, 22)]
    [InlineData("chat", 45, MidpointRounding.AwayFromZero, 23)]
    [InlineData("cleaning", 45, MidpointRounding.ToZero, 45)]
    [InlineData("Nursing", 45, MidpointRounding.ToZero, 45)]
    public void CategoryCreditRate_multiplies_by_category_and_rounds_to_minutes(string category, int minutes, MidpointRounding rounding, long expected)
    {
        var rate = new CategoryCreditRate(new Dictionary<string, decimal> { ["nursing"] = 1.5m, ["chat"] = 0.5m }, rounding);
        var kit = new TimeBankTestKit(new TimeBankRules { CreditRate = rate });
        var member = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var id = kit.Record(kit.Service(member, elder, TimeCredit.FromMinutes(minutes), category: category));

        var outcome = kit.Bank.ConfirmService(id, elder);

        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        Assert.Equal(expected, outcome.Credited.Minutes);
        Assert.Equal(expected, kit.Balance(member).Minutes);
        Assert.Equal(expected, kit.Bank.GetTotalGiven(member).Minutes);
        kit.AssertInvariants();
    }

    [Fact]
    public void A_zero_rate_category_is_confirmed_without_a_ledger_entry()
    {
        var rate = new CategoryCreditRate(new Dictionary<string, decimal> { ["training"] = 0m });
        var kit = new TimeBankTestKit(new TimeBankRules { CreditRate = rate });
        var member = kit.JoinAged("Wang Fang", 55);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var id = kit.Record(kit.Service(member, elder, H("2h"), category: "training"));
        var position = kit.Ledger.Position;

        var outcome = kit.Bank.ConfirmService(id, elder);

        Assert.Equal(TimeBankResult.Ok, outcome.Code);
        Assert.Equal(TimeCredit.Zero, outcome.Credited);
        Assert.Equal(ServiceRecordStatus.Credited, kit.Status(id));
        Assert.Equal(position, kit.Ledger.Position);
        Assert.Equal(TimeCredit.Zero, kit.Balance(member));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CategoryCreditRate(new Dictionary<string, decimal> { ["x"] = -0.5m }));
        kit.AssertInvariants();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Idempotency and ledger rejections
    // ------------------------------------------------------------------------------------------------------------

    [Fact]
    public void A_redemption_repeated_with_its_transfer_id_debits_once()
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 66);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        kit.Earn(member, elder, H("5h"));
        var id = TransferId.New();
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(id, member, H("2h"), HunanRoad, "haircut").Code);
        var before = kit.Snapshot();

        var again = kit.Bank.Redeem(id, member, H("2h"), HunanRoad, "haircut");

        Assert.Equal(TimeBankResult.AlreadyDone, again.Code);
        Assert.Equal(TransferResult.Exists, again.LedgerResult);
        Assert.Equal(H("3h"), kit.Balance(member));

        // The same id with other content is a ledger rejection, not a second debit.
        var other = kit.Bank.Redeem(id, member, H("1h"), HunanRoad, "haircut");
        Assert.Equal(TimeBankResult.LedgerRejected, other.Code);
        Assert.Equal(TransferResult.ExistsWithDifferentAmount, other.LedgerResult);
        var donation = kit.Bank.DonateToPool(id, member, H("2h"));
        Assert.Equal(TimeBankResult.LedgerRejected, donation.Code);
        Assert.Equal(H("3h"), kit.Balance(member));
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void A_frozen_member_account_surfaces_as_LedgerRejected_and_changes_nothing()
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 66);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        var son = kit.JoinAged("Wang Qiang", 40);
        kit.Earn(member, elder, H("5h"));
        kit.Earn(son, elder, H("2h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(member, son, Relationship.Child));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(son, member, Relationship.Parent));
        var pending = kit.Record(kit.Service(member, elder, H("1h")));
        Assert.True(kit.Bank.TryGetMember(member, out var m));
        Assert.Equal(AccountResult.Ok, kit.Ledger.FreezeAccount(m.AccountId));
        var redeemId = TransferId.New();
        var before = kit.Snapshot();

        var redeem = kit.Bank.Redeem(redeemId, member, H("1h"), HunanRoad, "haircut");
        var donate = kit.Bank.DonateToPool(TransferId.New(), member, H("1h"));
        var giveFrom = kit.Bank.GiveToFamily(TransferId.New(), member, son, H("1h"));
        var giveTo = kit.Bank.GiveToFamily(TransferId.New(), son, member, H("1h"));
        var confirm = kit.Bank.ConfirmService(pending, elder);

        Assert.Equal(TimeBankResult.LedgerRejected, redeem.Code);
        Assert.Equal(TransferResult.DebitAccountFrozen, redeem.LedgerResult);
        Assert.Equal(TimeBankResult.LedgerRejected, donate.Code);
        Assert.Equal(TimeBankResult.LedgerRejected, giveFrom.Code);
        Assert.Equal(TimeBankResult.LedgerRejected, giveTo.Code);
        Assert.Equal(TransferResult.CreditAccountFrozen, giveTo.LedgerResult);
        Assert.Equal(TimeBankResult.LedgerRejected, confirm.Code);
        Assert.Equal(TransferResult.CreditAccountFrozen, confirm.LedgerResult);
        Assert.Equal(ServiceRecordStatus.Recorded, kit.Status(pending));
        Assert.Equal(H("5h"), kit.Bank.GetTotalGiven(member));
        AssertNothingChanged(kit, before);

        // Once unfrozen, the record credits and the refused redemption's id is still free.
        Assert.Equal(AccountResult.Ok, kit.Ledger.UnfreezeAccount(m.AccountId));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.ConfirmService(pending, elder).Code);
        Assert.Equal(TimeBankResult.Ok, kit.Bank.Redeem(redeemId, member, H("1h"), HunanRoad, "haircut").Code);
        Assert.Equal(H("5h"), kit.Balance(member));
        kit.AssertInvariants();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Programmer errors throw
    // ------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-60)]
    public void Zero_or_negative_amounts_throw(long minutes)
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 66);
        var parent = kit.JoinAged("Wang Laoye", 88, Hardship.LivingAlone);
        kit.Earn(member, parent, H("5h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(member, parent, Relationship.Parent));
        var amount = TimeCredit.FromMinutes(minutes);
        var before = kit.Snapshot();

        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Bank.Redeem(TransferId.New(), member, amount, HunanRoad, "haircut"));
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Bank.GiveToFamily(TransferId.New(), member, parent, amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Bank.DonateToPool(TransferId.New(), member, amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Bank.GrantFromPool(TransferId.New(), parent, amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Bank.GrantFromGuaranteeFund(TransferId.New(), parent, amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Bank.FundGuarantee(TransferId.New(), amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => kit.Service(member, parent, amount, span: Duration.FromHours(1)));
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void Empty_ids_throw()
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 66);
        var parent = kit.JoinAged("Wang Laoye", 88, Hardship.LivingAlone);
        kit.Earn(member, parent, H("5h"));
        Assert.Equal(TimeBankResult.Ok, kit.Bank.RegisterRelative(member, parent, Relationship.Parent));
        var before = kit.Snapshot();

        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.OpenAccount(default, Profile("Nobody", new LocalDate(1970, 1, 1)), kit.Now));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.RecordService(default, kit.Service(member, parent, H("1h"))));
        Assert.ThrowsAny<ArgumentException>(() => kit.Service(default, parent, H("1h")));
        Assert.ThrowsAny<ArgumentException>(() => kit.Service(member, default, H("1h")));
        Assert.ThrowsAny<ArgumentException>(() => kit.Service(member, parent, H("1h"), witness: default(VolunteerId)));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.Redeem(default, member, H("1h"), HunanRoad, "haircut"));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.GiveToFamily(default, member, parent, H("1h")));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.DonateToPool(default, member, H("1h")));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.GrantFromGuaranteeFund(default, parent, H("1h")));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.FundGuarantee(default, H("1h")));
        Assert.ThrowsAny<ArgumentException>(() => new TimeBankScheme(default, "Scheme"));
        AssertNothingChanged(kit, before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_names_and_texts_throw(string blank)
    {
        var kit = new TimeBankTestKit();
        var member = kit.JoinAged("Wang Fang", 66);
        var elder = kit.JoinAged("Liu Nainai", 85, Hardship.LivingAlone);
        kit.Earn(member, elder, H("5h"));
        var id = kit.Record(kit.Service(member, elder, H("1h")));
        var before = kit.Snapshot();

        Assert.ThrowsAny<ArgumentException>(() => new MemberProfile(blank, new LocalDate(1970, 1, 1), "139", HunanRoad));
        Assert.ThrowsAny<ArgumentException>(() => new MemberProfile("Zhang", new LocalDate(1970, 1, 1), blank, HunanRoad));
        Assert.ThrowsAny<ArgumentException>(() => new ResidenceArea(blank, "Gulou", "Hunan Road"));
        Assert.ThrowsAny<ArgumentException>(() => new ResidenceArea("Nanjing", blank, "Hunan Road"));
        Assert.ThrowsAny<ArgumentException>(() => new ResidenceArea("Nanjing", "Gulou", blank));
        Assert.ThrowsAny<ArgumentException>(() => new TimeBankScheme(SchemeId.New(), blank));
        Assert.ThrowsAny<ArgumentException>(() => kit.Service(member, elder, H("1h"), content: blank));
        Assert.ThrowsAny<ArgumentException>(() => kit.Service(member, elder, H("1h"), category: blank));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.Redeem(TransferId.New(), member, H("1h"), HunanRoad, blank));
        Assert.ThrowsAny<ArgumentException>(() => kit.Bank.RefuseService(id, elder, blank));
        Assert.Throws<ArgumentNullException>(() => kit.Bank.Redeem(TransferId.New(), member, H("1h"), null!, "haircut"));
        Assert.Throws<ArgumentNullException>(() => kit.Bank.OpenAccount(VolunteerId.New(), null!, kit.Now));
        Assert.Throws<ArgumentNullException>(() => kit.Bank.RecordService(ServiceRecordId.New(), null!));
        Assert.Equal(ServiceRecordStatus.Recorded, kit.Status(id));
        AssertNothingChanged(kit, before);
    }

    [Fact]
    public void Invalid_policies_throw()
    {
        Assert.Throws<ArgumentException>(() => new StarLevelPolicy([TimeCredit.FromHours(10), TimeCredit.FromHours(10)]));
        Assert.Throws<ArgumentException>(() => new StarLevelPolicy([TimeCredit.Zero]));
        Assert.Throws<ArgumentException>(() => new StarLevelPolicy([TimeCredit.FromHours(300), TimeCredit.FromHours(100)]));
        Assert.ThrowsAny<ArgumentException>(() => new MinimumAgeDepositorPolicy(-1));
        Assert.ThrowsAny<ArgumentException>(() => new MinimumAgeRedeemerPolicy(60, -1));
        Assert.ThrowsAny<ArgumentException>(() => new KeyElderlyGrantPolicy(-80));
    }
}

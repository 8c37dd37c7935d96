using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank.Policies;

namespace Volunteering.Domain.Json.Tests;

/// <summary>
/// The JSON rulebook: a real scheme's rules load to exactly the expected values; every kind of mistake is reported with
/// its path and reason, all of them in one result, and never gives a rulebook; what <see cref="RulebookJson.Write"/>
/// writes loads back equal; histories are refused when their versions are out of order; and the examples in
/// <c>docs/rulebook.md</c> are what the code does.
/// </summary>
public partial class RulebookJsonTests
{
    /// <summary>The Hunan Road community love bank's rules from 1 January 2026 (Beijing), written out by hand.</summary>
    private static LoveBankRulebook Expected() => new()
    {
        Version = 1,
        EffectiveFrom = Instant.FromUtc(2025, 12, 31, 16, 0),
        Earning = new EarningRules
        {
            PerServiceMinutes = new PointRate(1, 60),
            MaxServiceMinutesPerActivity = 120,
            PerDonatedItem = new PointRate(1, 1),
            PerDonatedFen = new PointRate(1, 1000),
            ProfessionalServicePoints = new Dictionary<string, long>(StringComparer.Ordinal) { ["haircut"] = 2, ["legal-aid"] = 3, ["appliance-repair"] = 2 },
            ReferralPoints = 5,
            Bonuses = new Dictionary<string, long>(StringComparer.Ordinal) { ["volunteer-of-the-month"] = 10 },
            HouseholdStartingGrant = 20,
            Rounding = PointsRounding.Down,
        },
        PointsLifetime = Period.FromYears(3),
        MinimumServiceMinutesToRedeem = 300,
        ReservationHold = Duration.FromHours(72),
        Exchanges = [new ExchangeRule(ExchangeDirection.HoursToPoints, new PointRate(1, 60)) { Rounding = PointsRounding.Down, AllowReverse = false }],
        TimeBank = new TimeBankSettings { DepositorMinimumAge = 18, RedeemerMinimumAge = 60, AccountCap = TimeCredit.FromHours(1500), Overflow = CapOverflow.DonateToPool },
    };

    /// <summary>The same rules as a host app might keep them: compact, fields in another order.</summary>
    private const string Example = """
        {"effectiveFrom":"2025-12-31T16:00:00Z","version":1,
         "timeBank":{"redeemerMinimumAge":60,"depositorMinimumAge":18,"overflow":"DonateToPool","accountCapMinutes":90000},
         "earning":{"rounding":"Down","perServiceMinutes":{"perUnits":60,"points":1},"maxServiceMinutesPerActivity":120,
           "perDonatedItem":{"points":1,"perUnits":1},"perDonatedFen":{"points":1,"perUnits":1000},
           "professionalServicePoints":{"haircut":2,"legal-aid":3,"appliance-repair":2},"referralPoints":5,
           "bonuses":{"volunteer-of-the-month":10},"householdStartingGrant":20},
         "pointsLifetime":"P3Y","minimumServiceMinutesToRedeem":300,"reservationHold":"72:00:00",
         "exchanges":[{"direction":"HoursToPoints","rate":{"points":1,"perUnits":60},"rounding":"Down","allowReverse":false}]}
        """;

    [Fact]
    public void A_real_schemes_rulebook_loads_to_exactly_the_expected_values()
    {
        var result = RulebookJson.Load(Example);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        RulebookGen.AssertSame(Expected(), result.Rulebook);

        // The rules do what the scheme says: 150 minutes of one activity count as 120 and earn 2 points; goods declared
        // at 25 yuan earn 2 points; an hour exchanged gives 1 point.
        var rules = result.Rulebook;
        Assert.Equal(2, rules.Earning.PerServiceMinutes!.Apply(Math.Min(150, rules.Earning.MaxServiceMinutesPerActivity!.Value), rules.Earning.Rounding));
        Assert.Equal(2, rules.Earning.PerDonatedFen!.Apply(2_500, rules.Earning.Rounding));
        Assert.Equal(1, rules.Exchanges.Single().Rate.Apply(60, rules.Exchanges[0].Rounding));
        Assert.False(rules.Exchanges[0].AllowReverse);
        Assert.Equal(TimeCredit.FromHours(1500), rules.TimeBank.ToRules().Cap.Cap);
    }

    [Fact]
    public void The_bytes_overload_reads_the_same_and_a_byte_order_mark_is_allowed()
    {
        var bytes = Encoding.UTF8.GetBytes(Example);

        RulebookGen.AssertSame(Expected(), RulebookJson.Load(bytes).Rulebook!);
        RulebookGen.AssertSame(Expected(), RulebookJson.Load([0xEF, 0xBB, 0xBF, .. bytes]).Rulebook!);
    }

    [Fact]
    public void Every_field_but_the_version_and_effective_instant_has_a_default()
    {
        var result = RulebookJson.Load("""{"version":3,"effectiveFrom":"2026-01-01T00:00:00Z"}""");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        RulebookGen.AssertSame(new LoveBankRulebook { Version = 3, EffectiveFrom = Instant.FromUtc(2026, 1, 1, 0, 0) }, result.Rulebook);
        Assert.Null(result.Rulebook.PointsLifetime);
        Assert.Null(result.Rulebook.Earning.PerServiceMinutes);
        Assert.Empty(result.Rulebook.Exchanges);
        Assert.Equal(Duration.FromDays(3), result.Rulebook.ReservationHold);
        Assert.Equal(TimeCredit.FromHours(1500), result.Rulebook.TimeBank.AccountCap);
        Assert.Equal(18, result.Rulebook.TimeBank.DepositorMinimumAge);
        Assert.Equal(60, result.Rulebook.TimeBank.RedeemerMinimumAge);
    }

    [Fact]
    public void Null_means_none_for_the_nullable_fields_and_an_absent_cap_is_not_no_cap()
    {
        var result = RulebookJson.Load("""
            {"version":1,"effectiveFrom":"2026-01-01T00:00:00Z","pointsLifetime":null,
             "earning":{"perServiceMinutes":null,"maxServiceMinutesPerActivity":null,"perDonatedItem":null,"perDonatedFen":null,"referralPoints":null,"householdStartingGrant":null},
             "timeBank":{"accountCapMinutes":null}}
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        RulebookGen.AssertSame(new LoveBankRulebook { Version = 1, EffectiveFrom = Instant.FromUtc(2026, 1, 1, 0, 0), TimeBank = new TimeBankSettings { AccountCap = null } }, result.Rulebook);
        Assert.Null(result.Rulebook.TimeBank.ToRules().Cap.Cap);
    }

    [Theory]
    [InlineData("P2W", 0, 0, 14, 0)]
    [InlineData("PT72H", 0, 0, 3, 0)]
    [InlineData("P1DT25H", 0, 0, 2, 1)]
    [InlineData("P36M", 0, 36, 0, 0)]
    [InlineData("P1Y6M", 1, 6, 0, 0)]
    [InlineData("P1200M", 0, 1200, 0, 0)]
    public void A_lifetime_is_read_normalized(string text, int years, int months, int days, int hours)
    {
        var result = RulebookJson.Load($$"""{"version":1,"effectiveFrom":"2026-01-01T00:00:00Z","pointsLifetime":"{{text}}"}""");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(new PeriodBuilder { Years = years, Months = months, Days = days, Hours = hours }.Build(), result.Rulebook.PointsLifetime);
    }

    [Theory]
    [InlineData("0:30:00", 0, 30, 0)]
    [InlineData("72:00:00", 72, 0, 0)]
    [InlineData("168:00:00.5", 168, 0, 500_000_000)]
    [InlineData("8760:00:00", 8760, 0, 0)]
    public void A_reservation_hold_is_hours_minutes_and_seconds(string text, int hours, int minutes, long nanoseconds)
    {
        var result = RulebookJson.Load($$"""{"version":1,"effectiveFrom":"2026-01-01T00:00:00Z","reservationHold":"{{text}}"}""");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(Duration.FromHours(hours) + Duration.FromMinutes(minutes) + Duration.FromNanoseconds(nanoseconds), result.Rulebook.ReservationHold);
    }

    [Fact]
    public void A_rulebook_with_many_mistakes_reports_every_one_with_its_path_and_reason_in_one_result()
    {
        var result = RulebookJson.Load("""
            {
              "version": "two",
              "earning": {
                "perServiceMinutes": { "points": -1, "perUnits": 0 },
                "perDonatedFen": 1000,
                "professionalServicePoints": { "Haircut": 2, "legal-aid": 1.5 },
                "bonuses": { "": 10, "star": null },
                "rounding": 1,
                "Referralpoints": 5
              },
              "pointsLifetime": "P0D",
              "minimumServiceMinutesToRedeem": -300,
              "reservationHold": "0:00:00",
              "exchanges": [
                { "direction": "HoursToPoints", "rate": { "points": 0, "perUnits": 60 }, "allowReverse": "no" },
                "PointsToVoucher",
                { "direction": "HoursToPoints", "rate": { "points": 1, "perUnits": 60 }, "rounding": "down" }
              ],
              "timeBank": { "depositorMinimumAge": 151, "accountCapMinutes": -1, "overflow": "Donate", "cap": 1 },
              "version": 2
            }
            """);

        Assert.False(result.IsValid);
        Assert.Null(result.Rulebook);
        (string Path, string Reason)[] expected =
        [
            ("$.version", "appears more than once"),
            ("$.version", "must be a whole number, 1 or more; got the string \"two\""),
            ("$.effectiveFrom", "is required"),
            ("$.earning.Referralpoints", "did you mean referralPoints?"),
            ("$.earning.perServiceMinutes.points", "must be a whole number, 0 or more; got the number -1"),
            ("$.earning.perServiceMinutes.perUnits", "must be a whole number, 1 or more; got the number 0"),
            ("$.earning.perDonatedFen", "must be an object; got the number 1000"),
            ("$.earning.professionalServicePoints.Haircut", "is not a service category code"),
            ("$.earning.professionalServicePoints['legal-aid']", "got the number 1.5"),
            ("$.earning.bonuses['']", "must not be empty or white space"),
            ("$.earning.bonuses.star", "must not be null"),
            ("$.earning.rounding", "must be a PointsRounding name, one of Down, HalfUp, Up; got the number 1"),
            ("$.pointsLifetime", "must be longer than zero"),
            ("$.minimumServiceMinutesToRedeem", "must be a whole number, 0 or more; got the number -300"),
            ("$.reservationHold", "must be more than zero and at most 8760:00:00 (365 days); got the string \"0:00:00\""),
            ("$.exchanges[0].rate.points", "must be a whole number, 1 or more; got the number 0"),
            ("$.exchanges[0].allowReverse", "must be true or false; got the string \"no\""),
            ("$.exchanges[1]", "must be an object; got the string \"PointsToVoucher\""),
            ("$.exchanges[2].direction", "HoursToPoints already has a rule at $.exchanges[0]"),
            ("$.exchanges[2].rounding", "got the string \"down\""),
            ("$.timeBank.cap", "is not a field here; the fields are depositorMinimumAge, redeemerMinimumAge, accountCapMinutes, overflow"),
            ("$.timeBank.depositorMinimumAge", "must be a whole number from 0 to 150; got the number 151"),
            ("$.timeBank.accountCapMinutes", "must be a whole number, 0 or more; got the number -1"),
            ("$.timeBank.overflow", "must be a CapOverflow name, one of DonateToPool, Refuse; got the string \"Donate\""),
        ];
        Assert.Equal(expected.Select(static e => e.Path), result.Errors.Select(static e => e.Path));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(result.Errors[i].Reason.Contains(expected[i].Reason, StringComparison.Ordinal), $"{result.Errors[i]} should say: {expected[i].Reason}");
        }
    }

    /// <summary>The example with one value replaced (or removed, for null) at a path of property names and indexes
    /// such as <c>earning.perServiceMinutes.perUnits</c> or <c>exchanges[0].direction</c>.</summary>
    private static string With(string path, string? json)
    {
        var root = JsonNode.Parse(Example)!;
        var segments = path.Split('.');
        var node = root;
        for (var i = 0; i < segments.Length - 1; i++) node = Step(node, segments[i]);
        var last = segments[^1];
        var index = IndexOf(ref last);
        var value = json is null ? null : JsonNode.Parse(json);
        if (index is { } at)
        {
            var array = node[last]!.AsArray();
            if (json is null) array.RemoveAt(at);
            else array[at] = value;
        }
        else if (json is null)
        {
            Assert.True(node.AsObject().Remove(last), $"the example has no {path}");
        }
        else
        {
            node[last] = value;
        }

        return root.ToJsonString();

        static JsonNode Step(JsonNode node, string segment)
        {
            var index = IndexOf(ref segment);
            var next = node[segment]!;
            return index is { } i ? next[i]! : next;
        }

        static int? IndexOf(ref string segment)
        {
            var open = segment.IndexOf('[', StringComparison.Ordinal);
            if (open < 0) return null;
            var i = int.Parse(segment[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            segment = segment[..open];
            return i;
        }
    }

    private const string SecondExchange = """{"direction":"PointsToVoucher","rate":{"points":50,"perUnits":1}}""";

    public static TheoryData<string, string, string, string> OneMistake() => new()
    {
        // the document
        { "a number for the rulebook", "42", "$", "must be an object; got the number 42" },
        { "an array for the rulebook", "[]", "$", "must be an object; got an array" },
        { "null for the rulebook", "null", "$", "must be an object; got null" },
        { "an unknown field", With("colour", "\"red\""), "$.colour", "is not a field here; the fields are version, effectiveFrom," },
        { "a misspelt field", With("minimumServiceMinuteToRedeem", "300"), "$.minimumServiceMinuteToRedeem", "did you mean minimumServiceMinutesToRedeem?" },
        { "an odd field name", With("a b", "1"), "$['a b']", "is not a field here" },
        { "a repeated field", Example[..^1] + ",\"pointsLifetime\":\"P2Y\"}", "$.pointsLifetime", "appears more than once" },
        { "a repeated field spelled with an escape", Example[..^1] + ",\"\\u0076ersion\":2}", "$.version", "appears more than once" },

        // version
        { "no version", With("version", null), "$.version", "is required" },
        { "version null", With("version", "null"), "$.version", "must not be null" },
        { "version 0", With("version", "0"), "$.version", "must be a whole number, 1 or more; got the number 0" },
        { "a negative version", With("version", "-1"), "$.version", "1 or more; got the number -1" },
        { "a fractional version", With("version", "1.0"), "$.version", "got the number 1.0" },
        { "a version with an exponent", With("version", "1e0"), "$.version", "got the number 1e0" },
        { "a version in quotes", With("version", "\"1\""), "$.version", "got the string \"1\"" },
        { "a version above 32 bits", With("version", "2147483648"), "$.version", "got the number 2147483648" },

        // effectiveFrom
        { "no effective instant", With("effectiveFrom", null), "$.effectiveFrom", "is required" },
        { "an effective instant with an offset", With("effectiveFrom", "\"2026-01-01T00:00:00+08:00\""), "$.effectiveFrom", "must be an instant in UTC" },
        { "an effective date", With("effectiveFrom", "\"2026-01-01\""), "$.effectiveFrom", "got the string \"2026-01-01\"" },
        { "an effective instant as a number", With("effectiveFrom", "1767225600"), "$.effectiveFrom", "got the number 1767225600" },
        { "30 February", With("effectiveFrom", "\"2026-02-30T00:00:00Z\""), "$.effectiveFrom", "must be an instant in UTC" },

        // earning
        { "earning as an array", With("earning", "[]"), "$.earning", "must be an object; got an array" },
        { "earning null", With("earning", "null"), "$.earning", "must not be null (leave the field out for the default)" },
        { "an unknown earning field", With("earning.perHour", "1"), "$.earning.perHour", "is not a field here" },
        { "a field in the wrong case", With("earning.Rounding", "\"Up\""), "$.earning.Rounding", "did you mean rounding?" },
        { "a rate per 0 units", With("earning.perServiceMinutes.perUnits", "0"), "$.earning.perServiceMinutes.perUnits", "must be a whole number, 1 or more; got the number 0" },
        { "a negative rate", With("earning.perDonatedItem.points", "-1"), "$.earning.perDonatedItem.points", "0 or more; got the number -1" },
        { "a rate without its units", With("earning.perDonatedFen.perUnits", null), "$.earning.perDonatedFen.perUnits", "is required" },
        { "a rate as a number", With("earning.perDonatedFen", "0.001"), "$.earning.perDonatedFen", "must be an object; got the number 0.001" },
        { "a rate as a fraction string", With("earning.perServiceMinutes", "\"1/60\""), "$.earning.perServiceMinutes", "must be an object; got the string \"1/60\"" },
        { "an unknown field in a rate", With("earning.perDonatedFen.yuan", "10"), "$.earning.perDonatedFen.yuan", "is not a field here; the fields are points, perUnits" },
        { "a negative activity limit", With("earning.maxServiceMinutesPerActivity", "-1"), "$.earning.maxServiceMinutesPerActivity", "0 or more; got the number -1" },
        { "a fractional referral reward", With("earning.referralPoints", "2.5"), "$.earning.referralPoints", "got the number 2.5" },
        { "a starting grant with an exponent", With("earning.householdStartingGrant", "2E1"), "$.earning.householdStartingGrant", "got the number 2E1" },
        { "a starting grant above 64 bits", With("earning.householdStartingGrant", "9223372036854775808"), "$.earning.householdStartingGrant", "got the number 9223372036854775808" },
        { "an upper-case category", With("earning.professionalServicePoints", "{\"Haircut\":2}"), "$.earning.professionalServicePoints.Haircut", "is not a service category code" },
        { "a category with a space", With("earning.professionalServicePoints", "{\"legal aid\":2}"), "$.earning.professionalServicePoints['legal aid']", "is not a service category code" },
        { "negative points for a service", With("earning.professionalServicePoints.haircut", "-2"), "$.earning.professionalServicePoints.haircut", "0 or more; got the number -2" },
        { "points for a service as a string", With("earning.professionalServicePoints.haircut", "\"2\""), "$.earning.professionalServicePoints.haircut", "got the string \"2\"" },
        { "a repeated category", With("earning.professionalServicePoints", "{\"haircut\":2,\"haircut\":3}"), "$.earning.professionalServicePoints.haircut", "appears more than once" },
        { "services as an array", With("earning.professionalServicePoints", "[\"haircut\"]"), "$.earning.professionalServicePoints", "must be an object of names and whole points; got an array" },
        { "a blank bonus name", With("earning.bonuses", "{\" \":10}"), "$.earning.bonuses[' ']", "must not be empty or white space" },
        { "a bonus name with a trailing space", With("earning.bonuses", "{\"star \":10}"), "$.earning.bonuses['star ']", "must not start or end with white space" },
        { "a null bonus", With("earning.bonuses.volunteer-of-the-month", "null"), "$.earning.bonuses['volunteer-of-the-month']", "must not be null" },
        { "a negative bonus", With("earning.bonuses.volunteer-of-the-month", "-10"), "$.earning.bonuses['volunteer-of-the-month']", "0 or more; got the number -10" },
        { "an unknown rounding", With("earning.rounding", "\"Nearest\""), "$.earning.rounding", "must be a PointsRounding name, one of Down, HalfUp, Up; got the string \"Nearest\"" },
        { "a rounding in the wrong case", With("earning.rounding", "\"down\""), "$.earning.rounding", "got the string \"down\"" },
        { "a rounding as a number", With("earning.rounding", "0"), "$.earning.rounding", "got the number 0" },
        { "a rounding as a numeric string", With("earning.rounding", "\"0\""), "$.earning.rounding", "got the string \"0\"" },
        { "a rounding null", With("earning.rounding", "null"), "$.earning.rounding", "must not be null" },

        // pointsLifetime
        { "a lifetime in words", With("pointsLifetime", "\"3 years\""), "$.pointsLifetime", "must be an ISO-8601 period such as \"P3Y\"" },
        { "a lifetime in lower case", With("pointsLifetime", "\"p3y\""), "$.pointsLifetime", "got the string \"p3y\"" },
        { "a lifetime as a number", With("pointsLifetime", "3"), "$.pointsLifetime", "got the number 3" },
        { "a zero lifetime", With("pointsLifetime", "\"P0D\""), "$.pointsLifetime", "must be longer than zero" },
        { "a negative lifetime", With("pointsLifetime", "\"P-1Y\""), "$.pointsLifetime", "must not have a negative part" },
        { "a lifetime with a negative part", With("pointsLifetime", "\"P1Y-1D\""), "$.pointsLifetime", "must not have a negative part" },
        { "a lifetime of 101 years", With("pointsLifetime", "\"P101Y\""), "$.pointsLifetime", "must be at most 100 years" },
        { "a lifetime too long to add", With("pointsLifetime", "\"P999999999D\""), "$.pointsLifetime", "must be at most 100 years" },

        // minimumServiceMinutesToRedeem and reservationHold
        { "a negative threshold", With("minimumServiceMinutesToRedeem", "-300"), "$.minimumServiceMinutesToRedeem", "0 or more; got the number -300" },
        { "a threshold in hours", With("minimumServiceMinutesToRedeem", "\"5h\""), "$.minimumServiceMinutesToRedeem", "got the string \"5h\"" },
        { "an ISO hold", With("reservationHold", "\"PT72H\""), "$.reservationHold", "must be a duration in hours, minutes and seconds such as \"72:00:00\"" },
        { "a hold without seconds", With("reservationHold", "\"72:00\""), "$.reservationHold", "got the string \"72:00\"" },
        { "a hold of 60 minutes past the hour", With("reservationHold", "\"71:60:00\""), "$.reservationHold", "got the string \"71:60:00\"" },
        { "a hold as a number", With("reservationHold", "72"), "$.reservationHold", "got the number 72" },
        { "a zero hold", With("reservationHold", "\"0:00:00\""), "$.reservationHold", "must be more than zero" },
        { "a negative hold", With("reservationHold", "\"-1:00:00\""), "$.reservationHold", "must be more than zero" },
        { "a hold over a year", With("reservationHold", "\"8760:00:01\""), "$.reservationHold", "at most 8760:00:00" },

        // exchanges
        { "exchanges as an object", With("exchanges", SecondExchange), "$.exchanges", "must be an array of exchange rules; got an object" },
        { "an exchange as a string", With("exchanges[0]", "\"HoursToPoints\""), "$.exchanges[0]", "must be an object; got the string \"HoursToPoints\"" },
        { "an unknown direction", With("exchanges[0].direction", "\"MinutesToPoints\""), "$.exchanges[0].direction", "must be a ExchangeDirection name, one of HoursToPoints, PointsToVoucher" },
        { "a direction as a number", With("exchanges[0].direction", "0"), "$.exchanges[0].direction", "got the number 0" },
        { "no direction", With("exchanges[0].direction", null), "$.exchanges[0].direction", "is required" },
        { "no rate", With("exchanges[0].rate", null), "$.exchanges[0].rate", "is required" },
        { "an exchange rate that gives nothing", With("exchanges[0].rate.points", "0"), "$.exchanges[0].rate.points", "1 or more; got the number 0" },
        { "an exchange rate per 0 units", With("exchanges[0].rate.perUnits", "0"), "$.exchanges[0].rate.perUnits", "1 or more; got the number 0" },
        { "an unknown exchange rounding", With("exchanges[0].rounding", "\"Bankers\""), "$.exchanges[0].rounding", "got the string \"Bankers\"" },
        { "allowReverse as a string", With("exchanges[0].allowReverse", "\"yes\""), "$.exchanges[0].allowReverse", "must be true or false; got the string \"yes\"" },
        { "allowReverse as a number", With("exchanges[0].allowReverse", "1"), "$.exchanges[0].allowReverse", "must be true or false; got the number 1" },
        { "an unknown exchange field", With("exchanges[0].fee", "1"), "$.exchanges[0].fee", "is not a field here; the fields are direction, rate, rounding, allowReverse" },
        { "two rules for one direction", With("exchanges", "[" + SecondExchange + ",{\"direction\":\"HoursToPoints\",\"rate\":{\"points\":1,\"perUnits\":60}}," + SecondExchange + "]"), "$.exchanges[2].direction", "PointsToVoucher already has a rule at $.exchanges[0]" },

        // timeBank
        { "a negative depositor age", With("timeBank.depositorMinimumAge", "-1"), "$.timeBank.depositorMinimumAge", "must be a whole number from 0 to 150; got the number -1" },
        { "a redeemer age of 151", With("timeBank.redeemerMinimumAge", "151"), "$.timeBank.redeemerMinimumAge", "from 0 to 150; got the number 151" },
        { "a null age", With("timeBank.redeemerMinimumAge", "null"), "$.timeBank.redeemerMinimumAge", "must not be null" },
        { "a negative cap", With("timeBank.accountCapMinutes", "-1"), "$.timeBank.accountCapMinutes", "0 or more; got the number -1" },
        { "a cap in hours text", With("timeBank.accountCapMinutes", "\"1500h\""), "$.timeBank.accountCapMinutes", "got the string \"1500h\"" },
        { "an unknown overflow", With("timeBank.overflow", "\"Donate\""), "$.timeBank.overflow", "must be a CapOverflow name, one of DonateToPool, Refuse" },
        { "a misspelt cap", With("timeBank.accountCapMinute", "1"), "$.timeBank.accountCapMinute", "did you mean accountCapMinutes?" },
        { "timeBank as a string", With("timeBank", "\"standard\""), "$.timeBank", "must be an object; got the string \"standard\"" },
    };

    [Theory]
    [MemberData(nameof(OneMistake))]
    public void Each_rule_is_checked_and_reported_at_its_path(string name, string json, string path, string reason)
    {
        var result = RulebookJson.Load(json);

        Assert.False(result.IsValid, name);
        Assert.Null(result.Rulebook);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Path == path, $"{name}: expected the path {path}, got {error}");
        Assert.True(error.Reason.Contains(reason, StringComparison.Ordinal), $"{name}: expected \"{reason}\" in {error}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\",}")]
    [InlineData("{\"version\":1, // the first\n\"effectiveFrom\":\"2026-01-01T00:00:00Z\"}")]
    [InlineData("{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\"} {}")]
    [InlineData("{'version':1}")]
    [InlineData("{\"version\":01,\"effectiveFrom\":\"2026-01-01T00:00:00Z\"}")]
    public void Text_that_is_not_one_JSON_value_is_reported_at_the_root(string json)
    {
        var result = RulebookJson.Load(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("is not valid JSON", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Reason, StringComparison.Ordinal);
        Assert.Null(result.Rulebook);
    }

    [Fact]
    public void A_syntax_error_names_its_line_and_byte_counted_from_1()
    {
        var result = RulebookJson.Load("{\"version\":1,\n \"effectiveFrom\": \"2026-01-01T00:00:00Z\",}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("is not valid JSON at line 2, byte 42: ", error.Reason, StringComparison.Ordinal);
        Assert.Contains("trailing comma", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_valid_Unicode_is_reported_at_its_field()
    {
        byte[] badUtf8 = [.. "{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"earning\":{\"bonuses\":{\""u8, 0xC3, 0x28, .. "\":1}},\"pointsLifetime\":\""u8, 0xFF, .. "\"}"u8];
        const string Surrogate = "{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"earning\":{\"rounding\":\"D\\ud800own\"}}";

        var fromBytes = RulebookJson.Load(badUtf8);
        var fromEscape = RulebookJson.Load(Surrogate);

        Assert.False(fromBytes.IsValid);
        Assert.All(fromBytes.Errors, static e => Assert.Contains("not valid", e.Reason, StringComparison.Ordinal));
        var error = Assert.Single(fromEscape.Errors);
        Assert.Equal("$.earning.rounding", error.Path);
        Assert.Contains("not valid text", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_argument_is_the_only_thing_that_throws()
    {
        Assert.Throws<ArgumentNullException>(() => RulebookJson.Load((string)null!));
        Assert.Throws<ArgumentNullException>(() => RulebookJson.LoadHistory((string)null!));
        Assert.Throws<ArgumentNullException>(() => RulebookJson.Write(null!));
        Assert.Throws<ArgumentNullException>(() => RulebookJson.WriteHistory(null!));
    }

    [Property(MaxTest = 500)]
    public Property Loading_any_bytes_never_throws_and_gives_a_rulebook_or_errors()
    {
        var example = Encoding.UTF8.GetBytes(Example);
        var mutated =
            from at in Gen.Choose(0, example.Length - 1)
            from value in Gen.Choose(0, 255)
            from kind in Gen.Choose(0, 2)
            select kind switch
            {
                0 => example[..at],
                1 => [.. example[..at], (byte)value, .. example[(at + 1)..]],
                _ => [.. example[..at], (byte)value, .. example[at..]],
            };
        var bytes = Gen.Frequency((3, mutated), (1, ArbMap.Default.GeneratorFor<byte[]>()), (1, Gen.Constant(example)));

        return Prop.ForAll(Arb.From(bytes), static json =>
        {
            var result = RulebookJson.Load(json);
            var history = RulebookJson.LoadHistory([(byte)'[', .. json, (byte)']']);
            return result.IsValid == (result.Errors.Count == 0) && result.IsValid == (result.Rulebook is not null)
                && history.IsValid == (history.Errors.Count == 0) && history.IsValid == (history.History is not null)
                && result.Errors.All(static e => e.Path.StartsWith('$') && e.Reason.Length > 0);
        });
    }

    [Property(MaxTest = 300)]
    public Property What_Write_writes_loads_back_to_an_equal_rulebook_and_writes_the_same_again()
        => Prop.ForAll(Arb.From(RulebookGen.Rulebook), static rulebook =>
        {
            var json = RulebookJson.Write(rulebook);
            var result = RulebookJson.Load(json);

            Assert.True(result.IsValid, string.Join("\n", result.Errors) + "\n" + json);
            RulebookGen.AssertSame(rulebook, result.Rulebook);
            Assert.Equal(json, RulebookJson.Write(result.Rulebook));
        });

    [Fact]
    public void Write_writes_every_field_in_order_and_normalizes_a_lifetime()
    {
        var json = RulebookJson.Write(new LoveBankRulebook { Version = 2, EffectiveFrom = Instant.FromUtc(2026, 7, 1, 0, 0), PointsLifetime = Period.FromWeeks(2) });
        var names = JsonNode.Parse(json)!.AsObject().Select(static p => p.Key);

        Assert.Equal(["version", "effectiveFrom", "earning", "pointsLifetime", "minimumServiceMinutesToRedeem", "reservationHold", "exchanges", "timeBank"], names);
        Assert.Contains("\"pointsLifetime\": \"P14D\"", json, StringComparison.Ordinal);
        Assert.Contains("\"perServiceMinutes\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"accountCapMinutes\": 90000", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.Equal(Period.FromDays(14), RulebookJson.Load(json).Rulebook!.PointsLifetime);
    }

    /// <summary>What the core accepts but a JSON rulebook cannot hold. (Negative points, undefined enums, lifetimes and
    /// holds out of range, two exchanges one way and nulls are refused by the core's own types already.)</summary>
    public static TheoryData<string, LoveBankRulebook, string> Unwritable() => new()
    {
        { "a category that is not a code", new LoveBankRulebook { Earning = new EarningRules { ProfessionalServicePoints = new Dictionary<string, long> { ["Legal Aid"] = 1 } } }, "$.earning.professionalServicePoints['Legal Aid']" },
        { "a bonus name with a space", new LoveBankRulebook { Earning = new EarningRules { Bonuses = new Dictionary<string, long> { [" star "] = 1 } } }, "$.earning.bonuses[' star ']" },
    };

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Write_refuses_what_a_JSON_rulebook_cannot_hold_naming_the_path(string name, LoveBankRulebook rulebook, string path)
    {
        var ex = Assert.Throws<ArgumentException>(() => RulebookJson.Write(rulebook));

        Assert.True(ex.Message.Contains(path + " ", StringComparison.Ordinal) || ex.Message.Contains(path + ":", StringComparison.Ordinal), $"{name}: {ex.Message}");
    }

    // ------------------------------------------------------------------ histories

    private static string Version(int version, string effectiveFrom, string extra = "")
        => $$"""{"version":{{version}},"effectiveFrom":"{{effectiveFrom}}"{{extra}}}""";

    [Fact]
    public void A_history_loads_its_versions_in_order_and_finds_the_version_in_force()
    {
        var json = "[" + Version(1, "2025-12-31T16:00:00Z", ",\"earning\":{\"referralPoints\":5}") + ","
            + Version(2, "2026-06-30T16:00:00Z", ",\"earning\":{\"referralPoints\":10}") + ","
            + Version(3, "2026-06-30T16:00:00Z", ",\"earning\":{\"referralPoints\":8}") + "]";

        var result = RulebookJson.LoadHistory(json);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal([1, 2, 3], result.History.Versions.Select(static v => v.Version));
        Assert.Equal(1, result.History.At(Instant.FromUtc(2026, 3, 1, 0, 0)).Version);
        Assert.Equal(1, result.History.At(Instant.FromUtc(2020, 1, 1, 0, 0)).Version);
        Assert.Equal(3, result.History.At(Instant.FromUtc(2026, 6, 30, 16, 0)).Version);
        Assert.Equal(8, result.History.Latest.Earning.ReferralPoints);
        Assert.Equal(5, result.History.Find(1)!.Earning.ReferralPoints);
    }

    [Fact]
    public void A_history_with_versions_out_of_order_is_refused_with_the_paths_of_each_problem()
    {
        var json = "[" + Version(1, "2026-06-30T16:00:00Z") + ","
            + Version(3, "2025-12-31T16:00:00Z") + ","
            + Version(2, "2026-07-01T16:00:00Z", ",\"pointsLifetime\":\"P0D\"") + ","
            + Version(4, "2026-07-01T15:59:59.999999999Z") + "]";

        var result = RulebookJson.LoadHistory(json);

        Assert.False(result.IsValid);
        Assert.Null(result.History);
        Assert.Equal(
            [
                new RulebookError("$[1].version", "must be 2: versions are numbered 1, 2, 3, … in order without gaps; got 3"),
                new RulebookError("$[1].effectiveFrom", "takes effect at 2025-12-31T16:00:00Z, before $[0].effectiveFrom (2026-06-30T16:00:00Z); each version takes effect no earlier than the one before"),
                new RulebookError("$[2].pointsLifetime", "must be longer than zero; use null (or leave the field out) for points that never expire"),
                new RulebookError("$[2].version", "must be 3: versions are numbered 1, 2, 3, … in order without gaps; got 2"),
                new RulebookError("$[3].effectiveFrom", "takes effect at 2026-07-01T15:59:59.999999999Z, before $[2].effectiveFrom (2026-07-01T16:00:00Z); each version takes effect no earlier than the one before"),
            ],
            result.Errors);
    }

    [Fact]
    public void A_history_that_does_not_start_at_version_1_is_refused_at_the_first_version()
    {
        var result = RulebookJson.LoadHistory("[" + Version(2, "2026-01-01T00:00:00Z") + "," + Version(3, "2026-02-01T00:00:00Z") + "]");

        Assert.Equal(["$[0].version", "$[1].version"], result.Errors.Select(static e => e.Path));
        Assert.Contains("must be 1", result.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_is_still_checked_around_a_version_whose_own_fields_are_invalid()
    {
        var result = RulebookJson.LoadHistory("[" + Version(1, "2026-03-01T00:00:00Z") + ",{\"version\":\"2\",\"effectiveFrom\":\"2026-02-01T00:00:00Z\"}]");

        Assert.Equal(["$[1].version", "$[1].effectiveFrom"], result.Errors.Select(static e => e.Path));
        Assert.Contains("got the string \"2\"", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("before $[0].effectiveFrom", result.Errors[1].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "$", "must hold at least version 1")]
    [InlineData("{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\"}", "$", "must be an array of rulebook versions, version 1 first; got an object")]
    [InlineData("[1]", "$[0]", "must be an object; got the number 1")]
    [InlineData("[{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"earning\":{\"referralPoints\":-5}}]", "$[0].earning.referralPoints", "0 or more; got the number -5")]
    [InlineData("[{\"version\":1,\"effectiveFrom\":\"2026-01-01T00:00:00Z\"},]", "$", "is not valid JSON")]
    public void A_history_that_is_not_a_list_of_valid_versions_is_refused(string json, string path, string reason)
    {
        var result = RulebookJson.LoadHistory(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Null(result.History);
    }

    [Fact]
    public void A_written_history_loads_back_equal()
    {
        var first = Expected();
        var history = new RulebookHistory(first)
            .With(first with { Version = 2, EffectiveFrom = Instant.FromUtc(2026, 6, 30, 16, 0), Earning = first.Earning with { ReferralPoints = 10 } })
            .With(new LoveBankRulebook { Version = 3, EffectiveFrom = Instant.FromUtc(2027, 1, 1, 0, 0) });

        var json = RulebookJson.WriteHistory(history);
        var result = RulebookJson.LoadHistory(json);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(3, result.History.Versions.Count);
        for (var i = 0; i < 3; i++) RulebookGen.AssertSame(history.Versions[i], result.History.Versions[i]);
        Assert.Equal(json, RulebookJson.WriteHistory(result.History));
    }

    // ------------------------------------------------------------------ docs/rulebook.md

    private static string Doc => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulebook.md")).ReplaceLineEndings("\n");

    private static List<string> Blocks(string language)
        => [.. Fence().Matches(Doc).Where(m => m.Groups[1].Value == language).Select(static m => m.Groups[2].Value)];

    [GeneratedRegex(@"^```(\w+)\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [Fact]
    public void The_first_example_in_the_doc_loads_to_the_real_schemes_rules_and_is_what_Write_writes()
    {
        var block = Blocks("json")[0];

        var result = RulebookJson.Load(block);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        RulebookGen.AssertSame(Expected(), result.Rulebook);
        Assert.Equal(block, RulebookJson.Write(result.Rulebook));
    }

    [Fact]
    public void The_history_example_in_the_doc_loads()
    {
        var result = RulebookJson.LoadHistory(Blocks("json")[1]);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(5, result.History.At(Instant.FromUtc(2026, 3, 1, 0, 0)).Earning.ReferralPoints);
        Assert.Equal(10, result.History.At(Instant.FromUtc(2026, 7, 1, 0, 0)).Earning.ReferralPoints);
        Assert.Equal(ExchangeDirection.PointsToVoucher, Assert.Single(result.History.Latest.Exchanges).Direction);
    }

    [Fact]
    public void The_error_example_in_the_doc_gives_exactly_the_errors_it_lists()
    {
        var listed = Blocks("text")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var result = RulebookJson.Load(Blocks("json")[2]);

        Assert.Null(result.Rulebook);
        Assert.Equal(listed, result.Errors.Select(static e => e.ToString()));
        Assert.Contains($"this rulebook has {Words[listed.Length]} mistakes", Doc, StringComparison.Ordinal);
    }

    private static readonly string[] Words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    [Fact]
    public void Every_field_the_loader_knows_is_documented_in_a_table_of_the_doc()
    {
        var doc = Doc;
        string[] fields = [.. Internal.RulebookReader.RulebookFields, .. Internal.RulebookReader.EarningFields, .. Internal.RulebookReader.ExchangeFields, .. Internal.RulebookReader.TimeBankFields];

        Assert.Equal(8 + 9 + 4 + 4, fields.Length);
        foreach (var field in fields) Assert.Contains($"\n| `{field}` |", doc, StringComparison.Ordinal);
        Assert.Equal(["points", "perUnits"], Internal.RulebookReader.RateFields);
        Assert.Contains("`{\"points\": P, \"perUnits\": U}`", doc, StringComparison.Ordinal);
    }
}

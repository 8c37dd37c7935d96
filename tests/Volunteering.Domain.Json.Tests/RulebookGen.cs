using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.TimeBank.Policies;
using Xunit.Sdk;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Generators of rulebooks that a JSON rulebook can hold — every field set and unset, numbers up to their
/// limits, any bonus name (quotes, control characters, Chinese, emoji), category codes, lifetimes normalized as the
/// loader reads them, holds down to the nanosecond, exchanges in either order — and a field-by-field comparison (the
/// core records compare their lists and tables by reference).</summary>
internal static class RulebookGen
{
    public static Gen<PointRate> Rate(long minPoints) =>
        from points in DomainEventGen.Amount(minPoints)
        from perUnits in DomainEventGen.Amount(1)
        select new PointRate(points, perUnits);

    public static Gen<PointRate?> OptionalRate => Gen.Frequency((1, Gen.Constant<PointRate?>(null)), (3, Rate(0).Select(static r => (PointRate?)r)));

    public static Gen<long?> OptionalAmount => Gen.Frequency((1, Gen.Constant<long?>(null)), (3, DomainEventGen.Amount(0).Select(static v => (long?)v)));

    public static Gen<IReadOnlyDictionary<string, long>> Table(Gen<string> names) =>
        from entries in (from name in names from points in DomainEventGen.Amount(0) select (name, points)).ListOf()
        select (IReadOnlyDictionary<string, long>)entries.DistinctBy(static e => e.name, StringComparer.Ordinal).ToDictionary(static e => e.name, static e => e.points, StringComparer.Ordinal);

    public static Gen<EarningRules> Earning =>
        from perService in OptionalRate
        from maxService in OptionalAmount
        from perItem in OptionalRate
        from perFen in OptionalRate
        from professional in Table(DomainEventGen.Category.Select(static c => c.Code))
        from referral in OptionalAmount
        from bonuses in Table(DomainEventGen.TrimmedText)
        from grant in OptionalAmount
        from rounding in DomainEventGen.Member<PointsRounding>()
        select new EarningRules
        {
            PerServiceMinutes = perService, MaxServiceMinutesPerActivity = maxService, PerDonatedItem = perItem, PerDonatedFen = perFen,
            ProfessionalServicePoints = professional, ReferralPoints = referral, Bonuses = bonuses, HouseholdStartingGrant = grant, Rounding = rounding,
        };

    /// <summary>Lifetimes as the loader gives them: normalized, positive, at most 100 years.</summary>
    public static Gen<Period?> Lifetime => Gen.Frequency(
        (1, Gen.Constant<Period?>(null)),
        (3, from years in Gen.Choose(0, 60)
            from months in Gen.Choose(0, 60)
            from days in Gen.Choose(0, 800)
            from hours in Gen.Choose(0, 30)
            let period = new PeriodBuilder { Years = years, Months = months, Days = days, Hours = hours }.Build().Normalize()
            where !period.Equals(Period.Zero)
            select (Period?)period));

    public static Gen<Duration> Hold => Gen.Frequency(
        (3, Gen.Choose(1, 365 * 24).Select(static h => Duration.FromHours(h))),
        (1, from seconds in Gen.Choose(0, (365 * 86_400) - 1) from nanos in Gen.Choose(1, 999_999_999) select Duration.FromSeconds(seconds) + Duration.FromNanoseconds(nanos)),
        (1, Gen.Elements(Duration.FromNanoseconds(1), Duration.FromDays(365))));

    public static Gen<ExchangeRule> Exchange(ExchangeDirection direction) =>
        from rate in Rate(1)
        from rounding in DomainEventGen.Member<PointsRounding>()
        from reverse in ArbMap.Default.GeneratorFor<bool>()
        select new ExchangeRule(direction, rate) { Rounding = rounding, AllowReverse = reverse };

    public static Gen<IReadOnlyList<ExchangeRule>> Exchanges =>
        from count in Gen.Choose(0, 2)
        from backwards in ArbMap.Default.GeneratorFor<bool>()
        from toPoints in Exchange(ExchangeDirection.HoursToPoints)
        from toVoucher in Exchange(ExchangeDirection.PointsToVoucher)
        select (IReadOnlyList<ExchangeRule>)(backwards ? new[] { toVoucher, toPoints } : [toPoints, toVoucher]).Take(count).ToList();

    public static Gen<TimeBankSettings> TimeBank =>
        from depositor in Gen.Choose(0, 150)
        from redeemer in Gen.Choose(0, 150)
        from cap in Gen.Frequency((1, Gen.Constant<TimeCredit?>(null)), (3, DomainEventGen.Amount(0).Select(static m => (TimeCredit?)TimeCredit.FromMinutes(m))))
        from overflow in DomainEventGen.Member<CapOverflow>()
        select new TimeBankSettings { DepositorMinimumAge = depositor, RedeemerMinimumAge = redeemer, AccountCap = cap, Overflow = overflow };

    public static Gen<LoveBankRulebook> Rulebook =>
        from version in Gen.Frequency((3, Gen.Choose(1, 20)), (1, Gen.Choose(1, int.MaxValue)))
        from effectiveFrom in DomainEventGen.Instant
        from earning in Earning
        from lifetime in Lifetime
        from minimum in DomainEventGen.Amount(0)
        from hold in Hold
        from exchanges in Exchanges
        from timeBank in TimeBank
        select new LoveBankRulebook
        {
            Version = version, EffectiveFrom = effectiveFrom, Earning = earning, PointsLifetime = lifetime, MinimumServiceMinutesToRedeem = minimum,
            ReservationHold = hold, Exchanges = exchanges, TimeBank = timeBank,
        };

    /// <summary>Asserts two rulebooks hold the same rules, naming the first field that differs: tables as sets of
    /// names and points, exchanges in order.</summary>
    public static void AssertSame(LoveBankRulebook expected, LoveBankRulebook actual)
    {
        Same("version", expected.Version, actual.Version);
        Same("effectiveFrom", expected.EffectiveFrom, actual.EffectiveFrom);
        Same("earning.perServiceMinutes", expected.Earning.PerServiceMinutes, actual.Earning.PerServiceMinutes);
        Same("earning.maxServiceMinutesPerActivity", expected.Earning.MaxServiceMinutesPerActivity, actual.Earning.MaxServiceMinutesPerActivity);
        Same("earning.perDonatedItem", expected.Earning.PerDonatedItem, actual.Earning.PerDonatedItem);
        Same("earning.perDonatedFen", expected.Earning.PerDonatedFen, actual.Earning.PerDonatedFen);
        SameTable("earning.professionalServicePoints", expected.Earning.ProfessionalServicePoints, actual.Earning.ProfessionalServicePoints);
        Same("earning.referralPoints", expected.Earning.ReferralPoints, actual.Earning.ReferralPoints);
        SameTable("earning.bonuses", expected.Earning.Bonuses, actual.Earning.Bonuses);
        Same("earning.householdStartingGrant", expected.Earning.HouseholdStartingGrant, actual.Earning.HouseholdStartingGrant);
        Same("earning.rounding", expected.Earning.Rounding, actual.Earning.Rounding);
        Same("pointsLifetime", expected.PointsLifetime, actual.PointsLifetime);
        Same("minimumServiceMinutesToRedeem", expected.MinimumServiceMinutesToRedeem, actual.MinimumServiceMinutesToRedeem);
        Same("reservationHold", expected.ReservationHold, actual.ReservationHold);
        Same("exchanges.Count", expected.Exchanges.Count, actual.Exchanges.Count);
        for (var i = 0; i < expected.Exchanges.Count; i++) Same($"exchanges[{i}]", expected.Exchanges[i], actual.Exchanges[i]);
        Same("timeBank", expected.TimeBank, actual.TimeBank);
    }

    private static void Same<T>(string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) throw new XunitException($"{field} should be {expected} but is {actual}.");
    }

    private static void SameTable(string field, IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual)
    {
        static string Show(IReadOnlyDictionary<string, long> table) => string.Join(", ", table.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key}={p.Value}"));
        if (expected.Count != actual.Count || expected.Any(p => !actual.TryGetValue(p.Key, out var v) || v != p.Value))
        {
            throw new XunitException($"{field} should be {{{Show(expected)}}} but is {{{Show(actual)}}}.");
        }
    }
}

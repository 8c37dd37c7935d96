using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Storage;

namespace Volunteering.Cli;

/// <summary>
/// The last part of the demo: the station's love supermarket (爱心超市) in September. Li Na's household opens a passbook
/// (with the starting grant), earns points for her verified May service and for donated clothes, and redeems an
/// umbrella with a one-time code; the rules refuse a second umbrella in the month, a wrong code and an item the
/// household cannot afford; the passbook statement names the rule version of every line and what expires when.
/// Ids are derived from the story's year, so each run's September is new and the output is the same every time.
/// </summary>
internal sealed class LoveBankRound(TextWriter output, int year) : DemoChapter(output, year, "lovebank")
{
    private static readonly SchemeId LoveBankScheme = new(new Guid("3c7e9b21-8a4d-4f6e-b5a2-0d1c9e8f7a63"));
    private static readonly InstantPattern Day = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd");

    private int _codes;

    /// <summary>The scheme's rules, as a host app would load them from its rulebook (see docs/rulebook.md).</summary>
    private static LoveBankRulebook Rulebook => new()
    {
        Version = 1,
        Earning = new EarningRules
        {
            PerServiceMinutes = new PointRate(1, 60),
            MaxServiceMinutesPerActivity = 120,
            PerDonatedItem = new PointRate(1, 1),
            HouseholdStartingGrant = 20,
        },
        PointsLifetime = Period.FromYears(3),
        MinimumServiceMinutesToRedeem = 120,
    };

    /// <summary>Plays September on <paramref name="store"/> and <paramref name="ledger"/>, for Li Na's household and her
    /// verified services of May.</summary>
    public async ValueTask PlayAsync(IRecordStore store, PersistentLedger ledger, StoryClock clock, IReadOnlyList<(ActivityId Activity, ParticipationId Participation)> services, CancellationToken cancellationToken)
    {
        clock.AdvanceTo(Local(9, 1, 9, 0));
        var scheme = new LoveBankScheme(LoveBankScheme, "Hunan Road love supermarket", Shanghai);
        var desk = new LoveBankDesk(store, ledger, scheme, new RulebookHistory(Rulebook), clock, () => Code(++_codes));
        var household = new PassbookId(Derive("passbook", "Li Na's household"));
        var neighbours = new PassbookId(Derive("passbook", "the Zhous' household"));
        var outlet = new OutletId(Derive("outlet", "Hunan Road station counter"));
        var umbrella = new CatalogueItemId(Derive("item", "umbrella"));
        var sanitiser = new CatalogueItemId(Derive("item", "hand sanitiser"));
        var tissues = new CatalogueItemId(Derive("item", "tissues"));

        Step($"17. The station's love supermarket (爱心超市), September {Year}: a household earns points and redeems them");
        Say("Rules (version 1): 1 point per hour of verified service, at most 2 h counted per activity; 1 point per donated item;");
        Say("20 points to start a household passbook; points valid 3 years; at least 2 h of service before redeeming.");
        Expect("the counter opens with umbrellas (30 pt, 1 per household a month), hand sanitiser (5 pt) and tissues (2 pt)",
            (await desk.OpenOutletAsync(outlet, "Hunan Road station counter", cancellationToken).ConfigureAwait(false),
             await desk.ListItemAsync(new CatalogueItem(umbrella, "Umbrella", 30) { LimitPerPeriod = 1, LimitPeriod = LimitPeriod.Month }, cancellationToken).ConfigureAwait(false),
             await desk.ListItemAsync(new CatalogueItem(sanitiser, "Hand sanitiser", 5), cancellationToken).ConfigureAwait(false),
             await desk.ListItemAsync(new CatalogueItem(tissues, "Tissues", 2), cancellationToken).ConfigureAwait(false)),
            (LoveBankResult.Ok, LoveBankResult.Ok, LoveBankResult.Ok, LoveBankResult.Ok));
        Expect("  a shop donates 2 umbrellas; the station buys 10 sanitisers and 20 packs of tissues",
            (await desk.RestockAsync(new TransferId(Derive("stock", "umbrellas")), umbrella, outlet, 2, "donated by the corner shop", cancellationToken).ConfigureAwait(false),
             await desk.RestockAsync(new TransferId(Derive("stock", "sanitiser")), sanitiser, outlet, 10, "bought by the station", cancellationToken).ConfigureAwait(false),
             await desk.RestockAsync(new TransferId(Derive("stock", "tissues")), tissues, outlet, 20, "bought by the station", cancellationToken).ConfigureAwait(false)),
            (LoveBankResult.Ok, LoveBankResult.Ok, LoveBankResult.Ok));

        Expect("Li Na's household opens a passbook (爱心互助存折) and gets the 20-point starting grant",
            await desk.OpenPassbookAsync(household, PassbookHolderKind.Household, Derive("household", "Li Na"), cancellationToken).ConfigureAwait(false), LoveBankResult.Ok);
        clock.AdvanceTo(Local(9, 2, 10, 0));
        foreach (var (activity, participation) in services)
        {
            Expect("  points for one of Li Na's verified May services (3 h, of which 2 h count)",
                await desk.AwardParticipationAsync(household, activity, participation, cancellationToken).ConfigureAwait(false), LoveBankResult.Ok);
        }

        Expect("  asking again for the same service earns nothing more",
            await desk.AwardParticipationAsync(household, services[0].Activity, services[0].Participation, cancellationToken).ConfigureAwait(false), LoveBankResult.AlreadyDone);
        Expect("  the family donates 6 winter coats",
            await desk.AwardAsync(household, new Contribution(Derive("donation", "winter coats"), ContributionKind.DonatedItems, 6, "winter coats"), cancellationToken).ConfigureAwait(false), LoveBankResult.Ok);
        var book = await desk.LoadPassbookAsync(household, cancellationToken).ConfigureAwait(false);
        Expect("the passbook holds 20 + 2 + 2 + 6 = 30 points", book?.Balance, 30L);

        clock.AdvanceTo(Local(9, 5, 15, 0));
        var redemption = new RedemptionId(Derive("redemption", "umbrella"));
        var reserved = await desk.ReserveAsync(redemption, household, umbrella, outlet, 1, cancellationToken).ConfigureAwait(false);
        Expect($"an umbrella is reserved for 30 points; the code is {reserved.RedemptionCode}, held until {(reserved.HoldUntil is { } h ? Day.Format(h) : "-")}", reserved.Code, LoveBankResult.Ok);
        Expect("  a second umbrella this month is refused", (await desk.ReserveAsync(new RedemptionId(Derive("redemption", "second umbrella")), household, umbrella, outlet, 1, cancellationToken).ConfigureAwait(false)).Code, LoveBankResult.LimitPerPeriodReached);
        Expect("  hand sanitiser is refused: the 30 points are held by the reservation", (await desk.ReserveAsync(new RedemptionId(Derive("redemption", "sanitiser")), household, sanitiser, outlet, 1, cancellationToken).ConfigureAwait(false)).Code, LoveBankResult.InsufficientPoints);
        Expect("the neighbours' new household passbook cannot redeem before 2 h of service",
            (await desk.OpenPassbookAsync(neighbours, PassbookHolderKind.Household, Derive("household", "Zhou"), cancellationToken).ConfigureAwait(false),
             (await desk.ReserveAsync(new RedemptionId(Derive("redemption", "Zhou tissues")), neighbours, tissues, outlet, 1, cancellationToken).ConfigureAwait(false)).Code),
            (LoveBankResult.Ok, LoveBankResult.ServiceThresholdNotMet));

        clock.AdvanceTo(Local(9, 6, 9, 30));
        Expect("at the counter a wrong code is refused", await desk.FulfilAsync(redemption, "00000000", cancellationToken).ConfigureAwait(false), LoveBankResult.WrongRedemptionCode);
        Expect("  the right code hands the umbrella over (final: no refunds)", await desk.FulfilAsync(redemption, reserved.RedemptionCode ?? "-", cancellationToken).ConfigureAwait(false), LoveBankResult.Ok);
        Expect("  and cannot be used twice to cancel it", await desk.CancelAsync(redemption, cancellationToken).ConfigureAwait(false), LoveBankResult.RedemptionAlreadyFulfilled);

        var stock = await desk.GetStockAsync(umbrella, outlet, cancellationToken).ConfigureAwait(false);
        Expect("one umbrella is left on hand, none reserved", (stock.OnHand, stock.Reserved), (1L, 0L));
        var statement = await desk.GetStatementAsync(household, new Interval(Local(9, 1, 0, 0), Local(10, 1, 0, 0)), cancellationToken).ConfigureAwait(false);
        if (statement is not null)
        {
            Say($"Passbook statement, September {Year} (opening {statement.OpeningBalance} pt):");
            foreach (var line in statement.Lines)
            {
                var rule = line.RuleVersion is { } v ? $"rule v{v}" : "-";
                Say($"  {Day.Format(line.At)}  {line.Kind,-9} {line.Change,4:+0;-0;0} pt  balance {line.Balance,3}  ({rule})  {line.Detail}");
            }

            Say($"  closing {statement.ClosingBalance} pt; expiring: {(statement.Expiring.Count == 0 ? "nothing" : string.Join(", ", statement.Expiring.Select(e => $"{e.Points} pt on {Day.Format(e.ExpiresAt)}")))}");
            Expect("nothing is left after the umbrella, so nothing is left to expire", (statement.ClosingBalance, statement.Expiring.Count), (0L, 0));
        }
        else
        {
            Expect("a statement is found", false, true);
        }

        await ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        ledger.Ledger.TryGetAccount(scheme.PassbookAccountId(household), out var account);
        book = await desk.LoadPassbookAsync(household, cancellationToken).ConfigureAwait(false);
        Expect("the passbook and its ledger account agree, and every asset's balances still sum to zero",
            (book?.Balance, account.Balance, ledger.Ledger.VerifyInvariants().Count), ((long?)0, 0L, 0));
    }

    private static string Code(int n) => (417_203 + n * 7_919).ToString("00000000", CultureInfo.InvariantCulture);
}

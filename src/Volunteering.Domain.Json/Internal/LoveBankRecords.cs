using System.Collections.Frozen;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The record types of the love bank, version 1 (see <c>docs/schema.md</c>): the events of a passbook
/// (<see cref="PassbookEvent"/>, stream <c>lovebank.passbook-{id}</c>) and of a scheme's catalogue
/// (<see cref="CatalogueEvent"/>, stream <c>lovebank.catalogue-{scheme}</c>). Points, units and minutes are whole
/// numbers; every amount the core only ever records as positive is read and written as 1 or more.</summary>
internal static class LoveBankRecords
{
    /// <summary>The length of <see cref="RedemptionReserved.CodeHash"/>: a SHA-256 in lower-case hex.</summary>
    public const int CodeHashLength = 64;

    private static readonly FrozenSet<string> ItemFields = new[]
    {
        "id", "name", "pricePoints", "limitPerPeriod", "limitPeriod", "availableFrom", "availableUntil", "minimumServiceMinutes", "onlyFor",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static RecordType<PassbookOpened> PassbookOpened { get; } = DomainRecord.Define<PassbookOpened>(
        "lovebank.passbook-opened",
        ["passbook", "scheme", "holderKind", "holder", "at"],
        static (w, e) =>
        {
            w.Id("passbook", e.Passbook.Value);
            w.Id("scheme", e.Scheme.Value);
            w.Enum("holderKind", e.HolderKind);
            w.Id("holder", e.Holder);
            w.Instant("at", e.At);
        },
        static r => new PassbookOpened(r.PassbookId("passbook"), r.SchemeId("scheme"), r.Enum<PassbookHolderKind>("holderKind"), r.Id("holder"), r.Instant("at")));

    public static RecordType<PointsAwarded> PointsAwarded { get; } = DomainRecord.Define<PointsAwarded>(
        "lovebank.points-awarded",
        ["source", "sequence", "kind", "detail", "basisUnits", "points", "ruleVersion", "at", "expiresAt"],
        static (w, e) =>
        {
            w.Id("source", e.Source);
            w.Int32("sequence", e.Sequence, 0);
            w.Enum("kind", e.Kind);
            w.Text("detail", e.Detail);
            w.Int64("basisUnits", e.BasisUnits, 0);
            w.Int64("points", e.Points, 1);
            w.Int32("ruleVersion", e.RuleVersion, 1);
            w.Instant("at", e.At);
            w.OptionalInstant("expiresAt", e.ExpiresAt);
        },
        static r => new PointsAwarded(
            r.Id("source"),
            r.Int32("sequence", 0),
            r.Enum<ContributionKind>("kind"),
            r.Text("detail"),
            r.Int64("basisUnits", 0),
            r.Int64("points", 1),
            r.Int32("ruleVersion", 1),
            r.Instant("at"),
            r.OptionalInstant("expiresAt")));

    public static RecordType<AwardReversed> AwardReversed { get; } = DomainRecord.Define<AwardReversed>(
        "lovebank.award-reversed",
        ["source", "sequence", "points", "reason", "at"],
        static (w, e) =>
        {
            w.Id("source", e.Source);
            w.Int32("sequence", e.Sequence, 0);
            w.Int64("points", e.Points, 1);
            w.Text("reason", e.Reason);
            w.Instant("at", e.At);
        },
        static r => new AwardReversed(r.Id("source"), r.Int32("sequence", 0), r.Int64("points", 1), r.Text("reason"), r.Instant("at")));

    public static RecordType<PointsDeducted> PointsDeducted { get; } = DomainRecord.Define<PointsDeducted>(
        "lovebank.points-deducted",
        ["deduction", "rule", "reason", "points", "ruleVersion", "at"],
        static (w, e) =>
        {
            w.Id("deduction", e.Deduction);
            w.Text("rule", e.Rule);
            w.Text("reason", e.Reason);
            w.Int64("points", e.Points, 1);
            w.Int32("ruleVersion", e.RuleVersion, 1);
            w.Instant("at", e.At);
        },
        static r => new PointsDeducted(r.Id("deduction"), r.Text("rule"), r.Text("reason"), r.Int64("points", 1), r.Int32("ruleVersion", 1), r.Instant("at")));

    public static RecordType<PointsExpired> PointsExpired { get; } = DomainRecord.Define<PointsExpired>(
        "lovebank.points-expired",
        ["source", "sequence", "points", "expiresAt", "at"],
        static (w, e) =>
        {
            w.Id("source", e.Source);
            w.Int32("sequence", e.Sequence, 0);
            w.Int64("points", e.Points, 1);
            w.Instant("expiresAt", e.ExpiresAt);
            w.Instant("at", e.At);
        },
        static r => new PointsExpired(r.Id("source"), r.Int32("sequence", 0), r.Int64("points", 1), r.Instant("expiresAt"), r.Instant("at")));

    public static RecordType<RedemptionReserved> RedemptionReserved { get; } = DomainRecord.Define<RedemptionReserved>(
        "lovebank.redemption-reserved",
        ["redemption", "item", "outlet", "quantity", "points", "codeHash", "holdUntil", "ruleVersion", "at"],
        static (w, e) =>
        {
            w.Id("redemption", e.Redemption.Value);
            w.Id("item", e.Item.Value);
            w.Id("outlet", e.Outlet.Value);
            w.Int32("quantity", e.Quantity, 1);
            w.Int64("points", e.Points, 1);
            w.LowerHex("codeHash", e.CodeHash, CodeHashLength);
            w.Instant("holdUntil", e.HoldUntil);
            w.Int32("ruleVersion", e.RuleVersion, 1);
            w.Instant("at", e.At);
        },
        static r => new RedemptionReserved(
            r.RedemptionId("redemption"),
            r.CatalogueItemId("item"),
            r.OutletId("outlet"),
            r.Int32("quantity", 1),
            r.Int64("points", 1),
            r.LowerHex("codeHash", CodeHashLength),
            r.Instant("holdUntil"),
            r.Int32("ruleVersion", 1),
            r.Instant("at")));

    public static RecordType<RedemptionFulfilled> RedemptionFulfilled { get; } = DomainRecord.Define<RedemptionFulfilled>(
        "lovebank.redemption-fulfilled",
        ["redemption", "at"],
        static (w, e) =>
        {
            w.Id("redemption", e.Redemption.Value);
            w.Instant("at", e.At);
        },
        static r => new RedemptionFulfilled(r.RedemptionId("redemption"), r.Instant("at")));

    public static RecordType<RedemptionCancelled> RedemptionCancelled { get; } = DomainRecord.Define<RedemptionCancelled>(
        "lovebank.redemption-cancelled",
        ["redemption", "lapsed", "at"],
        static (w, e) =>
        {
            w.Id("redemption", e.Redemption.Value);
            w.Boolean("lapsed", e.Lapsed);
            w.Instant("at", e.At);
        },
        static r => new RedemptionCancelled(r.RedemptionId("redemption"), r.Boolean("lapsed"), r.Instant("at")));

    public static RecordType<PointsExchanged> PointsExchanged { get; } = DomainRecord.Define<PointsExchanged>(
        "lovebank.points-exchanged",
        ["exchange", "direction", "reverse", "sourceUnits", "targetUnits", "ruleVersion", "at", "expiresAt"],
        static (w, e) =>
        {
            w.Id("exchange", e.Exchange);
            w.Enum("direction", e.Direction);
            w.Boolean("reverse", e.Reverse);
            w.Int64("sourceUnits", e.SourceUnits, 1);
            w.Int64("targetUnits", e.TargetUnits, 1);
            w.Int32("ruleVersion", e.RuleVersion, 1);
            w.Instant("at", e.At);
            w.OptionalInstant("expiresAt", e.ExpiresAt);
        },
        static r => new PointsExchanged(
            r.Id("exchange"),
            r.Enum<ExchangeDirection>("direction"),
            r.Boolean("reverse"),
            r.Int64("sourceUnits", 1),
            r.Int64("targetUnits", 1),
            r.Int32("ruleVersion", 1),
            r.Instant("at"),
            r.OptionalInstant("expiresAt")));

    public static RecordType<ItemListed> ItemListed { get; } = DomainRecord.Define<ItemListed>(
        "lovebank.item-listed",
        ["item", "at"],
        static (w, e) =>
        {
            if (e.Item is null) throw w.Refuse("item", "must not be null");
            w.Object("item", i => WriteItem(i, e.Item));
            w.Instant("at", e.At);
        },
        static r => new ItemListed(r.Object("item", ItemFields, ReadItem), r.Instant("at")));

    public static RecordType<ItemWithdrawn> ItemWithdrawn { get; } = DomainRecord.Define<ItemWithdrawn>(
        "lovebank.item-withdrawn",
        ["item", "at"],
        static (w, e) =>
        {
            w.Id("item", e.Item.Value);
            w.Instant("at", e.At);
        },
        static r => new ItemWithdrawn(r.CatalogueItemId("item"), r.Instant("at")));

    public static RecordType<OutletOpened> OutletOpened { get; } = DomainRecord.Define<OutletOpened>(
        "lovebank.outlet-opened",
        ["outlet", "name", "at"],
        static (w, e) =>
        {
            w.Id("outlet", e.Outlet.Value);
            w.Text("name", e.Name);
            w.Instant("at", e.At);
        },
        static r => new OutletOpened(r.OutletId("outlet"), r.Text("name"), r.Instant("at")));

    /// <summary>The passbook events, in the order of <c>docs/schema.md</c>.</summary>
    public static IReadOnlyList<RecordType> PassbookEvents { get; } =
    [
        PassbookOpened, PointsAwarded, AwardReversed, PointsDeducted, PointsExpired,
        RedemptionReserved, RedemptionFulfilled, RedemptionCancelled, PointsExchanged,
    ];

    /// <summary>The catalogue events.</summary>
    public static IReadOnlyList<RecordType> CatalogueEvents { get; } = [ItemListed, ItemWithdrawn, OutletOpened];

    public static IReadOnlyList<RecordType> All { get; } = [.. PassbookEvents, .. CatalogueEvents];

    private static void WriteItem(FieldWriter w, CatalogueItem item)
    {
        w.Id("id", item.Id.Value);
        w.NonBlankText("name", item.Name);
        w.Int64("pricePoints", item.PricePoints, 1);
        w.OptionalInt32("limitPerPeriod", item.LimitPerPeriod, 0);
        w.Enum("limitPeriod", item.LimitPeriod);
        w.OptionalInstant("availableFrom", item.AvailableFrom);
        w.OptionalInstant("availableUntil", item.AvailableUntil);
        w.Int64("minimumServiceMinutes", item.MinimumServiceMinutes, 0);
        w.OptionalEnum("onlyFor", item.OnlyFor);
    }

    /// <summary>Reads every field first (so a refusal names the field), then builds the item; its constructor trims the
    /// name.</summary>
    private static CatalogueItem ReadItem(FieldReader r)
    {
        var id = r.CatalogueItemId("id");
        var name = r.NonBlankText("name");
        var price = r.Int64("pricePoints", 1);
        var limit = r.OptionalInt32("limitPerPeriod", 0);
        var period = r.Enum<LimitPeriod>("limitPeriod");
        var from = r.OptionalInstant("availableFrom");
        var until = r.OptionalInstant("availableUntil");
        var minimumMinutes = r.Int64("minimumServiceMinutes", 0);
        var onlyFor = r.OptionalEnum<PassbookHolderKind>("onlyFor");
        return new CatalogueItem(id, name, price)
        {
            LimitPerPeriod = limit,
            LimitPeriod = period,
            AvailableFrom = from,
            AvailableUntil = until,
            MinimumServiceMinutes = minimumMinutes,
            OnlyFor = onlyFor,
        };
    }
}

using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// A passbook's statement for a period, like a time-bank statement: the balance at the start, every line in the period
/// with its source and the rule version that produced it, the balance at the end, and what is left to expire when.
/// </summary>
public sealed class PassbookStatement
{
    private PassbookStatement(PassbookId passbook, Interval period, long opening, long closing, long available, IReadOnlyList<PassbookLine> lines, IReadOnlyList<(Instant ExpiresAt, long Points)> expiring)
    {
        Passbook = passbook;
        Period = period;
        OpeningBalance = opening;
        ClosingBalance = closing;
        ClosingAvailable = available;
        Lines = lines;
        Expiring = expiring;
    }

    /// <summary>The passbook.</summary>
    public PassbookId Passbook { get; }

    /// <summary>The period: lines at or after its start and before its end.</summary>
    public Interval Period { get; }

    /// <summary>Points held at the start (reserved included).</summary>
    public long OpeningBalance { get; }

    /// <summary>Points held at the end (reserved included).</summary>
    public long ClosingBalance { get; }

    /// <summary>Points available at the end.</summary>
    public long ClosingAvailable { get; }

    /// <summary>The lines, in order.</summary>
    public IReadOnlyList<PassbookLine> Lines { get; }

    /// <summary>Points left to expire after the period, by expiry instant, earliest first (lots with the same instant
    /// added together).</summary>
    public IReadOnlyList<(Instant ExpiresAt, long Points)> Expiring { get; }

    internal static PassbookStatement Build(PassbookId id, IReadOnlyList<PassbookEvent> events, Interval period, IReadOnlyDictionary<CatalogueItemId, CatalogueItem> items)
    {
        var book = LoveBank.Passbook.CreateEmpty(id);
        var lines = new List<PassbookLine>();
        long opening = 0;
        long version = 0;
        foreach (var e in events)
        {
            var at = AtOf(e);
            if (period.HasEnd && at >= period.End) break;
            var before = book.Balance;
            var redemptionPoints = e switch
            {
                RedemptionFulfilled f => book.Redemptions[f.Redemption].Points,
                RedemptionCancelled c => book.Redemptions[c.Redemption].Points,
                _ => 0,
            };
            book.Restore(e, ++version);
            if (period.HasStart && at < period.Start)
            {
                opening = book.Balance;
                continue;
            }

            var (kind, source, detail, rule) = Describe(e, items);
            var change = book.Balance - before;
            if (kind is PassbookLineKind.Reserved or PassbookLineKind.Released) change = 0;
            if (kind is PassbookLineKind.Spent) change = -redemptionPoints;
            if (e is PassbookOpened) continue;
            lines.Add(new PassbookLine(at, kind, source, detail, change, book.Balance, book.Available, rule));
        }

        var expiring = book.Lots
            .Where(l => l.Remaining > 0 && l.ExpiresAt is not null)
            .GroupBy(l => l.ExpiresAt!.Value)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(l => l.Remaining)))
            .ToList();
        return new PassbookStatement(id, period, opening, book.Balance, book.Available, lines, expiring);
    }

    private static Instant AtOf(PassbookEvent e) => e switch
    {
        PassbookOpened x => x.At,
        PointsAwarded x => x.At,
        AwardReversed x => x.At,
        PointsDeducted x => x.At,
        PointsExpired x => x.At,
        RedemptionReserved x => x.At,
        RedemptionFulfilled x => x.At,
        RedemptionCancelled x => x.At,
        PointsExchanged x => x.At,
        _ => throw new InvalidDataException($"A passbook statement cannot read a {e.GetType().Name}."),
    };

    private static (PassbookLineKind, Guid, string, int?) Describe(PassbookEvent e, IReadOnlyDictionary<CatalogueItemId, CatalogueItem> items) => e switch
    {
        PointsAwarded x => (PassbookLineKind.Earned, x.Source, x.Detail.Length == 0 ? x.Kind.ToString() : $"{x.Kind}: {x.Detail}", x.RuleVersion),
        AwardReversed x => (PassbookLineKind.Reversed, x.Source, x.Reason, null),
        PointsDeducted x => (PassbookLineKind.Deducted, x.Deduction, $"{x.Rule}: {x.Reason}", x.RuleVersion),
        PointsExpired x => (PassbookLineKind.Expired, x.Source, "expired", null),
        RedemptionReserved x => (PassbookLineKind.Reserved, x.Redemption.Value, $"{x.Quantity} × {(items.TryGetValue(x.Item, out var item) ? item.Name : "item " + x.Item)}", x.RuleVersion),
        RedemptionFulfilled x => (PassbookLineKind.Spent, x.Redemption.Value, "fulfilled", null),
        RedemptionCancelled x => (PassbookLineKind.Released, x.Redemption.Value, x.Lapsed ? "lapsed" : "cancelled", null),
        PointsExchanged x => ((x.Direction, x.Reverse) is (ExchangeDirection.HoursToPoints, false) or (ExchangeDirection.PointsToVoucher, true) ? PassbookLineKind.ExchangedIn : PassbookLineKind.ExchangedOut, x.Exchange, x.Direction + (x.Reverse ? " reverse" : string.Empty), x.RuleVersion),
        _ => (PassbookLineKind.Earned, Guid.Empty, string.Empty, null),
    };
}

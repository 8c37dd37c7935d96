using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// A passbook (爱心互助存折): an event-sourced aggregate in the stream <c>lovebank.passbook-{id}</c> that explains every
/// movement of a person's or household's points — its source, the rule version that produced it — and keeps the lots
/// that expire oldest first. The balance itself is on the ledger (<see cref="LoveBankScheme.PassbookAccountId"/>);
/// every event here is stored in the same atomic batch as its ledger transfers, so the two never disagree:
/// <see cref="Available"/> equals the ledger account's available balance and <see cref="Reserved"/> its pending debits.
/// </summary>
/// <remarks>Only <see cref="LoveBankDesk"/> changes passbooks; this type exposes what they hold.</remarks>
public sealed class Passbook : AggregateRoot<PassbookEvent>
{
    /// <summary>The stream category, <c>lovebank.passbook</c>.</summary>
    public const string StreamCategory = "lovebank.passbook";

    /// <summary>The item-key scope of awards (one per source and sequence).</summary>
    public const string AwardScope = "lovebank.award";

    /// <summary>The item-key scope of redemptions.</summary>
    public const string RedemptionScope = "lovebank.redemption";

    /// <summary>The item-key scope of deductions.</summary>
    public const string DeductionScope = "lovebank.deduction";

    /// <summary>The item-key scope of exchanges.</summary>
    public const string ExchangeScope = "lovebank.exchange";

    private readonly List<PointsLot> _lots = [];
    private readonly Dictionary<(Guid, int), PointsLot> _lotIndex = [];
    private readonly Dictionary<Guid, int> _liveSequence = [];
    private readonly Dictionary<RedemptionId, Redemption> _redemptions = [];
    private readonly HashSet<Guid> _deductions = [];
    private readonly HashSet<Guid> _exchanges = [];
    private readonly Dictionary<(Guid, int), long> _serviceMinutes = [];

    private Passbook(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The passbook's id; empty before it is opened.</summary>
    public PassbookId Id { get; private set; }

    /// <summary>The scheme.</summary>
    public SchemeId Scheme { get; private set; }

    /// <summary>A person or a household.</summary>
    public PassbookHolderKind HolderKind { get; private set; }

    /// <summary>The holder's id.</summary>
    public Guid Holder { get; private set; }

    /// <summary>When it was opened.</summary>
    public Instant OpenedAt { get; private set; }

    /// <summary>Points that can be spent now: the sum of the lots' remainders.</summary>
    public long Available { get; private set; }

    /// <summary>Points held by open reservations.</summary>
    public long Reserved { get; private set; }

    /// <summary>Points held: available plus reserved.</summary>
    public long Balance => Available + Reserved;

    /// <summary>Minutes of volunteer service counted for points over the passbook's life (live awards only).</summary>
    public long ServiceMinutesCounted { get; private set; }

    /// <summary>The lots, oldest first (reversed and expired ones included, with nothing remaining).</summary>
    public IReadOnlyList<PointsLot> Lots => _lots;

    /// <summary>The redemptions, by id.</summary>
    public IReadOnlyDictionary<RedemptionId, Redemption> Redemptions => _redemptions;

    /// <summary>The stream of a passbook.</summary>
    /// <param name="id">The passbook; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static StreamName StreamFor(PassbookId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The passbook id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>A repository of passbooks in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<Passbook, PassbookEvent> Repository(IRecordStore store) => new(store, static s => new Passbook(s));

    /// <summary>The item key an award claims: one per source and sequence, store-wide.</summary>
    /// <param name="source">The source.</param>
    /// <param name="sequence">The sequence.</param>
    public static ItemKey AwardKey(Guid source, int sequence) => new(AwardScope, LoveBankIds.AwardKey(source, sequence));

    /// <summary>The live award's sequence for a source, if one is live (awarded and not reversed).</summary>
    /// <param name="source">The source.</param>
    /// <param name="sequence">The live award's sequence.</param>
    public bool TryGetLiveAward(Guid source, out int sequence) => _liveSequence.TryGetValue(source, out sequence);

    /// <summary>Whether an award with this source and sequence was ever made here (live or reversed).</summary>
    /// <param name="source">The source.</param>
    /// <param name="sequence">The sequence.</param>
    public bool HasAward(Guid source, int sequence) => _lotIndex.ContainsKey((source, sequence));

    /// <summary>Whether a deduction with the id was made here.</summary>
    /// <param name="deduction">The deduction id.</param>
    public bool HasDeduction(Guid deduction) => _deductions.Contains(deduction);

    /// <summary>Whether an exchange with the id ran here.</summary>
    /// <param name="exchange">The exchange id.</param>
    public bool HasExchange(Guid exchange) => _exchanges.Contains(exchange);

    /// <summary>Units of an item reserved or fulfilled (not cancelled or lapsed) with reservations made in
    /// <paramref name="window"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="window">The period, start included, end excluded.</param>
    public int QuantityTaken(CatalogueItemId item, Interval window)
        => _redemptions.Values
            .Where(r => r.Item == item && r.Status is RedemptionStatus.Reserved or RedemptionStatus.Fulfilled && window.Contains(r.ReservedAt))
            .Sum(r => r.Quantity);

    /// <summary>The lots whose remainder expires at or before <paramref name="asOf"/>.</summary>
    /// <param name="asOf">The instant.</param>
    public IEnumerable<PointsLot> ExpiringBy(Instant asOf)
        => _lots.Where(l => l.Remaining > 0 && l.ExpiresAt is { } e && e <= asOf);

    internal static Passbook CreateEmpty(PassbookId id) => new(StreamFor(id));

    internal void Open(PassbookId id, SchemeId scheme, PassbookHolderKind kind, Guid holder, Instant at)
        => Raise(new PassbookOpened(id, scheme, kind, holder, at));

    internal void Record(PassbookEvent e) => Raise(e);

    /// <inheritdoc />
    public override ItemKey ItemKeyOf(PassbookEvent e) => e switch
    {
        PointsAwarded a => AwardKey(a.Source, a.Sequence),
        RedemptionReserved r => new ItemKey(RedemptionScope, r.Redemption.Value),
        PointsDeducted d => new ItemKey(DeductionScope, d.Deduction),
        PointsExchanged x => new ItemKey(ExchangeScope, x.Exchange),
        _ => default,
    };

    /// <inheritdoc />
    protected override void Apply(PassbookEvent e)
    {
        switch (e)
        {
            case PassbookOpened o:
                Id = o.Passbook;
                Scheme = o.Scheme;
                HolderKind = o.HolderKind;
                Holder = o.Holder;
                OpenedAt = o.At;
                break;
            case PointsAwarded a:
                AddLot(new PointsLot(a.Source, a.Sequence, a.Kind, a.Points, a.At, a.ExpiresAt));
                _liveSequence[a.Source] = a.Sequence;
                if (a.Kind == ContributionKind.VolunteerService)
                {
                    _serviceMinutes[(a.Source, a.Sequence)] = a.BasisUnits;
                    ServiceMinutesCounted = checked(ServiceMinutesCounted + a.BasisUnits);
                }

                break;
            case AwardReversed r:
            {
                var lot = _lotIndex[(r.Source, r.Sequence)];
                var fromLot = Math.Min(lot.Remaining, r.Points);
                lot.Remaining -= fromLot;
                lot.IsReversed = true;
                Available -= fromLot;
                Draw(r.Points - fromLot, null);
                if (_liveSequence.TryGetValue(r.Source, out var live) && live == r.Sequence) _liveSequence.Remove(r.Source);
                if (_serviceMinutes.Remove((r.Source, r.Sequence), out var minutes)) ServiceMinutesCounted -= minutes;
                break;
            }

            case PointsDeducted d:
                _deductions.Add(d.Deduction);
                Draw(d.Points, null);
                break;
            case PointsExpired x:
            {
                var lot = _lotIndex[(x.Source, x.Sequence)];
                lot.Remaining -= x.Points;
                lot.IsExpired = true;
                Available -= x.Points;
                break;
            }

            case RedemptionReserved r:
            {
                var redemption = new Redemption(r);
                _redemptions.Add(r.Redemption, redemption);
                Draw(r.Points, redemption.Drawn);
                Reserved += r.Points;
                break;
            }

            case RedemptionFulfilled f:
            {
                var redemption = _redemptions[f.Redemption];
                redemption.Status = RedemptionStatus.Fulfilled;
                redemption.SettledAt = f.At;
                Reserved -= redemption.Points;
                break;
            }

            case RedemptionCancelled c:
            {
                var redemption = _redemptions[c.Redemption];
                redemption.Status = c.Lapsed ? RedemptionStatus.Lapsed : RedemptionStatus.Cancelled;
                redemption.SettledAt = c.At;
                Reserved -= redemption.Points;
                foreach (var (lot, points) in redemption.Drawn)
                {
                    lot.Remaining += points;
                    Available += points;
                }

                break;
            }

            case PointsExchanged x:
                _exchanges.Add(x.Exchange);
                var pointsIn = (x.Direction, x.Reverse) is (ExchangeDirection.HoursToPoints, false) or (ExchangeDirection.PointsToVoucher, true);
                if (pointsIn)
                {
                    AddLot(new PointsLot(x.Exchange, 0, null, x.TargetUnits, x.At, x.ExpiresAt));
                }
                else
                {
                    Draw(x.SourceUnits, null);
                }

                break;
            default:
                throw new InvalidDataException($"A passbook cannot apply a {e.GetType().Name}.");
        }
    }

    private void AddLot(PointsLot lot)
    {
        _lots.Add(lot);
        _lotIndex[(lot.Source, lot.Sequence)] = lot;
        Available = checked(Available + lot.Points);
    }

    /// <summary>Takes points from the oldest lots with something left.</summary>
    private void Draw(long points, List<(PointsLot, long)>? drawn)
    {
        var left = points;
        foreach (var lot in _lots)
        {
            if (left == 0) break;
            if (lot.Remaining == 0) continue;
            var take = Math.Min(lot.Remaining, left);
            lot.Remaining -= take;
            left -= take;
            drawn?.Add((lot, take));
        }

        if (left != 0) throw new InvalidDataException($"{Stream} draws {points} points but holds only {points - left}.");
        Available -= points;
    }
}

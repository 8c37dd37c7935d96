using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// Runs a love bank (爱心银行 / 爱心超市) on a record store and its ledger: passbooks, earning by rule, deductions,
/// expiry, the catalogue with stock per outlet, two-phase redemption, and exchanges between hours, points and voucher
/// value. Points are their own asset on the ledger; each item's stock is an asset too.
/// </summary>
/// <remarks>
/// <para>Every command loads what it decides on, decides with the rulebook version in force at the clock's instant,
/// and stores the passbook's (or catalogue's) event together with its ledger transfers in one atomic batch
/// (<see cref="UnitOfWork"/>). If another writer got there first the command is decided again, up to
/// <see cref="MaxAttempts"/> times. So two people can never get the last item: both reservations are decided on the
/// ledger, whose journal admits one writer per position, and the second sees the stock gone.</para>
/// <para>Transfer ids are derived from the command's ids (source and sequence, redemption, deduction, exchange), so a
/// repeated command names the same transfers and answers <see cref="LoveBankResult.AlreadyDone"/>.</para>
/// <para>Not thread-safe: use one desk per task (they may share a store; give each its own
/// <see cref="PersistentLedger"/>).</para>
/// </remarks>
public sealed class LoveBankDesk
{
    private readonly IRecordStore _store;
    private readonly PersistentLedger _ledger;
    private readonly IClock _clock;
    private readonly Func<string> _newCode;
    private readonly AggregateRepository<Passbook, PassbookEvent> _passbooks;
    private readonly AggregateRepository<Catalogue, CatalogueEvent> _catalogues;
    private readonly Dictionary<StreamName, Passbook> _loaded = [];

    /// <summary>Creates a desk.</summary>
    /// <param name="store">The record store.</param>
    /// <param name="ledger">The ledger kept in step with the store.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="rules">The scheme's rulebook versions.</param>
    /// <param name="clock">The clock: every command is dated and ruled by its instant.</param>
    /// <param name="codeGenerator">Makes one-time redemption codes; default 8 random decimal digits from a
    /// cryptographic generator.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="codeGenerator"/> is null.</exception>
    public LoveBankDesk(IRecordStore store, PersistentLedger ledger, LoveBankScheme scheme, RulebookHistory rules, IClock clock, Func<string>? codeGenerator = null)
    {
        _store = Guard.Against.Null(store);
        _ledger = Guard.Against.Null(ledger);
        Scheme = Guard.Against.Null(scheme);
        Rules = Guard.Against.Null(rules);
        _clock = Guard.Against.Null(clock);
        _newCode = codeGenerator ?? NewCode;
        _passbooks = Passbook.Repository(store);
        _catalogues = Catalogue.Repository(store);
    }

    /// <summary>The scheme.</summary>
    public LoveBankScheme Scheme { get; }

    /// <summary>The rulebook versions.</summary>
    public RulebookHistory Rules { get; }

    /// <summary>How many times a command is decided again after losing a race; default 8, at least 1.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>How many passbooks the desk keeps between commands, so a command on a passbook it has seen reads only
    /// the records stored since (default 10,000; 0 keeps none). When full, the desk forgets them all and starts again.</summary>
    public int PassbooksKept { get; init; } = 10_000;

    // ------------------------------------------------------------------ passbooks

    /// <summary>Loads a passbook, or null.</summary>
    /// <param name="id">The passbook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<Passbook?> LoadPassbookAsync(PassbookId id, CancellationToken cancellationToken = default)
        => _passbooks.LoadAsync(Passbook.StreamFor(id), cancellationToken);

    /// <summary>Opens a passbook (and its ledger accounts). A household passbook receives the rulebook's starting grant,
    /// if any, in the same batch. Opening again for the same holder answers <see cref="LoveBankResult.AlreadyDone"/>;
    /// for another holder, <see cref="LoveBankResult.PassbookExistsForAnotherHolder"/>.</summary>
    /// <param name="id">The passbook; not empty. For a person's own passbook use
    /// <see cref="LoveBankScheme.PersonalPassbookId"/>.</param>
    /// <param name="kind">A person or a household.</param>
    /// <param name="holder">The holder's id; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public ValueTask<LoveBankResult> OpenPassbookAsync(PassbookId id, PassbookHolderKind kind, Guid holder, CancellationToken cancellationToken = default)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The passbook id must not be empty.", nameof(id));
        Guard.Against.EnumOutOfRange(kind);
        Guard.Against.Default(holder);
        return RunAsync(
            Passbook.StreamFor(id),
            () => Passbook.CreateEmpty(id),
            (book, now) =>
            {
                if (book.Version > 0)
                {
                    return book.HolderKind == kind && book.Holder == holder ? LoveBankResult.AlreadyDone : LoveBankResult.PassbookExistsForAnotherHolder;
                }

                var ledger = _ledger.Ledger;
                EnsureSystemAccounts(ledger);
                if (!Open(ledger, Scheme.PassbookAccountId(id), Asset.Points, id.Value, LoveBankAccountCode.Passbook, floor: 0)
                    || !Open(ledger, Scheme.VoucherAccountId(id), Asset.MoneyCny, id.Value, LoveBankAccountCode.Voucher, floor: 0))
                {
                    return LoveBankResult.LedgerRejected;
                }

                book.Open(id, Scheme.Id, kind, holder, now);
                var rules = Rules.At(now);
                if (kind == PassbookHolderKind.Household && rules.Earning.HouseholdStartingGrant is > 0 and var grant)
                {
                    return Award(book, now, rules, id.Value, 0, ContributionKind.StartingGrant, "starting grant", 1, grant);
                }

                return LoveBankResult.Ok;
            },
            LoveBankResult.PassbookExistsForAnotherHolder,
            cancellationToken);
    }

    /// <summary>Awards points for a contribution by the rulebook in force: once per source. Rules, in order: the
    /// passbook exists; the source was not awarded elsewhere or differently (<see cref="LoveBankResult.SourceAlreadyAwarded"/>;
    /// the same award again is <see cref="LoveBankResult.AlreadyDone"/>); the rulebook has a rule for it
    /// (<see cref="LoveBankResult.NoRuleForContribution"/>) that gives at least one point
    /// (<see cref="LoveBankResult.EarnsNothing"/>).</summary>
    /// <param name="passbook">The passbook.</param>
    /// <param name="contribution">The contribution.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contribution"/> is null.</exception>
    public ValueTask<LoveBankResult> AwardAsync(PassbookId passbook, Contribution contribution, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(contribution);
        return OnPassbookAsync(
            passbook,
            (book, now) =>
            {
                if (book.TryGetLiveAward(contribution.Source, out _) || book.HasAward(contribution.Source, 0)) return LoveBankResult.AlreadyDone;
                if (AwardedElsewhere(book, contribution.Source, 0)) return LoveBankResult.SourceAlreadyAwarded;
                var rules = Rules.At(now);
                var (basis, points) = Earn(rules.Earning, contribution);
                if (points is null) return LoveBankResult.NoRuleForContribution;
                if (points == 0) return LoveBankResult.EarnsNothing;
                return Award(book, now, rules, contribution.Source, 0, contribution.Kind, contribution.Detail, basis, points.Value);
            },
            LoveBankResult.SourceAlreadyAwarded,
            cancellationToken);
    }

    /// <summary>Awards points for a verified activity participation, reading it from its activity's records: the
    /// minutes credited (after corrections), at most the rulebook's per-activity limit, at its rate. Once per
    /// participation; after an accepted correction, calling again reverses the earlier award and awards the corrected
    /// time (one linked batch), so points always follow the live credit.</summary>
    /// <param name="passbook">The passbook: the participant's own, or a household's.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="participation">The participation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="AwardAsync"/>, plus <see cref="LoveBankResult.SourceNotFound"/>,
    /// <see cref="LoveBankResult.SourceNotVerified"/>, <see cref="LoveBankResult.SourceOfAnotherHolder"/> (a person's
    /// passbook for someone else's participation) and <see cref="LoveBankResult.PointsAlreadySpent"/> (a correction
    /// lowered the time but the points are spent).</returns>
    public async ValueTask<LoveBankResult> AwardParticipationAsync(PassbookId passbook, ActivityId activity, ParticipationId participation, CancellationToken cancellationToken = default)
    {
        Guard.Against.Expression(static x => x.IsEmpty, activity, "The activity id must not be empty.", nameof(activity));
        Guard.Against.Expression(static x => x.IsEmpty, participation, "The participation id must not be empty.", nameof(participation));
        var record = await Activity.Repository(_store).LoadAsync(Activity.StreamFor(activity), cancellationToken).ConfigureAwait(false);
        if (record is null || !record.TryGetParticipation(participation, out var p)) return LoveBankResult.SourceNotFound;
        if (!p.IsVerified) return LoveBankResult.SourceNotVerified;
        var credited = checked(p.Deposited.Minutes + p.ToPool.Minutes);
        var sequence = p.CreditSequence;
        var source = participation.Value;
        var name = record.Details.Name;
        return await OnPassbookAsync(
            passbook,
            (book, now) =>
            {
                if (book.HolderKind == PassbookHolderKind.Person && book.Holder != p.Volunteer.Value) return LoveBankResult.SourceOfAnotherHolder;
                var hasLive = book.TryGetLiveAward(source, out var live);
                if (hasLive && live >= sequence || book.HasAward(source, sequence)) return LoveBankResult.AlreadyDone;
                if (AwardedElsewhere(book, source, sequence)) return LoveBankResult.SourceAlreadyAwarded;
                var rules = Rules.At(now);
                if (rules.Earning.PerServiceMinutes is not { } rate) return LoveBankResult.NoRuleForContribution;
                var counted = rules.Earning.MaxServiceMinutesPerActivity is { } max ? Math.Min(max, credited) : credited;
                var points = rate.Apply(counted, rules.Earning.Rounding);
                if (!hasLive && points == 0) return LoveBankResult.EarnsNothing;
                return hasLive
                    ? Reaward(book, now, rules, source, live, sequence, name, counted, points)
                    : Award(book, now, rules, source, sequence, ContributionKind.VolunteerService, name, counted, points);
            },
            LoveBankResult.SourceAlreadyAwarded,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps points in step with activity records: reads the store after <paramref name="afterPosition"/> and,
    /// for every participation verified or corrected there, calls <see cref="AwardParticipationAsync"/> for the
    /// volunteer's own passbook (<see cref="LoveBankScheme.PersonalPassbookId"/>). Verified participations earn once;
    /// an accepted correction reverses the earlier award and awards the corrected time. Safe to run again over the same
    /// records (everything already awarded answers <see cref="LoveBankResult.AlreadyDone"/>), so a host can run it on a
    /// schedule from the last position it returned.</summary>
    /// <param name="afterPosition">The store position to read after; 0 for everything.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The position read up to and the count of each result.</returns>
    /// <exception cref="ArgumentException"><paramref name="afterPosition"/> is negative.</exception>
    public async ValueTask<ParticipationFeedOutcome> AwardVerifiedParticipationsAsync(long afterPosition, CancellationToken cancellationToken = default)
    {
        Guard.Against.Negative(afterPosition);
        var position = afterPosition;
        var touched = new List<(ActivityId, ParticipationId)>();
        var seen = new HashSet<ParticipationId>();
        await foreach (var record in _store.ReadAllAsync(afterPosition, cancellationToken).ConfigureAwait(false))
        {
            position = record.Position;
            var participation = record.Payload switch
            {
                ParticipationVerified v => v.ParticipationId,
                CorrectionAccepted c => c.ParticipationId,
                _ => default,
            };
            if (participation.IsEmpty || !seen.Add(participation)) continue;
            touched.Add((new ActivityId(Guid.ParseExact(record.Stream.Value.AsSpan(Activity.StreamCategory.Length + 1), "N")), participation));
        }

        var outcomes = new Dictionary<LoveBankResult, int>();
        var activities = Activity.Repository(_store);
        foreach (var (activityId, participationId) in touched)
        {
            var activity = await activities.LoadAsync(Activity.StreamFor(activityId), cancellationToken).ConfigureAwait(false);
            var result = activity is not null && activity.TryGetParticipation(participationId, out var p)
                ? await AwardParticipationAsync(Scheme.PersonalPassbookId(p.Volunteer), activityId, participationId, cancellationToken).ConfigureAwait(false)
                : LoveBankResult.SourceNotFound;
            outcomes[result] = outcomes.GetValueOrDefault(result) + 1;
        }

        return new ParticipationFeedOutcome(position, outcomes);
    }

    /// <summary>Reverses the live award of a source (a donation returned, a service record found false): the whole
    /// award comes back off the ledger by a reversal, and its lot is gone.</summary>
    /// <param name="passbook">The passbook.</param>
    /// <param name="source">The award's source; not empty.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>; <see cref="LoveBankResult.PassbookNotFound"/>;
    /// <see cref="LoveBankResult.AwardNotFound"/> when nothing is live (a second reversal included);
    /// <see cref="LoveBankResult.PointsAlreadySpent"/>.</returns>
    /// <exception cref="ArgumentException">The source is empty or the reason blank.</exception>
    public ValueTask<LoveBankResult> ReverseAwardAsync(PassbookId passbook, Guid source, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(source);
        Guard.Against.NullOrWhiteSpace(reason);
        return OnPassbookAsync(
            passbook,
            (book, now) =>
            {
                if (!book.TryGetLiveAward(source, out var sequence)) return LoveBankResult.AwardNotFound;
                var lot = book.Lots.First(l => l.Source == source && l.Sequence == sequence);
                if (book.Available < lot.Points) return LoveBankResult.PointsAlreadySpent;
                var reversal = TransferRequest.Reverse(LoveBankIds.AwardReversal(Scheme.Id, source, sequence), LoveBankIds.Award(Scheme.Id, source, sequence), Memo(Rules.At(now).Version, "reversal", reason));
                if (!Submit(reversal)) return LoveBankResult.LedgerRejected;
                book.Record(new AwardReversed(source, sequence, lot.Points, reason.Trim(), now));
                return LoveBankResult.Ok;
            },
            LoveBankResult.LedgerRejected,
            cancellationToken);
    }

    /// <summary>Deducts points by a scheme's rule. Explicit and logged: the passbook records the rule, the reason and
    /// the rule version; never takes a passbook below zero.</summary>
    /// <param name="passbook">The passbook.</param>
    /// <param name="deduction">The deduction's id (idempotency); not empty.</param>
    /// <param name="rule">The rule's name; not blank (else <see cref="LoveBankResult.DeductionReasonRequired"/>).</param>
    /// <param name="reason">The reason; not blank (else <see cref="LoveBankResult.DeductionReasonRequired"/>).</param>
    /// <param name="points">Points; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>; <see cref="LoveBankResult.AlreadyDone"/>;
    /// <see cref="LoveBankResult.DeductionIdTaken"/>; <see cref="LoveBankResult.DeductionReasonRequired"/>;
    /// <see cref="LoveBankResult.DeductionExceedsBalance"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the points not positive.</exception>
    public ValueTask<LoveBankResult> DeductAsync(PassbookId passbook, Guid deduction, string rule, string reason, long points, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(deduction);
        Guard.Against.NegativeOrZero(points);
        return OnPassbookAsync(
            passbook,
            (book, now) =>
            {
                if (book.HasDeduction(deduction)) return LoveBankResult.AlreadyDone;
                if (string.IsNullOrWhiteSpace(rule) || string.IsNullOrWhiteSpace(reason)) return LoveBankResult.DeductionReasonRequired;
                if (points > book.Available) return LoveBankResult.DeductionExceedsBalance;
                var version = Rules.At(now).Version;
                var transfer = TransferRequest.Post(LoveBankIds.Deduction(Scheme.Id, deduction), Scheme.PassbookAccountId(book.Id), Scheme.DeductedAccountId, points, (int)LoveBankTransferCode.Deduction, Memo(version, rule.Trim(), reason.Trim()));
                if (!Submit(transfer)) return _ledger.Ledger.TryGetTransfer(transfer.Id, out _) ? LoveBankResult.DeductionIdTaken : LoveBankResult.LedgerRejected;
                book.Record(new PointsDeducted(deduction, rule.Trim(), reason.Trim(), points, version, now));
                return LoveBankResult.Ok;
            },
            LoveBankResult.DeductionIdTaken,
            cancellationToken);
    }

    /// <summary>Expires, as of an instant, what is left of every lot whose expiry is at or before it, oldest first: one
    /// transfer per lot to the expired account, with an id derived from the lot. Idempotent: running it again for the
    /// same or an earlier instant expires nothing more, and it never touches unexpired points or reserved ones.</summary>
    /// <param name="passbook">The passbook.</param>
    /// <param name="asOf">The instant; not after the clock's now (expiry is not run ahead of time).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    public ValueTask<ExpiryOutcome> ExpirePointsAsync(PassbookId passbook, Instant asOf, CancellationToken cancellationToken = default)
        => SweepAsync(
            passbook,
            asOf,
            "Expiry",
            (book, now) =>
            {
                var due = book.ExpiringBy(asOf).ToList();
                if (due.Count == 0) return (LoveBankResult.AlreadyDone, 0, 0);
                var transfers = due.Select(l => TransferRequest.Post(LoveBankIds.Expiry(Scheme.Id, l.Source, l.Sequence), Scheme.PassbookAccountId(book.Id), Scheme.ExpiredAccountId, l.Remaining, (int)LoveBankTransferCode.Expiry, Memo(Rules.At(now).Version, "expiry", l.ExpiresAt!.Value.ToString()))).ToArray();
                if (!SubmitLinked(transfers)) return (LoveBankResult.LedgerRejected, 0, 0);
                var points = due.Sum(l => l.Remaining);
                foreach (var lot in due) book.Record(new PointsExpired(lot.Source, lot.Sequence, lot.Remaining, lot.ExpiresAt!.Value, now));
                return (LoveBankResult.Ok, points, due.Count);
            },
            cancellationToken);

    // ------------------------------------------------------------------ catalogue and stock

    /// <summary>Loads the scheme's catalogue, or an empty one.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<Catalogue> LoadCatalogueAsync(CancellationToken cancellationToken = default)
        => await _catalogues.LoadAsync(Catalogue.StreamFor(Scheme.Id), cancellationToken).ConfigureAwait(false) ?? Catalogue.CreateEmpty(Scheme.Id);

    /// <summary>Lists an item, or replaces its terms (price, limits, window, eligibility) from now on; a withdrawn item
    /// listed again is back. Reservations already made keep their price.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>, or <see cref="LoveBankResult.AlreadyDone"/> when the same terms are in force.</returns>
    public ValueTask<LoveBankResult> ListItemAsync(CatalogueItem item, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(item);
        return OnCatalogueAsync(
            (catalogue, now) =>
            {
                if (catalogue.Items.TryGetValue(item.Id, out var current) && current == item && !catalogue.IsWithdrawn(item.Id)) return LoveBankResult.AlreadyDone;
                catalogue.Record(new ItemListed(item, now));
                return LoveBankResult.Ok;
            },
            cancellationToken);
    }

    /// <summary>Withdraws an item: it can no longer be reserved; open reservations can still be fulfilled.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>, <see cref="LoveBankResult.AlreadyDone"/> or <see cref="LoveBankResult.ItemNotFound"/>.</returns>
    public ValueTask<LoveBankResult> WithdrawItemAsync(CatalogueItemId item, CancellationToken cancellationToken = default)
        => OnCatalogueAsync(
            (catalogue, now) =>
            {
                if (!catalogue.Items.ContainsKey(item)) return LoveBankResult.ItemNotFound;
                if (catalogue.IsWithdrawn(item)) return LoveBankResult.AlreadyDone;
                catalogue.Record(new ItemWithdrawn(item, now));
                return LoveBankResult.Ok;
            },
            cancellationToken);

    /// <summary>Opens an outlet that holds stock.</summary>
    /// <param name="outlet">The outlet; not empty.</param>
    /// <param name="name">Its name; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/> or <see cref="LoveBankResult.AlreadyDone"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the name blank.</exception>
    public ValueTask<LoveBankResult> OpenOutletAsync(OutletId outlet, string name, CancellationToken cancellationToken = default)
    {
        Guard.Against.Expression(static x => x.IsEmpty, outlet, "The outlet id must not be empty.", nameof(outlet));
        Guard.Against.NullOrWhiteSpace(name);
        return OnCatalogueAsync(
            (catalogue, now) =>
            {
                if (catalogue.Outlets.ContainsKey(outlet)) return LoveBankResult.AlreadyDone;
                catalogue.Record(new OutletOpened(outlet, name.Trim(), now));
                return LoveBankResult.Ok;
            },
            cancellationToken);
    }

    /// <summary>Adds stock at an outlet: a transfer from the item's supply account, logged with its note.</summary>
    /// <param name="movement">The movement's id (idempotency).</param>
    /// <param name="item">The item.</param>
    /// <param name="outlet">The outlet.</param>
    /// <param name="quantity">Units; positive.</param>
    /// <param name="note">Where they came from (a donor, a purchase); not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>; <see cref="LoveBankResult.AlreadyDone"/>;
    /// <see cref="LoveBankResult.MovementIdTaken"/>; <see cref="LoveBankResult.ItemNotFound"/>;
    /// <see cref="LoveBankResult.OutletNotFound"/>.</returns>
    public ValueTask<LoveBankResult> RestockAsync(TransferId movement, CatalogueItemId item, OutletId outlet, long quantity, string note, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(quantity);
        Guard.Against.NullOrWhiteSpace(note);
        return MoveStockAsync(movement, item, outlet, quantity, LoveBankTransferCode.Restock, note, cancellationToken);
    }

    /// <summary>Writes stock off at an outlet (damaged, expired, lost): a transfer to the item's written-off account,
    /// logged with its reason. Only unreserved stock can be written off.</summary>
    /// <param name="movement">The movement's id (idempotency).</param>
    /// <param name="item">The item.</param>
    /// <param name="outlet">The outlet.</param>
    /// <param name="quantity">Units; positive.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="RestockAsync"/>, plus <see cref="LoveBankResult.WriteOffExceedsStock"/>.</returns>
    public ValueTask<LoveBankResult> WriteOffAsync(TransferId movement, CatalogueItemId item, OutletId outlet, long quantity, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.NegativeOrZero(quantity);
        Guard.Against.NullOrWhiteSpace(reason);
        return MoveStockAsync(movement, item, outlet, quantity, LoveBankTransferCode.WriteOff, reason, cancellationToken);
    }

    /// <summary>An item's stock at an outlet, from the ledger (after catching up with the store).</summary>
    /// <param name="item">The item.</param>
    /// <param name="outlet">The outlet.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<StockLevel> GetStockAsync(CatalogueItemId item, OutletId outlet, CancellationToken cancellationToken = default)
    {
        await _ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        return _ledger.Ledger.TryGetAccount(Scheme.StockAccountId(item, outlet), out var account)
            ? new StockLevel(account.Balance, account.DebitsPending)
            : new StockLevel(0, 0);
    }

    // ------------------------------------------------------------------ redemption

    /// <summary>Reserves points and stock for a redemption: two pending ledger transfers, linked, held until the
    /// rulebook's reservation hold runs out. Rules, in order: the passbook exists; the redemption id is free
    /// (<see cref="LoveBankResult.RedemptionIdTaken"/>; the same reservation again is
    /// <see cref="LoveBankResult.AlreadyDone"/>, without the code); the item is listed
    /// (<see cref="LoveBankResult.ItemNotFound"/>), not withdrawn (<see cref="LoveBankResult.ItemWithdrawn"/>) and in its
    /// window (<see cref="LoveBankResult.ItemNotAvailable"/>); the outlet exists (<see cref="LoveBankResult.OutletNotFound"/>);
    /// the holder may take it (<see cref="LoveBankResult.NotEligibleForItem"/>); the service thresholds are met
    /// (<see cref="LoveBankResult.ServiceThresholdNotMet"/>); the limit per period holds
    /// (<see cref="LoveBankResult.LimitPerPeriodReached"/>); the points are there
    /// (<see cref="LoveBankResult.InsufficientPoints"/>); the stock is there (<see cref="LoveBankResult.OutOfStock"/>).</summary>
    /// <param name="redemption">The redemption's id; not empty.</param>
    /// <param name="passbook">The passbook paying.</param>
    /// <param name="item">The item.</param>
    /// <param name="outlet">The outlet to collect from.</param>
    /// <param name="quantity">Units; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result and, on success, the one-time code and the hold's end.</returns>
    /// <exception cref="ArgumentException">An id is empty or the quantity not positive.</exception>
    public async ValueTask<ReservationOutcome> ReserveAsync(RedemptionId redemption, PassbookId passbook, CatalogueItemId item, OutletId outlet, int quantity, CancellationToken cancellationToken = default)
    {
        Guard.Against.Expression(static x => x.IsEmpty, redemption, "The redemption id must not be empty.", nameof(redemption));
        Guard.Against.NegativeOrZero(quantity);
        string? code = null;
        Instant? holdUntil = null;
        var result = await OnPassbookAsync(
            passbook,
            async (book, now, ct) =>
            {
                code = null;
                holdUntil = null;
                if (book.Redemptions.TryGetValue(redemption, out var existing))
                {
                    return existing.Item == item && existing.Outlet == outlet && existing.Quantity == quantity ? LoveBankResult.AlreadyDone : LoveBankResult.RedemptionIdTaken;
                }

                if (await _store.FindItemAsync(new ItemKey(Passbook.RedemptionScope, redemption.Value), ct).ConfigureAwait(false) is not null) return LoveBankResult.RedemptionIdTaken;
                var catalogue = await LoadCatalogueAsync(ct).ConfigureAwait(false);
                if (!catalogue.Items.TryGetValue(item, out var listed)) return LoveBankResult.ItemNotFound;
                if (catalogue.IsWithdrawn(item)) return LoveBankResult.ItemWithdrawn;
                if (listed.AvailableFrom is { } from && now < from || listed.AvailableUntil is { } ends && now >= ends) return LoveBankResult.ItemNotAvailable;
                if (!catalogue.Outlets.ContainsKey(outlet)) return LoveBankResult.OutletNotFound;
                if (listed.OnlyFor is { } only && only != book.HolderKind) return LoveBankResult.NotEligibleForItem;
                var rules = Rules.At(now);
                if (book.ServiceMinutesCounted < Math.Max(rules.MinimumServiceMinutesToRedeem, listed.MinimumServiceMinutes)) return LoveBankResult.ServiceThresholdNotMet;
                if (listed.LimitPerPeriod is { } limit && book.QuantityTaken(item, PeriodAround(now, listed.LimitPeriod)) + quantity > limit) return LoveBankResult.LimitPerPeriodReached;
                var points = checked(listed.PricePoints * quantity);
                if (points > book.Available) return LoveBankResult.InsufficientPoints;
                var stock = Scheme.StockAccountId(item, outlet);
                if (!_ledger.Ledger.TryGetAccount(stock, out var held) || held.Available < quantity) return LoveBankResult.OutOfStock;

                var oneTime = _newCode();
                var until = now + rules.ReservationHold;
                var memo = Memo(rules.Version, "redemption", listed.Name);
                if (!SubmitLinked(
                    [
                        TransferRequest.Pending(LoveBankIds.ReservePoints(redemption), Scheme.PassbookAccountId(book.Id), Scheme.RedeemedAccountId, points, (int)LoveBankTransferCode.RedemptionPoints, null, memo),
                        TransferRequest.Pending(LoveBankIds.ReserveStock(redemption), stock, Scheme.HandedOutAccountId(item), quantity, (int)LoveBankTransferCode.RedemptionStock, null, memo),
                    ]))
                {
                    return LoveBankResult.LedgerRejected;
                }

                book.Record(new RedemptionReserved(redemption, item, outlet, quantity, points, HashCode(redemption, oneTime), until, rules.Version, now));
                code = oneTime;
                holdUntil = until;
                return LoveBankResult.Ok;
            },
            LoveBankResult.RedemptionIdTaken,
            cancellationToken).ConfigureAwait(false);
        return new ReservationOutcome(result, result == LoveBankResult.Ok ? code : null, result == LoveBankResult.Ok ? holdUntil : null);
    }

    /// <summary>Fulfils a reservation at the outlet with its one-time code: the pending transfers post, so the points
    /// are spent and the units handed out. Final: a fulfilled redemption is not refunded.</summary>
    /// <param name="redemption">The redemption.</param>
    /// <param name="code">The code shown; not null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>; <see cref="LoveBankResult.AlreadyDone"/> (fulfilled before, same code);
    /// <see cref="LoveBankResult.RedemptionNotFound"/>; <see cref="LoveBankResult.WrongRedemptionCode"/>;
    /// <see cref="LoveBankResult.RedemptionCancelled"/>; <see cref="LoveBankResult.ReservationLapsed"/>.</returns>
    public ValueTask<LoveBankResult> FulfilAsync(RedemptionId redemption, string code, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(code);
        return OnRedemptionAsync(
            redemption,
            (book, r, now) =>
            {
                if (!string.Equals(HashCode(redemption, code), r.CodeHash, StringComparison.Ordinal)) return LoveBankResult.WrongRedemptionCode;
                switch (r.Status)
                {
                    case RedemptionStatus.Fulfilled: return LoveBankResult.AlreadyDone;
                    case RedemptionStatus.Cancelled or RedemptionStatus.Lapsed: return LoveBankResult.RedemptionCancelled;
                }

                if (now >= r.HoldUntil) return LoveBankResult.ReservationLapsed;
                if (!SubmitLinked(
                    [
                        TransferRequest.PostPending(LoveBankIds.SettlePoints(redemption), LoveBankIds.ReservePoints(redemption), r.Points),
                        TransferRequest.PostPending(LoveBankIds.SettleStock(redemption), LoveBankIds.ReserveStock(redemption), r.Quantity),
                    ]))
                {
                    return LoveBankResult.LedgerRejected;
                }

                book.Record(new RedemptionFulfilled(redemption, now));
                return LoveBankResult.Ok;
            },
            cancellationToken);
    }

    /// <summary>Cancels a reservation: the pending transfers are voided, so its points and stock return.</summary>
    /// <param name="redemption">The redemption.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>; <see cref="LoveBankResult.AlreadyDone"/> (cancelled or lapsed before);
    /// <see cref="LoveBankResult.RedemptionNotFound"/>; <see cref="LoveBankResult.RedemptionAlreadyFulfilled"/>.</returns>
    public ValueTask<LoveBankResult> CancelAsync(RedemptionId redemption, CancellationToken cancellationToken = default)
        => OnRedemptionAsync(
            redemption,
            (book, r, now) => r.Status switch
            {
                RedemptionStatus.Fulfilled => LoveBankResult.RedemptionAlreadyFulfilled,
                RedemptionStatus.Cancelled or RedemptionStatus.Lapsed => LoveBankResult.AlreadyDone,
                _ => Void(book, r, now, lapsed: false),
            },
            cancellationToken);

    /// <summary>Lapses, as of an instant, every open reservation of a passbook whose hold ended at or before it: their
    /// points and stock return. Idempotent.</summary>
    /// <param name="passbook">The passbook.</param>
    /// <param name="asOf">The instant; not after the clock's now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Points returned and reservations lapsed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    public ValueTask<ExpiryOutcome> LapseReservationsAsync(PassbookId passbook, Instant asOf, CancellationToken cancellationToken = default)
        => SweepAsync(
            passbook,
            asOf,
            "Lapsing",
            (book, now) =>
            {
                var due = book.Redemptions.Values.Where(r => r.IsOpen && r.HoldUntil <= asOf).OrderBy(r => r.ReservedAt).ToList();
                if (due.Count == 0) return (LoveBankResult.AlreadyDone, 0, 0);
                foreach (var r in due)
                {
                    if (Void(book, r, now, lapsed: true) != LoveBankResult.Ok) return (LoveBankResult.LedgerRejected, 0, 0);
                }

                return (LoveBankResult.Ok, due.Sum(r => r.Points), due.Count);
            },
            cancellationToken);

    // ------------------------------------------------------------------ exchange

    /// <summary>Exchanges between assets by the rulebook's exchange rule for the direction: a linked pair of transfers
    /// through the scheme's exchange accounts (source → exchange account in the source asset; exchange account →
    /// target in the target asset), so each asset's balances still sum to zero. Forward, the target amount is
    /// <c>units × rate</c> rounded by the rule; in reverse (only when the rule allows it) it is <c>units ÷ rate</c>
    /// rounded down, so a round trip never creates value.</summary>
    /// <param name="exchange">The exchange's id (idempotency); not empty.</param>
    /// <param name="passbook">The passbook (for hours, a person's passbook: their time-bank account is used).</param>
    /// <param name="direction">The rule's direction.</param>
    /// <param name="reverse">True to run it backwards (points to hours, voucher to points).</param>
    /// <param name="units">Source units: minutes, points or fen; positive.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="LoveBankResult.Ok"/>; <see cref="LoveBankResult.AlreadyDone"/>;
    /// <see cref="LoveBankResult.ExchangeIdTaken"/>; <see cref="LoveBankResult.ExchangeNotAllowed"/>;
    /// <see cref="LoveBankResult.ExchangeTooSmall"/>; <see cref="LoveBankResult.TimeBankAccountNotFound"/>;
    /// <see cref="LoveBankResult.InsufficientSource"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty or the units not positive.</exception>
    public ValueTask<LoveBankResult> ExchangeAsync(Guid exchange, PassbookId passbook, ExchangeDirection direction, bool reverse, long units, CancellationToken cancellationToken = default)
    {
        Guard.Against.Default(exchange);
        Guard.Against.EnumOutOfRange(direction);
        Guard.Against.NegativeOrZero(units);
        return OnPassbookAsync(
            passbook,
            (book, now) =>
            {
                if (book.HasExchange(exchange)) return LoveBankResult.AlreadyDone;
                var ledger = _ledger.Ledger;
                if (ledger.TryGetTransfer(LoveBankIds.ExchangeIn(Scheme.Id, exchange), out _)) return LoveBankResult.ExchangeIdTaken;
                var rules = Rules.At(now);
                var rule = rules.Exchanges.FirstOrDefault(r => r.Direction == direction);
                if (rule is null || reverse && !rule.AllowReverse) return LoveBankResult.ExchangeNotAllowed;
                var target = reverse ? new PointRate(rule.Rate.PerUnits, rule.Rate.Points).Apply(units, PointsRounding.Down) : rule.Rate.Apply(units, rule.Rounding);
                if (target == 0) return LoveBankResult.ExchangeTooSmall;

                var points = Scheme.PassbookAccountId(book.Id);
                AccountId source, sourceExchange, targetExchange, destination;
                switch (direction)
                {
                    case ExchangeDirection.HoursToPoints:
                        if (Scheme.TimeBank is not { } bank || book.HolderKind != PassbookHolderKind.Person) return LoveBankResult.TimeBankAccountNotFound;
                        var member = bank.MemberAccountId(new VolunteerId(book.Holder));
                        if (!ledger.TryGetAccount(member, out _)) return LoveBankResult.TimeBankAccountNotFound;
                        (source, sourceExchange, targetExchange, destination) = reverse
                            ? (points, Scheme.ExchangePointsAccountId, Scheme.ExchangeTimeAccountId, member)
                            : (member, Scheme.ExchangeTimeAccountId, Scheme.ExchangePointsAccountId, points);
                        break;
                    default:
                        var voucher = Scheme.VoucherAccountId(book.Id);
                        (source, sourceExchange, targetExchange, destination) = reverse
                            ? (voucher, Scheme.ExchangeMoneyAccountId, Scheme.ExchangePointsAccountId, points)
                            : (points, Scheme.ExchangePointsAccountId, Scheme.ExchangeMoneyAccountId, voucher);
                        break;
                }

                var pointsOut = source == points;
                var sourceAvailable = pointsOut ? book.Available : ledger.TryGetAccount(source, out var s) ? s.Available : 0;
                if (sourceAvailable < units) return LoveBankResult.InsufficientSource;
                EnsureSystemAccounts(ledger);
                var memo = Memo(rules.Version, "exchange", direction + (reverse ? " reverse" : string.Empty));
                if (!SubmitLinked(
                    [
                        TransferRequest.Post(LoveBankIds.ExchangeIn(Scheme.Id, exchange), source, sourceExchange, units, (int)LoveBankTransferCode.ExchangeIn, memo),
                        TransferRequest.Post(LoveBankIds.ExchangeOut(Scheme.Id, exchange), targetExchange, destination, target, (int)LoveBankTransferCode.ExchangeOut, memo),
                    ]))
                {
                    return LoveBankResult.LedgerRejected;
                }

                var pointsIn = destination == points;
                book.Record(new PointsExchanged(exchange, direction, reverse, units, target, rules.Version, now, pointsIn ? ExpiryOf(now, rules) : null));
                return LoveBankResult.Ok;
            },
            LoveBankResult.ExchangeIdTaken,
            cancellationToken);
    }

    // ------------------------------------------------------------------ statements

    /// <summary>A passbook's statement for a period: every movement with its source and rule version, the balances
    /// before and after, and what expires when; reservations are named by the catalogue's item names.</summary>
    /// <param name="passbook">The passbook.</param>
    /// <param name="period">The period: lines at or after its start and before its end.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statement, or null when there is no such passbook.</returns>
    public async ValueTask<PassbookStatement?> GetStatementAsync(PassbookId passbook, Interval period, CancellationToken cancellationToken = default)
    {
        var events = new List<PassbookEvent>();
        await foreach (var record in _store.ReadStreamAsync(Passbook.StreamFor(passbook), 0, cancellationToken).ConfigureAwait(false))
        {
            if (record.Payload is PassbookEvent e) events.Add(e);
        }

        if (events.Count == 0) return null;
        var catalogue = await LoadCatalogueAsync(cancellationToken).ConfigureAwait(false);
        return PassbookStatement.Build(passbook, events, period, catalogue.Items);
    }

    // ------------------------------------------------------------------ internals

    private LoveBankResult Award(Passbook book, Instant now, LoveBankRulebook rules, Guid source, int sequence, ContributionKind kind, string detail, long basis, long points)
    {
        var transfer = TransferRequest.Post(LoveBankIds.Award(Scheme.Id, source, sequence), Scheme.IssuingAccountId, Scheme.PassbookAccountId(book.Id), points, (int)LoveBankTransferCode.Award, Memo(rules.Version, kind.ToString(), detail));
        if (!Submit(transfer)) return LoveBankResult.LedgerRejected;
        book.Record(new PointsAwarded(source, sequence, kind, detail, basis, points, rules.Version, now, ExpiryOf(now, rules)));
        return LoveBankResult.Ok;
    }

    private LoveBankResult Reaward(Passbook book, Instant now, LoveBankRulebook rules, Guid source, int live, int sequence, string detail, long basis, long points)
    {
        var old = book.Lots.First(l => l.Source == source && l.Sequence == live);
        if (book.Available + points < old.Points) return LoveBankResult.PointsAlreadySpent;
        var memo = Memo(rules.Version, nameof(ContributionKind.VolunteerService), detail);
        TransferRequest reversal = TransferRequest.Reverse(LoveBankIds.AwardReversal(Scheme.Id, source, live), LoveBankIds.Award(Scheme.Id, source, live), Memo(rules.Version, "correction", detail));
        TransferRequest[] batch = points > 0
            ? [TransferRequest.Post(LoveBankIds.Award(Scheme.Id, source, sequence), Scheme.IssuingAccountId, Scheme.PassbookAccountId(book.Id), points, (int)LoveBankTransferCode.Award, memo), reversal]
            : [reversal];
        if (!SubmitLinked(batch)) return LoveBankResult.LedgerRejected;
        if (points > 0) book.Record(new PointsAwarded(source, sequence, ContributionKind.VolunteerService, detail, basis, points, rules.Version, now, ExpiryOf(now, rules)));
        book.Record(new AwardReversed(source, live, old.Points, "corrected", now));
        return LoveBankResult.Ok;
    }

    private LoveBankResult Void(Passbook book, Redemption r, Instant now, bool lapsed)
    {
        if (!SubmitLinked(
            [
                TransferRequest.VoidPending(LoveBankIds.SettlePoints(r.Id), LoveBankIds.ReservePoints(r.Id)),
                TransferRequest.VoidPending(LoveBankIds.SettleStock(r.Id), LoveBankIds.ReserveStock(r.Id)),
            ]))
        {
            return LoveBankResult.LedgerRejected;
        }

        book.Record(new RedemptionCancelled(r.Id, lapsed, now));
        return LoveBankResult.Ok;
    }

    private static (long Basis, long? Points) Earn(EarningRules rules, Contribution c)
    {
        long? Rate(PointRate? rate, long units) => rate?.Apply(units, rules.Rounding);
        return c.Kind switch
        {
            ContributionKind.VolunteerService => rules.MaxServiceMinutesPerActivity is { } max
                ? (Math.Min(max, c.Quantity), Rate(rules.PerServiceMinutes, Math.Min(max, c.Quantity)))
                : (c.Quantity, Rate(rules.PerServiceMinutes, c.Quantity)),
            ContributionKind.DonatedItems => (c.Quantity, Rate(rules.PerDonatedItem, c.Quantity)),
            ContributionKind.DonatedGoods => (c.Quantity, Rate(rules.PerDonatedFen, c.Quantity)),
            ContributionKind.ProfessionalService => (1, rules.ProfessionalServicePoints.TryGetValue(c.Detail, out var p) ? p : null),
            ContributionKind.Referral => (1, rules.ReferralPoints),
            ContributionKind.Bonus => (1, rules.Bonuses.TryGetValue(c.Detail, out var b) ? b : null),
            _ => (0, null),
        };
    }

    private bool AwardedElsewhere(Passbook book, Guid source, int sequence)
        => _ledger.Ledger.TryGetTransfer(LoveBankIds.Award(Scheme.Id, source, sequence), out var t) && t.FailedWith == TransferResult.Ok && t.CreditAccountId != Scheme.PassbookAccountId(book.Id);

    private Instant? ExpiryOf(Instant earned, LoveBankRulebook rules)
        => rules.PointsLifetime is { } lifetime ? earned.InZone(Scheme.TimeZone).LocalDateTime.Plus(lifetime).InZoneLeniently(Scheme.TimeZone).ToInstant() : null;

    private Interval PeriodAround(Instant now, LimitPeriod period)
    {
        var today = now.InZone(Scheme.TimeZone).Date;
        var (start, end) = period switch
        {
            LimitPeriod.Day => (today, today.PlusDays(1)),
            LimitPeriod.Week => (today.PlusDays(1 - (int)today.DayOfWeek), today.PlusDays(8 - (int)today.DayOfWeek)),
            LimitPeriod.Month => (new LocalDate(today.Year, today.Month, 1), new LocalDate(today.Year, today.Month, 1).PlusMonths(1)),
            _ => (new LocalDate(today.Year, 1, 1), new LocalDate(today.Year + 1, 1, 1)),
        };
        return new Interval(start.AtStartOfDayInZone(Scheme.TimeZone).ToInstant(), end.AtStartOfDayInZone(Scheme.TimeZone).ToInstant());
    }

    /// <summary>Runs an as-of sweep of one passbook (expiry, lapsing) and reports what it did.</summary>
    private async ValueTask<ExpiryOutcome> SweepAsync(PassbookId passbook, Instant asOf, string what, Func<Passbook, Instant, (LoveBankResult Code, long Points, int Count)> sweep, CancellationToken cancellationToken)
    {
        if (asOf > _clock.GetCurrentInstant()) throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"{what} runs as of now or an earlier instant.");
        (LoveBankResult Code, long Points, int Count) outcome = default;
        var code = await OnPassbookAsync(
            passbook,
            (book, now) =>
            {
                outcome = sweep(book, now);
                return outcome.Code;
            },
            LoveBankResult.LedgerRejected,
            cancellationToken).ConfigureAwait(false);
        return code == outcome.Code ? new ExpiryOutcome(code, outcome.Points, outcome.Count) : new ExpiryOutcome(code, 0, 0);
    }

    private async ValueTask<LoveBankResult> MoveStockAsync(TransferId movement, CatalogueItemId item, OutletId outlet, long quantity, LoveBankTransferCode code, string note, CancellationToken cancellationToken)
    {
        Guard.Against.Expression(static x => x.IsEmpty, movement, "The movement id must not be empty.", nameof(movement));
        var catalogue = await LoadCatalogueAsync(cancellationToken).ConfigureAwait(false);
        if (!catalogue.Items.TryGetValue(item, out var listed)) return LoveBankResult.ItemNotFound;
        if (!catalogue.Outlets.ContainsKey(outlet)) return LoveBankResult.OutletNotFound;
        var asset = Scheme.StockAsset(item);
        var stock = Scheme.StockAccountId(item, outlet);
        return await _ledger.ExecuteAsync(
            ledger =>
            {
                var version = Rules.At(_clock.GetCurrentInstant()).Version;
                var memo = Memo(version, code == LoveBankTransferCode.Restock ? "restock" : "write-off", listed.Name + ": " + note.Trim());
                var request = code == LoveBankTransferCode.Restock
                    ? TransferRequest.Post(movement, Scheme.SupplyAccountId(item), stock, quantity, (int)code, memo)
                    : TransferRequest.Post(movement, stock, Scheme.WrittenOffAccountId(item), quantity, (int)code, memo);
                if (ledger.TryGetTransfer(movement, out var done))
                {
                    return done.DebitAccountId == request.DebitAccountId && done.CreditAccountId == request.CreditAccountId && done.Amount == quantity
                        ? LoveBankResult.AlreadyDone
                        : LoveBankResult.MovementIdTaken;
                }

                if (code == LoveBankTransferCode.WriteOff && (!ledger.TryGetAccount(stock, out var held) || held.Available < quantity)) return LoveBankResult.WriteOffExceedsStock;
                if (!Open(ledger, Scheme.SupplyAccountId(item), asset, item.Value, LoveBankAccountCode.Supply, floor: null)
                    || !Open(ledger, Scheme.HandedOutAccountId(item), asset, item.Value, LoveBankAccountCode.HandedOut, floor: 0)
                    || !Open(ledger, Scheme.WrittenOffAccountId(item), asset, item.Value, LoveBankAccountCode.WrittenOff, floor: 0)
                    || !Open(ledger, stock, asset, outlet.Value, LoveBankAccountCode.Stock, floor: 0))
                {
                    return LoveBankResult.LedgerRejected;
                }

                return ledger.Submit(request).IsSuccess() ? LoveBankResult.Ok : LoveBankResult.LedgerRejected;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<LoveBankResult> OnPassbookAsync(PassbookId id, Func<Passbook, Instant, LoveBankResult> decide, LoveBankResult onDuplicateKey, CancellationToken cancellationToken)
        => OnPassbookAsync(id, (book, now, _) => ValueTask.FromResult(decide(book, now)), onDuplicateKey, cancellationToken);

    private ValueTask<LoveBankResult> OnPassbookAsync(PassbookId id, Func<Passbook, Instant, CancellationToken, ValueTask<LoveBankResult>> decide, LoveBankResult onDuplicateKey, CancellationToken cancellationToken)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The passbook id must not be empty.", nameof(id));
        return RunAsync(Passbook.StreamFor(id), null, decide, onDuplicateKey, cancellationToken);
    }

    private async ValueTask<LoveBankResult> OnRedemptionAsync(RedemptionId redemption, Func<Passbook, Redemption, Instant, LoveBankResult> decide, CancellationToken cancellationToken)
    {
        Guard.Against.Expression(static x => x.IsEmpty, redemption, "The redemption id must not be empty.", nameof(redemption));
        var record = await _store.FindItemAsync(new ItemKey(Passbook.RedemptionScope, redemption.Value), cancellationToken).ConfigureAwait(false);
        if (record is null) return LoveBankResult.RedemptionNotFound;
        return await RunAsync(
            record.Stream,
            null,
            (book, now, _) => ValueTask.FromResult(book.Redemptions.TryGetValue(redemption, out var r) ? decide(book, r, now) : LoveBankResult.RedemptionNotFound),
            LoveBankResult.LedgerRejected,
            cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<LoveBankResult> RunAsync(StreamName stream, Func<Passbook>? create, Func<Passbook, Instant, LoveBankResult> decide, LoveBankResult onDuplicateKey, CancellationToken cancellationToken)
        => RunAsync(stream, create, (book, now, _) => ValueTask.FromResult(decide(book, now)), onDuplicateKey, cancellationToken);

    /// <summary>Loads, decides, saves the passbook's events and the ledger's entries in one batch; decides again on a
    /// conflict.</summary>
    private async ValueTask<LoveBankResult> RunAsync(StreamName stream, Func<Passbook>? create, Func<Passbook, Instant, CancellationToken, ValueTask<LoveBankResult>> decide, LoveBankResult onDuplicateKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            await _ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var book = await LoadKeptAsync(stream, cancellationToken).ConfigureAwait(false);
            if (book is null)
            {
                if (create is null) return LoveBankResult.PassbookNotFound;
                book = create();
            }

            LoveBankResult result;
            try
            {
                result = await decide(book, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _loaded.Remove(stream);
                throw;
            }

            if (book.UnsavedEvents.Count == 0)
            {
                if (_ledger.Ledger.Position == _ledger.SavedPosition) return result;
                if ((await _ledger.SaveChangesAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return result;
                continue;
            }

            // Until the batch is known to be stored, the kept copy holds events that may not exist: forget it.
            _loaded.Remove(stream);
            var saved = await new UnitOfWork(_store).Add(book).AddLedger(_ledger).CommitAsync(cancellationToken).ConfigureAwait(false);
            if (saved.IsAppended)
            {
                Keep(book);
                return result;
            }

            if (saved.Status == AppendStatus.DuplicateItem) return onDuplicateKey;
        }

        throw new LoveBankConcurrencyException($"A command on {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>The passbook, from the kept copy brought up to date, or loaded in full.</summary>
    private async ValueTask<Passbook?> LoadKeptAsync(StreamName stream, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(stream, out var kept))
        {
            await _passbooks.RefreshAsync(kept, cancellationToken).ConfigureAwait(false);
            return kept;
        }

        var book = await _passbooks.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (book is not null) Keep(book);
        return book;
    }

    private void Keep(Passbook book)
    {
        if (PassbooksKept <= 0) return;
        if (_loaded.Count >= PassbooksKept && !_loaded.ContainsKey(book.Stream)) _loaded.Clear();
        _loaded[book.Stream] = book;
    }

    private async ValueTask<LoveBankResult> OnCatalogueAsync(Func<Catalogue, Instant, LoveBankResult> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            var catalogue = await LoadCatalogueAsync(cancellationToken).ConfigureAwait(false);
            var result = decide(catalogue, _clock.GetCurrentInstant());
            if (catalogue.UnsavedEvents.Count == 0) return result;
            if ((await new UnitOfWork(_store).Add(catalogue).CommitAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return result;
        }

        throw new LoveBankConcurrencyException($"The catalogue of {Scheme.Id} kept changing through {MaxAttempts} attempts; nothing was written.");
    }

    private void EnsureSystemAccounts(DoubleEntryLedger ledger)
    {
        if (ledger.TryGetAccount(Scheme.ExchangeMoneyAccountId, out _)) return;
        var owner = Scheme.Id.Value;
        var ok = Open(ledger, Scheme.IssuingAccountId, Asset.Points, owner, LoveBankAccountCode.Issuing, floor: null)
            && Open(ledger, Scheme.RedeemedAccountId, Asset.Points, owner, LoveBankAccountCode.Redeemed, floor: 0)
            && Open(ledger, Scheme.ExpiredAccountId, Asset.Points, owner, LoveBankAccountCode.Expired, floor: 0)
            && Open(ledger, Scheme.DeductedAccountId, Asset.Points, owner, LoveBankAccountCode.Deducted, floor: 0)
            && Open(ledger, Scheme.ExchangePointsAccountId, Asset.Points, owner, LoveBankAccountCode.ExchangePoints, floor: null)
            && Open(ledger, Scheme.ExchangeTimeAccountId, Asset.TimeCredit, owner, LoveBankAccountCode.ExchangeTime, floor: null)
            && Open(ledger, Scheme.ExchangeMoneyAccountId, Asset.MoneyCny, owner, LoveBankAccountCode.ExchangeMoney, floor: null);
        if (!ok) throw new InvalidOperationException($"The ledger refused to open the system accounts of love-bank scheme {Scheme.Id}; one of their ids is in use for another account.");
    }

    private static bool Open(DoubleEntryLedger ledger, AccountId id, Asset asset, Guid owner, LoveBankAccountCode code, long? floor)
    {
        if (ledger.TryGetAccount(id, out _)) return true;
        return ledger.OpenAccount(new OpenAccountRequest(id, asset, owner, (int)code, floor)) is AccountResult.Ok or AccountResult.Exists;
    }

    private bool Submit(TransferRequest request) => _ledger.Ledger.Submit(request).IsSuccess();

    private bool SubmitLinked(TransferRequest[] batch)
    {
        var results = new TransferResult[batch.Length];
        return _ledger.Ledger.SubmitLinked(batch, results).IsSuccess();
    }

    /// <summary>The memo every love-bank transfer carries: <c>r{version} {rule}: {detail}</c>, so a ledger line names
    /// the rule version that produced it. At most <see cref="TransferRequest.MaxMemoLength"/> characters.</summary>
    private static string Memo(int version, string rule, string detail)
    {
        var memo = string.Create(CultureInfo.InvariantCulture, $"r{version} {rule}: {detail}");
        if (memo.Length > TransferRequest.MaxMemoLength) memo = memo[..TransferRequest.MaxMemoLength];
        if (char.IsHighSurrogate(memo[^1])) memo = memo[..^1];
        return memo;
    }

    private static string HashCode(RedemptionId redemption, string code)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(redemption.Value.ToString("N") + ":" + code)));

    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
}

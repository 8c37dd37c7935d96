using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Aid;

/// <summary>
/// The application service for aid on a store: each command loads what it needs (the application or wish, its
/// programme, the ledger caught up), decides on fresh state, and saves the new events of every aggregate it changed and
/// the ledger's new entries (a contribution, a payment, a reversal) in one <see cref="UnitOfWork"/> — so an approval is
/// stored with its budget commitment, and a payment with its ledger transfer, or neither. If another writer changed
/// any of them first, the command is decided again on reloaded state, up to <see cref="MaxAttempts"/> times.
/// </summary>
/// <remarks>
/// <para>Refusals write nothing and answer their <see cref="AidResult"/> code. Repeats answer
/// <see cref="AidResult.AlreadyDone"/>: every command that moves money carries its own id (a contribution id, a payment
/// id) from which the ledger transfer id is derived, and a payment's event claims its payment id in the store.</para>
/// <para>The desk keeps the programmes it has used in memory and reads only their new records before each command
/// (every approval appends to its programme's stream, so reloading it whole would cost time linear in the
/// programme's history). Not thread-safe: one desk per writer, each with its own <see cref="PersistentLedger"/>;
/// several desks may share a store.</para>
/// </remarks>
public sealed class AidDesk
{
    private readonly IRecordStore _store;
    private readonly PersistentLedger _ledger;
    private readonly IClock _clock;
    private readonly AggregateRepository<AidProgramme, ProgrammeEvent> _programmes;
    private readonly AggregateRepository<AidApplication, AidApplicationEvent> _applications;
    private readonly AggregateRepository<MicroWish, MicroWishEvent> _wishes;
    private readonly Dictionary<ProgrammeId, AidProgramme> _cache = [];

    /// <summary>Creates a desk.</summary>
    /// <param name="store">The store that holds the programmes, applications, wishes and the ledger.</param>
    /// <param name="ledger">The ledger kept in step with <paramref name="store"/>; used by this desk only.</param>
    /// <param name="clock">The clock for "now".</param>
    /// <param name="rules">The deadline rules; <see cref="AidRules.Default"/> if null.</param>
    public AidDesk(IRecordStore store, PersistentLedger ledger, IClock clock, AidRules? rules = null)
    {
        _store = Guard.Against.Null(store);
        _ledger = Guard.Against.Null(ledger);
        _clock = Guard.Against.Null(clock);
        Rules = rules ?? AidRules.Default;
        _programmes = AidProgramme.Repository(store);
        _applications = AidApplication.Repository(store);
        _wishes = MicroWish.Repository(store);
    }

    /// <summary>The deadline rules.</summary>
    public AidRules Rules { get; }

    /// <summary>How many times a command is decided again after losing a race with another writer; default 8, at least 1.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Loads a programme as stored, or null.</summary>
    /// <param name="id">The programme.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidProgramme?> LoadProgrammeAsync(ProgrammeId id, CancellationToken cancellationToken = default)
        => _programmes.LoadAsync(AidProgramme.StreamFor(id), cancellationToken);

    /// <summary>Loads an application as stored, or null.</summary>
    /// <param name="id">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidApplication?> LoadApplicationAsync(AidApplicationId id, CancellationToken cancellationToken = default)
        => _applications.LoadAsync(AidApplication.StreamFor(id), cancellationToken);

    /// <summary>Loads a wish as stored, or null.</summary>
    /// <param name="id">The wish.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<MicroWish?> LoadWishAsync(WishId id, CancellationToken cancellationToken = default)
        => _wishes.LoadAsync(MicroWish.StreamFor(id), cancellationToken);

    // ------------------------------------------------------------------------------------------------------------
    // Programmes and funds
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Establishes a programme and opens its fund account on the ledger, in one batch.</summary>
    /// <param name="id">The programme id.</param>
    /// <param name="terms">Its terms.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> if it was established with the same
    /// terms; <see cref="AidResult.ProgrammeExistsWithDifferentTerms"/>; <see cref="AidResult.LedgerRejected"/>.</returns>
    /// <exception cref="AidConcurrencyException">Every attempt lost to another writer.</exception>
    public async ValueTask<AidResult> EstablishAsync(ProgrammeId id, ProgrammeTerms terms, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(terms);
        var stream = AidProgramme.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            await _ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var existing = await ProgrammeAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is not null) return existing.Terms.Equals(terms) ? AidResult.AlreadyDone : AidResult.ProgrammeExistsWithDifferentTerms;
            var programme = AidProgramme.Establish(id, terms, _clock.GetCurrentInstant());
            var opened = new AidFunds(_ledger.Ledger).OpenFund(id);
            if (opened != AidResult.Ok) return opened;
            if ((await new UnitOfWork(_store).Add(programme).AddLedger(_ledger).CommitAsync(cancellationToken).ConfigureAwait(false)).IsAppended)
            {
                _cache[id] = programme;
                return AidResult.Ok;
            }
        }

        throw new AidConcurrencyException($"Establishing {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>Sets a budget period's budget; see <see cref="AidProgramme.SetBudget"/>.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="dayInPeriod">Any day of the period.</param>
    /// <param name="amount">The budget.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="AidProgramme.SetBudget"/>, or <see cref="AidResult.ProgrammeNotFound"/>.</returns>
    public ValueTask<AidResult> SetBudgetAsync(ProgrammeId programme, LocalDate dayInPeriod, Money amount, CancellationToken cancellationToken = default)
        => RunProgrammeAsync(programme, (p, _, now) => p.SetBudget(dayInPeriod, amount, now), cancellationToken);

    /// <summary>Receives a donation or an allocation into the fund; see <see cref="AidProgramme.ReceiveFunds"/>.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="contribution">The contribution id (and idempotency key).</param>
    /// <param name="donor">The donor or allocating body.</param>
    /// <param name="source">A donation or an allocation.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="AidProgramme.ReceiveFunds"/>, or <see cref="AidResult.ProgrammeNotFound"/>.</returns>
    public ValueTask<AidResult> ReceiveFundsAsync(ProgrammeId programme, ContributionId contribution, DonorId donor, FundSource source, Money amount, CancellationToken cancellationToken = default)
        => RunProgrammeAsync(programme, (p, funds, now) => p.ReceiveFunds(contribution, donor, source, amount, funds, now), cancellationToken);

    // ------------------------------------------------------------------------------------------------------------
    // Applications
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Submits an application; see <see cref="AidApplication.Submit"/>.</summary>
    /// <param name="id">The application id.</param>
    /// <param name="request">What is applied for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="AidApplication.Submit"/>; <see cref="AidResult.AlreadyDone"/> if it was submitted with the
    /// same request; <see cref="AidResult.ApplicationExistsWithDifferentDetails"/>;
    /// <see cref="AidResult.ProgrammeNotFound"/>.</returns>
    /// <exception cref="AidConcurrencyException">Every attempt lost to another writer.</exception>
    public async ValueTask<AidResult> SubmitAsync(AidApplicationId id, AidRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var stream = AidApplication.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            var existing = await _applications.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (existing is not null) return existing.Request == request ? AidResult.AlreadyDone : AidResult.ApplicationExistsWithDifferentDetails;
            var programme = await ProgrammeAsync(request.Programme, cancellationToken).ConfigureAwait(false);
            if (programme is null) return AidResult.ProgrammeNotFound;
            var result = AidApplication.Submit(id, request, programme, _clock.GetCurrentInstant(), out var application);
            if (application is null) return result;
            if ((await new UnitOfWork(_store).Add(application).CommitAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return result;
        }

        throw new AidConcurrencyException($"Submitting {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>Records an initial review; see <see cref="AidApplication.Review"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="reviewer">The reviewer.</param>
    /// <param name="finding">What they found.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> ReviewAsync(AidApplicationId application, StaffId reviewer, string finding, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, _, _, now) => a.Review(reviewer, ReviewKind.Initial, finding, now), cancellationToken);

    /// <summary>Records the separate review of an application involving a relative of staff; see
    /// <see cref="AidApplication.Review"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="reviewer">The separate reviewer.</param>
    /// <param name="finding">What they found.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> SeparateReviewAsync(AidApplicationId application, StaffId reviewer, string finding, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, _, _, now) => a.Review(reviewer, ReviewKind.Separate, finding, now), cancellationToken);

    /// <summary>Gives the first opinion; see <see cref="AidApplication.GiveFirstOpinion"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="by">Who gives it.</param>
    /// <param name="instalments">The proposed schedule.</param>
    /// <param name="note">The opinion's text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> GiveFirstOpinionAsync(AidApplicationId application, StaffId by, IReadOnlyList<AidInstalment> instalments, string note, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, _, now) => a.GiveFirstOpinion(by, instalments, note, p, now), cancellationToken);

    /// <summary>Publishes the public notice; see <see cref="AidApplication.PublishNotice"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="by">Who publishes it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> PublishNoticeAsync(AidApplicationId application, StaffId by, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, _, now) => a.PublishNotice(by, p, now), cancellationToken);

    /// <summary>Lodges an objection; see <see cref="AidApplication.LodgeObjection"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="summary">What the objection says.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> LodgeObjectionAsync(AidApplicationId application, string summary, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, _, now) => a.LodgeObjection(summary, p, now), cancellationToken);

    /// <summary>Re-reviews an objection; see <see cref="AidApplication.ResolveObjection"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="sequence">The objection's number.</param>
    /// <param name="reviewer">The re-reviewer.</param>
    /// <param name="upheld">True to uphold it (which rejects the application).</param>
    /// <param name="finding">What the re-review found.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> ResolveObjectionAsync(AidApplicationId application, int sequence, StaffId reviewer, bool upheld, string finding, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, _, _, now) => a.ResolveObjection(sequence, reviewer, upheld, finding, now), cancellationToken);

    /// <summary>Approves an application and commits it to the programme's budget; see
    /// <see cref="AidApplication.Approve"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="approver">The approver.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> ApproveAsync(AidApplicationId application, StaffId approver, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, _, now) => a.Approve(approver, p, now), cancellationToken);

    /// <summary>Rejects an application; see <see cref="AidApplication.Reject"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="by">Who rejects it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> RejectAsync(AidApplicationId application, StaffId by, string reason, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, _, _, now) => a.Reject(by, reason, now), cancellationToken);

    /// <summary>Pays an instalment, or part of it; see <see cref="AidApplication.Pay"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="payment">The payment id (and idempotency key).</param>
    /// <param name="instalment">The instalment's number, from 1.</param>
    /// <param name="amount">The amount; null for the instalment's whole unpaid remainder.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="AidApplication.Pay"/>; <see cref="AidResult.PaymentIdTaken"/> also when the store holds the
    /// payment id for another application.</returns>
    public ValueTask<AidResult> PayAsync(AidApplicationId application, PaymentId payment, int instalment, Money? amount = null, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, funds, now) => a.Pay(payment, instalment, amount, p, funds, now), cancellationToken);

    /// <summary>Reverses a payment; see <see cref="AidApplication.ReversePayment"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="payment">The payment.</param>
    /// <param name="by">Who reverses it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> ReversePaymentAsync(AidApplicationId application, PaymentId payment, StaffId by, string reason, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, funds, now) => a.ReversePayment(payment, by, reason, p, funds, now), cancellationToken);

    /// <summary>Revokes an approval for future instalments; see <see cref="AidApplication.Revoke"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="by">Who revokes it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="effectiveFrom">The first due date cancelled; today if null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> RevokeAsync(AidApplicationId application, StaffId by, string reason, LocalDate? effectiveFrom = null, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, _, now) => a.Revoke(by, reason, effectiveFrom, p, now), cancellationToken);

    /// <summary>Grants and pays urgent aid at once; see <see cref="AidApplication.GrantUrgent"/>.</summary>
    /// <param name="application">The urgent application.</param>
    /// <param name="payment">The payment id.</param>
    /// <param name="authoriser">Who authorises it.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> GrantUrgentAsync(AidApplicationId application, PaymentId payment, StaffId authoriser, Money amount, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, p, funds, now) => a.GrantUrgent(payment, authoriser, amount, p, funds, now), cancellationToken);

    /// <summary>Documents urgent aid after it was paid; see <see cref="AidApplication.DocumentUrgent"/>.</summary>
    /// <param name="application">The urgent application.</param>
    /// <param name="by">Who documents it.</param>
    /// <param name="evidence">A reference to the documents.</param>
    /// <param name="note">The documentation's text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> DocumentUrgentAsync(AidApplicationId application, StaffId by, string evidence, string note, CancellationToken cancellationToken = default)
        => RunAsync(application, (a, _, _, now) => a.DocumentUrgent(by, evidence, note, now), cancellationToken);

    // ------------------------------------------------------------------------------------------------------------
    // Micro-wishes
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Posts a child's wish in a wish round; see <see cref="MicroWish.Post"/>.</summary>
    /// <param name="id">The wish id.</param>
    /// <param name="programme">The wish round.</param>
    /// <param name="child">The child.</param>
    /// <param name="item">What is wished for.</param>
    /// <param name="estimatedCost">Its estimated cost.</param>
    /// <param name="postedBy">Who posts it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>As <see cref="MicroWish.Post"/>; <see cref="AidResult.AlreadyDone"/> if it was posted with the same
    /// details; <see cref="AidResult.WishExistsWithDifferentDetails"/>; <see cref="AidResult.ProgrammeNotFound"/>.</returns>
    /// <exception cref="AidConcurrencyException">Every attempt lost to another writer.</exception>
    public async ValueTask<AidResult> PostWishAsync(WishId id, ProgrammeId programme, AidBeneficiary child, string item, Money estimatedCost, StaffId postedBy, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(child);
        Guard.Against.NullOrWhiteSpace(item);
        var stream = MicroWish.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            var existing = await _wishes.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                var same = existing.Programme == programme && existing.Beneficiary == child.Id && string.Equals(existing.MaskedName, child.MaskedName, StringComparison.Ordinal)
                    && string.Equals(existing.Item, item.Trim(), StringComparison.Ordinal) && existing.EstimatedCost == estimatedCost;
                return same ? AidResult.AlreadyDone : AidResult.WishExistsWithDifferentDetails;
            }

            var round = await ProgrammeAsync(programme, cancellationToken).ConfigureAwait(false);
            if (round is null) return AidResult.ProgrammeNotFound;
            var result = MicroWish.Post(id, round, child, item, estimatedCost, postedBy, _clock.GetCurrentInstant(), out var wish);
            if (wish is null) return result;
            if ((await new UnitOfWork(_store).Add(wish).CommitAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return result;
        }

        throw new AidConcurrencyException($"Posting {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>A donor claims a wish; see <see cref="MicroWish.Claim"/>.</summary>
    /// <param name="wish">The wish.</param>
    /// <param name="donor">The donor.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> ClaimWishAsync(WishId wish, DonorId donor, CancellationToken cancellationToken = default)
        => RunWishAsync(wish, (w, now) => w.Claim(donor, now), cancellationToken);

    /// <summary>Releases a wish's claim; see <see cref="MicroWish.ReleaseClaim"/>.</summary>
    /// <param name="wish">The wish.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> ReleaseWishAsync(WishId wish, string reason, CancellationToken cancellationToken = default)
        => RunWishAsync(wish, (w, now) => w.ReleaseClaim(reason, now), cancellationToken);

    /// <summary>Records a wish's fulfilment; see <see cref="MicroWish.Fulfil"/>.</summary>
    /// <param name="wish">The wish.</param>
    /// <param name="evidence">The photo or receipt reference.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> FulfilWishAsync(WishId wish, string evidence, CancellationToken cancellationToken = default)
        => RunWishAsync(wish, (w, now) => w.Fulfil(evidence, now), cancellationToken);

    /// <summary>Cancels a wish; see <see cref="MicroWish.Cancel"/>.</summary>
    /// <param name="wish">The wish.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<AidResult> CancelWishAsync(WishId wish, string reason, CancellationToken cancellationToken = default)
        => RunWishAsync(wish, (w, now) => w.Cancel(reason, now), cancellationToken);

    // ------------------------------------------------------------------------------------------------------------
    // Running commands
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>The programme from the desk's memory, brought up to the store's version by reading only its new
    /// records; loaded whole the first time (or after a failed save). Null when it does not exist.</summary>
    private async ValueTask<AidProgramme?> ProgrammeAsync(ProgrammeId id, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(id, out var cached) && cached.UnsavedEvents.Count == 0)
        {
            await foreach (var record in _store.ReadStreamAsync(cached.Stream, cached.Version, cancellationToken).ConfigureAwait(false))
            {
                if (record.Stream != cached.Stream) continue;
                cached.Restore(record.Payload as ProgrammeEvent ?? throw new InvalidDataException($"Record {record} is not a programme event."), record.Version);
            }

            return cached;
        }

        var loaded = await _programmes.LoadAsync(AidProgramme.StreamFor(id), cancellationToken).ConfigureAwait(false);
        if (loaded is null) _cache.Remove(id);
        else _cache[id] = loaded;
        return loaded;
    }

    private async ValueTask<AidResult> RunProgrammeAsync(ProgrammeId id, Func<AidProgramme, AidFunds, Instant, AidResult> command, CancellationToken cancellationToken)
    {
        var stream = AidProgramme.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            await _ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var programme = await ProgrammeAsync(id, cancellationToken).ConfigureAwait(false);
            if (programme is null) return AidResult.ProgrammeNotFound;
            var result = command(programme, new AidFunds(_ledger.Ledger), _clock.GetCurrentInstant());
            if (programme.UnsavedEvents.Count == 0)
            {
                if (await SaveLedgerOnlyAsync(cancellationToken).ConfigureAwait(false)) return result;
                continue;
            }

            var saved = await new UnitOfWork(_store).Add(programme).AddLedger(_ledger).CommitAsync(cancellationToken).ConfigureAwait(false);
            if (saved.IsAppended) return result;
            _cache.Remove(id);
        }

        throw new AidConcurrencyException($"A command on {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    private async ValueTask<AidResult> RunAsync(AidApplicationId id, Func<AidApplication, AidProgramme, AidFunds, Instant, AidResult> command, CancellationToken cancellationToken)
    {
        var stream = AidApplication.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            await _ledger.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            var application = await _applications.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (application is null) return AidResult.ApplicationNotFound;
            var programme = await ProgrammeAsync(application.Programme, cancellationToken).ConfigureAwait(false);
            if (programme is null) return AidResult.ProgrammeNotFound;
            var result = command(application, programme, new AidFunds(_ledger.Ledger), _clock.GetCurrentInstant());
            if (application.UnsavedEvents.Count == 0)
            {
                // A refusal raises nothing on the application and so nothing on its programme either; a programme that
                // did change anyway is dropped rather than saved, and reloaded next time.
                if (programme.UnsavedEvents.Count > 0) _cache.Remove(programme.Id);
                if (await SaveLedgerOnlyAsync(cancellationToken).ConfigureAwait(false)) return result;
                continue;
            }

            var work = new UnitOfWork(_store).Add(application);
            if (programme.UnsavedEvents.Count > 0) work.Add(programme);
            var saved = await work.AddLedger(_ledger).CommitAsync(cancellationToken).ConfigureAwait(false);
            if (saved.IsAppended) return result;
            _cache.Remove(programme.Id);

            // Versions are checked before keys, so a duplicate key with every stream at the expected version is a payment
            // id another application holds (the ledger transfer derived from it names the same key space). Deciding
            // again would not change that.
            if (saved.Status == AppendStatus.DuplicateItem) return AidResult.PaymentIdTaken;
        }

        throw new AidConcurrencyException($"A command on {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    private async ValueTask<AidResult> RunWishAsync(WishId id, Func<MicroWish, Instant, AidResult> command, CancellationToken cancellationToken)
    {
        var stream = MicroWish.StreamFor(id);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            var wish = await _wishes.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (wish is null) return AidResult.WishNotFound;
            var result = command(wish, _clock.GetCurrentInstant());
            if (wish.UnsavedEvents.Count == 0) return result;
            if ((await new UnitOfWork(_store).Add(wish).CommitAsync(cancellationToken).ConfigureAwait(false)).IsAppended) return result;
        }

        throw new AidConcurrencyException($"A command on {stream} lost to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>Saves ledger entries a refused command left (an account opened before a transfer that was then refused
    /// on the ledger's state: harmless, and the same account the next attempt opens), so the ledger never keeps unsaved
    /// entries. True when there was nothing to save or it was saved; false on a conflict (decide again).</summary>
    private async ValueTask<bool> SaveLedgerOnlyAsync(CancellationToken cancellationToken)
    {
        if (_ledger.Ledger.Position == _ledger.SavedPosition) return true;
        return (await _ledger.SaveChangesAsync(cancellationToken).ConfigureAwait(false)).IsAppended;
    }
}

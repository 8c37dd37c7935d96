using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Aid;

/// <summary>
/// A child's micro-wish (微心愿) in a wish round: posted with the item and its estimated cost, claimed by a donor (认领),
/// and fulfilled by that donor in kind with a photo or receipt referenced; a claim may be released and a wish cancelled
/// before fulfilment. An event-sourced aggregate in the stream <c>aid.wish-{id}</c>.
/// </summary>
/// <remarks>Wishes are fulfilled in kind: the donor buys and hands over the item, so no money moves through the
/// round's fund and the ledger is not touched. The round's report counts wishes posted, claimed and fulfilled, and
/// the estimated value fulfilled. Commands raise one event and answer <see cref="AidResult.Ok"/>, answer
/// <see cref="AidResult.AlreadyDone"/> for a repeat, or answer the rule that refused them. Not thread-safe.</remarks>
public sealed class MicroWish : AggregateRoot<MicroWishEvent>
{
    /// <summary>The stream category: a wish's stream is <c>aid.wish-{id:N}</c>.</summary>
    public const string StreamCategory = "aid.wish";

    /// <summary>The longest item description, in characters.</summary>
    public const int MaxItemLength = 200;

    private WishPosted? _posted;

    private MicroWish(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The wish id.</summary>
    public WishId Id => Posted.WishId;

    /// <summary>The wish round.</summary>
    public ProgrammeId Programme => Posted.Programme;

    /// <summary>The child.</summary>
    public BeneficiaryId Beneficiary => Posted.Beneficiary;

    /// <summary>The child's name, masked.</summary>
    public string MaskedName => Posted.MaskedName;

    /// <summary>What is wished for.</summary>
    public string Item => Posted.Item;

    /// <summary>Its estimated cost.</summary>
    public Money EstimatedCost => Posted.EstimatedCost;

    /// <summary>When it was posted.</summary>
    public Instant PostedAt => Posted.At;

    /// <summary>Where it stands.</summary>
    public WishStatus Status { get; private set; }

    /// <summary>The donor holding the claim (or who fulfilled it), or null.</summary>
    public DonorId? ClaimedBy { get; private set; }

    /// <summary>When it was fulfilled, or null.</summary>
    public Instant? FulfilledAt { get; private set; }

    /// <summary>The photo or receipt reference of its fulfilment, or null.</summary>
    public string? Evidence { get; private set; }

    /// <summary>Why it was cancelled, or null.</summary>
    public string? CancellationReason { get; private set; }

    private WishPosted Posted => _posted ?? throw new InvalidOperationException("The wish has not been posted.");

    /// <summary>The stream of a wish.</summary>
    /// <param name="id">The wish; not empty.</param>
    public static StreamName StreamFor(WishId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A wish id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>An empty aggregate for a stream, to load events into.</summary>
    /// <param name="stream">The wish's stream.</param>
    /// <exception cref="ArgumentException">The stream name is the default value.</exception>
    public static MicroWish CreateEmpty(StreamName stream)
    {
        if (stream.IsEmpty) throw new ArgumentException("A stream name is required.", nameof(stream));
        return new MicroWish(stream);
    }

    /// <summary>A repository that loads and saves wishes in a store.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<MicroWish, MicroWishEvent> Repository(IRecordStore store) => new(store, CreateEmpty);

    /// <summary>Posts a child's wish in a wish round.</summary>
    /// <param name="id">The wish id; not empty.</param>
    /// <param name="programme">The wish round.</param>
    /// <param name="child">The child (a <see cref="BeneficiaryKind.Child"/>).</param>
    /// <param name="item">What is wished for; not blank, at most <see cref="MaxItemLength"/> characters, kept trimmed.</param>
    /// <param name="estimatedCost">Its estimated cost; positive, CNY.</param>
    /// <param name="postedBy">Who posts it; not empty.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="wish">The new wish with one unsaved event, or null when refused.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.NotAWishRound"/>; <see cref="AidResult.NotEligible"/>
    /// when the beneficiary is not a child or the round does not accept them.</returns>
    /// <exception cref="ArgumentException">An id is empty, the item blank or too long, or the cost not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cost is not positive.</exception>
    public static AidResult Post(WishId id, AidProgramme programme, AidBeneficiary child, string item, Money estimatedCost, StaffId postedBy, Instant now, out MicroWish? wish)
    {
        var stream = StreamFor(id);
        Guard.Against.Null(programme);
        Guard.Against.Null(child);
        var trimmed = Guard.Against.NullOrWhiteSpace(item).Trim();
        Guard.Against.OutOfRange(trimmed.Length, nameof(item), 1, MaxItemLength);
        AidAmounts.Positive(estimatedCost, nameof(estimatedCost));
        Guard.Against.Expression(static x => x.IsEmpty, postedBy, "A staff id must not be empty.", nameof(postedBy));
        wish = null;
        if (programme.Terms.Kind != ProgrammeKind.MicroWishRound) return AidResult.NotAWishRound;
        if (child.Kind != BeneficiaryKind.Child || !programme.Terms.IsEligible(child)) return AidResult.NotEligible;
        wish = new MicroWish(stream);
        wish.Raise(new WishPosted(id, programme.Id, child.Id, child.MaskedName, child.Community, trimmed, estimatedCost, postedBy, now));
        return AidResult.Ok;
    }

    /// <summary>A donor claims the wish.</summary>
    /// <param name="donor">The donor; not empty.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> when the donor holds the claim;
    /// <see cref="AidResult.WishAlreadyClaimed"/> when another does; <see cref="AidResult.WishAlreadyFulfilled"/>;
    /// <see cref="AidResult.WishCancelled"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public AidResult Claim(DonorId donor, Instant now)
    {
        Guard.Against.Expression(static x => x.IsEmpty, donor, "A donor id must not be empty.", nameof(donor));
        switch (Status)
        {
            case WishStatus.Cancelled: return AidResult.WishCancelled;
            case WishStatus.Fulfilled: return AidResult.WishAlreadyFulfilled;
            case WishStatus.Claimed: return ClaimedBy == donor ? AidResult.AlreadyDone : AidResult.WishAlreadyClaimed;
        }

        Raise(new WishClaimed(donor, now));
        return AidResult.Ok;
    }

    /// <summary>Releases the donor's claim before fulfilment; the wish is open again.</summary>
    /// <param name="reason">Why; must not be blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.ReasonRequired"/>; <see cref="AidResult.WishCancelled"/>;
    /// <see cref="AidResult.WishAlreadyFulfilled"/>; <see cref="AidResult.WishNotClaimed"/>.</returns>
    /// <exception cref="ArgumentNullException">The reason is null.</exception>
    public AidResult ReleaseClaim(string reason, Instant now)
    {
        Guard.Against.Null(reason);
        if (string.IsNullOrWhiteSpace(reason)) return AidResult.ReasonRequired;
        switch (Status)
        {
            case WishStatus.Cancelled: return AidResult.WishCancelled;
            case WishStatus.Fulfilled: return AidResult.WishAlreadyFulfilled;
            case WishStatus.Posted: return AidResult.WishNotClaimed;
        }

        Raise(new WishClaimReleased(reason, now));
        return AidResult.Ok;
    }

    /// <summary>The claiming donor fulfilled the wish; a photo or receipt is referenced.</summary>
    /// <param name="evidence">A reference to the photo or receipt; not blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for the same evidence again;
    /// <see cref="AidResult.WishAlreadyFulfilled"/> for other evidence; <see cref="AidResult.WishCancelled"/>;
    /// <see cref="AidResult.WishNotClaimed"/>.</returns>
    /// <exception cref="ArgumentException">The evidence is blank.</exception>
    public AidResult Fulfil(string evidence, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(evidence);
        switch (Status)
        {
            case WishStatus.Fulfilled: return string.Equals(Evidence, evidence, StringComparison.Ordinal) ? AidResult.AlreadyDone : AidResult.WishAlreadyFulfilled;
            case WishStatus.Cancelled: return AidResult.WishCancelled;
            case WishStatus.Posted: return AidResult.WishNotClaimed;
        }

        Raise(new WishFulfilled(evidence, now));
        return AidResult.Ok;
    }

    /// <summary>Cancels the wish before it is fulfilled (the child moved away, the item was given otherwise, ...).</summary>
    /// <param name="reason">Why; must not be blank.</param>
    /// <param name="now">The current instant.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.AlreadyDone"/> for a cancelled wish;
    /// <see cref="AidResult.ReasonRequired"/>; <see cref="AidResult.WishAlreadyFulfilled"/>.</returns>
    /// <exception cref="ArgumentNullException">The reason is null.</exception>
    public AidResult Cancel(string reason, Instant now)
    {
        Guard.Against.Null(reason);
        if (Status == WishStatus.Cancelled) return AidResult.AlreadyDone;
        if (string.IsNullOrWhiteSpace(reason)) return AidResult.ReasonRequired;
        if (Status == WishStatus.Fulfilled) return AidResult.WishAlreadyFulfilled;
        Raise(new WishCancelled(reason, now));
        return AidResult.Ok;
    }

    /// <inheritdoc />
    protected override void Apply(MicroWishEvent e)
    {
        switch (e)
        {
            case WishPosted posted:
                _posted = posted;
                Status = WishStatus.Posted;
                break;
            case WishClaimed claimed:
                ClaimedBy = claimed.Donor;
                Status = WishStatus.Claimed;
                break;
            case WishClaimReleased:
                ClaimedBy = null;
                Status = WishStatus.Posted;
                break;
            case WishFulfilled fulfilled:
                Evidence = fulfilled.Evidence;
                FulfilledAt = fulfilled.At;
                Status = WishStatus.Fulfilled;
                break;
            case WishCancelled cancelled:
                CancellationReason = cancelled.Reason;
                Status = WishStatus.Cancelled;
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} is not a wish event this version knows.", nameof(e));
        }
    }
}

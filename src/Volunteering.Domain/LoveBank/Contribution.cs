using Ardalis.GuardClauses;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// A contribution to award points for (other than activity participations, which
/// <see cref="LoveBankDesk.AwardParticipationAsync"/> reads from their records). The source id makes the award happen at
/// most once: a donation's id, a service record's id, the referred volunteer's id, a bonus grant's id.
/// </summary>
public sealed record Contribution
{
    /// <summary>Describes a contribution.</summary>
    /// <param name="source">The source's id; not empty.</param>
    /// <param name="kind">The kind; not <see cref="ContributionKind.StartingGrant"/> (granted on opening).</param>
    /// <param name="quantity">Minutes for <see cref="ContributionKind.VolunteerService"/>, items for
    /// <see cref="ContributionKind.DonatedItems"/>, fen for <see cref="ContributionKind.DonatedGoods"/>, 1 otherwise;
    /// positive.</param>
    /// <param name="detail">The professional service's category code or the bonus's name (required for those kinds), or
    /// a free description (the activity, the goods); null for none.</param>
    /// <exception cref="ArgumentException">The source is empty, the quantity not positive, or a category or bonus name
    /// is missing.</exception>
    public Contribution(Guid source, ContributionKind kind, long quantity, string? detail = null)
    {
        Guard.Against.Default(source);
        Guard.Against.EnumOutOfRange(kind);
        if (kind == ContributionKind.StartingGrant) throw new ArgumentException("A starting grant is made when a household passbook is opened.", nameof(kind));
        Guard.Against.NegativeOrZero(quantity);
        if (kind is ContributionKind.ProfessionalService or ContributionKind.Bonus) Guard.Against.NullOrWhiteSpace(detail);
        Source = source;
        Kind = kind;
        Quantity = quantity;
        Detail = detail?.Trim() ?? string.Empty;
    }

    /// <summary>The source's id.</summary>
    public Guid Source { get; }

    /// <summary>The kind.</summary>
    public ContributionKind Kind { get; }

    /// <summary>The quantity (minutes, items, fen or 1).</summary>
    public long Quantity { get; }

    /// <summary>The category, bonus name or description; may be empty.</summary>
    public string Detail { get; }
}

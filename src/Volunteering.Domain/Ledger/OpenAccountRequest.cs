using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Ledger;

/// <summary>A request to open a ledger account. Opening is idempotent by <see cref="Id"/>.</summary>
public readonly struct OpenAccountRequest : IEquatable<OpenAccountRequest>
{
    /// <summary>Describes an account to open.</summary>
    /// <param name="id">The account id; never empty.</param>
    /// <param name="asset">The one asset the account holds; never the default.</param>
    /// <param name="ownerId">The person, household or organisation that owns the account, or <see cref="Guid.Empty"/> for
    /// a scheme's own system accounts (issuing, pool, guarantee fund, exchange).</param>
    /// <param name="code">An application-defined account kind (member, pool, fund, ...); any value.</param>
    /// <param name="floor">The lowest the available balance may go (posted balance less pending debits), or null for
    /// no floor. Zero (the default) means the account must never go negative.</param>
    /// <param name="ceiling">The highest the balance may go counting pending credits, or null for no ceiling.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, <paramref name="asset"/> is the default,
    /// or <paramref name="floor"/> is above <paramref name="ceiling"/>.</exception>
    public OpenAccountRequest(AccountId id, Asset asset, Guid ownerId, int code, long? floor = 0, long? ceiling = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "An account id must not be empty.", nameof(id));
        Guard.Against.Expression(static x => x.IsDefault, asset, "An account must hold a real asset.", nameof(asset));
        if (floor is { } f && ceiling is { } c && f > c)
        {
            throw new ArgumentException($"The floor ({f}) is above the ceiling ({c}).", nameof(floor));
        }

        Id = id;
        Asset = asset;
        OwnerId = ownerId;
        Code = code;
        Floor = floor;
        Ceiling = ceiling;
    }

    /// <summary>The account id.</summary>
    public AccountId Id { get; }

    /// <summary>The asset the account holds.</summary>
    public Asset Asset { get; }

    /// <summary>The owner, or <see cref="Guid.Empty"/> for a system account.</summary>
    public Guid OwnerId { get; }

    /// <summary>The application-defined account kind.</summary>
    public int Code { get; }

    /// <summary>The lowest available balance allowed, or null for none.</summary>
    public long? Floor { get; }

    /// <summary>The highest balance allowed counting pending credits, or null for none.</summary>
    public long? Ceiling { get; }

    /// <inheritdoc />
    public bool Equals(OpenAccountRequest other)
        => Id == other.Id && Asset == other.Asset && OwnerId == other.OwnerId && Code == other.Code
           && Floor == other.Floor && Ceiling == other.Ceiling;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpenAccountRequest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Asset, OwnerId, Code, Floor, Ceiling);

    /// <summary>Equality of all fields.</summary>
    public static bool operator ==(OpenAccountRequest left, OpenAccountRequest right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(OpenAccountRequest left, OpenAccountRequest right) => !left.Equals(right);
}

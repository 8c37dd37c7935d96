using Ardalis.GuardClauses;

namespace Volunteering.Domain.TimeBank;

/// <summary>Where a person lives or a service takes place: city, district and community (社区). Names compare
/// ordinally; a time bank's redemption scope (community, district or city) is checked against them.</summary>
public sealed record ResidenceArea
{
    /// <summary>Creates an area.</summary>
    /// <param name="city">The city (市), e.g. "Nanjing".</param>
    /// <param name="district">The district (区).</param>
    /// <param name="community">The community (社区).</param>
    /// <exception cref="ArgumentException">A name is null, empty or white space.</exception>
    public ResidenceArea(string city, string district, string community)
    {
        City = Guard.Against.NullOrWhiteSpace(city);
        District = Guard.Against.NullOrWhiteSpace(district);
        Community = Guard.Against.NullOrWhiteSpace(community);
    }

    /// <summary>The city.</summary>
    public string City { get; }

    /// <summary>The district within the city.</summary>
    public string District { get; }

    /// <summary>The community within the district.</summary>
    public string Community { get; }

    /// <summary>True when <paramref name="other"/> lies within the same unit at the given scope.</summary>
    /// <param name="other">The other area.</param>
    /// <param name="scope">Community: same community; district: same district; city: same city.</param>
    public bool IsWithin(ResidenceArea other, RedemptionScope scope)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sameCity = string.Equals(City, other.City, StringComparison.Ordinal);
        var sameDistrict = sameCity && string.Equals(District, other.District, StringComparison.Ordinal);
        return scope switch
        {
            RedemptionScope.Community => sameDistrict && string.Equals(Community, other.Community, StringComparison.Ordinal),
            RedemptionScope.District => sameDistrict,
            RedemptionScope.City => sameCity,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown redemption scope."),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{City}/{District}/{Community}";
}

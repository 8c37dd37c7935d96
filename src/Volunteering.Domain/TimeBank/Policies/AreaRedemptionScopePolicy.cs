using Ardalis.GuardClauses;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Allows redemption within the member's community, district or city (never across cities).</summary>
public sealed class AreaRedemptionScopePolicy : IRedemptionScopePolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="scope">How far from home time may be redeemed; city-wide (通存通兑) by default.</param>
    public AreaRedemptionScopePolicy(RedemptionScope scope = RedemptionScope.City) => Scope = scope;

    /// <summary>The scope.</summary>
    public RedemptionScope Scope { get; }

    /// <inheritdoc />
    public bool Allows(MemberProfile member, ResidenceArea servicePlace)
        => Guard.Against.Null(member).Residence.IsWithin(Guard.Against.Null(servicePlace), Scope);
}

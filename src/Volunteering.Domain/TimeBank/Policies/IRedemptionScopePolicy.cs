namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Decides whether a member may redeem time for a service at a place.</summary>
public interface IRedemptionScopePolicy
{
    /// <summary>True if the member may redeem for a service at <paramref name="servicePlace"/>.</summary>
    /// <param name="member">The redeeming member's record.</param>
    /// <param name="servicePlace">Where the service is given.</param>
    bool Allows(MemberProfile member, ResidenceArea servicePlace);
}

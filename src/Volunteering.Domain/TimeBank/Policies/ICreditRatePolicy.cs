using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Turns a confirmed service into the time credit deposited for it.</summary>
public interface ICreditRatePolicy
{
    /// <summary>The credit for a service, in whole minutes; zero or more.</summary>
    /// <param name="service">The confirmed service.</param>
    TimeCredit CreditFor(ServiceDetails service);
}

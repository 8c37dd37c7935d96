using Ardalis.GuardClauses;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>One hour of service earns one hour of credit, whatever the task (the rule of the Shanghai and Beijing
/// schemes). The default.</summary>
public sealed class UniformCreditRate : ICreditRatePolicy
{
    /// <summary>The shared instance.</summary>
    public static UniformCreditRate Instance { get; } = new();

    /// <inheritdoc />
    public TimeCredit CreditFor(ServiceDetails service) => Guard.Against.Null(service).CreditedDuration;
}

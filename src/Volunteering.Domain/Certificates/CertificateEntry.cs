namespace Volunteering.Domain.Certificates;

/// <summary>
/// One verified participation a <see cref="ServiceCertificate"/> was built from, as the activity's records held it at
/// issue. A plain data object (public init properties of primitive types), serializable as it stands.
/// </summary>
public sealed class CertificateEntry
{
    /// <summary>The activity's id (<see cref="Identity.ActivityId.Value"/>).</summary>
    public required Guid Activity { get; init; }

    /// <summary>The participation's id (<see cref="Identity.ParticipationId.Value"/>).</summary>
    public required Guid Participation { get; init; }

    /// <summary>The activity's local start date in its time zone, ISO <c>yyyy-MM-dd</c>.</summary>
    public required string Date { get; init; }

    /// <summary>The activity's name.</summary>
    public required string ActivityName { get; init; }

    /// <summary>The activity's service category code (<see cref="Activities.ServiceCategory.Code"/>).</summary>
    public required string Category { get; init; }

    /// <summary>The credited service time, in whole minutes (after accepted corrections); positive.</summary>
    public required long CreditedMinutes { get; init; }

    /// <summary>The record version: the version, in the activity's stream, of the newest event that set this
    /// participation's service entry (its sign-up, a service-time entry, its verification or an accepted correction).
    /// Evaluations, confirmations and correction requests that are pending or rejected do not change it.</summary>
    public required long RecordVersion { get; init; }
}

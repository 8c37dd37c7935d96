using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// A recorded service (服务记录) and where it stands: recorded, then confirmed by the recipient or the witness and
/// credited once, or refused. The aggregate guards its own transitions; the <see cref="TimeBank"/> moves the hours.
/// </summary>
public sealed class ServiceRecord
{
    internal ServiceRecord(ServiceRecordId id, ServiceDetails details, Instant recordedAt)
    {
        Id = id;
        Details = details;
        RecordedAt = recordedAt;
    }

    /// <summary>The record id; the deposit's transfer id is derived from it, so a record credits at most once.</summary>
    public ServiceRecordId Id { get; }

    /// <summary>What was done, for whom, when.</summary>
    public ServiceDetails Details { get; }

    /// <summary>When it was recorded.</summary>
    public Instant RecordedAt { get; }

    /// <summary>Where it stands.</summary>
    public ServiceRecordStatus Status { get; private set; }

    /// <summary>Who confirmed or refused it, once someone has.</summary>
    public VolunteerId? DecidedBy { get; private set; }

    /// <summary>When it was confirmed or refused.</summary>
    public Instant? DecidedAt { get; private set; }

    /// <summary>Why it was refused, if it was.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>The time credited to the volunteer's account (after the rate policy and the cap).</summary>
    public TimeCredit Credited { get; private set; }

    /// <summary>The time above the cap sent to the community pool.</summary>
    public TimeCredit SentToPool { get; private set; }

    /// <summary>True if <paramref name="person"/> may confirm or refuse: the recipient or the witness.</summary>
    public bool MayBeDecidedBy(VolunteerId person) => person == Details.Recipient || person == Details.Witness;

    internal void MarkCredited(VolunteerId by, Instant at, TimeCredit credited, TimeCredit toPool)
    {
        if (Status != ServiceRecordStatus.Recorded) throw new InvalidOperationException($"Service record {Id} is {Status}.");
        Status = ServiceRecordStatus.Credited;
        DecidedBy = by;
        DecidedAt = at;
        Credited = credited;
        SentToPool = toPool;
    }

    internal void MarkRefused(VolunteerId by, Instant at, string reason)
    {
        if (Status != ServiceRecordStatus.Recorded) throw new InvalidOperationException($"Service record {Id} is {Status}.");
        Status = ServiceRecordStatus.Refused;
        DecidedBy = by;
        DecidedAt = at;
        RefusalReason = reason;
    }
}

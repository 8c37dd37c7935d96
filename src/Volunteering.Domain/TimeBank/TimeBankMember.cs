using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// An account holder of a time bank (开户人): the person, their record fields, the consent to record keeping, their
/// ledger account and the relatives they may give time to.
/// </summary>
public sealed class TimeBankMember
{
    private readonly Dictionary<VolunteerId, Relationship> _relatives = [];

    internal TimeBankMember(VolunteerId id, AccountId accountId, MemberProfile profile, Instant consentGivenAt, Instant openedAt)
    {
        Id = id;
        AccountId = accountId;
        Profile = profile;
        ConsentGivenAt = consentGivenAt;
        OpenedAt = openedAt;
    }

    /// <summary>The person.</summary>
    public VolunteerId Id { get; }

    /// <summary>The member's time-credit account on the ledger.</summary>
    public AccountId AccountId { get; }

    /// <summary>The record fields.</summary>
    public MemberProfile Profile { get; }

    /// <summary>When the person consented to record keeping.</summary>
    public Instant ConsentGivenAt { get; }

    /// <summary>When the account was opened (开户).</summary>
    public Instant OpenedAt { get; }

    /// <summary>The registered relatives and how they are related.</summary>
    public IReadOnlyDictionary<VolunteerId, Relationship> Relatives => _relatives;

    internal void SetRelative(VolunteerId relative, Relationship relationship) => _relatives[relative] = relationship;
}

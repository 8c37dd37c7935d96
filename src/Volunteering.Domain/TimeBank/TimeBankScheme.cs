using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// One time bank: its id, name, time zone and rules, and the ids of its three system accounts on the ledger — the
/// issuing account that hours are issued from (its balance is minus the hours in circulation), the community pool
/// that holds donated time, and the guarantee fund that backs redemption for people who cannot earn their own.
/// </summary>
public sealed class TimeBankScheme
{
    /// <summary>Describes a scheme.</summary>
    /// <param name="id">The scheme id; system account ids are derived from it, so they are stable.</param>
    /// <param name="name">A display name; schemes often avoid the word "bank" in public (e.g. "互助时间平台").</param>
    /// <param name="timeZone">The zone in which ages and statement dates are computed; Asia/Shanghai if null.</param>
    /// <param name="rules">The rules; <see cref="TimeBankRules.Default"/> if null.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or <paramref name="name"/> blank.</exception>
    public TimeBankScheme(SchemeId id, string name, DateTimeZone? timeZone = null, TimeBankRules? rules = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A scheme id must not be empty.", nameof(id));
        Id = id;
        Name = Guard.Against.NullOrWhiteSpace(name);
        TimeZone = timeZone ?? DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
        Rules = rules ?? TimeBankRules.Default;
        IssuingAccountId = new AccountId(DerivedId.From(id.Value, 1));
        PoolAccountId = new AccountId(DerivedId.From(id.Value, 2));
        GuaranteeFundAccountId = new AccountId(DerivedId.From(id.Value, 3));
    }

    /// <summary>The scheme id.</summary>
    public SchemeId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The scheme's time zone.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The rules.</summary>
    public TimeBankRules Rules { get; }

    /// <summary>The issuing account (no floor): deposits are debited from it.</summary>
    public AccountId IssuingAccountId { get; }

    /// <summary>The community pool (互助池): donations and cap overflow go in, grants come out.</summary>
    public AccountId PoolAccountId { get; }

    /// <summary>The guarantee fund (保障基金): funded by the scheme, grants to key elderly come out.</summary>
    public AccountId GuaranteeFundAccountId { get; }

    /// <summary>The ledger account a person's membership of this scheme uses: derived from the person and the scheme,
    /// so it is the same in every process and after every restart.</summary>
    /// <param name="person">The person; not empty.</param>
    public AccountId MemberAccountId(VolunteerId person)
    {
        Guard.Against.Expression(static x => x.IsEmpty, person, "A person id must not be empty.", nameof(person));
        return new AccountId(DerivedId.Combine(person.Value, Id.Value, 100));
    }
}

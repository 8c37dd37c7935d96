using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.Volunteers;

/// <summary>An award a volunteer received (表彰奖励): name, date and granting body. Identified by <see cref="Id"/>, so
/// recording it again is idempotent.</summary>
public sealed record AwardRecord
{
    /// <summary>Describes an award.</summary>
    /// <param name="id">The record's id; not empty.</param>
    /// <param name="name">The award's name; not blank.</param>
    /// <param name="date">When it was granted.</param>
    /// <param name="grantingBody">Who granted it; not blank.</param>
    /// <exception cref="ArgumentException">The id is empty or a text blank.</exception>
    public AwardRecord(Guid id, string name, LocalDate date, string grantingBody)
    {
        Id = Guard.Against.Default(id);
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        Date = date;
        GrantingBody = Guard.Against.NullOrWhiteSpace(grantingBody).Trim();
    }

    /// <summary>The record's id.</summary>
    public Guid Id { get; }

    /// <summary>The award's name.</summary>
    public string Name { get; }

    /// <summary>When it was granted.</summary>
    public LocalDate Date { get; }

    /// <summary>Who granted it.</summary>
    public string GrantingBody { get; }
}

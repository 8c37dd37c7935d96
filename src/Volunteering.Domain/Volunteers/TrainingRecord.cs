using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.Volunteers;

/// <summary>A training a volunteer took (培训记录): name, content, duration, organiser and date, as the national record
/// lists them. Identified by <see cref="Id"/>, so recording it again is idempotent.</summary>
public sealed record TrainingRecord
{
    /// <summary>Describes a training.</summary>
    /// <param name="id">The record's id (chosen by the caller, one per volunteer's training); not empty.</param>
    /// <param name="name">The training's name; not blank.</param>
    /// <param name="content">What it covered; not blank.</param>
    /// <param name="durationMinutes">How long, in whole minutes; 1 to 100,000.</param>
    /// <param name="organiser">Who organised it; not blank.</param>
    /// <param name="date">When it took place.</param>
    /// <exception cref="ArgumentException">The id is empty or a text blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The duration is out of range.</exception>
    public TrainingRecord(Guid id, string name, string content, int durationMinutes, string organiser, LocalDate date)
    {
        Id = Guard.Against.Default(id);
        Name = Guard.Against.NullOrWhiteSpace(name).Trim();
        Content = Guard.Against.NullOrWhiteSpace(content).Trim();
        DurationMinutes = Guard.Against.OutOfRange(durationMinutes, nameof(durationMinutes), 1, 100_000);
        Organiser = Guard.Against.NullOrWhiteSpace(organiser).Trim();
        Date = date;
    }

    /// <summary>The record's id.</summary>
    public Guid Id { get; }

    /// <summary>The training's name.</summary>
    public string Name { get; }

    /// <summary>What it covered.</summary>
    public string Content { get; }

    /// <summary>Duration in whole minutes.</summary>
    public int DurationMinutes { get; }

    /// <summary>Who organised it.</summary>
    public string Organiser { get; }

    /// <summary>When it took place.</summary>
    public LocalDate Date { get; }
}

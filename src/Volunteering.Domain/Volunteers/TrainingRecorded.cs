using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>A training was added to a volunteer's record (see <see cref="TrainingRecord"/>).</summary>
/// <param name="VolunteerId">The volunteer.</param>
/// <param name="TrainingId">The training record's id.</param>
/// <param name="Name">The training's name.</param>
/// <param name="Content">What it covered.</param>
/// <param name="DurationMinutes">Duration in whole minutes.</param>
/// <param name="Organiser">Who organised it.</param>
/// <param name="Date">When it took place.</param>
/// <param name="At">When it was recorded.</param>
public sealed record TrainingRecorded(
    VolunteerId VolunteerId,
    Guid TrainingId,
    string Name,
    string Content,
    int DurationMinutes,
    string Organiser,
    LocalDate Date,
    Instant At) : VolunteerEvent;

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Volunteers;

/// <summary>The answer to <see cref="VolunteerRegistry.ExportAsync"/>: a code, and on <see cref="VolunteerResult.Ok"/>
/// the volunteer's unmasked personal data (exported with their consent only).</summary>
/// <param name="Code"><see cref="VolunteerResult.Ok"/> or why nothing was exported.</param>
/// <param name="Volunteer">The volunteer.</param>
/// <param name="Number">The volunteer number, or empty when not found.</param>
/// <param name="Data">The personal data on <see cref="VolunteerResult.Ok"/>; otherwise null.</param>
public sealed record VolunteerExport(VolunteerResult Code, VolunteerId Volunteer, string Number, PersonalData? Data)
{
    /// <summary>True when the data was exported.</summary>
    public bool IsSuccess => Code == VolunteerResult.Ok;
}

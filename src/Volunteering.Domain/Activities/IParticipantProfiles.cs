using Volunteering.Domain.Identity;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Domain.Activities;

/// <summary>Looks up the record fields of a volunteer that the time bank's depositor policy needs (date of birth above
/// all), so crediting does not depend on where volunteers are registered. The host app implements it over its
/// volunteer register.</summary>
public interface IParticipantProfiles
{
    /// <summary>The volunteer's profile, or null if the volunteer is unknown (then nothing is credited:
    /// <see cref="ActivityResult.ProfileNotFound"/>).</summary>
    /// <param name="volunteer">The volunteer.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    ValueTask<MemberProfile?> FindAsync(VolunteerId volunteer, CancellationToken cancellationToken = default);
}

namespace Volunteering.Domain.Organisations;

/// <summary>A volunteer's role in a <see cref="VolunteerTeam"/>.</summary>
public enum TeamRole
{
    /// <summary>A member (队员).</summary>
    Member = 1,

    /// <summary>A leader (队长 or 副队长); a team may have several.</summary>
    Leader = 2,
}

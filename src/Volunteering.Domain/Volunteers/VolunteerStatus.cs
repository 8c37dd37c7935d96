namespace Volunteering.Domain.Volunteers;

/// <summary>A volunteer's status.</summary>
public enum VolunteerStatus
{
    /// <summary>Active: may serve.</summary>
    Active = 1,

    /// <summary>Suspended (暂停): may be reinstated.</summary>
    Suspended = 2,

    /// <summary>Left (退出): final; the record and its history stay.</summary>
    Left = 3,
}

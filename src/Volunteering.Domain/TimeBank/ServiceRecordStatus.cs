namespace Volunteering.Domain.TimeBank;

/// <summary>Where a service record stands.</summary>
public enum ServiceRecordStatus
{
    /// <summary>Recorded, waiting for the recipient or witness to confirm.</summary>
    Recorded = 0,

    /// <summary>Confirmed and credited to the volunteer's account.</summary>
    Credited = 1,

    /// <summary>Refused by the recipient or witness; it never credits.</summary>
    Refused = 2,
}

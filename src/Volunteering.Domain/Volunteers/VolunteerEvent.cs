namespace Volunteering.Domain.Volunteers;

/// <summary>
/// The base of every event a <see cref="Volunteer"/> raises: immutable records kept in the volunteer's stream and never
/// edited. They reference the person by <c>VolunteerId</c> only and hold no personal fields (no name, gender, date of
/// birth, ID number, residence, phone, skills or categories: those live in the <see cref="Storage.IPersonalDataVault"/>),
/// so erasing a person never touches the stream. Members are plain serializable values only.
/// </summary>
public abstract record VolunteerEvent;

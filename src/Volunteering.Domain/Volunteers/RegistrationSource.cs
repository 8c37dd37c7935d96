namespace Volunteering.Domain.Volunteers;

/// <summary>Who entered a volunteer's registration.</summary>
public enum RegistrationSource
{
    /// <summary>The volunteer themself.</summary>
    Self = 1,

    /// <summary>An organisation (a practice unit), with the volunteer's recorded consent.</summary>
    Organisation = 2,
}

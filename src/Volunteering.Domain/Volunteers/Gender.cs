namespace Volunteering.Domain.Volunteers;

/// <summary>A volunteer's gender (性别), as the national record lists it.</summary>
public enum Gender
{
    /// <summary>Not stated.</summary>
    NotStated = 0,

    /// <summary>Male (男).</summary>
    Male = 1,

    /// <summary>Female (女).</summary>
    Female = 2,
}

namespace Volunteering.Domain.Aid;

/// <summary>Who a beneficiary is: a household, or an individual (a student, a child).</summary>
public enum BeneficiaryKind
{
    /// <summary>A household (户), counted in "households helped"; its size is its number of members.</summary>
    Household = 1,

    /// <summary>A student, counted in "individuals helped" and "students funded"; the school is recorded.</summary>
    Student = 2,

    /// <summary>A child, counted in "individuals helped"; the beneficiary of micro-wishes (微心愿).</summary>
    Child = 3,
}

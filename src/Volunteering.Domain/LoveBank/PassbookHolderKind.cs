namespace Volunteering.Domain.LoveBank;

/// <summary>Who a passbook belongs to. Schemes differ: some keep one passbook per person, others one per household
/// (爱心家庭); a scheme may use both.</summary>
public enum PassbookHolderKind
{
    /// <summary>One person (the holder id is their <see cref="Identity.VolunteerId"/>).</summary>
    Person = 0,

    /// <summary>One household (the holder id is the host app's household id).</summary>
    Household = 1,
}

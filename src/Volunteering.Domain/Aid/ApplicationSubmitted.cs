using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>An application was submitted (the first event of every application stream).</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Programme">The programme applied to.</param>
/// <param name="Beneficiary">The beneficiary's id.</param>
/// <param name="BeneficiaryKind">Household, student or child.</param>
/// <param name="MaskedName">The beneficiary's name, masked (<c>王*明</c>).</param>
/// <param name="HouseholdSize">Household members.</param>
/// <param name="Community">The community.</param>
/// <param name="Category">The hardship category.</param>
/// <param name="School">For a student, the school; otherwise null.</param>
/// <param name="Cause">The cause code.</param>
/// <param name="Requested">The amount asked for.</param>
/// <param name="Handler">The member of staff handling it.</param>
/// <param name="RelatedStaff">The member of staff the applicant is a relative of, or null.</param>
/// <param name="IsUrgent">Whether it is urgent aid.</param>
/// <param name="At">When.</param>
public sealed record ApplicationSubmitted(
    AidApplicationId ApplicationId,
    ProgrammeId Programme,
    BeneficiaryId Beneficiary,
    BeneficiaryKind BeneficiaryKind,
    string MaskedName,
    int HouseholdSize,
    string Community,
    HardshipCategory Category,
    string? School,
    string Cause,
    Money Requested,
    StaffId Handler,
    StaffId? RelatedStaff,
    bool IsUrgent,
    Instant At) : AidApplicationEvent;

using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Aid;

/// <summary>
/// Who an application (or a micro-wish) is for, as far as the aid records need to know. The full name is masked when
/// the value is made (<see cref="PersonalDataMask.Name"/>) and only the masked form is kept and stored: it is what a
/// public notice may show, with the household size and the amount. ID numbers, addresses and phone numbers are never
/// taken; the host keeps them in its own register under <see cref="Id"/>.
/// </summary>
public sealed record AidBeneficiary
{
    private AidBeneficiary(BeneficiaryId id, BeneficiaryKind kind, string maskedName, int householdSize, string community, HardshipCategory category, string? school)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "A beneficiary id must not be empty.", nameof(id));
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined beneficiary kind.");
        if (!Enum.IsDefined(category)) throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined hardship category.");
        Guard.Against.OutOfRange(householdSize, nameof(householdSize), 1, MaxHouseholdSize);
        Id = id;
        Kind = kind;
        MaskedName = Guard.Against.NullOrWhiteSpace(maskedName);
        HouseholdSize = householdSize;
        Community = Guard.Against.NullOrWhiteSpace(community).Trim();
        Category = category;
        School = school;
    }

    /// <summary>The largest household size accepted.</summary>
    public const int MaxHouseholdSize = 99;

    /// <summary>The beneficiary's id in the host's register.</summary>
    public BeneficiaryId Id { get; }

    /// <summary>A household, a student or a child.</summary>
    public BeneficiaryKind Kind { get; }

    /// <summary>The name as a public notice may show it (surname kept, the rest masked: <c>王*明</c>).</summary>
    public string MaskedName { get; }

    /// <summary>The number of household members (for an individual, the members of the household they live in); 1 or
    /// more. It sets a per-member benefit and is shown in the notice.</summary>
    public int HouseholdSize { get; }

    /// <summary>The community (社区) the beneficiary lives in.</summary>
    public string Community { get; }

    /// <summary>The hardship category recorded.</summary>
    public HardshipCategory Category { get; }

    /// <summary>For a student, the school; null otherwise.</summary>
    public string? School { get; }

    /// <summary>A household.</summary>
    /// <param name="id">Its id; not empty.</param>
    /// <param name="name">The head of household's name; masked at once, never kept in full.</param>
    /// <param name="householdSize">Members; 1 to <see cref="MaxHouseholdSize"/>.</param>
    /// <param name="community">The community; not blank.</param>
    /// <param name="category">Its hardship category.</param>
    /// <exception cref="ArgumentException">The id is empty, or the name or community blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is out of range or the category undefined.</exception>
    public static AidBeneficiary Household(BeneficiaryId id, string name, int householdSize, string community, HardshipCategory category)
        => new(id, BeneficiaryKind.Household, Mask(name), householdSize, community, category, null);

    /// <summary>A student.</summary>
    /// <param name="id">Their id; not empty.</param>
    /// <param name="name">Their name; masked at once, never kept in full.</param>
    /// <param name="householdSize">Members of their household; 1 to <see cref="MaxHouseholdSize"/>.</param>
    /// <param name="community">The community; not blank.</param>
    /// <param name="school">The school; not blank.</param>
    /// <param name="category">The household's hardship category, if any.</param>
    /// <exception cref="ArgumentException">The id is empty, or a text blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is out of range or the category undefined.</exception>
    public static AidBeneficiary Student(BeneficiaryId id, string name, int householdSize, string community, string school, HardshipCategory category = HardshipCategory.None)
        => new(id, BeneficiaryKind.Student, Mask(name), householdSize, community, category, Guard.Against.NullOrWhiteSpace(school).Trim());

    /// <summary>A child.</summary>
    /// <param name="id">Their id; not empty.</param>
    /// <param name="name">Their name; masked at once, never kept in full.</param>
    /// <param name="householdSize">Members of their household; 1 to <see cref="MaxHouseholdSize"/>.</param>
    /// <param name="community">The community; not blank.</param>
    /// <param name="category">The household's hardship category, if any.</param>
    /// <exception cref="ArgumentException">The id is empty, or a text blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The size is out of range or the category undefined.</exception>
    public static AidBeneficiary Child(BeneficiaryId id, string name, int householdSize, string community, HardshipCategory category = HardshipCategory.None)
        => new(id, BeneficiaryKind.Child, Mask(name), householdSize, community, category, null);

    /// <summary>Rebuilds a beneficiary from stored fields (the name is already masked).</summary>
    internal static AidBeneficiary Restore(BeneficiaryId id, BeneficiaryKind kind, string maskedName, int householdSize, string community, HardshipCategory category, string? school)
        => new(id, kind, maskedName, householdSize, community, category, school);

    private static string Mask(string name)
    {
        Guard.Against.NullOrWhiteSpace(name);
        return PersonalDataMask.Name(name);
    }
}

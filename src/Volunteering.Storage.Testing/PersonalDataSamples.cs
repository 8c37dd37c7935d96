using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Storage.Testing;

/// <summary>Personal data the vault conformance tests store: one value with every field set and text that is hard to
/// keep (non-ASCII, quotes, backslashes, a character outside the BMP), one with the fewest fields.</summary>
public static class PersonalDataSamples
{
    /// <summary>A value with every field set, non-ASCII text, several skills and categories in a given order.</summary>
    public static PersonalData Wang(string phone = "13900000000") => new(
        "王芳 Wang Fang",
        Gender.Female,
        new LocalDate(1970, 5, 12),
        IdDocumentType.ResidentIdCard,
        ResidentIdNumber.WithCheckCharacter("32010219700512123"),
        new ResidenceArea("南京 Nanjing", "鼓楼 Gulou", "湖南路 \"Hunan Road\""),
        phone)
    {
        Skills = ["理发 haircut", "computer help", "a\\b \u00e9 \U0001F600"],
        ServiceCategories = [ServiceCategory.ElderCare, ServiceCategory.LegalAid, new ServiceCategory("custom-7")],
    };

    /// <summary>A value with the fewest fields: no skills, no categories.</summary>
    public static PersonalData Visitor() => new("John Smith", Gender.NotStated, new LocalDate(1980, 1, 2), IdDocumentType.Passport, "E12345678", new ResidenceArea("Nanjing", "Gulou", "Hunan Road"), "+441234567890");
}

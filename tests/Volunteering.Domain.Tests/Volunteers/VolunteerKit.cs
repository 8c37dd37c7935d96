using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Tests.Volunteers;

/// <summary>Sample people and registrations.</summary>
internal static class VolunteerKit
{
    public static readonly LocalDate Day0 = new(2026, 3, 1);
    public static readonly Instant At = Instant.FromUtc(2026, 3, 1, 2, 0);
    public static readonly SchemeId Scheme = SchemeId.New();
    public static readonly ResidenceArea Home = new("Nanjing", "Gulou", "Hunan Road");

    /// <summary>A resident ID number for 12 May 1970 with a valid check character: 320102197005121237-like.</summary>
    public static readonly string WangIdNumber = ResidentIdNumber.WithCheckCharacter("32010219700512123");

    public static LocalDate Day(int n) => Day0.PlusDays(n);

    public static PersonalData Wang(string phone = "13900000000") => new("Wang Fang", Gender.Female, new LocalDate(1970, 5, 12), IdDocumentType.ResidentIdCard, WangIdNumber, Home, phone)
    {
        Skills = ["haircut", "computer help"],
        ServiceCategories = [ServiceCategory.ElderCare],
    };

    public static PersonalData Visitor() => new("John Smith", Gender.Male, new LocalDate(1980, 1, 2), IdDocumentType.Passport, "E12345678", Home, "+441234567890");

    public static VolunteerRegistration Registration(VolunteerId? id = null, string number = "GL-0001", PersonalData? data = null, UnitId? enteredBy = null, Consent? consent = null)
        => new(id ?? VolunteerId.New(), Scheme, number, data ?? Wang(), Day0, enteredBy, consent);

    public static Volunteer Registered(VolunteerRegistration? registration = null)
    {
        Assert.Equal(VolunteerResult.Ok, Volunteer.Register(registration ?? Registration(), At, out var volunteer));
        return volunteer!;
    }
}

using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;

namespace Volunteering.Domain.Tests.Organisations;

/// <summary>Small helpers for building units and teams in tests.</summary>
internal static class OrgKit
{
    public static readonly LocalDate Day0 = new(2026, 1, 1);
    public static readonly Instant At = Instant.FromUtc(2026, 1, 1, 2, 0);

    public static LocalDate Day(int n) => Day0.PlusDays(n);

    public static PracticeUnit Found(UnitLevel level, PracticeUnit? parent, int day = 0, params string[] communities)
    {
        var result = PracticeUnit.Found(UnitId.New(), $"{level} {Guid.NewGuid():N}"[..20], level, parent, communities, Day(day), At, out var unit);
        Assert.Equal(OrganisationResult.Ok, result);
        return unit!;
    }

    /// <summary>A centre, an institute under it, a station under that and a point under the station.</summary>
    public static (PracticeUnit Centre, PracticeUnit Institute, PracticeUnit Station, PracticeUnit Point) Chain()
    {
        var centre = Found(UnitLevel.Centre, null, 0, "A", "B", "C", "D");
        var institute = Found(UnitLevel.Institute, centre);
        var station = Found(UnitLevel.Station, institute, 0, "A");
        var point = Found(UnitLevel.Point, station, 0, "B");
        return (centre, institute, station, point);
    }

    public static VolunteerTeam Team(PracticeUnit unit, string brand = "Red Vest", int day = 0)
    {
        Assert.Equal(OrganisationResult.Ok, VolunteerTeam.Form(TeamId.New(), unit, ServiceCategory.LegalAid, brand, Day(day), At, out var team));
        return team!;
    }
}

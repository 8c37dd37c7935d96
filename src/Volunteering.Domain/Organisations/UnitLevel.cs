namespace Volunteering.Domain.Organisations;

/// <summary>The level of a practice unit in a district's hierarchy (新时代文明实践): a district centre at the top,
/// then institutes, stations and points. A unit's parent is always exactly one level up; a centre has no parent.</summary>
public enum UnitLevel
{
    /// <summary>A district centre (中心): the root of a district's hierarchy. Its communities are the district's.</summary>
    Centre = 1,

    /// <summary>An institute (所), usually one per street or township, under a centre.</summary>
    Institute = 2,

    /// <summary>A station (站), usually one per community, under an institute; stations are what coverage counts.</summary>
    Station = 3,

    /// <summary>A point (点) under a station: a courtyard, a market, a company. Counts for coverage only while its
    /// station is open.</summary>
    Point = 4,
}

using Volunteering.Domain.Organisations;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The record types of <see cref="PracticeUnitEvent"/> and <see cref="VolunteerTeamEvent"/>, version 1 (see
/// <c>docs/schema.md</c>).</summary>
internal static class OrganisationRecords
{
    public static RecordType<UnitFounded> UnitFounded { get; } = DomainRecord.Define<UnitFounded>(
        "unit.founded",
        ["unitId", "name", "level", "parent", "communities", "zoneId", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("unitId", e.UnitId.Value);
            w.Text("name", e.Name);
            w.Enum("level", e.Level);
            w.OptionalId("parent", e.Parent?.Value);
            w.Texts("communities", e.Communities);
            w.Text("zoneId", e.ZoneId);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new UnitFounded(
            r.UnitId("unitId"),
            r.Text("name"),
            r.Enum<UnitLevel>("level"),
            r.OptionalUnitId("parent"),
            r.Texts("communities"),
            r.Text("zoneId"),
            r.Date("effectiveFrom"),
            r.Instant("at")));

    public static RecordType<UnitRenamed> UnitRenamed { get; } = DomainRecord.Define<UnitRenamed>(
        "unit.renamed",
        ["unitId", "name", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("unitId", e.UnitId.Value);
            w.Text("name", e.Name);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new UnitRenamed(r.UnitId("unitId"), r.Text("name"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<UnitMoved> UnitMoved { get; } = DomainRecord.Define<UnitMoved>(
        "unit.moved",
        ["unitId", "parent", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("unitId", e.UnitId.Value);
            w.Id("parent", e.Parent.Value);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new UnitMoved(r.UnitId("unitId"), r.UnitId("parent"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<UnitCoverageChanged> UnitCoverageChanged { get; } = DomainRecord.Define<UnitCoverageChanged>(
        "unit.coverage-changed",
        ["unitId", "communities", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("unitId", e.UnitId.Value);
            w.Texts("communities", e.Communities);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new UnitCoverageChanged(r.UnitId("unitId"), r.Texts("communities"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<UnitClosed> UnitClosed { get; } = DomainRecord.Define<UnitClosed>(
        "unit.closed",
        ["unitId", "reason", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("unitId", e.UnitId.Value);
            w.Text("reason", e.Reason);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new UnitClosed(r.UnitId("unitId"), r.Text("reason"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<TeamFormed> TeamFormed { get; } = DomainRecord.Define<TeamFormed>(
        "team.formed",
        ["teamId", "unit", "category", "brandName", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("teamId", e.TeamId.Value);
            w.Id("unit", e.Unit.Value);
            w.Category("category", e.Category);
            w.Text("brandName", e.BrandName);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new TeamFormed(r.TeamId("teamId"), r.UnitId("unit"), r.Category("category"), r.Text("brandName"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<TeamMemberJoined> TeamMemberJoined { get; } = DomainRecord.Define<TeamMemberJoined>(
        "team.member-joined",
        ["teamId", "volunteer", "role", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("teamId", e.TeamId.Value);
            w.Id("volunteer", e.Volunteer.Value);
            w.Enum("role", e.Role);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new TeamMemberJoined(r.TeamId("teamId"), r.VolunteerId("volunteer"), r.Enum<TeamRole>("role"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<TeamMemberRoleChanged> TeamMemberRoleChanged { get; } = DomainRecord.Define<TeamMemberRoleChanged>(
        "team.member-role-changed",
        ["teamId", "volunteer", "role", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("teamId", e.TeamId.Value);
            w.Id("volunteer", e.Volunteer.Value);
            w.Enum("role", e.Role);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new TeamMemberRoleChanged(r.TeamId("teamId"), r.VolunteerId("volunteer"), r.Enum<TeamRole>("role"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<TeamMemberLeft> TeamMemberLeft { get; } = DomainRecord.Define<TeamMemberLeft>(
        "team.member-left",
        ["teamId", "volunteer", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("teamId", e.TeamId.Value);
            w.Id("volunteer", e.Volunteer.Value);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new TeamMemberLeft(r.TeamId("teamId"), r.VolunteerId("volunteer"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<TeamDisbanded> TeamDisbanded { get; } = DomainRecord.Define<TeamDisbanded>(
        "team.disbanded",
        ["teamId", "reason", "effectiveFrom", "at"],
        static (w, e) =>
        {
            w.Id("teamId", e.TeamId.Value);
            w.Text("reason", e.Reason);
            w.Date("effectiveFrom", e.EffectiveFrom);
            w.Instant("at", e.At);
        },
        static r => new TeamDisbanded(r.TeamId("teamId"), r.Text("reason"), r.Date("effectiveFrom"), r.Instant("at")));

    public static IReadOnlyList<RecordType> All { get; } =
    [
        UnitFounded, UnitRenamed, UnitMoved, UnitCoverageChanged, UnitClosed,
        TeamFormed, TeamMemberJoined, TeamMemberRoleChanged, TeamMemberLeft, TeamDisbanded,
    ];
}

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="TeamId"/> as its GUID string.</summary>
internal sealed class TeamIdJsonConverter : GuidIdJsonConverter<TeamId>
{
    protected override TeamId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(TeamId value) => value.Value;
}

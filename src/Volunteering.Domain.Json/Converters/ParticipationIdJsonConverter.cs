using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="ParticipationId"/> as its GUID string.</summary>
internal sealed class ParticipationIdJsonConverter : GuidIdJsonConverter<ParticipationId>
{
    protected override ParticipationId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(ParticipationId value) => value.Value;
}

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="SchemeId"/> as its GUID string.</summary>
internal sealed class SchemeIdJsonConverter : GuidIdJsonConverter<SchemeId>
{
    protected override SchemeId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(SchemeId value) => value.Value;
}

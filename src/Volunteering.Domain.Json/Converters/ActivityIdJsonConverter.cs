using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="ActivityId"/> as its GUID string.</summary>
internal sealed class ActivityIdJsonConverter : GuidIdJsonConverter<ActivityId>
{
    protected override ActivityId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(ActivityId value) => value.Value;
}

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="VolunteerId"/> as its GUID string.</summary>
internal sealed class VolunteerIdJsonConverter : GuidIdJsonConverter<VolunteerId>
{
    protected override VolunteerId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(VolunteerId value) => value.Value;
}

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="OutletId"/> as its GUID string.</summary>
internal sealed class OutletIdJsonConverter : GuidIdJsonConverter<OutletId>
{
    protected override OutletId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(OutletId value) => value.Value;
}

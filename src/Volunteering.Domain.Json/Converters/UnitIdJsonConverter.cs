using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="UnitId"/> as its GUID string.</summary>
internal sealed class UnitIdJsonConverter : GuidIdJsonConverter<UnitId>
{
    protected override UnitId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(UnitId value) => value.Value;
}

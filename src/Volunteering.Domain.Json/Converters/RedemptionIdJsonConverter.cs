using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="RedemptionId"/> as its GUID string.</summary>
internal sealed class RedemptionIdJsonConverter : GuidIdJsonConverter<RedemptionId>
{
    protected override RedemptionId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(RedemptionId value) => value.Value;
}

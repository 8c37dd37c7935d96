using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="ServiceRecordId"/> as its GUID string.</summary>
internal sealed class ServiceRecordIdJsonConverter : GuidIdJsonConverter<ServiceRecordId>
{
    protected override ServiceRecordId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(ServiceRecordId value) => value.Value;
}

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="PassbookId"/> as its GUID string.</summary>
internal sealed class PassbookIdJsonConverter : GuidIdJsonConverter<PassbookId>
{
    protected override PassbookId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(PassbookId value) => value.Value;
}

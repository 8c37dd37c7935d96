using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="CatalogueItemId"/> as its GUID string.</summary>
internal sealed class CatalogueItemIdJsonConverter : GuidIdJsonConverter<CatalogueItemId>
{
    protected override CatalogueItemId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(CatalogueItemId value) => value.Value;
}

using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="TransferId"/> as its GUID string.</summary>
internal sealed class TransferIdJsonConverter : GuidIdJsonConverter<TransferId>
{
    protected override TransferId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(TransferId value) => value.Value;
}

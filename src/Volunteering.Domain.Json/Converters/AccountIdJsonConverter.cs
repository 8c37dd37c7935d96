using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Json.Converters;

/// <summary>A <see cref="AccountId"/> as its GUID string.</summary>
internal sealed class AccountIdJsonConverter : GuidIdJsonConverter<AccountId>
{
    protected override AccountId FromGuid(Guid value) => new(value);

    protected override Guid ToGuid(AccountId value) => value.Value;
}

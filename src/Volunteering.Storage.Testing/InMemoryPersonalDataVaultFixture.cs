using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>The fixture for the reference vault, <see cref="InMemoryPersonalDataVault"/>: a new instance per vault;
/// reopening returns the same instance.</summary>
public sealed class InMemoryPersonalDataVaultFixture : PersonalDataVaultFixture
{
    /// <inheritdoc />
    protected override Task<IPersonalDataVault> OpenNewVaultAsync() => Task.FromResult<IPersonalDataVault>(new InMemoryPersonalDataVault());
}

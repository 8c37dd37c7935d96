using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>
/// What <see cref="PersonalDataVaultConformanceTests{TFixture}"/> needs from an adapter's test project: fresh vaults, and
/// a way to reopen one. Taken as an xunit class fixture, so it must have a public parameterless constructor. Derive
/// from <see cref="PersonalDataVaultFixture"/> to get the bookkeeping for free.
/// </summary>
public interface IPersonalDataVaultFixture
{
    /// <summary>A new, empty vault, independent of every other vault this fixture created.</summary>
    /// <returns>The vault.</returns>
    Task<IPersonalDataVault> CreateVaultAsync();

    /// <summary>Closes <paramref name="vault"/> and opens its data again, as a process restart would (a vault that
    /// keeps nothing outside the instance returns the same instance). The kit does not use <paramref name="vault"/>
    /// again after this call.</summary>
    /// <param name="vault">A vault this fixture created (or reopened).</param>
    /// <returns>The reopened vault.</returns>
    Task<IPersonalDataVault> ReopenAsync(IPersonalDataVault vault);
}

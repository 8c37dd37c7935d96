using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>
/// A base for vault fixtures: implement <see cref="OpenNewVaultAsync"/> (and <see cref="ReopenVaultAsync"/> for a
/// durable vault). Every vault handed out and not replaced by a reopen is disposed when xunit disposes the fixture.
/// </summary>
public abstract class PersonalDataVaultFixture : IPersonalDataVaultFixture, IAsyncLifetime
{
    private readonly OpenInstances<IPersonalDataVault> _open = new();

    /// <inheritdoc />
    public async Task<IPersonalDataVault> CreateVaultAsync()
    {
        var vault = await OpenNewVaultAsync().ConfigureAwait(false) ?? throw new InvalidOperationException($"{GetType().Name}.OpenNewVaultAsync returned null.");
        _open.Add(vault);
        return vault;
    }

    /// <inheritdoc />
    public async Task<IPersonalDataVault> ReopenAsync(IPersonalDataVault vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var reopened = await ReopenVaultAsync(vault).ConfigureAwait(false) ?? throw new InvalidOperationException($"{GetType().Name}.ReopenVaultAsync returned null.");
        _open.Replace(vault, reopened);

        return reopened;
    }

    /// <summary>Runs before the first test of the class; does nothing unless overridden.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposes every vault handed out. Override to clean up more, and call the base first.</summary>
    public virtual Task DisposeAsync() => _open.DisposeAllAsync();

    /// <summary>Creates a new, empty vault.</summary>
    /// <returns>The vault.</returns>
    protected abstract Task<IPersonalDataVault> OpenNewVaultAsync();

    /// <summary>Closes <paramref name="vault"/> and opens a new instance over the same data; the default returns the
    /// vault itself, right only for vaults that keep nothing outside the instance.</summary>
    /// <param name="vault">A vault this fixture handed out.</param>
    /// <returns>The reopened vault.</returns>
    protected virtual Task<IPersonalDataVault> ReopenVaultAsync(IPersonalDataVault vault) => Task.FromResult(vault);
}

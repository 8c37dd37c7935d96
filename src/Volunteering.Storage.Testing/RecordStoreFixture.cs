using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>
/// A base for adapter fixtures: implement <see cref="OpenNewStoreAsync"/> (and <see cref="ReopenStoreAsync"/> for a
/// durable store). The base keeps every store it handed out and disposes each one that is
/// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/> when xunit disposes the fixture, after the last test of
/// the class.
/// </summary>
/// <example>
/// A fixture for a store kept in one file per store (<c>FileRecordStore</c> stands for the adapter's own type):
/// <code>
/// public sealed class FileStoreFixture : RecordStoreFixture
/// {
///     private readonly string _folder = Directory.CreateTempSubdirectory("kit-").FullName;
///
///     protected override async Task&lt;IRecordStore&gt; OpenNewStoreAsync()
///         =&gt; await FileRecordStore.OpenAsync(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));
///
///     protected override async Task&lt;IRecordStore&gt; ReopenStoreAsync(IRecordStore store)
///     {
///         var file = (FileRecordStore)store;
///         await file.DisposeAsync();
///         return await FileRecordStore.OpenAsync(file.FilePath);
///     }
///
///     public override async Task DisposeAsync()
///     {
///         await base.DisposeAsync();
///         Directory.Delete(_folder, recursive: true);
///     }
/// }
/// </code>
/// </example>
public abstract class RecordStoreFixture : IRecordStoreFixture, IAsyncLifetime
{
    private readonly OpenInstances<IRecordStore> _open = new();

    /// <inheritdoc />
    public async Task<IRecordStore> CreateStoreAsync()
    {
        var store = await OpenNewStoreAsync().ConfigureAwait(false) ?? throw new InvalidOperationException($"{GetType().Name}.OpenNewStoreAsync returned null.");
        _open.Add(store);
        return store;
    }

    /// <inheritdoc />
    public async Task<IRecordStore> ReopenAsync(IRecordStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reopened = await ReopenStoreAsync(store).ConfigureAwait(false) ?? throw new InvalidOperationException($"{GetType().Name}.ReopenStoreAsync returned null.");
        _open.Replace(store, reopened);

        return reopened;
    }

    /// <summary>Runs before the first test of the class; does nothing unless overridden.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Runs after the last test of the class: disposes every store handed out and not replaced by a reopen.
    /// Override to clean up more (a temporary folder, a database), and call the base first.</summary>
    public virtual Task DisposeAsync() => _open.DisposeAllAsync();

    /// <summary>Creates a new, empty store (see <see cref="IRecordStoreFixture.CreateStoreAsync"/>).</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IRecordStore> OpenNewStoreAsync();

    /// <summary>Closes <paramref name="store"/> (dispose it here) and opens a new instance over the same data (see
    /// <see cref="IRecordStoreFixture.ReopenAsync"/>). The default returns <paramref name="store"/> itself, which is
    /// right only for stores that keep nothing outside the instance.</summary>
    /// <param name="store">A store this fixture handed out.</param>
    /// <returns>The reopened store.</returns>
    protected virtual Task<IRecordStore> ReopenStoreAsync(IRecordStore store) => Task.FromResult(store);
}

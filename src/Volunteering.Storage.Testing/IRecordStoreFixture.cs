using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>
/// What the conformance kit needs from an adapter's test project: fresh stores, and a way to reopen one. Every kit
/// class takes the fixture as an xunit class fixture (<see cref="IClassFixture{TFixture}"/>), so it must have a public
/// parameterless constructor; it may implement <see cref="IAsyncLifetime"/> or <see cref="IDisposable"/> to set up and
/// clean up (a database server, a temporary folder). Derive from <see cref="RecordStoreFixture"/> to get the
/// bookkeeping for free.
/// </summary>
public interface IRecordStoreFixture
{
    /// <summary>A new, empty store, independent of every other store this fixture created: no records, no keys, no
    /// snapshots, position 0. Called by every test that needs a store, sometimes several times in one test.</summary>
    /// <returns>The store.</returns>
    Task<IRecordStore> CreateStoreAsync();

    /// <summary>Closes <paramref name="store"/> and opens its data again, as a process restart would: a durable store
    /// returns a new instance over the same file or database, so the kit can check that everything written survives;
    /// a store that keeps nothing (<see cref="InMemoryRecordStore"/>) returns the same instance. The kit does not use
    /// <paramref name="store"/> again after this call.</summary>
    /// <param name="store">A store this fixture created (or reopened).</param>
    /// <returns>The reopened store.</returns>
    Task<IRecordStore> ReopenAsync(IRecordStore store);
}

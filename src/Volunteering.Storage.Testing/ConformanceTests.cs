using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>
/// The base of every conformance class: holds the fixture xunit injects. Subclass the concrete conformance classes
/// (<see cref="AppendConformanceTests{TFixture}"/> and the others listed by <see cref="ConformanceSuite.Classes"/>), not
/// this one.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
public abstract class ConformanceTests<TFixture> : IClassFixture<TFixture>
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>Keeps the fixture.</summary>
    /// <param name="fixture">The fixture xunit created for the test class.</param>
    protected ConformanceTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>The adapter's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>A fresh, empty store from the fixture; checked to be empty before it is used.</summary>
    protected async Task<IRecordStore> CreateStoreAsync()
    {
        var store = await Fixture.CreateStoreAsync().ConfigureAwait(false);
        Assert.NotNull(store);
        var position = await store.GetPositionAsync().ConfigureAwait(false);
        Assert.True(position == 0, $"{typeof(TFixture).Name}.CreateStoreAsync returned a store at position {position}; every call must give a new, empty store.");
        return store;
    }

    /// <summary>The store reopened by the fixture (the same instance for stores that keep nothing).</summary>
    /// <param name="store">The store; not used again by the caller.</param>
    protected async Task<IRecordStore> ReopenAsync(IRecordStore store)
    {
        var reopened = await Fixture.ReopenAsync(store).ConfigureAwait(false);
        Assert.NotNull(reopened);
        return reopened;
    }
}

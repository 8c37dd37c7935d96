using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing;

/// <summary>The fixture for the reference store, <see cref="InMemoryRecordStore"/>: a new instance per store;
/// reopening returns the same instance (nothing outlives it). The kit's own tests run every class with it, and an
/// adapter author can run it next to their own fixture to see what the reference does.</summary>
public sealed class InMemoryRecordStoreFixture : RecordStoreFixture
{
    /// <inheritdoc />
    protected override Task<IRecordStore> OpenNewStoreAsync() => Task.FromResult<IRecordStore>(new InMemoryRecordStore());
}

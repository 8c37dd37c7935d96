using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The conformance kit's fixture for the SQLite store, set up as an outside integrator would: every store is a
/// new file, with the default options, in a temporary folder that is deleted with the fixture.</summary>
public sealed class SqliteStoreFixture : RecordStoreFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("volunteering-sqlite-kit-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override async Task<IRecordStore> OpenNewStoreAsync()
        => await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")));

    protected override async Task<IRecordStore> ReopenStoreAsync(IRecordStore store)
    {
        var sqlite = (SqliteRecordStore)store;
        await sqlite.DisposeAsync();
        return await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(sqlite.FilePath));
    }
}

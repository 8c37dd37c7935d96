using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The vault kit's fixture for <see cref="SqlitePersonalDataVault"/>: every vault is a new file with the
/// default options in a temporary folder deleted with the fixture; reopening closes the vault and opens the file
/// again.</summary>
public sealed class SqliteVaultFixture : PersonalDataVaultFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("volunteering-sqlite-vault-").FullName;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override async Task<IPersonalDataVault> OpenNewVaultAsync()
        => await SqlitePersonalDataVault.OpenAsync(new SqliteStoreOptions(Path.Combine(_folder, $"{Guid.NewGuid():N}.db")));

    protected override async Task<IPersonalDataVault> ReopenVaultAsync(IPersonalDataVault vault)
    {
        var sqlite = (SqlitePersonalDataVault)vault;
        await sqlite.DisposeAsync();
        return await SqlitePersonalDataVault.OpenAsync(new SqliteStoreOptions(sqlite.FilePath));
    }
}

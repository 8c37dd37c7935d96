using System.Text;
using Volunteering.Domain.Identity;
using Volunteering.Storage.Testing;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>What the SQLite vault does with the bytes of the file: secure deletion on its own connection, erased and
/// replaced values gone from the main file and the WAL, and a store and a vault sharing one file.</summary>
public sealed class VaultFileTests
{
    private const string Marker = "QZXV-ERASE-ME";

    [Fact]
    public async Task The_vault_connection_deletes_securely_and_the_store_connection_does_not()
    {
        using var folder = new TempFolder();
        var file = folder.File("pragmas.db");
        await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file));
        await using var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file));

        Assert.Equal(1L, vault.ReadPragma("secure_delete"));
        Assert.Equal(0L, store.ReadWriterPragma("secure_delete"));
        Assert.Equal("wal", vault.ReadPragma("journal_mode"));
    }

    [Fact]
    public async Task Erased_bytes_are_gone_from_the_main_file_and_the_WAL_once_the_erase_returns()
    {
        using var folder = new TempFolder();
        var file = folder.File("erase.db");
        await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file));
        await using var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file));
        var wang = VolunteerId.New();
        var neighbour = VolunteerId.New();
        var marked = PersonalDataSamples.Wang("139" + Marker) with { Skills = [Marker + " skill"] };
        await vault.PutAsync(neighbour, PersonalDataSamples.Visitor()); // keeps the page in use after the erase
        await vault.PutAsync(wang, marked);

        // The control: the test can see the bytes while they are there.
        Assert.True(vault.Checkpoint());
        Assert.True(Contains(File.ReadAllBytes(file), Marker), "the marker should be in the main file before the erase");

        Assert.True(await vault.EraseAsync(wang));

        Assert.False(Contains(File.ReadAllBytes(file), Marker), "the erased value is still in the main file");
        Assert.False(File.Exists(file + "-wal") && Contains(File.ReadAllBytes(file + "-wal"), Marker), "the erased value is still in the WAL");
        Assert.Equal(PersonalDataSamples.Visitor(), await vault.GetAsync(neighbour));
    }

    [Fact]
    public async Task A_replaced_value_leaves_no_old_bytes_in_the_file_after_a_checkpoint()
    {
        using var folder = new TempFolder();
        var file = folder.File("replace.db");
        await using var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file));
        var wang = VolunteerId.New();
        await vault.PutAsync(wang, PersonalDataSamples.Wang("139" + Marker));
        Assert.True(vault.Checkpoint());
        Assert.True(Contains(File.ReadAllBytes(file), Marker));

        await vault.PutAsync(wang, PersonalDataSamples.Wang("13900000000"));
        Assert.True(vault.Checkpoint());

        Assert.False(Contains(File.ReadAllBytes(file), Marker), "the replaced phone number is still in the main file");
        Assert.Equal(0, File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
    }

    [Fact]
    public async Task A_store_and_a_vault_share_a_file_and_personal_data_never_enters_the_records_table()
    {
        using var folder = new TempFolder();
        var file = folder.File("shared.db");
        var wang = VolunteerId.New();
        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)))
        {
            await vault.PutAsync(wang, PersonalDataSamples.Wang());
        }

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)))
        {
            Assert.Equal(0, await store.GetPositionAsync());
            Assert.Equal(PersonalDataSamples.Wang(), await vault.GetAsync(wang));
        }

        using var connection = SchemaTests.OpenRaw(file);
        Assert.Equal(0L, SchemaTests.Scalar(connection, "SELECT count(*) FROM records"));
        Assert.Equal("volunteer.personal-data", SchemaTests.Scalar(connection, "SELECT type FROM personal_data"));
        Assert.Equal(1L, SchemaTests.Scalar(connection, "SELECT schema_version FROM personal_data"));
        var subject = (byte[])SchemaTests.Scalar(connection, "SELECT subject_id FROM personal_data")!;
        Assert.Equal(wang.Value, new Guid(subject, bigEndian: true));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", (string)SchemaTests.Scalar(connection, "SELECT updated_at FROM personal_data")!);
    }

    [Fact]
    public async Task A_damaged_row_is_refused_as_a_format_error_naming_the_field()
    {
        using var folder = new TempFolder();
        var file = folder.File("damaged.db");
        var wang = VolunteerId.New();
        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)))
        {
            await vault.PutAsync(wang, PersonalDataSamples.Wang());
        }

        using (var connection = SchemaTests.OpenRaw(file))
        {
            SchemaTests.Execute(connection, "UPDATE personal_data SET data = CAST(replace(CAST(data AS TEXT), '\"gender\":\"Female\"', '\"gender\":\"Unknown\"') AS BLOB)");
        }

        await using (var vault = await SqlitePersonalDataVault.OpenAsync(TestLedger.Options(file)))
        {
            var ex = await Assert.ThrowsAsync<Domain.Storage.RecordFormatException>(async () => await vault.GetAsync(wang));
            Assert.Equal("$.gender", ex.Path);
        }
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}

using Microsoft.Data.Sqlite;
using Volunteering.Cli;

namespace Volunteering.Cli.Tests;

/// <summary>The command line on a real SQLite file: demo twice, verify clean, verify a damaged file, usage errors.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("volunteering-cli-").FullName;

    private string StorePath => Path.Combine(_dir, "gulou.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Demo_twice_on_a_file_continues_from_the_saved_balances_and_verify_finds_it_clean()
    {
        var (code1, out1, _) = await RunAsync("demo", "--store", StorePath);
        Assert.True(code1 == 0, out1);
        Assert.Contains("0 journal entries on file; this is the story of 2026.", out1, StringComparison.Ordinal);

        var (code2, out2, _) = await RunAsync("demo", "--store", StorePath);
        Assert.True(code2 == 0, out2);
        // 18 entries from the time bank's story, 15 from the station month's credits and correction, 13 from the aid
        // round (the fund, the donor's and two households' accounts, the donation, seven payments and a reversal) and 35
        // from the love supermarket (7 system accounts, passbook and item accounts, restocks, grants, awards, the
        // reservation and its fulfilment).
        Assert.Contains("81 journal entries on file; this is the story of 2027.", out2, StringComparison.Ordinal);
        Assert.Contains("Wang Fang          8.6h  (account version 5)", out2, StringComparison.Ordinal);
        Assert.Contains("[ok] Wang Fang holds 22.2h", out2, StringComparison.Ordinal);

        // The station's month is played again for the new year: new ids, numbers starting again at 1.
        Assert.Contains("[ok] certificate for Li Na: GLHN-2026-000001: 5 h over 2 activities", out1, StringComparison.Ordinal);
        Assert.Contains("7. A practice station's month: Hunan Road station, May 2027", out2, StringComparison.Ordinal);
        Assert.Contains("[ok] Li Na (28) registered as GL2027-0002", out2, StringComparison.Ordinal);
        Assert.Contains("[ok] certificate for Zhou Min: GLHN-2027-000003: 4.5 h over 2 activities", out2, StringComparison.Ordinal);
        Assert.DoesNotContain("[UNEXPECTED]", out2, StringComparison.Ordinal);

        var (code3, out3, _) = await RunAsync("verify", "--store", StorePath);
        Assert.Equal(0, code3);
        // Each run's station month adds 15 journal entries (credits, a repeat that adds nothing, a correction's reversal
        // and new credit), 4 member accounts (its volunteers are new each year) and its unit, team, volunteer, activity
        // and certificate records; each run's aid round adds 13 journal entries, 4 money accounts (the year's fund, donor
        // and two households) and its programme and application records; each run's love supermarket adds 28 journal
        // entries after the first run's 35 (whose 7 more open the scheme's system accounts).
        Assert.Contains("Journal entries: 147; accounts: 63; records in the store: 395.", out3, StringComparison.Ordinal);
        Assert.Contains("[ok] the store passes the ledger audit again (106 entries)", out2, StringComparison.Ordinal);
        Assert.Contains("[ok] the store passes the ledger audit (119 entries)", out2, StringComparison.Ordinal);
        Assert.Contains("17. The station's love supermarket (爱心超市), September 2027: a household earns points and redeems them", out2, StringComparison.Ordinal);
        Assert.Contains("[ok] the passbook holds 20 + 2 + 2 + 6 = 30 points", out2, StringComparison.Ordinal);
        Assert.Contains("[ok] the passbook and its ledger account agree, and every asset's balances still sum to zero", out2, StringComparison.Ordinal);
        Assert.Contains("Volunteers credited in earlier station months hold 22.5h.", out2, StringComparison.Ordinal);
        Assert.Contains("Every invariant holds", out3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_file_whose_journal_was_edited_behind_the_librarys_back()
    {
        Assert.Equal(0, (await RunAsync("demo", "--store", StorePath)).Code);
        SqliteConnection.ClearAllPools();

        // Someone edits the 3 h deposit (180 minutes) to 181 minutes directly in the file.
        using (var connection = new SqliteConnection($"Data Source={StorePath}"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = """
                UPDATE records SET data = CAST(replace(CAST(data AS TEXT), '"amount":180,', '"amount":181,') AS BLOB)
                WHERE CAST(data AS TEXT) LIKE '%"amount":180,%'
                """;
            Assert.True(edit.ExecuteNonQuery() >= 1);
        }

        SqliteConnection.ClearAllPools();
        var (code, output, _) = await RunAsync("verify", "--store", StorePath);
        Assert.Equal(1, code);
        Assert.Contains("violation(s)", output, StringComparison.Ordinal);
        Assert.Contains("The journal does not replay", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_without_a_store_file_says_so_and_creates_nothing()
    {
        var (code, _, error) = await RunAsync("verify", "--store", StorePath);
        Assert.Equal(2, code);
        Assert.Contains("No store at", error, StringComparison.Ordinal);
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public async Task Demo_in_memory_keeps_nothing()
    {
        var (code, output, _) = await RunAsync("demo", "--in-memory");
        Assert.True(code == 0, output);
        Assert.Contains("Store: memory (nothing is kept)", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("demo", "--store")]
    [InlineData("verify", "--in-memory")]
    [InlineData("demo", "--in-memory", "--store", "x.db")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Commands.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

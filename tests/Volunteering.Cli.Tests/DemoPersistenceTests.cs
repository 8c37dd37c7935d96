using Volunteering.Cli;
using Volunteering.Domain.Storage;

namespace Volunteering.Cli.Tests;

/// <summary>The demo saved to a store and played again on it: the second run starts from the first run's balances.</summary>
public class DemoPersistenceTests
{
    [Fact]
    public async Task A_second_run_on_the_same_store_starts_from_the_saved_balances()
    {
        var store = new InMemoryRecordStore();
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.Equal(0, await Demo.RunAsync(first, store, "test store"));
        var afterFirst = await store.GetStreamVersionAsync(LedgerStreams.Journal);
        Assert.Equal(0, await Demo.RunAsync(second, store, "test store"));

        var one = first.ToString();
        var two = second.ToString();
        Assert.Contains("0 journal entries on file; this is the story of 2026.", one, StringComparison.Ordinal);
        Assert.Contains("[ok] Wang Fang holds 13.6h", one, StringComparison.Ordinal);
        Assert.Contains($"{afterFirst} journal entries on file; this is the story of 2027.", two, StringComparison.Ordinal);

        // The first run leaves Wang Fang 8.6 h (13.6 h earned, 5 h given to her mother). The second run reads that from
        // the store before it starts, earns the same 13.6 h on top, and gives 5 h again.
        Assert.Contains("Wang Fang          8.6h", Section(one, "Balances on file after this run"), StringComparison.Ordinal);
        Assert.Contains("Wang Fang          8.6h  (account version 5)", Section(two, "Balances on file before this run"), StringComparison.Ordinal);
        Assert.Contains("[ok] Wang Fang holds 22.2h", two, StringComparison.Ordinal);
        Assert.Contains("Wang Fang         17.2h  (account version 9)", Section(two, "Balances on file after this run"), StringComparison.Ordinal);
        Assert.Contains("[ok] the store's audit is clean", two, StringComparison.Ordinal);
        Assert.DoesNotContain("[UNEXPECTED]", two, StringComparison.Ordinal);
        Assert.True((await LedgerAudit.VerifyAsync(store)).IsClean);
    }

    private static string Section(string text, string title)
    {
        var start = text.IndexOf(title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section \"{title}\".");
        var end = text.IndexOf(Environment.NewLine + Environment.NewLine, start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }
}

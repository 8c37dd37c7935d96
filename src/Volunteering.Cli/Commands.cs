using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite;

namespace Volunteering.Cli;

/// <summary>The reference app's commands: <c>demo</c> plays the time bank's story on a store, <c>verify</c> audits a
/// store. The store is a SQLite file, <c>volunteering.db</c> in the working directory unless <c>--store</c> names
/// another; <c>demo --in-memory</c> keeps nothing.</summary>
public static class Commands
{
    /// <summary>The file used when <c>--store</c> is not given.</summary>
    public const string DefaultStorePath = "volunteering.db";

    /// <summary>Runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where usage errors go.</param>
    /// <returns>0 on success; 1 when the demo met something unexpected or the audit found a violation; 2 for a usage
    /// error or a missing store.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["--help"] or ["-h"] or ["help"]) return Usage(output, 0);
        if (args is []) args = ["demo"];

        var command = args[0];
        string? path = null;
        var inMemory = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--store" when i + 1 < args.Length:
                    path = args[++i];
                    break;
                case "--in-memory" when command == "demo":
                    inMemory = true;
                    break;
                default:
                    error.WriteLine($"Unknown or incomplete option '{args[i]}'.");
                    return Usage(error, 2);
            }
        }

        if (inMemory && path is not null)
        {
            error.WriteLine("Use either --store or --in-memory, not both.");
            return 2;
        }

        path ??= DefaultStorePath;
        switch (command)
        {
            case "demo" when inMemory:
                return await Demo.RunAsync(output, new InMemoryRecordStore(), "memory (nothing is kept)").ConfigureAwait(false);
            case "demo":
            {
                await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(path)).ConfigureAwait(false);
                return await Demo.RunAsync(output, store, Path.GetFullPath(path)).ConfigureAwait(false);
            }

            case "verify":
            {
                if (!File.Exists(path))
                {
                    error.WriteLine($"No store at {Path.GetFullPath(path)}.");
                    return 2;
                }

                await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(path)).ConfigureAwait(false);
                return await VerifyAsync(output, store, Path.GetFullPath(path)).ConfigureAwait(false);
            }

            default:
                error.WriteLine($"Unknown command '{command}'.");
                return Usage(error, 2);
        }
    }

    /// <summary>Audits the ledger in <paramref name="store"/> and prints the report.</summary>
    /// <param name="output">Where the report goes.</param>
    /// <param name="store">The store.</param>
    /// <param name="storeName">How to name the store.</param>
    /// <returns>0 when clean, 1 when a violation was found.</returns>
    public static async Task<int> VerifyAsync(TextWriter output, IRecordStore store, string storeName)
    {
        ArgumentNullException.ThrowIfNull(output);
        var report = await LedgerAudit.VerifyAsync(store).ConfigureAwait(false);
        output.WriteLine($"Store: {storeName}");
        output.WriteLine($"Journal entries: {report.Entries}; accounts: {report.Accounts}; records in the store: {await store.GetPositionAsync().ConfigureAwait(false)}.");
        if (report.IsClean)
        {
            output.WriteLine("Every invariant holds: balances sum to zero per asset, no account past its limits, each transfer once, account histories and balances agree with the journal.");
            return 0;
        }

        output.WriteLine($"{report.Violations.Count} violation(s){(report.Violations.Count >= LedgerAudit.MaxViolations ? " (list truncated)" : string.Empty)}:");
        foreach (var v in report.Violations) output.WriteLine("  " + v);
        return 1;
    }

    private static int Usage(TextWriter writer, int code)
    {
        writer.WriteLine("volunteering — reference app for Volunteering.Domain");
        writer.WriteLine();
        writer.WriteLine("usage: volunteering demo [--store PATH | --in-memory]");
        writer.WriteLine("           play a time bank's story end to end, saved to a SQLite store (default ./volunteering.db);");
        writer.WriteLine("           run it again to continue from the balances on file");
        writer.WriteLine("       volunteering verify [--store PATH]");
        writer.WriteLine("           audit a store's ledger and report any broken invariant (exit 1 if one is found)");
        return code;
    }
}

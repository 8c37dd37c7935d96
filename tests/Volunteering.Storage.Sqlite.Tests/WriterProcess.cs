using Volunteering.Domain.Identity;
using Volunteering.Storage.Sqlite.CrashWriter;
using Volunteering.Storage.TestWriters;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary><c>Volunteering.Storage.Sqlite.CrashWriter</c> as a child process (see <see cref="WriterProcess"/>) and
/// the acknowledgements it prints.</summary>
internal static class CrashWriterProcess
{
    public static string WriterAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Volunteering.Storage.Sqlite.CrashWriter.dll");

    public static WriterProcess Start(params string[] arguments) => WriterProcess.Start(WriterAssembly, arguments);

    /// <summary>The acknowledged batches among the lines printed so far.</summary>
    public static IReadOnlyList<(Guid BatchId, TransferId[] TransferIds)> Acks(this WriterProcess writer)
    {
        var acks = new List<(Guid, TransferId[])>();
        foreach (var line in writer.Lines)
        {
            if (WriterWorkload.TryParseAck(line, out var batchId, out var ids)) acks.Add((batchId, ids));
        }

        return acks;
    }
}

using Volunteering.Storage.PostgreSql.Writer;
using Volunteering.Storage.TestWriters;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary><c>Volunteering.Storage.PostgreSql.Writer</c> as a child process (see <see cref="WriterProcess"/>) and the
/// acknowledgements it prints.</summary>
internal static class HotAccountWriterProcess
{
    public static string WriterAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "Volunteering.Storage.PostgreSql.Writer.dll");

    public static WriterProcess Start(params string[] arguments) => WriterProcess.Start(WriterAssembly, arguments);

    /// <summary>The acknowledged transfers among the lines printed so far.</summary>
    public static IReadOnlyList<Acknowledged> Acks(this WriterProcess writer)
    {
        var acks = new List<Acknowledged>();
        foreach (var line in writer.Lines)
        {
            if (HotAccounts.TryParseAck(line, out var ack)) acks.Add(ack);
        }

        return acks;
    }
}

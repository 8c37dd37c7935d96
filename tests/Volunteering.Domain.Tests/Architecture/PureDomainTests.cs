using System.Reflection;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Tests.Architecture;

/// <summary>The core package stays pure: it references only the BCL, NodaTime and Ardalis.GuardClauses.</summary>
public class PureDomainTests
{
    private static readonly Assembly Core = typeof(DoubleEntryLedger).Assembly;

    [Fact]
    public void The_core_references_only_the_runtime_NodaTime_and_GuardClauses()
    {
        var allowed = new[] { "System.", "Microsoft.Win32.Primitives", "netstandard", "mscorlib", "NodaTime", "Ardalis.GuardClauses" };
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var foreign = referenced.Where(name => name != "System" && !allowed.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();

        Assert.Empty(foreign);
        Assert.Contains("NodaTime", referenced);
    }

    [Fact]
    public void The_core_references_no_IO_networking_or_data_access_assemblies()
    {
        var forbidden = new[] { "System.Net", "System.Data", "System.IO.FileSystem", "System.Console", "System.Net.Http", "Microsoft.Data" };
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Volunteering.Domain.Tests.Docs;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root (for messages).</param>
/// <param name="Index">1 for the file's first fenced block, 2 for the second, ... (every language counts).</param>
/// <param name="Language">The fence's language, lower case ("csharp" for csharp, cs and c#); empty when none.</param>
/// <param name="FenceLine">The 1-based line of the opening fence.</param>
/// <param name="Code">The block's text, without the fences.</param>
/// <param name="NotCompiledReason">The reason given by a <c>&lt;!-- not compiled: reason --&gt;</c> marker, or null.</param>
/// <param name="SampleName">The name given by a <c>&lt;!-- sample: name --&gt;</c> marker, or null.</param>
/// <param name="OutputName">The name given by a <c>&lt;!-- output: name --&gt;</c> marker, or null.</param>
public sealed record DocBlock(
    string File,
    int Index,
    string Language,
    int FenceLine,
    string Code,
    string? NotCompiledReason,
    string? SampleName,
    string? OutputName)
{
    public bool IsCSharp => Language == "csharp";

    /// <summary>The 1-based line in the file of the block's first code line.</summary>
    public int FirstCodeLine => FenceLine + 1;

    public override string ToString() => $"{File}, block {Index} (```{Language} at line {FenceLine})";
}

/// <summary>The C# blocks that compile as one program or library: one block, or every block of a file that carries the
/// same <c>&lt;!-- sample: name --&gt;</c> marker, in order.</summary>
public sealed record DocSample(string File, string Name, IReadOnlyList<DocBlock> Blocks)
{
    public override string ToString() => Blocks.Count == 1 ? Blocks[0].ToString() : $"{File}, sample '{Name}' (blocks {string.Join(", ", Blocks.Select(b => b.Index))})";
}

/// <summary>The outcome of compiling a sample.</summary>
public sealed record SampleCompilation(DocSample Sample, OutputKind Kind, CSharpCompilation Compilation, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Finds the code samples of the repository's Markdown documents, compiles them with Roslyn against the
/// library's assemblies, and runs them.</summary>
/// <remarks>
/// <para>Every <c>```csharp</c> block is compiled, with <see cref="GlobalUsings"/> added as a file of its own so blocks
/// can stay short. A block holding top-level statements compiles as a console program; a block of declarations only
/// as a library. Warnings count as problems, because the repository builds with warnings as errors and a reader's
/// project may too.</para>
/// <para>Markers are HTML comments on the lines just before a fence (blank lines between are allowed):
/// <c>&lt;!-- not compiled: reason --&gt;</c> skips a C# block, and is listed in the test output;
/// <c>&lt;!-- sample: name --&gt;</c> compiles every block of the file with that name together, in order (a type
/// declared in one block used by the next); <c>&lt;!-- output: name --&gt;</c> before a <c>```text</c> block says what
/// the sample of that name prints when it is run, and the tests run it and compare.</para>
/// </remarks>
public static partial class DocSamples
{
    /// <summary>The usings every sample gets, as a generated <c>global using</c> file: the SDK's implicit usings for a
    /// console project, NodaTime, and every public namespace of the packages.</summary>
    public static readonly ImmutableArray<string> GlobalUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
        "NodaTime",
        "Volunteering.Domain.Activities",
        "Volunteering.Domain.Aid",
        "Volunteering.Domain.Certificates",
        "Volunteering.Domain.Identity",
        "Volunteering.Domain.Ledger",
        "Volunteering.Domain.LoveBank",
        "Volunteering.Domain.Organisations",
        "Volunteering.Domain.Quantities",
        "Volunteering.Domain.Statistics",
        "Volunteering.Domain.Storage",
        "Volunteering.Domain.TimeBank",
        "Volunteering.Domain.TimeBank.Policies",
        "Volunteering.Domain.Volunteers",
        "Volunteering.Domain.Json",
        "Volunteering.Storage.Sqlite",
        "Volunteering.Storage.PostgreSql",
        "Volunteering.Storage.Testing",
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})\s*(?<info>[^\s`]*)", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningFence();

    [GeneratedRegex(@"^\s*<!--\s*(?<key>not compiled|sample|output)\s*:\s*(?<value>.*?)\s*-->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*<!--.*-->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyComment();

    /// <summary>The repository's root: the nearest folder above the test's output holding <c>Volunteering.Domain.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>README.md, every docs/*.md and every package's src/*/README.md, relative to the root, in ordinal order.</summary>
    public static IReadOnlyList<string> DocumentFiles()
    {
        var docs = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md")
            .Select(p => "docs/" + Path.GetFileName(p))
            .Order(StringComparer.Ordinal);
        var packages = Directory.GetDirectories(Path.Combine(RepositoryRoot, "src"))
            .Where(d => File.Exists(Path.Combine(d, "README.md")))
            .Select(d => "src/" + Path.GetFileName(d) + "/README.md")
            .Order(StringComparer.Ordinal);
        return ["README.md", .. docs, .. packages];
    }

    /// <summary>Every fenced block of a document.</summary>
    public static IReadOnlyList<DocBlock> ReadBlocks(string relativePath)
        => Extract(relativePath, File.ReadAllText(Path.Combine(RepositoryRoot, relativePath)));

    /// <summary>Every fenced block of a Markdown text.</summary>
    /// <param name="file">The name to report.</param>
    /// <param name="markdown">The text.</param>
    /// <exception cref="FormatException">A fence is not closed, or a marker has no value.</exception>
    public static IReadOnlyList<DocBlock> Extract(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = OpeningFence().Match(lines[i]);
            if (!open.Success) continue;

            var fence = open.Groups["fence"].Value;
            var indent = open.Groups["indent"].Length;
            var language = NormaliseLanguage(open.Groups["info"].Value);
            var fenceLine = i + 1;
            var code = new StringBuilder();
            var closed = false;
            for (i++; i < lines.Length; i++)
            {
                var trimmed = lines[i].TrimStart(' ');
                if (lines[i].Length - trimmed.Length <= 3
                    && trimmed.StartsWith(fence, StringComparison.Ordinal)
                    && trimmed.TrimEnd().Trim(fence[0]).Length == 0)
                {
                    closed = true;
                    break;
                }

                var line = lines[i];
                var strip = 0;
                while (strip < indent && strip < line.Length && line[strip] == ' ') strip++;
                code.Append(line, strip, line.Length - strip).Append('\n');
            }

            if (!closed) throw new FormatException($"{file}: the fence opened at line {fenceLine} is never closed.");
            var (notCompiled, sample, output) = MarkersBefore(file, lines, fenceLine - 1);
            blocks.Add(new DocBlock(file, blocks.Count + 1, language, fenceLine, code.ToString(), notCompiled, sample, output));
        }

        return blocks;
    }

    /// <summary>The C# samples of a document's blocks: each compiled C# block on its own, or grouped by sample name.</summary>
    public static IReadOnlyList<DocSample> Samples(IReadOnlyList<DocBlock> blocks)
    {
        var samples = new List<DocSample>();
        var named = new Dictionary<string, List<DocBlock>>(StringComparer.Ordinal);
        foreach (var block in blocks.Where(b => b.IsCSharp && b.NotCompiledReason is null))
        {
            if (block.SampleName is null)
            {
                samples.Add(new DocSample(block.File, $"block {block.Index}", [block]));
            }
            else if (named.TryGetValue(block.SampleName, out var group))
            {
                group.Add(block);
            }
            else
            {
                group = [block];
                named.Add(block.SampleName, group);
                samples.Add(new DocSample(block.File, block.SampleName, group));
            }
        }

        return samples;
    }

    /// <summary>Compiles a sample. Problems are its errors and warnings, each naming the file, block and line.</summary>
    public static SampleCompilation Compile(DocSample sample)
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(string.Concat(GlobalUsings.Select(u => $"global using {u};\n")), ParseOptions, path: "GlobalUsings.g.cs", encoding: Encoding.UTF8),
        };
        var blockOf = new Dictionary<SyntaxTree, DocBlock>();
        foreach (var block in sample.Blocks)
        {
            var tree = CSharpSyntaxTree.ParseText(block.Code, ParseOptions, path: $"{block.File}#block{block.Index}", encoding: Encoding.UTF8);
            trees.Add(tree);
            blockOf.Add(tree, block);
        }

        var isProgram = trees.Any(t => t.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any());
        var kind = isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(
            kind,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            concurrentBuild: false);
        var compilation = CSharpCompilation.Create(
            "DocSample_" + Guid.NewGuid().ToString("N"),
            trees,
            References,
            options);

        var problems = new List<string>();
        foreach (var d in compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed).OrderBy(d => d.Location.SourceSpan.Start))
        {
            problems.Add(Describe(d, sample, blockOf));
        }

        return new SampleCompilation(sample, kind, compilation, problems);
    }

    /// <summary>Emits a compiled program, runs its entry point with <paramref name="args"/> and returns what it wrote
    /// to standard output. The caller makes sure nothing else writes to the console meanwhile.</summary>
    /// <exception cref="InvalidOperationException">The sample is not a program, or does not emit.</exception>
    public static async Task<string> RunAsync(SampleCompilation compiled, string[] args)
    {
        if (compiled.Kind != OutputKind.ConsoleApplication) throw new InvalidOperationException($"{compiled.Sample} is not a program.");
        using var image = new MemoryStream();
        var emitted = compiled.Compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException($"{compiled.Sample} does not emit:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("doc-sample", isCollectible: true);
        var original = Console.Out;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            var assembly = context.LoadFromStream(image);
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException($"{compiled.Sample} has no entry point.");
            Console.SetOut(output);
            object? result;
            try
            {
                result = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [args]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"{compiled.Sample} threw; it printed:\n{output}", e.InnerException);
            }

            if (result is Task task) await task.ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }

        return output.ToString();
    }

    private static string Describe(Diagnostic d, DocSample sample, Dictionary<SyntaxTree, DocBlock> blockOf)
    {
        var message = $"{d.Id} ({d.Severity}): {d.GetMessage(CultureInfo.InvariantCulture)}";
        if (d.Location.SourceTree is { } tree && blockOf.TryGetValue(tree, out var block))
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return $"{block.File}, block {block.Index}, line {block.FirstCodeLine + position.Line}, column {position.Character + 1}: {message}";
        }

        return $"{sample}: {message}";
    }

    private static (string? NotCompiled, string? Sample, string? Output) MarkersBefore(string file, string[] lines, int fenceIndex)
    {
        string? notCompiled = null, sample = null, output = null;
        for (var j = fenceIndex - 1; j >= 0; j--)
        {
            if (string.IsNullOrWhiteSpace(lines[j])) continue;
            if (!AnyComment().IsMatch(lines[j])) break;
            var marker = Marker().Match(lines[j]);
            if (!marker.Success) continue;
            var value = marker.Groups["value"].Value;
            if (value.Length == 0) throw new FormatException($"{file}, line {j + 1}: the marker '{marker.Groups["key"].Value}' needs a value.");
            switch (marker.Groups["key"].Value)
            {
                case "not compiled": notCompiled ??= value; break;
                case "sample": sample ??= value; break;
                default: output ??= value; break;
            }
        }

        return (notCompiled, sample, output);
    }

    private static string NormaliseLanguage(string info) => info.ToLowerInvariant() switch
    {
        "cs" or "c#" or "csharp" => "csharp",
        var other => other,
    };

    /// <summary>The assemblies a sample compiles against: the runtime's trusted platform assemblies and everything the
    /// test has loaded (which includes every package of this repository), one per simple name.</summary>
    private static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        // Make sure every package's assembly is loaded, whatever the tests have touched so far.
        Type[] packages =
        [
            typeof(Volunteering.Domain.Ledger.DoubleEntryLedger),
            typeof(Volunteering.Domain.Json.JsonRecordSerializer),
            typeof(Volunteering.Storage.Sqlite.SqliteRecordStore),
            typeof(Volunteering.Storage.PostgreSql.PostgreSqlRecordStore),
            typeof(Volunteering.Storage.Testing.RecordStoreFixture),
            typeof(NodaTime.Instant),
        ];

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Concat(packages.Select(t => t.Assembly)))
        {
            if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) continue;
            byName.TryAdd(Path.GetFileNameWithoutExtension(assembly.Location), assembly.Location);
        }

        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in trusted.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return [.. byName.Values.Where(IsManagedAssembly).Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Volunteering.Domain.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No Volunteering.Domain.sln above {AppContext.BaseDirectory}.");
    }
}

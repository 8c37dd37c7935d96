using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Volunteering.Domain.Tests.Docs;

/// <summary>Every C# sample in README.md and docs/*.md compiles against the packages, so the docs cannot drift from the
/// API; the samples that show their output are run and print exactly that (see <see cref="DocSamplesRunTests"/>).</summary>
public class DocSamplesTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_csharp_sample_in_the_docs_compiles_without_errors_or_warnings()
    {
        var problems = new List<string>();
        var compiled = 0;
        var blocks = 0;
        var skipped = new List<string>();
        foreach (var file in DocSamples.DocumentFiles())
        {
            var all = DocSamples.ReadBlocks(file);
            skipped.AddRange(all.Where(b => b.IsCSharp && b.NotCompiledReason is not null).Select(b => $"{b}: {b.NotCompiledReason}"));
            var samples = DocSamples.Samples(all);
            foreach (var sample in samples)
            {
                var result = DocSamples.Compile(sample);
                compiled++;
                blocks += sample.Blocks.Count;
                output.WriteLine($"{(result.Succeeded ? "ok  " : "FAIL")} {sample} as a {(result.Kind == OutputKind.ConsoleApplication ? "program" : "library")}");
                problems.AddRange(result.Problems);
            }
        }

        output.WriteLine($"{compiled} samples ({blocks} ```csharp blocks) compiled; {skipped.Count} C# blocks marked not compiled.");
        foreach (var s in skipped) output.WriteLine("not compiled: " + s);

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the docs' samples:\n" + string.Join("\n", problems));
        Assert.True(blocks >= 18, $"Only {blocks} C# blocks were found; the docs hold more. Is the extraction broken?");
    }

    [Fact]
    public void Every_output_block_names_a_sample_that_is_a_program()
    {
        foreach (var file in DocSamples.DocumentFiles())
        {
            var blocks = DocSamples.ReadBlocks(file);
            var samples = DocSamples.Samples(blocks).ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (var expected in blocks.Where(b => b.OutputName is not null))
            {
                Assert.True(samples.ContainsKey(expected.OutputName!), $"{expected} shows the output of '{expected.OutputName}', which is no sample of {file}.");
                Assert.Equal("text", expected.Language);
            }
        }
    }

    [Fact]
    public void The_getting_started_program_is_a_compiled_sample_with_its_output_shown()
    {
        var blocks = DocSamples.ReadBlocks("docs/getting-started.md");
        var program = Assert.Single(DocSamples.Samples(blocks), s => s.Name == "first-program");
        Assert.Contains(blocks, b => b.OutputName == "first-program");
        Assert.Equal(OutputKind.ConsoleApplication, DocSamples.Compile(program).Kind);
    }

    [Fact]
    public void A_broken_sample_fails_with_its_file_block_and_line()
    {
        const string markdown = """
            # A page

            ```sh
            dotnet run
            ```

            ```csharp
            var ledger = new DoubleEntryLedger(SystemClock.Instance);
            Console.WriteLine(ledger.Positon);
            ```
            """;

        var blocks = DocSamples.Extract("docs/broken.md", markdown);
        var sample = Assert.Single(DocSamples.Samples(blocks));
        var result = DocSamples.Compile(sample);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("docs/broken.md, block 2, line 9, column 26: CS1061 (Error)", problem, StringComparison.Ordinal);
        Assert.Contains("Positon", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_in_a_sample_fails_too()
    {
        const string markdown = """
            ```csharp
            string? memo = args.Length > 0 ? args[0] : null;
            Console.WriteLine(memo.Length);
            ```
            """;

        var result = DocSamples.Compile(Assert.Single(DocSamples.Samples(DocSamples.Extract("docs/warning.md", markdown))));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("docs/warning.md, block 1, line 3, column 19: CS8602 (Warning)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_skip_a_block_group_blocks_into_one_sample_and_name_outputs()
    {
        const string markdown = """
            <!-- not compiled: shows a fragment -->
            ```csharp
            ledger.Submit(request) ...
            ```

            <!-- sample: pair -->
            ```csharp
            public sealed record Greeting(string Text);
            ```

            Then:

            <!-- sample: pair -->

            ```csharp
            Console.WriteLine(new Greeting("hello").Text);
            ```

            <!-- output: pair -->
            ```text
            hello
            ```
            """;

        var blocks = DocSamples.Extract("docs/markers.md", markdown);

        Assert.Equal(4, blocks.Count);
        Assert.Equal("shows a fragment", blocks[0].NotCompiledReason);
        Assert.Equal("pair", blocks[3].OutputName);
        var sample = Assert.Single(DocSamples.Samples(blocks));
        Assert.Equal([2, 3], sample.Blocks.Select(b => b.Index));
        var result = DocSamples.Compile(sample);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(OutputKind.ConsoleApplication, result.Kind);
    }

    [Fact]
    public void An_unclosed_fence_is_reported()
    {
        var e = Assert.Throws<FormatException>(() => DocSamples.Extract("docs/open.md", "text\n```csharp\nvar x = 1;\n"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Not run in parallel with other tests: running a sample redirects the console.</summary>
[CollectionDefinition(nameof(ConsoleRedirectingTests), DisableParallelization = true)]
public sealed class ConsoleRedirectingTests;

/// <summary>Runs every sample whose output a doc shows (<c>&lt;!-- output: name --&gt;</c>), with a fresh temporary
/// folder's <c>timebank.db</c> as its only argument, and compares what it prints with the doc.</summary>
[Collection(nameof(ConsoleRedirectingTests))]
public class DocSamplesRunTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> SamplesWithOutput()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in DocSamples.DocumentFiles())
        {
            foreach (var block in DocSamples.ReadBlocks(file).Where(b => b.OutputName is not null))
            {
                data.Add(file, block.OutputName!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesWithOutput))]
    public async Task A_sample_prints_what_its_doc_shows(string file, string name)
    {
        var blocks = DocSamples.ReadBlocks(file);
        var sample = Assert.Single(DocSamples.Samples(blocks), s => s.Name == name);
        var expected = Assert.Single(blocks, b => b.OutputName == name).Code;
        var compiled = DocSamples.Compile(sample);
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Problems));

        var folder = Directory.CreateTempSubdirectory("doc-sample-");
        try
        {
            var printed = await DocSamples.RunAsync(compiled, [Path.Combine(folder.FullName, "timebank.db")]);
            output.WriteLine(printed);
            Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), printed.ReplaceLineEndings("\n").TrimEnd());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_getting_started_program_is_among_the_samples_run()
    {
        Assert.Contains(SamplesWithOutput(), row => (string)row[0] == "docs/getting-started.md" && (string)row[1] == "first-program");
    }
}

using System.Diagnostics;
using System.Text;

namespace Volunteering.Packaging.Tests;

/// <summary>
/// Packs every library package into a temporary folder feed and builds a fresh project outside the solution that
/// references them by version only (no project references), then runs it: it opens accounts, posts and reads a
/// statement on SQLite, and the test asserts what it prints.
/// </summary>
public sealed class ConsumerPackageTests : IDisposable
{
    private static readonly string[] Libraries =
    [
        "Volunteering.Domain", "Volunteering.Domain.Json", "Volunteering.Storage.Sqlite", "Volunteering.Storage.PostgreSql", "Volunteering.Storage.Testing",
    ];

    private readonly string _work = Directory.CreateTempSubdirectory("volunteering-consumer-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task A_project_outside_the_solution_builds_and_runs_against_the_packed_packages_by_version_only()
    {
        var root = RepositoryRoot();
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;

        // A version of its own for every run, so the shared NuGet cache never serves a package packed by an earlier run.
        var version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        foreach (var library in Libraries)
        {
            var (code, output) = await RunAsync(root, "dotnet", "pack", Path.Combine("src", library, library + ".csproj"), "-c", "Release", "-o", feed, $"-p:PackageVersion={version}", "--nologo");
            Assert.True(code == 0, $"dotnet pack {library} failed:\n{output}");
            Assert.True(File.Exists(Path.Combine(feed, $"{library}.{version}.nupkg")), $"no package for {library}:\n{output}");
            Assert.True(File.Exists(Path.Combine(feed, $"{library}.{version}.snupkg")), $"no symbol package for {library}");
        }

        var consumer = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", "Program.cs"), Path.Combine(consumer, "Program.cs"));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Volunteering.Domain" Version="{version}" />
                <PackageReference Include="Volunteering.Storage.Sqlite" Version="{version}" />
              </ItemGroup>
            </Project>
            """);

        // The repository's own sources plus the folder feed; nothing from the repository's build files applies here.
        var sources = File.ReadAllText(Path.Combine(root, "nuget.config"));
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), sources.Replace("<clear />", $"<clear />\n    <add key=\"local-feed\" value=\"{feed}\" />", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(consumer, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(consumer, "Directory.Packages.props"), "<Project />");

        var (buildCode, buildOutput) = await RunAsync(consumer, "dotnet", "build", "-c", "Release", "--nologo");
        Assert.True(buildCode == 0, $"the consumer did not build:\n{buildOutput}");
        var assets = File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json"));
        Assert.Contains($"\"Volunteering.Domain/{version}\"", assets, StringComparison.Ordinal);
        Assert.Contains($"\"Volunteering.Domain.Json/{version}\"", assets, StringComparison.Ordinal);   // through the SQLite package
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);

        var (runCode, runOutput) = await RunAsync(consumer, "dotnet", "run", "-c", "Release", "--no-build", "--", Path.Combine(_work, "consumer.db"));
        Assert.True(runCode == 0, $"the consumer failed:\n{runOutput}");
        Assert.Equal(
            [
                "open Wang: Ok", "open Liu: Ok", "record: Ok", "confirm: Ok", "saved: Appended",
                "stored balance: 3h", "statement: opening 0, 1 line(s), closing 3h", "invariants: 0 violation(s)",
            ],
            runOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Volunteering.Domain.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (Volunteering.Domain.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output)> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}

using System.Diagnostics;

namespace Volunteering.Storage.TestWriters;

/// <summary>
/// A child process running a writer assembly (a console project built with the test project and copied beside its
/// assembly) through the same <c>dotnet</c> host. Collects its standard output line by line; a writer prints
/// <c>READY</c> once it has opened its store. Shared by the SQLite and PostgreSQL test projects.
/// </summary>
internal sealed class WriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private WriterProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(ReadOutputAsync);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <paramref name="writerAssembly"/> with the arguments.</summary>
    public static WriterProcess Start(string writerAssembly, params string[] arguments)
    {
        if (!File.Exists(writerAssembly)) throw new FileNotFoundException($"The writer process is not at {writerAssembly}.", writerAssembly);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writerAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new WriterProcess(Process.Start(start) ?? throw new InvalidOperationException("The writer process did not start."));
    }

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate) return [.. _lines];
        }
    }

    /// <summary>Waits until the writer printed READY.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        await Task.WhenAny(_ready.Task, _stdout, Task.Delay(timeout));
        if (!_ready.Task.IsCompleted)
        {
            throw new TimeoutException($"The writer did not print READY within {timeout}; it printed [{string.Join(" | ", Lines)}] and on stderr: {await StderrSoFarAsync()}");
        }
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Kills the process with SIGKILL and waits until it is gone and its output is read to the end.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        await _stdout;
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"The writer did not finish within {timeout}; stderr: {await StderrSoFarAsync()}");
        }

        await _stdout;
        return _process.ExitCode;
    }

    public async Task<string> StderrSoFarAsync() => _stderr.IsCompleted ? await _stderr : "(still running)";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_gate) _lines.Add(line);
            if (line == "READY") _ready.TrySetResult();
        }
    }

    private static string DotnetHost()
    {
        // The SDK sets DOTNET_HOST_PATH for the processes it starts; the test host itself usually runs in dotnet.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }
}

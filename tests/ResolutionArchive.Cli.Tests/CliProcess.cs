using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// The command-line tool as a real process (<c>dotnet resolution-archive.dll …</c> from the test's output folder), for
/// what an in-process run cannot show: a kill -9 in the middle of an import, two importers at once. Standard output and
/// error are collected line by line as they come. Disposing kills the process (and its children) if it still runs, so
/// a failing test leaves nothing behind.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _output.Enqueue(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _error.Enqueue(e.Data);
            }
        };
    }

    /// <summary>The assembly of the tool, copied beside the tests by the project reference.</summary>
    public static string Assembly { get; } = Path.Combine(AppContext.BaseDirectory, "resolution-archive.dll");

    /// <summary>Lines written to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines => [.. _error];

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code (after <see cref="WaitForExitAsync"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet resolution-archive.dll <paramref name="args"/></c> with redirected output (so the tool prints plain lines).</summary>
    public static CliProcess Start(params string[] args) => Start(null, args);

    /// <summary>
    /// Starts the tool as <see cref="Start(string[])"/> does, unable to make any file larger than
    /// <paramref name="maxFileKiB"/> KiB: a full disk, as the process sees one. Through bash, <c>ulimit -f</c> (RLIMIT_FSIZE)
    /// with SIGXFSZ ignored, so that a write past the limit fails with EFBIG instead of killing the process (POSIX
    /// setrlimit(2)), and with the runtime's W^X double mapping off (it sizes an anonymous file past any small limit).
    /// </summary>
    public static CliProcess StartOnAFullDisk(long maxFileKiB, params string[] args) => Start(maxFileKiB, args);

    private static CliProcess Start(long? maxFileKiB, string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(maxFileKiB is null ? dotnet : "/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (maxFileKiB is { } limit)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"trap '' XFSZ; ulimit -f {limit} && exec \"$0\" \"$@\"");
            info.ArgumentList.Add(dotnet);
            info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        info.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> output lines satisfy <paramref name="predicate"/>; false when the
    /// process ended first or <paramref name="timeout"/> passed (a guard against a hung test, not a measurement).
    /// </summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> predicate, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Count(predicate) >= count)
            {
                return true;
            }

            if (_process.HasExited)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>Kills the process at once (SIGKILL on Unix: no handler, no finally block runs) and waits for it to end.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end, at most <paramref name="timeout"/>; then kills it and throws.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"the CLI did not end within {timeout}:\n{this}");
        }

        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"--- stdout ---\n{string.Join('\n', _output)}\n--- stderr ---\n{string.Join('\n', _error)}";

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
    }
}

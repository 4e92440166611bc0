using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ResolutionArchive.Testing;

/// <summary>
/// A program the tests start as a real process (the CLI, the site), for what an in-process run cannot show: exit codes,
/// what it writes, a kill in the middle. Standard output and error are collected line by line as they come, apart and
/// interleaved. Disposing kills the process (and its children) if it still runs, so a failing test leaves nothing behind.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>The <c>dotnet</c> host that runs the tests (<c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> on the PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>Lines written to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines => [.. _error];

    /// <summary>Both, interleaved as they came.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code (once it has ended).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="info"/> with its output redirected (UTF-8) and collected.</summary>
    public static ChildProcess Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        var child = new ChildProcess(new Process { StartInfo = info });
        child._process.OutputDataReceived += (_, e) => child.Collect(e.Data, child._output);
        child._process.ErrorDataReceived += (_, e) => child.Collect(e.Data, child._error);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
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

    /// <summary>Waits for the process to end, at most <paramref name="timeout"/>; then kills it and throws, naming <paramref name="what"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{what} did not end within {timeout}:\n{this}");
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

    private void Collect(string? line, ConcurrentQueue<string> stream)
    {
        if (line is not null)
        {
            stream.Enqueue(line);
            _lines.Enqueue(line);
        }
    }
}

using System.Diagnostics;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// The command-line tool as a real process (<c>dotnet resolution-archive.dll …</c> from the test's output folder), for
/// what an in-process run cannot show: a kill -9 in the middle of an import, two importers at once, a full disk. The
/// process itself is a <see cref="ChildProcess"/>.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly ChildProcess _child;

    private CliProcess(ChildProcess child) => _child = child;

    /// <summary>The assembly of the tool, copied beside the tests by the project reference.</summary>
    public static string Assembly { get; } = Path.Combine(AppContext.BaseDirectory, "resolution-archive.dll");

    /// <summary>Lines written to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines => _child.OutputLines;

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines => _child.ErrorLines;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _child.HasExited;

    /// <summary>The exit code (after <see cref="WaitForExitAsync"/>).</summary>
    public int ExitCode => _child.ExitCode;

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
        var info = new ProcessStartInfo(maxFileKiB is null ? ChildProcess.Dotnet : "/bin/bash");
        if (maxFileKiB is { } limit)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"trap '' XFSZ; ulimit -f {limit} && exec \"$0\" \"$@\"");
            info.ArgumentList.Add(ChildProcess.Dotnet);
            info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        info.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new CliProcess(ChildProcess.Start(info));
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> output lines satisfy <paramref name="predicate"/>; false when the
    /// process ended first or <paramref name="timeout"/> passed (a guard against a hung test, not a measurement).
    /// </summary>
    public Task<bool> WaitForOutputAsync(Func<string, bool> predicate, int count, TimeSpan timeout) =>
        _child.WaitForOutputAsync(predicate, count, timeout);

    /// <summary>Kills the process at once (SIGKILL on Unix: no handler, no finally block runs) and waits for it to end.</summary>
    public Task KillAsync() => _child.KillAsync();

    /// <summary>Waits for the process to end, at most <paramref name="timeout"/>; then kills it and throws.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _child.WaitForExitAsync(timeout, "the CLI");

    /// <inheritdoc />
    public override string ToString() => _child.ToString();

    /// <inheritdoc />
    public void Dispose() => _child.Dispose();
}

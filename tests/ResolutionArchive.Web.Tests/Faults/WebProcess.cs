using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ResolutionArchive.Web.Tests.Faults;

/// <summary>
/// The built site as a real process, <c>dotnet src/ResolutionArchive.Web/bin/{Configuration}/net10.0/ResolutionArchive.Web.dll
/// --db FILE --urls http://127.0.0.1:PORT</c>, for what an in-process host cannot show: the exit code and everything the
/// process writes when it refuses to start. Output is collected line by line; disposing kills the process if it still
/// runs, so a failing test leaves nothing behind.
/// </summary>
internal sealed partial class WebProcess : IDisposable
{
    private readonly ChildProcess _child;

    private WebProcess(ChildProcess child, string baseUrl)
    {
        _child = child;
        BaseUrl = baseUrl;
    }

    /// <summary>
    /// The build configuration this test assembly was built in (the folder above <c>net10.0</c> in its output path:
    /// <c>Debug</c>, <c>Release</c>), so that <c>dotnet test -c Release</c> starts the site built in Release beside it
    /// (issue 14 item 14), not a Debug build that may be stale or missing.
    /// </summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The site's built assembly (the test project references the site, so it is built first).</summary>
    public static string Assembly { get; } = Path.Combine(ResolutionArchive.Testing.RepositoryPaths.Root, "src", "ResolutionArchive.Web", "bin", Configuration, "net10.0", "ResolutionArchive.Web.dll");

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>Standard output and standard error, interleaved as they came.</summary>
    public IReadOnlyList<string> Lines => _child.Lines;

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => _child.ExitCode;

    /// <summary>Lines that look like a .NET stack frame (<c>   at Namespace.Type.Method(…)</c>).</summary>
    public IReadOnlyList<string> StackFrames => [.. _child.Lines.Where(l => StackFrame().IsMatch(l))];

    /// <summary>Starts the site on the database <paramref name="database"/> with the extra settings <paramref name="args"/>.</summary>
    public static WebProcess Start(string database, params string[] args)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo(ChildProcess.Dotnet) { WorkingDirectory = Path.GetDirectoryName(Assembly)! };
        info.ArgumentList.Add(Assembly);
        // the seeds only, as a test needs: `--seeds-only` the way an operator types it
        foreach (var arg in (string[])["--db", database, "--urls", baseUrl, "--seeds-only", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        return new WebProcess(ChildProcess.Start(info), baseUrl);
    }

    /// <summary>Waits for the process to end by itself (it refused to start); kills it and throws after <paramref name="timeout"/>.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _child.WaitForExitAsync(timeout, "the site");

    /// <summary>
    /// GETs <paramref name="path"/> once the site listens (retrying while the port refuses connections); throws when the
    /// process ends first or <paramref name="timeout"/> passes (a guard against a hung start, not a measurement).
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = timeout };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_child.HasExited)
            {
                throw new InvalidOperationException($"the site ended with exit code {_child.ExitCode} instead of serving:\n{this}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('\n', _child.Lines);

    /// <inheritdoc />
    public void Dispose() => _child.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s+at \S")]
    private static partial Regex StackFrame();
}

using System.Diagnostics;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// Issue 14 items 1–3 (docs/cli.md "Input files"): an import folder holding something that is not a readable regular
/// file — a link to <c>/dev/zero</c>, a FIFO, a file nobody may read, a file over the size limit — gets one
/// <c>FILE:1: …</c> line for it, and every other file is still stored. No exception, no hang, no memory blow-up.
/// </summary>
public sealed class InputFileTests
{
    [Fact]
    public async Task ALinkToDevZeroIsRefusedAndTheOtherFilesAreStored()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero and FIFOs are Linux's; the refusal rests on statx(2)");
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        File.CreateSymbolicLink(Path.Combine(seeds, "zero.txt"), "/dev/zero");

        var run = await CliRun.RunAsync("import", seeds, "--db", folder.File("archive.sqlite"));

        run.ExitCode.Should().Be(1, run.ToString());
        run.ErrorLines.Should().Contain($"{Path.Combine(seeds, "zero.txt")}:1: expected a regular file, found a character device; it is not read");
        run.OutputLines.Last().Should().StartWith("5 imported, 1 failed (6 files");
    }

    [Fact]
    public async Task AFifoIsRefusedWithoutWaitingForAWriter()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero and FIFOs are Linux's; the refusal rests on statx(2)");
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var fifo = Path.Combine(seeds, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        var import = CliRun.RunAsync("import", seeds, "--db", folder.File("archive.sqlite"));
        var finished = await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(90)));

        finished.Should().BeSameAs(import, "opening a FIFO would block until a writer comes, holding the write lock");
        var run = await import;
        run.ErrorLines.Should().Contain($"{fifo}:1: expected a regular file, found a FIFO; it is not read");
        run.OutputLines.Last().Should().StartWith("5 imported, 1 failed (6 files");
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedAndTheOthersAreStored()
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var limit = new DirectoryInfo(seeds).GetFiles("*.txt").Max(f => f.Length);
        var big = folder.Write("seeds/big.txt", new byte[limit + 1]);

        var run = await CliRun.RunAsync("import", seeds, "--db", folder.File("archive.sqlite"), "--max-bytes", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(1, run.ToString());
        run.ErrorLines.Should().ContainSingle(l => l.StartsWith($"{big}:1: expected at most ", StringComparison.Ordinal) && l.Contains("the file is not read", StringComparison.Ordinal));
        run.OutputLines.Last().Should().StartWith("5 imported, 1 failed (6 files");
    }

    [Theory]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    [InlineData("parse")]
    [InlineData("validate")]
    [InlineData("import")]
    public async Task AFileNobodyMayReadIsReportedAsPermissionDenied(string verb)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the test drops root's rights with setpriv(1), a Linux tool");
        using var folder = new TempFolder();
        var file = folder.Write("secret.txt", File.ReadAllBytes(TempFolder.Seed("000")));
        File.SetUnixFileMode(file, UnixFileMode.None);
        File.SetUnixFileMode(folder.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        string[] args = verb == "import" ? [verb, file, "--db", folder.File("archive.sqlite")] : [verb, file];

        // root reads any file: run the command as nobody, as an ordinary operator would be
        var (exitCode, stderr) = Environment.UserName == "root" ? await RunAsNobodyAsync(args) : await RunHereAsync(args);

        exitCode.Should().Be(1, stderr);
        stderr.Should().Contain($"{file}:1: cannot read: permission denied").And.NotContain("Exception");
    }

    private static async Task<(int, string)> RunHereAsync(string[] args)
    {
        var run = await CliRun.RunAsync(args);
        return (run.ExitCode, run.Error);
    }

    private static async Task<(int, string)> RunAsNobodyAsync(string[] args)
    {
        var info = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", CliProcess.Assembly }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("validate")]
    [InlineData("import")]
    public async Task TerminalEscapesInAFileAreShownEscapedNeverSent(string verb)
    {
        // issue 14 item 12: a file name that would set the terminal's title (OSC 0) and ring its bell, on a file that
        // fails (the text itself may no longer hold control characters: issue 14 item 5)
        using var folder = new TempFolder();
        var file = folder.Write("\u001b]0;PWNED\u0007.txt", "Minutes of a meeting.\n"u8.ToArray());
        string[] args = verb == "import" ? [verb, file, "--db", folder.File("archive.sqlite")] : [verb, file];

        var run = await CliRun.RunAsync(args);

        (run.Output + run.Error).Should().NotContain("\u001b").And.NotContain("\u0007");
        run.Error.Should().Contain("\\u001B]0;PWNED\\u0007");
    }
}

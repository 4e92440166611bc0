namespace ResolutionArchive.Cli.Tests;

/// <summary>The outcome of one command line: exit code and everything written to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>A temp folder of one test, deleted afterwards; <see cref="CopySeeds"/> fills it with the five seeds.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resolution-archive-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static string SeedsFolder { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Seed(string prefix) => Directory.GetFiles(SeedsFolder, $"{prefix}_*.txt").Single();

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies the seeds to a sub-folder and returns that folder.</summary>
    public string CopySeeds(string folder = "seeds")
    {
        var target = Directory.CreateDirectory(File(folder)).FullName;
        foreach (var seed in Directory.GetFiles(SeedsFolder, "*.txt"))
        {
            System.IO.File.Copy(seed, System.IO.Path.Combine(target, System.IO.Path.GetFileName(seed)));
        }

        return target;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using System.Text.RegularExpressions;

namespace ResolutionArchive.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task TheSeedsFolderIsValidAndNothingIsWritten()
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var before = Snapshot(folder.Path);

        // --db is accepted by every verb; validate must not open it.
        var run = await CliRun.RunAsync("validate", seeds, "--db", folder.File("archive.sqlite"));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Error.Should().BeEmpty();
        run.OutputLines.Should().Contain("5 valid, 0 invalid");
        File.Exists(folder.File("archive.sqlite")).Should().BeFalse("validate writes no database");
        Snapshot(folder.Path).Should().Equal(before, "validate writes nothing at all");
    }

    [Fact]
    public async Task AFolderWithOneBadFileExitsWithOne()
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var bad = folder.Write("seeds/999_bad.txt", BadInputs.Bytes("truncated"));

        var run = await CliRun.RunAsync("validate", seeds);

        run.ExitCode.Should().Be(1, run.ToString());
        run.OutputLines.Should().Contain("5 valid, 1 invalid");
        run.ErrorLines.Should().Contain(line => Regex.IsMatch(line, $@"^{Regex.Escape(bad)}:[1-9][0-9]*: \S"));
    }

    [Fact]
    public async Task AMissingPathExitsWithOne()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync("validate", TempFolder.Seed("000"), folder.File("nowhere"));

        run.ExitCode.Should().Be(1, run.ToString());
        run.ErrorLines.Should().Contain(line => line.StartsWith(folder.File("nowhere") + ":1: ", StringComparison.Ordinal));
    }

    /// <summary>Every file under <paramref name="root"/> with its length and last write time.</summary>
    private static List<string> Snapshot(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new FileInfo(f))
            .Select(f => $"{f.FullName} {f.Length} {f.LastWriteTimeUtc:O}")
            .Order(StringComparer.Ordinal)];
}

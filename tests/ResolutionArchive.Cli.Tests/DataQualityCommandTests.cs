using System.Text;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// Warnings never drop a file (docs/cli.md "import", docs/input-formats.md §6): a name the registry does not know is
/// stored and flagged; <c>import --strict</c> refuses such a file instead; <c>check</c> lists the flags.
/// </summary>
public sealed class DataQualityCommandTests
{
    private static byte[] WithUnknownVoter() =>
        Encoding.UTF8.GetBytes(File.ReadAllText(TempFolder.Seed("000")).Replace("阿根廷、", "阿特兰蒂斯、", StringComparison.Ordinal));

    [Fact]
    public async Task AFileWithAnUnknownNameIsStoredWithAWarningCountedInTheSummary()
    {
        using var folder = new TempFolder();
        var file = folder.Write("46-13.txt", WithUnknownVoter());
        var db = folder.File("archive.sqlite");

        var run = await CliRun.RunAsync("import", file, "--db", db);

        run.ExitCode.Should().Be(0, run.ToString());
        run.OutputLines.Should().Contain($"imported: {file} (A/HRC/RES/46/13)");
        run.ErrorLines.Should().ContainSingle(l => l.Contains("阿特兰蒂斯", StringComparison.Ordinal))
            .Which.Should().MatchRegex($"^{System.Text.RegularExpressions.Regex.Escape(file)}:86: warning: ");
        run.OutputLines.Should().Contain(l => l.StartsWith("warnings: ", StringComparison.Ordinal) && l.Contains(" in 1 stored files", StringComparison.Ordinal));
        run.OutputLines.Should().Contain(l => l.StartsWith("│ warnings │", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StrictRefusesAFileWithAWarningAndWritesNothingOfIt()
    {
        using var folder = new TempFolder();
        var file = folder.Write("46-13.txt", WithUnknownVoter());
        var db = folder.File("archive.sqlite");

        var run = await CliRun.RunAsync("import", file, "--db", db, "--strict");

        run.ExitCode.Should().Be(1, run.ToString());
        run.OutputLines.Should().Contain($"failed: {file}");
        run.ErrorLines.Should().Contain(l => l.StartsWith($"{file}:86: expected UN member or observer state names", StringComparison.Ordinal), "under --strict the warning is an error");
        File.Exists(db).Should().BeFalse("a run whose only file is refused creates no archive");
    }

    [Fact]
    public async Task CheckListsEveryFlagWithItsFileLineAndRecordAndExitsOneWhenThereIsAny()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        var seeds = folder.CopySeeds();
        await CliRun.RunAsync("import", seeds, "--db", db);
        var clean = await CliRun.RunAsync("check", "--db", db);
        var file = folder.Write("46-13.txt", WithUnknownVoter());
        await CliRun.RunAsync("import", file, "--db", db);

        var flagged = await CliRun.RunAsync("check", "--db", db);

        clean.ExitCode.Should().Be(0, clean.ToString());
        clean.OutputLines.Should().Equal("data quality: 0 flags in 0 records");
        flagged.ExitCode.Should().Be(1, flagged.ToString());
        flagged.OutputLines.Should().Contain(l => l.StartsWith($"{file}:86: warning: ", StringComparison.Ordinal) && l.Contains("阿特兰蒂斯", StringComparison.Ordinal) && l.EndsWith("[A/HRC/RES/46/13]", StringComparison.Ordinal));
        flagged.OutputLines.Last().Should().Be("data quality: 1 flags in 1 records");
    }

    [Fact]
    public async Task CheckNeedsAnArchive()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync("check", "--db", folder.File("missing.sqlite"));

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should().EndWith("expected an archive database, found no file (give --db FILE)");
    }
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task ImportsTheSeedsThenFindsThemUnchanged()
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var db = folder.File("archive.sqlite");

        var first = await CliRun.RunAsync("import", seeds, "--db", db);
        var second = await CliRun.RunAsync("import", seeds, "--db", db);

        first.ExitCode.Should().Be(0, first.ToString());
        first.OutputLines.Where(l => l.StartsWith("imported: ", StringComparison.Ordinal)).Should().HaveCount(5);
        first.OutputLines.Should().Contain(["│ imported │     5 │", "│ total    │     5 │"], "the summary table counts the results");
        first.OutputLines.Last().Should().StartWith("5 imported (5 files");
        second.ExitCode.Should().Be(0, second.ToString());
        second.OutputLines.Last().Should().StartWith("5 unchanged (5 files");
        (await CountAsync(db, "Resolutions")).Should().Be(5);
        (await CountAsync(db, "Votes")).Should().Be(47 + 47 + 47, "each Council vote stores the 47 members: the three lists and the non-voting (37/23: Tunisia)");
        (await CountAsync(db, "Sponsors")).Should().Be(12);
    }

    [Fact]
    public async Task AChangedFileReplacesItsRecord()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        await CliRun.RunAsync("import", TempFolder.Seed("000"), "--db", db);
        var text = await File.ReadAllTextAsync(TempFolder.Seed("000"));
        var edited = folder.Write("46-13.txt", System.Text.Encoding.UTF8.GetBytes(text.Replace("遵循《联合国宪章》的宗旨和原则，", "遵循《联合国宪章》的各项宗旨和原则，", StringComparison.Ordinal)));

        var run = await CliRun.RunAsync("import", edited, "--db", db);

        run.ExitCode.Should().Be(0, run.ToString());
        run.OutputLines.Should().Contain($"replaced: {edited} (A/HRC/RES/46/13)");
        (await CountAsync(db, "Resolutions")).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(BadInputs.Kinds), MemberType = typeof(BadInputs))]
    public async Task ABadFileFailsAndLeavesTheDatabaseUnchanged(string kind)
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", seeds, "--db", db)).ExitCode.Should().Be(0);
        var before = await ArchiveDump.DumpAsync(db);
        var bad = folder.Write("bad.txt", BadInputs.Bytes(kind));

        var run = await CliRun.RunAsync("import", bad, "--db", db);

        run.ExitCode.Should().Be(1, run.ToString());
        run.OutputLines.Should().Contain($"failed: {bad}").And.Contain(line => line.StartsWith("1 failed", StringComparison.Ordinal));
        run.ErrorLines.Should().Contain(line => Regex.IsMatch(line, $@"^{Regex.Escape(bad)}:[1-9][0-9]*: \S"));
        (await ArchiveDump.DumpAsync(db)).Should().Be(before);
    }

    [Fact]
    public async Task OneBadFileAmongGoodOnesIsTheOnlyOneNotStored()
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        folder.Write("seeds/999_bad.txt", BadInputs.Bytes("unplaced heading line"));
        var db = folder.File("archive.sqlite");

        var run = await CliRun.RunAsync("import", seeds, "--db", db);

        run.ExitCode.Should().Be(1, run.ToString());
        run.OutputLines.Last().Should().StartWith("5 imported, 1 failed (6 files");
        (await CountAsync(db, "Resolutions")).Should().Be(5);
        var table = string.Join("\n", run.OutputLines);
        table.Should().Contain("failed files", "the summary lists each failure with its reason");
        table.Should().Contain("999_bad.txt").And.Contain("no rule places");
    }

    [Fact]
    public async Task ADryRunWritesNothing()
    {
        using var folder = new TempFolder();
        var seeds = folder.CopySeeds();
        var db = folder.File("archive.sqlite");

        var run = await CliRun.RunAsync("import", seeds, "--db", db, "--dry-run");

        run.ExitCode.Should().Be(0, run.ToString());
        run.OutputLines.Last().Should().StartWith("5 valid (5 files");
        File.Exists(db).Should().BeFalse("a dry run creates no database");
    }

    [Fact]
    public async Task ADryRunLeavesAnExistingDatabaseUnchanged()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        await CliRun.RunAsync("import", TempFolder.Seed("000"), "--db", db);
        var before = await File.ReadAllBytesAsync(db);

        var run = await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db, "--dry-run");

        run.ExitCode.Should().Be(0, run.ToString());
        SHA256.HashData(await File.ReadAllBytesAsync(db)).Should().Equal(SHA256.HashData(before), "a dry run does not even open the database for writing");
        (await CountAsync(db, "Resolutions")).Should().Be(1);
    }

    [Fact]
    public async Task AMissingPathExitsWithOne()
    {
        using var folder = new TempFolder();
        var missing = folder.File("nowhere");

        var run = await CliRun.RunAsync("import", missing, "--db", folder.File("archive.sqlite"));

        run.ExitCode.Should().Be(1, run.ToString());
        run.ErrorLines.Should().Contain(line => line.StartsWith(missing + ":1: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("import", "--no-such-option")]
    [InlineData("import")]
    [InlineData("no-such-verb")]
    [InlineData("parse")]
    public async Task AWrongCommandLineExitsWithTwo(params string[] args)
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");

        var run = await CliRun.RunAsync([.. args, "--db", db]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().NotBeEmpty();
        File.Exists(db).Should().BeFalse();
    }

    [Theory]
    [InlineData("import")]
    [InlineData("validate")]
    [InlineData("parse")]
    public async Task AnUnknownOptionAfterValidPathsExitsWithTwoAndRunsNothing(string verb)
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");

        var run = await CliRun.RunAsync(verb, TempFolder.Seed("000"), "--no-such-option", "--db", db);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Output.Should().BeEmpty("the verb does not run on a wrong command line");
        run.Error.Should().Contain("--no-such-option");
        File.Exists(db).Should().BeFalse();
    }

    private static async Task<long> CountAsync(string db, string table)
    {
        await using var connection = new SqliteConnection(ReadOnly(db));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string ReadOnly(string db) =>
        new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
}

using System.Text;
using ResolutionArchive.Data;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// Issue 8, "import atomicity": an import killed mid-way (SIGKILL, a real process) leaves the database as it was.
/// Each test starts the real CLI on enough files to be caught in the middle, waits until it has reported some files as
/// stored (so it is inside its write transaction), kills it, and compares the database with what it was before: the
/// logical dump (schema and every row) and <c>PRAGMA integrity_check</c>. Two inputs: generated copies of seed 000
/// (always available) and the UN corpus (<c>shared/corpus/unxml-ga</c> above the test folder; skipped with the reason
/// when absent).
/// </summary>
public sealed class ImportAtomicityTests
{
    /// <summary>Files reported as stored before the kill: enough to be well inside the run, far from its end.</summary>
    private const int StoredBeforeKill = 10;

    /// <summary>A guard against a hung test, not a measurement.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AnImportKilledMidwayLeavesAnExistingArchiveExactlyAsItWas()
    {
        using var folder = new TempFolder();
        var (db, before) = await SeededArchiveAsync(folder);
        var copies = SeedCopies.Write(folder.File("copies"), 300);

        await ImportAndKillAsync(copies, db);

        (await ArchiveDump.IntegrityCheckAsync(db)).Should().Be("ok");
        (await ArchiveDump.DumpAsync(db)).Should().Be(before, "a killed run commits nothing: not one of its files, index entries, links or revision bumps");
        var again = await CliRun.RunAsync("import", folder.File("seeds"), "--db", db);
        again.OutputLines.Last().Should().StartWith("5 unchanged", "the archive is usable after the kill: " + again);
    }

    [Fact]
    public async Task AnImportKilledMidwayIntoANewFileLeavesAnEmptyArchive()
    {
        // "Empty-equivalent": a missing database is created and migrated before the run's transaction begins (the
        // schema is committed by the migrations), so after a kill the file holds exactly what ArchiveDatabase.OpenAsync
        // makes of a missing file — the schema and the migrations' own rows — and no record, source, index entry or
        // link. The next import takes it from there.
        using var folder = new TempFolder();
        var db = folder.File("new/archive.sqlite");
        var empty = folder.File("empty.sqlite");
        await (await ArchiveDatabase.OpenAsync(empty)).DisposeAsync();
        var copies = SeedCopies.Write(folder.File("copies"), 300);

        await ImportAndKillAsync(copies, db);

        if (File.Exists(db))
        {
            (await ArchiveDump.IntegrityCheckAsync(db)).Should().Be("ok");
            (await ArchiveDump.DumpAsync(db)).Should().Be(await ArchiveDump.DumpAsync(empty), "the killed run's records are not there, only the schema");
            (await ArchiveDump.CountAsync(db, "Resolutions")).Should().Be(0);
        }

        var again = await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db);
        again.OutputLines.Last().Should().StartWith("5 imported", again.ToString());
    }

    [Fact]
    public async Task AFullDiskDuringAMultiFileRunIsReportedWithTheDatabaseReasonAndStoresNothing()
    {
        // issue 14 item 6: SQLite ends the run's transaction itself on a full disk; the tool said "This SqliteTransaction
        // has completed" with a stack trace from RollbackToSavepointAsync instead of the reason
        using var folder = new TempFolder();
        var (db, before) = await SeededArchiveAsync(folder);
        var copies = SeedCopies.Write(folder.File("copies"), 150);

        using var cli = CliProcess.StartOnAFullDisk(new FileInfo(db).Length / 1024 + 512, "import", copies, "--db", db);
        var exit = await cli.WaitForExitAsync(Guard);

        exit.Should().Be(1, cli.ToString());
        var reason = cli.ErrorLines.Should().ContainSingle(l => l.Contains("the import was rolled back, nothing was stored: ", StringComparison.Ordinal), cli.ToString()).Subject;
        reason.Should().StartWith(db + ": ").And.MatchRegex(@"SQLite Error (13: 'database or disk is full'|10: 'disk I/O error')", "the database's own reason: ENOSPC gives error 13, a write refused past the limit error 10");
        cli.ErrorLines.Should().NotContain(l => l.Contains("SqliteTransaction has completed", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal), cli.ToString());
        cli.OutputLines.Should().NotContain(l => l.StartsWith("lineage: ", StringComparison.Ordinal));
        (await ArchiveDump.IntegrityCheckAsync(db)).Should().Be("ok");
        (await ArchiveDump.DumpAsync(db)).Should().Be(before, "nothing of the run is stored");
    }

    [Fact]
    public async Task AKilledImportOfTheCorpusLeavesTheArchiveExactlyAsItWas()
    {
        var corpus = FindCorpus();
        // issue 14 item 15: CI has ../shared beside the clone, so a missing corpus is a failure there, never a skip
        ResolutionArchive.Testing.CiEnvironment.SkipIfMissing(corpus is null ? $"the AKN4UN corpus was not found: no folder shared/corpus/unxml-ga above {AppContext.BaseDirectory}" : null);
        using var folder = new TempFolder();
        var (db, before) = await SeededArchiveAsync(folder);

        await ImportAndKillAsync(corpus!, db);

        (await ArchiveDump.IntegrityCheckAsync(db)).Should().Be("ok");
        (await ArchiveDump.DumpAsync(db)).Should().Be(before);
    }

    /// <summary>An archive of the five seeds in <paramref name="folder"/>, imported by the CLI, and its logical dump.</summary>
    private static async Task<(string Db, string Dump)> SeededArchiveAsync(TempFolder folder)
    {
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);
        return (db, await ArchiveDump.DumpAsync(db));
    }

    /// <summary>Starts the CLI import of <paramref name="input"/>, waits until it is inside its run, and kills it.</summary>
    private static async Task ImportAndKillAsync(string input, string db)
    {
        using var cli = CliProcess.Start("import", input, "--db", db);
        var midway = await cli.WaitForOutputAsync(l => l.StartsWith("imported: ", StringComparison.Ordinal), StoredBeforeKill, Guard);
        midway.Should().BeTrue($"the import reports files as it stores them:\n{cli}");

        await cli.KillAsync();

        cli.OutputLines.Should().NotContain(l => l.StartsWith("lineage: ", StringComparison.Ordinal), "the kill came before the end of the run");
        cli.OutputLines.Should().NotContain(l => l.Contains(" files, database ", StringComparison.Ordinal), "the run did not reach its summary");
        File.Exists(db + "-journal").Should().BeFalse("the archive runs in WAL mode: no rollback journal");
    }

    /// <summary><c>shared/corpus/unxml-ga</c> in the nearest folder above the tests that has one (tests/…/AknCorpus.cs does the same).</summary>
    internal static string? FindCorpus() => ResolutionArchive.Testing.RepositoryPaths.Shared("corpus/unxml-ga");
}

/// <summary>
/// Many distinct valid files without the corpus: copies of seed 000 (A/HRC/RES/46/13) renumbered 46/1000, 46/1001…,
/// as tests/ResolutionArchive.Web.Tests/Infrastructure/SeedCopies.cs makes them.
/// </summary>
internal static class SeedCopies
{
    /// <summary>Writes <paramref name="count"/> copies to <paramref name="folder"/> (created) and returns the folder.</summary>
    public static string Write(string folder, int count, int first = 1000)
    {
        var text = File.ReadAllText(TempFolder.Seed("000"), Encoding.UTF8);
        text.Should().Contain("46/13.", "the copies are made by renumbering 46/13");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var number = first + i;
            File.WriteAllText(Path.Combine(folder, $"copy-46-{number}.txt"), text.Replace("46/13.", $"46/{number}.", StringComparison.Ordinal), new UTF8Encoding(false));
        }

        return folder;
    }
}

namespace ResolutionArchive.Cli.Tests;

/// <summary>The <c>backup</c> verb: a consistent copy, even while an import writes (docs/cli.md).</summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task ABackupHoldsExactlyWhatTheArchiveHolds()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);
        var copy = folder.File("backups/copy.sqlite");

        var run = await CliRun.RunAsync("backup", "--db", db, "--to", copy);

        run.ExitCode.Should().Be(0, run.ToString());
        run.OutputLines.Should().ContainSingle().Which.Should().StartWith("backup: 5 resolutions at revision ");
        (await ArchiveDump.DumpAsync(copy)).Should().Be(await ArchiveDump.DumpAsync(db));
        (await ArchiveDump.IntegrityCheckAsync(copy)).Should().Be("ok");
        Directory.GetFiles(folder.File("backups")).Should().Equal([copy], "the temporary file is renamed, nothing else is left");
    }

    [Fact]
    public async Task ABackupDuringAnImportHoldsTheArchiveAsLastCommitted()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);
        var before = await ArchiveDump.DumpAsync(db);
        var copy = folder.File("copy.sqlite");
        await File.WriteAllTextAsync(copy, "an older copy, replaced as a whole");

        using (var import = CliProcess.Start("import", SeedCopies.Write(folder.File("copies"), 300), "--db", db))
        {
            (await import.WaitForOutputAsync(l => l.StartsWith("imported: ", StringComparison.Ordinal), 5, TimeSpan.FromSeconds(60))).Should().BeTrue(import.ToString());

            var run = await CliRun.RunAsync("backup", "--db", db, "--to", copy);

            run.ExitCode.Should().Be(0, run.ToString());
            import.HasExited.Should().BeFalse("the backup was taken while the import was writing");
        }

        (await ArchiveDump.IntegrityCheckAsync(copy)).Should().Be("ok");
        (await ArchiveDump.DumpAsync(copy)).Should().Be(before, "the import had not committed: the copy is the archive before it");
    }

    [Fact]
    public async Task ACopyForAnInstanceIsInRollbackJournalModeAndReplacesTheServedCopyWhileItIsOpen()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);
        var copy = folder.File("instance-1/archive.db");
        (await CliRun.RunAsync("backup", "--db", db, "--to", copy, "--for-instance")).ExitCode.Should().Be(0);
        (await ScalarAsync(db, "PRAGMA journal_mode")).Should().Be("wal", "the source keeps WAL mode");
        (await ScalarAsync(copy, "PRAGMA journal_mode")).Should().Be("delete");

        // A reader holds the served copy open (as an instance's request would) while the next copy is renamed over it.
        await using var reader = new Microsoft.Data.Sqlite.SqliteConnection(ResolutionArchive.Data.ArchiveDatabase.ConnectionString(copy, readOnly: true));
        await reader.OpenAsync();
        (await CliRun.RunAsync("delete", "A/HRC/RES/46/13", "--db", db)).ExitCode.Should().Be(0);

        var run = await CliRun.RunAsync("backup", "--db", db, "--to", copy, "--for-instance");

        run.ExitCode.Should().Be(0, run.ToString());
        run.OutputLines.Should().ContainSingle().Which.Should().StartWith("backup: 4 resolutions at revision ").And.Contain("rollback journal for a read-only instance");
        await using (var count = reader.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM Resolutions";
            (await count.ExecuteScalarAsync()).Should().Be(5L, "an open connection keeps reading the copy it opened");
        }

        (await ScalarAsync(copy, "SELECT count(*) FROM Resolutions")).Should().Be("4", "a new connection opens the new copy");
        (await ArchiveDump.DumpAsync(copy)).Should().Be(await ArchiveDump.DumpAsync(db));
        Directory.GetFiles(folder.File("instance-1")).Should().Equal([copy], "no -wal, -shm or temporary file beside the copy");
    }

    private static async Task<string> ScalarAsync(string path, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ResolutionArchive.Data.ArchiveDatabase.ConnectionString(path, readOnly: true));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task ATargetWithAWriteAheadLogBesideItIsNotReplaced()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);
        var target = folder.File("restored.sqlite");
        await File.WriteAllTextAsync(target, "the archive in use");
        await File.WriteAllTextAsync(target + "-wal", "its write-ahead log");

        var run = await CliRun.RunAsync("backup", "--db", db, "--to", target);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("found a non-empty restored.sqlite-wal beside it").And.EndWith("nothing was written");
        (await File.ReadAllTextAsync(target)).Should().Be("the archive in use");

        // An empty log (what a read-only reader such as a backup of that file leaves) holds nothing: the restore goes on.
        await File.WriteAllTextAsync(target + "-wal", "");
        var again = await CliRun.RunAsync("backup", "--db", db, "--to", target);
        again.ExitCode.Should().Be(0, again.ToString());
        (await ArchiveDump.DumpAsync(target)).Should().Be(await ArchiveDump.DumpAsync(db));
    }

    [Fact]
    public async Task ABackupOfAMissingArchiveWritesNothing()
    {
        using var folder = new TempFolder();
        var copy = folder.File("copy.sqlite");

        var run = await CliRun.RunAsync("backup", "--db", folder.File("missing.sqlite"), "--to", copy);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("expected an archive database, found no file");
        File.Exists(copy).Should().BeFalse();
    }
}

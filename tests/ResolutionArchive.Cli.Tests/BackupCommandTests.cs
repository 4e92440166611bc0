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

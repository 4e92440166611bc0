using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// Issue 8, "concurrency": the archive runs in SQLite's WAL mode, where readers are never blocked by the writer and see
/// the last committed state; an import run commits once, so a reader sees the archive before the run or after it,
/// never in between; a second importer waits for the first one's write lock up to <c>--wait</c> seconds and then gives
/// up with exit code 3 and a clear message, having written nothing.
/// </summary>
public sealed class ImportConcurrencyTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ASecondImporterGivesUpWithAClearMessageAndWritesNothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", TempFolder.Seed("000"), "--db", db)).ExitCode.Should().Be(0);
        var before = await ArchiveDump.DumpAsync(db);

        // another writer in the middle of its transaction, as the first of two imports is
        await using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            await writer.OpenAsync();
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync();
            await using (var command = writer.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "UPDATE ArchiveRevision SET Revision = Revision + 1000";
                await command.ExecuteNonQueryAsync();
            }

            using var second = CliProcess.Start("import", folder.CopySeeds(), "--db", db, "--wait", "1");
            var exit = await second.WaitForExitAsync(Guard);

            exit.Should().Be(3, second.ToString());
            second.ErrorLines.Should().ContainSingle().Which.Should().Be(
                $"{db}: another import is writing to the database (waited 1 s for its lock); nothing was imported by this run, try again when it has finished");
            second.OutputLines.Should().BeEmpty("no file is reported as stored by a run that could not write");
            string.Join('\n', second.ErrorLines).Should().NotContain("   at ", "no stack trace");
            await transaction.RollbackAsync();
        }

        (await ArchiveDump.DumpAsync(db)).Should().Be(before, "the second importer wrote nothing");
    }

    [Fact]
    public async Task TwoImportsAtOnceBothLandWhenTheSecondMayWait()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        var copies = SeedCopies.Write(folder.File("copies"), 60);
        var seeds = folder.CopySeeds();

        using var first = CliProcess.Start("import", copies, "--db", db);
        (await first.WaitForOutputAsync(l => l.StartsWith("imported: ", StringComparison.Ordinal), 1, Guard)).Should().BeTrue(first.ToString());
        using var second = CliProcess.Start("import", seeds, "--db", db, "--wait", "120");

        (await first.WaitForExitAsync(Guard)).Should().Be(0, first.ToString());
        (await second.WaitForExitAsync(Guard)).Should().Be(0, second.ToString());

        first.OutputLines.Last().Should().StartWith("60 imported");
        second.OutputLines.Last().Should().StartWith("5 imported", "the second run waited for the first one's lock instead of failing");
        (await ArchiveDump.CountAsync(db, "Resolutions")).Should().Be(60 + 5);
        (await ArchiveDump.IntegrityCheckAsync(db)).Should().Be("ok");
    }

    [Fact]
    public async Task AReaderDuringAnImportSeesTheArchiveBeforeOrAfterItNeverInBetween()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);
        var copies = SeedCopies.Write(folder.File("copies"), 40);
        var initial = await ObserveAsync(db);

        var observations = new List<Observation>();
        using (var cli = CliProcess.Start("import", copies, "--db", db))
        {
            // read, as the site does, on fresh connections, until the import has ended, then once more
            while (!cli.HasExited)
            {
                observations.Add(await ObserveAsync(db));
            }

            (await cli.WaitForExitAsync(Guard)).Should().Be(0, cli.ToString());
        }

        var final = await ObserveAsync(db);
        final.Resolutions.Should().Be(45);
        final.Links.Should().BeGreaterThan(initial.Links, "the run's lineage links came with its records");
        observations.Should().HaveCountGreaterThan(1);
        observations.Should().OnlyContain(o => o == initial || o == final, "every read sees either the archive before the run or after it");
        observations.Should().Contain(initial, "the reader ran while the import was writing");
    }

    /// <summary>What a reader sees in one read transaction: counts that change with every record an import adds.</summary>
    private sealed record Observation(long Revision, long Resolutions, long Paragraphs, long Footnotes, long SearchEntries, long IndexRows, long Links, long Sources);

    private static async Task<Observation> ObserveAsync(string db)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        // one statement: one read transaction, so the counts belong to one snapshot
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT Revision FROM ArchiveRevision), (SELECT count(*) FROM Resolutions), (SELECT count(*) FROM Paragraphs), " +
            "(SELECT count(*) FROM Footnotes), (SELECT count(*) FROM SearchEntries), (SELECT count(*) FROM SearchIndex), " +
            "(SELECT count(*) FROM ParagraphLinks), (SELECT count(*) FROM Sources)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Observation(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }
}

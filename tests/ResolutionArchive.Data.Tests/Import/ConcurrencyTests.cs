using System.Text;
using Microsoft.Data.Sqlite;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Data.Tests.Import;

/// <summary>
/// Issue 8, "concurrency", at the level of the importer: the archive is in WAL mode, a reader on its own connection is
/// never blocked by a write transaction and never sees a record without all its rows and index entries, and inside a
/// caller's transaction (the CLI's import run) a file that fails to store is rolled back alone, by its savepoint.
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ANewArchiveIsInWalMode()
    {
        await using var database = await TestDatabase.CreateAsync();

        (await ScalarAsync(database.Path, "PRAGMA journal_mode")).Should().Be("wal", "the first migration sets WAL, and SQLite keeps it in the file");
    }

    [Fact]
    public async Task AReaderIsNotBlockedByAnOpenWriteTransactionAndSeesNothingOfIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        (await database.ImportSeedAsync("003")).Status.Should().Be(ImportStatus.Imported);
        await using var transaction = await database.Context.Database.BeginTransactionAsync();
        (await database.ImportSeedAsync("000")).Status.Should().Be(ImportStatus.Imported);

        // a reader that would wait for the writer fails after one second instead of answering
        var count = await ScalarAsync(database.Path, "SELECT count(*) FROM Resolutions", timeoutSeconds: 1);

        count.Should().Be(1L, "the reader sees the last committed state: 76/159, not the 46/13 being written");
        await transaction.CommitAsync();
        (await ScalarAsync(database.Path, "SELECT count(*) FROM Resolutions")).Should().Be(2L);
    }

    [Fact]
    public async Task InsideACallersTransactionAFileThatFailsToStoreIsRolledBackAlone()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DatabaseSnapshot.ExecuteAsync(database.Path,
            "CREATE TRIGGER refuse_one BEFORE INSERT ON Resolutions WHEN NEW.\"Key\" = 'A/HRC/RES/46/13' BEGIN SELECT RAISE(ABORT, 'test refuses 46/13'); END;");
        await using var transaction = await database.Context.Database.BeginTransactionAsync();

        var outcomes = new List<ImportOutcome>();
        foreach (var prefix in Seeds.Prefixes)
        {
            outcomes.Add(await database.ImportSeedAsync(prefix));
        }

        await transaction.CommitAsync();
        outcomes.Select(o => o.Status).Should().Equal(ImportStatus.Failed, ImportStatus.Imported, ImportStatus.Imported, ImportStatus.Imported, ImportStatus.Imported);
        outcomes[0].Diagnostics.Should().Contain(d => d.Message.Contains("test refuses 46/13", StringComparison.Ordinal));
        (await DatabaseSnapshot.CountAsync(database.Path, "Resolutions")).Should().Be(4);
        (await DatabaseSnapshot.CountAsync(database.Path, "Sources", "ResolutionKey = 'A/HRC/RES/46/13'")).Should().Be(0, "the failed file's source row, stored before the refusal, went with its savepoint");
        await using var check = database.OpenContext();
        (await SearchIndex.CheckAsync(check)).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadersDuringAnImportSeeEachRecordWholeWithItsIndex()
    {
        // what a complete import stores for each record: its paragraphs, footnotes and index entries
        var files = Sources(30);
        Dictionary<string, RecordCounts> complete;
        await using (var reference = await TestDatabase.CreateAsync())
        {
            foreach (var file in files)
            {
                await reference.Importer.ImportAsync(file);
            }

            complete = (await ReadAsync(reference.Path)).Records;
        }

        complete.Should().HaveCount(30 + 5);
        await using var database = await TestDatabase.CreateAsync();
        using var stop = new CancellationTokenSource();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            var seen = new List<Snapshot>();
            while (!stop.IsCancellationRequested)
            {
                seen.Add(await ReadAsync(database.Path));
                reading.TrySetResult();
            }

            return seen;
        });

        // The imports start once the reader has read: on a loaded machine the reader's task could otherwise be scheduled
        // only after the last import, and read nothing while it ran.
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var file in files)
        {
            (await database.Importer.ImportAsync(file)).Status.Should().Be(ImportStatus.Imported);
        }

        await stop.CancelAsync();
        var snapshots = await reader;
        snapshots.Add(await ReadAsync(database.Path));

        snapshots.Should().HaveCountGreaterThan(1);
        foreach (var snapshot in snapshots)
        {
            foreach (var (key, counts) in snapshot.Records)
            {
                counts.Should().Be(complete[key], $"{key} is read whole, with its index entries, at revision {snapshot.Revision}");
            }

            snapshot.Revision.Should().Be(snapshot.Records.Count, "each import bumps the revision once, in the transaction that stores the record");
        }

        snapshots.Select(s => s.Records.Count).Should().BeInAscendingOrder();
        snapshots[^1].Records.Should().HaveCount(35);
    }

    /// <summary>The five seeds and <paramref name="copies"/> copies of seed 000 renumbered 46/1000, 46/1001….</summary>
    private static List<ImportSource> Sources(int copies)
    {
        var text = File.ReadAllText(Seeds.PathOf("000"), Encoding.UTF8);
        return [.. Seeds.Prefixes.Select(Seeds.Source),
            .. Enumerable.Range(1000, copies).Select(n => new ImportSource($"copy-46-{n}.txt", Encoding.UTF8.GetBytes(text.Replace("46/13.", $"46/{n}.", StringComparison.Ordinal))))];
    }

    private sealed record RecordCounts(long Paragraphs, long Footnotes, long Votes, long Entries, long IndexRows);

    private sealed record Snapshot(long Revision, Dictionary<string, RecordCounts> Records);

    /// <summary>Every record's counts and the revision, read in one read transaction on a new connection (as a page request does).</summary>
    private static async Task<Snapshot> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT r.\"Key\", " +
            "(SELECT count(*) FROM Paragraphs p WHERE p.ResolutionId = r.Id), " +
            "(SELECT count(*) FROM Footnotes f WHERE f.ResolutionId = r.Id), " +
            "(SELECT count(*) FROM Votes v WHERE v.ResolutionId = r.Id), " +
            "(SELECT count(*) FROM SearchEntries e WHERE e.ResolutionId = r.Id), " +
            "(SELECT count(*) FROM SearchEntries e JOIN SearchIndex i ON i.rowid = e.Id WHERE e.ResolutionId = r.Id) " +
            "FROM Resolutions r";
        var records = new Dictionary<string, RecordCounts>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                records[reader.GetString(0)] = new RecordCounts(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            }
        }

        command.CommandText = "SELECT Revision FROM ArchiveRevision WHERE Id = 1";
        var revision = (long)(await command.ExecuteScalarAsync())!;
        return new Snapshot(revision, records);
    }

    private static async Task<object?> ScalarAsync(string path, string sql, int timeoutSeconds = 30)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = timeoutSeconds }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

using Microsoft.Data.Sqlite;
using ResolutionArchive.Data;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>
/// The <c>backup</c> verb (docs/cli.md): a consistent copy of the archive while the site serves it and even while an
/// import runs. It uses SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>,
/// https://www.sqlite.org/backup.html) on a read-only connection, which copies every page of the last committed state in
/// one read transaction — in WAL mode a running import neither blocks it nor leaks into it. The copy is written to a
/// temporary file beside the target, checked with <c>PRAGMA integrity_check</c>, and only then renamed over the
/// target, so a reader of the target (a read-only site instance being refreshed) sees the old file or the new one,
/// never half of one. The source is never written. A target with a non-empty <c>-wal</c> file beside it (in use by a
/// WAL-mode process, or left by a killed one) is refused: that log belongs to the old file.
/// <para>
/// With <c>forInstance</c> (<c>--for-instance</c>) the copy is switched to the rollback journal
/// (<c>PRAGMA journal_mode = DELETE</c>) before the rename: a copy for a read-only site instance (docs/operations.md
/// §2). In that mode a reader needs no <c>-wal</c> or <c>-shm</c> file beside the database, so the instance needs no
/// write right on the folder, and renaming a new copy over the served one cannot pair it with the old copy's
/// <c>-shm</c> index (https://www.sqlite.org/wal.html#readonly). A plain backup keeps WAL mode, as the archive it copies.
/// </para>
/// </summary>
internal static class BackupVerb
{
    /// <summary>Copies <paramref name="db"/> to <paramref name="target"/>; returns the exit code (0, or 1 with a message on standard error).</summary>
    public static async Task<int> RunAsync(string db, string target, bool forInstance, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"{db}:1: expected an archive database, found no file (give --db FILE)");
            return 1;
        }

        var source = Path.GetFullPath(db);
        var destination = Path.GetFullPath(target);
        if (source == destination)
        {
            await error.WriteLineAsync($"{target}: expected a backup file other than the database itself");
            return 1;
        }

        // A -wal file beside the target means a process has it open in WAL mode, or had and was killed: its frames belong
        // to the old file and would be applied to the new one by the next reader (https://www.sqlite.org/wal.html).
        // An empty one (left by a read-only reader, such as a backup of that file) holds no frame and is no danger.
        if (new FileInfo(destination + "-wal") is { Exists: true, Length: > 0 })
        {
            await error.WriteLineAsync($"{target}: expected a target no process has open in WAL mode, found a non-empty {Path.GetFileName(destination)}-wal beside it; stop the process using it (or open and close it once to checkpoint it) and try again — nothing was written");
            return 1;
        }

        var folder = Path.GetDirectoryName(destination)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            long resolutions;
            long revision;
            await using (var from = new SqliteConnection(ArchiveDatabase.ConnectionString(source, readOnly: true)))
            await using (var to = new SqliteConnection(ArchiveDatabase.ConnectionString(temporary)))
            {
                await from.OpenAsync(token);
                await to.OpenAsync(token);
                from.BackupDatabase(to);
                resolutions = await ScalarAsync(to, "SELECT count(*) FROM Resolutions", token);
                revision = await ScalarAsync(to, Data.ArchiveRevision.Sql, token);
                await using var check = to.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                var verdict = (string?)await check.ExecuteScalarAsync(token);
                if (verdict != "ok")
                {
                    await error.WriteLineAsync($"{target}: the copy failed SQLite's integrity_check ({verdict}); nothing was written");
                    return 1;
                }

                if (forInstance)
                {
                    await using var journal = to.CreateCommand();
                    journal.CommandText = "PRAGMA journal_mode = DELETE";
                    var mode = (string?)await journal.ExecuteScalarAsync(token);
                    if (mode != "delete")
                    {
                        await error.WriteLineAsync($"{target}: the copy could not be switched to the rollback journal (journal_mode is {mode}); nothing was written");
                        return 1;
                    }
                }
            }

            File.Move(temporary, destination, overwrite: true);
            await output.WriteLineAsync($"backup: {resolutions} resolutions at revision {revision}, {new FileInfo(destination).Length} bytes{(forInstance ? ", rollback journal for a read-only instance" : "")}, {source} → {destination}");
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{target}: the backup failed, nothing was written: {ex.Message}");
            return 1;
        }
        finally
        {
            foreach (var file in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken token)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(token), System.Globalization.CultureInfo.InvariantCulture);
    }
}

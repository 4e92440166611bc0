using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// A database file's logical content, to prove that a command left it "exactly as it was": the dump of the Data tests'
/// <see cref="Data.Tests.DatabaseSnapshot"/> (linked into this project), and SQLite's integrity check.
/// </summary>
internal static class ArchiveDump
{
    /// <summary>The schema and every row of every table, in a stable order (the Data tests' <see cref="Data.Tests.DatabaseSnapshot"/>).</summary>
    public static async Task<string> DumpAsync(string db) => (await Data.Tests.DatabaseSnapshot.TakeAsync(db)).Dump;

    /// <summary>
    /// <c>PRAGMA integrity_check</c> through a read-write connection, as the next user of the file opens it (so that a
    /// write-ahead log left by a killed process is recovered first): "ok", or SQLite's list of problems.
    /// </summary>
    public static async Task<string> IntegrityCheckAsync(string db)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>How many rows <paramref name="table"/> holds.</summary>
    public static Task<long> CountAsync(string db, string table) => Data.Tests.DatabaseSnapshot.CountAsync(db, table);
}

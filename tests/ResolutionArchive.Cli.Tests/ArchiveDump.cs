using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// A database file's logical content, to prove that a command left it "exactly as it was": the schema and every row of
/// every table (system tables included), in a stable order. Read through separate connections without pooling, so
/// nothing stays open.
/// </summary>
internal static class ArchiveDump
{
    /// <summary>The schema and every row of every table, in a stable order.</summary>
    public static async Task<string> DumpAsync(string db)
    {
        var dump = new List<string>();
        await using var connection = new SqliteConnection(ReadOnly(db));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type || ' ' || name || ': ' || ifnull(sql, '-'), type, name FROM sqlite_master ORDER BY type, name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.Add(reader.GetString(0));
                if (reader.GetString(1) == "table")
                {
                    tables.Add(reader.GetString(2));
                }
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetFieldType(i).Name}:{Format(reader.GetValue(i))}")));
            }

            dump.Add($"{table}: {rows.Count} rows");
            dump.AddRange(rows.Order(StringComparer.Ordinal));
        }

        return string.Join('\n', dump);
    }

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
    public static async Task<long> CountAsync(string db, string table)
    {
        await using var connection = new SqliteConnection(ReadOnly(db));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A value as text; bytes (the kept source files) as hexadecimal, so that their content is compared too.</summary>
    private static string Format(object value) =>
        value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;

    private static string ReadOnly(string db) =>
        new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
}

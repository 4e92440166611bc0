using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Data.Tests;

/// <summary>
/// Everything a database file holds, to prove that an operation left it "exactly as it was": the schema
/// (<c>sqlite_master</c>), every row of every table (system tables included) with each value's storage class, and the
/// SHA-256 of the file's bytes. Read through a separate read-only connection; pooling is off, so nothing stays open.
/// </summary>
internal sealed record DatabaseSnapshot(string Dump, string FileSha256)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string path)
    {
        var dump = new StringBuilder();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    dump.Append(CultureInfo.InvariantCulture, $"schema {reader.GetString(0)} {reader.GetString(1)} on {reader.GetString(2)}: {(reader.IsDBNull(3) ? "-" : reader.GetString(3))}\n");
                    if (reader.GetString(0) == "table")
                    {
                        tables.Add(reader.GetString(1));
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
                    var values = Enumerable.Range(0, reader.FieldCount)
                        .Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetFieldType(i).Name}:{Format(reader.GetValue(i))}");
                    rows.Add(string.Join(" | ", values));
                }

                rows.Sort(StringComparer.Ordinal);
                dump.Append(CultureInfo.InvariantCulture, $"table {table}: {rows.Count} rows\n");
                rows.ForEach(row => dump.Append(row).Append('\n'));
            }
        }

        return new DatabaseSnapshot(dump.ToString(), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
    }

    private static string Format(object value) =>
        value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>How many rows <paramref name="table"/> holds.</summary>
    public static async Task<long> CountAsync(string path, string table, string where = "1 = 1")
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL on the file outside EF Core (to set up a trigger, for instance).</summary>
    public static async Task ExecuteAsync(string path, string sql)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Web.Hosting;

namespace ResolutionArchive.Web.Tests.Faults;

/// <summary>
/// A temporary folder with archive files to break: an up-to-date archive holding the five seeds (made by the real
/// importer, then closed, so that everything is in the main file and no -wal is left), and the ways to damage, lock
/// or freeze it. Deleted on dispose, after any immutable flag it set is cleared.
/// </summary>
internal sealed class FaultyArchive : IDisposable
{
    private readonly List<string> _immutable = [];

    /// <summary>The folder.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("archive-faults-").FullName;

    /// <summary>A path in the folder.</summary>
    public string File(string name) => Path.Combine(Folder, name);

    /// <summary>Creates an up-to-date archive with the seeds at <paramref name="name"/> and returns its path.</summary>
    public async Task<string> SeededAsync(string name = "archive.db")
    {
        var path = File(name);
        await using (var db = await ArchiveDatabase.OpenAsync(path))
        {
            var importer = new ResolutionImporter(db);
            foreach (var source in ArchiveStartup.EmbeddedSeeds())
            {
                (await importer.ImportAsync(source)).Status.Should().Be(ImportStatus.Imported);
            }

            await Data.Lineage.LineageStore.RebuildAsync(db);
        }

        System.IO.File.Exists(path + "-wal").Should().BeFalse("closing the last connection checkpoints the log into the file");
        return path;
    }

    /// <summary>Overwrites the file from <paramref name="offset"/> to its end with random bytes (a fixed seed).</summary>
    public static void Scramble(string path, long offset)
    {
        var bytes = System.IO.File.ReadAllBytes(path);
        new Random(8).NextBytes(bytes.AsSpan((int)offset));
        System.IO.File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Makes <paramref name="path"/> immutable with <c>chattr +i</c>, which even root cannot write (tests run as root, so
    /// file modes prove nothing). Returns why it cannot, or null when it did.
    /// </summary>
    public string? TryFreeze(string path)
    {
        var (code, output) = Run("chattr", "+i", path);
        if (code != 0)
        {
            return $"chattr +i is not available here ({output.Trim()}); the OS-level read-only case needs it";
        }

        _immutable.Add(path);
        return null;
    }

    /// <summary>A connection to <paramref name="path"/> that takes SQLite's exclusive lock and keeps it (<c>locking_mode=EXCLUSIVE</c> and a write).</summary>
    public static async Task<SqliteConnection> LockExclusivelyAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE ArchiveRevision SET Revision = Revision + 1; COMMIT;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var path in _immutable)
        {
            Run("chattr", "-i", path);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a process that is being torn down: the temp folder is cleaned by the OS
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// Runs once before the site serves. Checks that the database can be used (issue 8, "faults at site start"), applies the
/// committed migrations and, when the database holds no resolution, imports the five seed texts embedded in this
/// assembly (resources <c>seeds/*.txt</c>); in read-only mode (<see cref="ArchiveOptions.ReadOnlyKey"/>) it only checks.
/// <list type="table">
/// <item><term>missing file</term><description>created, migrated and seeded; in read-only mode, refused.</description></item>
/// <item><term>missing folder that cannot be created</term><description>refused, naming the folder.</description></item>
/// <item><term>read-only file (read-only mode, or a file the OS will not let the site write)</term><description>served when
/// up to date; refused when it would need migrating or seeding.</description></item>
/// <item><term>not SQLite, corrupt or truncated</term><description>refused: <c>PRAGMA quick_check</c> runs at every start.</description></item>
/// <item><term>locked by another process</term><description>a writer in WAL mode does not block the start; an exclusive
/// lock is waited for up to <see cref="ArchiveOptions.DefaultWaitSeconds"/> s, then refused.</description></item>
/// </list>
/// A refusal is one critical log line, <c>The archive database PATH cannot be used: REASON. The site does not start.</c>,
/// and <see cref="TryPrepareAsync"/> returns false (Program.cs then exits with code 1); no stack trace is written.
/// </summary>
internal static class ArchiveStartup
{
    /// <summary>
    /// <see cref="PrepareAsync"/>, with a database that cannot be opened or read reported as one critical log line
    /// (the path and the reason in words, no stack trace) and <c>false</c>, on which the site does not start.
    /// </summary>
    public static async Task<bool> TryPrepareAsync(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        // the options are bound and validated here, before the host starts, so that a bad setting is one line, not a stack
        ArchiveOptions options;
        try
        {
            options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            var path = ArchiveOptions.From(services.GetRequiredService<IConfiguration>()).DatabasePath;
            logger.LogCritical("The archive database {Path} cannot be used: {Reason}. The site does not start.", path, string.Join("; ", ex.Failures));
            return false;
        }

        try
        {
            await PrepareAsync(services, logger);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogCritical("The archive database {Path} cannot be used: {Reason}. The site does not start.", options.DatabasePath, Reason(ex, options.WaitSeconds));
            return false;
        }
    }

    /// <summary>
    /// Checks the database and brings it up to date: see the class summary. Throws <see cref="ArchiveUnusableException"/>
    /// or SQLite's and the file system's exceptions when it cannot be used.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
        var (path, readOnly, wait) = (options.DatabasePath, options.ReadOnly, options.WaitSeconds);
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        logger.LogInformation("Archive database: {Path}{Mode}", path, readOnly ? " (read-only)" : "");
        if (readOnly)
        {
            if (!exists)
            {
                throw new ArchiveUnusableException(File.Exists(path) ? "the file is empty, and in read-only mode the site neither creates nor seeds an archive" : "there is no such file, and in read-only mode the site neither creates nor seeds an archive");
            }

            await CheckAsync(path, readOnly: true, wait);
            await using var readOnlyScope = services.CreateAsyncScope();
            var context = readOnlyScope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
            var pending = await PendingMigrationsAsync(path, context, wait);
            if (pending.Count > 0)
            {
                throw new ArchiveUnusableException($"its schema is out of date ({pending.Count} migration(s) pending, the first {pending[0]}), and in read-only mode the site does not migrate: open a writable copy once (the site without ReadOnly, or any CLI import) and copy it again");
            }

            return;
        }

        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ArchiveUnusableException($"its folder {folder} does not exist and cannot be created ({ex.Message})", ex);
            }
        }

        if (exists)
        {
            await CheckAsync(path, readOnly: false, wait);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        // a bounded wait for other processes' locks: EF Core's commands, and the seed import's BEGIN IMMEDIATE
        db.Database.SetCommandTimeout(wait);
        ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout = wait;
        await ArchiveDatabase.UpgradeAsync(db, path);
        if (await db.Resolutions.AnyAsync())
        {
            return;
        }

        // the CLI's import workflow (docs/cli.md "import"): the seeds, their lineage and the revision in one transaction
        await using var run = await ImportRun.BeginAsync(db);
        foreach (var source in EmbeddedSeeds())
        {
            var outcome = await run.AddAsync(source);
            foreach (var diagnostic in outcome.Diagnostics)
            {
                logger.LogWarning("{Diagnostic}", diagnostic.ToString());
            }

            logger.LogInformation("Seed {File}: {Status} {Key}", source.Name, outcome.Status, outcome.Key);
        }

        var lineage = await run.CompleteAsync();
        logger.LogInformation("Paragraph lineage: {Links} links for {Records} records", lineage?.Links ?? 0, lineage?.Records ?? 0);
    }

    /// <summary>
    /// Opens the existing file on a connection of its own (outside EF Core, so that nothing is logged with a stack
    /// trace) and runs <c>PRAGMA quick_check</c>, which reads every page: a file that is not SQLite, a truncated one and
    /// one with damaged pages are found here, before the site serves. Waits up to <paramref name="wait"/> seconds for a
    /// lock held by another process.
    /// </summary>
    private static async Task CheckAsync(string path, bool readOnly, int wait)
    {
        var builder = new SqliteConnectionStringBuilder(ArchiveDatabase.ConnectionString(path, readOnly: true)) { DefaultTimeout = wait };
        if (!readOnly)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(5)";
        var problems = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                problems.Add(reader.GetString(0));
            }
        }

        if (problems is not ["ok"])
        {
            throw new ArchiveUnusableException($"it is corrupt (SQLite's quick_check: {string.Join("; ", problems)})");
        }
    }

    /// <summary>The assembly's migrations that the file has not applied, read on a read-only connection.</summary>
    private static async Task<List<string>> PendingMigrationsAsync(string path, ArchiveDbContext context, int wait)
    {
        var builder = new SqliteConnectionStringBuilder(ArchiveDatabase.ConnectionString(path, readOnly: true)) { DefaultTimeout = wait };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (await command.ExecuteScalarAsync() is not null)
        {
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }

        return [.. context.Database.GetMigrations().Where(m => !applied.Contains(m))];
    }

    /// <summary>The reason of a refusal in words, with SQLite's own message; never a stack trace.</summary>
    private static string Reason(Exception exception, int wait) => exception switch
    {
        ArchiveUnusableException unusable => unusable.Message,
        SqliteException { SqliteErrorCode: 26 } sqlite => $"it is not an SQLite database ({sqlite.Message})",
        SqliteException { SqliteErrorCode: 11 } sqlite => $"it is corrupt ({sqlite.Message})",
        SqliteException { SqliteErrorCode: 5 or 6 } sqlite => $"another process holds a lock on it and still held it after {wait} s ({sqlite.Message}); start again when that process has finished, or set {ArchiveOptions.WaitKey}",
        SqliteException { SqliteErrorCode: 8 } sqlite => $"it is read-only, and it needs writing (migrations or the seeds); make it writable, or start with {ArchiveOptions.ReadOnlyKey}=true on an up-to-date copy ({sqlite.Message})",
        SqliteException { SqliteErrorCode: 14 } sqlite => $"it cannot be opened: the file or the -shm/-wal files beside it cannot be read or created ({sqlite.Message})",
        SqliteException sqlite => sqlite.Message,
        IOException or UnauthorizedAccessException => $"{exception.GetType().Name}: {exception.Message}",
        _ when exception.InnerException is { } inner => Reason(inner, wait),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
    /// <summary>The seed texts embedded at build time from the repository's <c>seeds/</c> folder, in name order.</summary>
    public static IEnumerable<ImportSource> EmbeddedSeeds()
    {
        var assembly = typeof(ArchiveStartup).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("seeds/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            yield return new ImportSource(name, memory.ToArray());
        }
    }
}

/// <summary>
/// The archive database cannot be used, for a reason found by <see cref="ArchiveStartup"/> itself (a missing file in
/// read-only mode, an out-of-date schema, a failed quick_check, a folder that cannot be created). The message is the
/// reason in words, logged as it is.
/// </summary>
internal sealed class ArchiveUnusableException : Exception
{
    /// <summary>An exception whose message is <paramref name="reason"/>.</summary>
    public ArchiveUnusableException(string reason)
        : base(reason)
    {
    }

    /// <summary>An exception whose message is <paramref name="reason"/>, caused by <paramref name="inner"/>.</summary>
    public ArchiveUnusableException(string reason, Exception inner)
        : base(reason, inner)
    {
    }

    /// <summary>For serializers and analyzers: an exception with a generic message.</summary>
    public ArchiveUnusableException()
    {
    }
}

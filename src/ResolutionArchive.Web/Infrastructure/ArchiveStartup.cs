using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Web.Infrastructure;

/// <summary>Where the site's database is: <c>--db FILE</c> (configuration key <c>db</c>), else a file under the app.</summary>
public static class ArchiveLocation
{
    /// <summary>The configuration key set by <c>--db FILE</c> on the command line.</summary>
    public const string ConfigurationKey = "db";

    /// <summary>
    /// The database path: the <c>db</c> setting when given (relative to the working folder), else
    /// <c>App_Data/archive.db</c> beside the app's binaries.
    /// </summary>
    public static string DatabasePath(IConfiguration configuration) =>
        configuration[ConfigurationKey] is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(AppContext.BaseDirectory, "App_Data", "archive.db");
}

/// <summary>
/// Runs once before the site serves: applies the committed migrations and, when the database holds no resolution,
/// imports the five seed texts embedded in this assembly (resources <c>seeds/*.txt</c>).
/// </summary>
public static class ArchiveStartup
{
    /// <summary>
    /// <see cref="PrepareAsync"/>, with a database that cannot be opened or read reported as one critical log line
    /// (the path and SQLite's reason, no stack trace) and <c>false</c>, on which the site does not start.
    /// </summary>
    public static async Task<bool> TryPrepareAsync(IServiceProvider services, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            await PrepareAsync(services, logger);
            return true;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            var path = ArchiveLocation.DatabasePath(services.GetRequiredService<IConfiguration>());
            logger.LogCritical("The archive database {Path} cannot be used: {Reason}. The site does not start.", path, ex.Message);
            return false;
        }
    }

    /// <summary>Migrates the database and fills an empty one with the seeds.</summary>
    public static async Task PrepareAsync(IServiceProvider services, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var path = ArchiveLocation.DatabasePath(scope.ServiceProvider.GetRequiredService<IConfiguration>());
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        logger.LogInformation("Archive database: {Path}", path);
        ArchiveDatabase.Upgrade(db, path);
        if (await db.Resolutions.AnyAsync())
        {
            return;
        }

        var importer = new ResolutionImporter(db);
        foreach (var source in EmbeddedSeeds())
        {
            var outcome = await importer.ImportAsync(source);
            foreach (var diagnostic in outcome.Diagnostics)
            {
                logger.LogWarning("{Diagnostic}", diagnostic.ToString());
            }

            logger.LogInformation("Seed {File}: {Status} {Key}", source.Name, outcome.Status, outcome.Key);
        }

        var lineage = await Data.Lineage.LineageStore.RebuildAsync(db);
        logger.LogInformation("Paragraph lineage: {Links} links among {Paragraphs} paragraphs", lineage.Links, lineage.Paragraphs);
    }

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

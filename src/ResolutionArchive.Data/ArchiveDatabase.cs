using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ResolutionArchive.Data;

/// <summary>Opening the archive's SQLite file: connection string, options, and migrations.</summary>
public static class ArchiveDatabase
{
    /// <summary>The name of the migration that added the <c>References</c> table (docs/references.md).</summary>
    public const string CrossReferencesMigration = "CrossReferences";

    /// <summary>The SQLite connection string for a database file (created when missing).</summary>
    public static string ConnectionString(string path) => ConnectionString(path, readOnly: false);

    /// <summary>
    /// The SQLite connection string for a database file: with <paramref name="readOnly"/>, <c>Mode=ReadOnly</c>
    /// (SQLITE_OPEN_READONLY: the file is never created or written, and every write fails with SQLite error 8); otherwise
    /// read-write, creating the file when missing. A read-only connection to an archive in WAL mode still needs the
    /// <c>-shm</c> file to exist or to be creatable beside the database (https://www.sqlite.org/wal.html#readonly).
    /// </summary>
    public static string ConnectionString(string path, bool readOnly) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Pooling = false,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        }.ToString();

    /// <summary>
    /// Configures <paramref name="builder"/> for the file at <paramref name="path"/>, with the connection settings of
    /// <see cref="ArchiveConnectionSettings"/> applied to every connection it opens.
    /// </summary>
    public static DbContextOptionsBuilder UseArchive(this DbContextOptionsBuilder builder, string path) =>
        builder.UseArchive(path, readOnly: false);

    /// <summary>
    /// Configures <paramref name="builder"/> for the file at <paramref name="path"/>, opened read-only when
    /// <paramref name="readOnly"/> (<see cref="ConnectionString(string, bool)"/>: the site's <c>ReadOnly</c> setting, for
    /// an instance that serves a copy of the archive), with the connection settings of
    /// <see cref="ArchiveConnectionSettings"/> applied to every connection it opens.
    /// </summary>
    public static DbContextOptionsBuilder UseArchive(this DbContextOptionsBuilder builder, string path, bool readOnly) =>
        builder.UseSqlite(ConnectionString(path, readOnly)).AddInterceptors(ArchiveConnectionSettings.Instance);

    /// <summary>Options for an <see cref="ArchiveDbContext"/> on the file at <paramref name="path"/>.</summary>
    public static DbContextOptions<ArchiveDbContext> Options(string path)
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        builder.UseArchive(path);
        return builder.Options;
    }

    /// <summary>
    /// Opens the database at <paramref name="path"/>, creating its folder and file when missing, and brings the
    /// schema up to date with the committed migrations. A file that is already up to date is not written to. When the
    /// <see cref="CrossReferencesMigration"/> migration was applied to a file holding records, their references are
    /// rebuilt from their stored text (<see cref="Queries.CrossReferences.RebuildAll"/>).
    /// </summary>
    public static ArchiveDbContext Open(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var context = new ArchiveDbContext(Options(path));
        Upgrade(context, path);
        return context;
    }

    /// <summary>
    /// The version of the rules that derive a record from its sources: the readers' (<see cref="ReaderRules"/>) and the
    /// country registry's data (<see cref="Parsing.Countries.CountryRegistry.DataVersion"/>). Stored in the archive's
    /// <c>ArchiveDerivation</c> table; <see cref="Upgrade"/> derives every record again when they differ.
    /// </summary>
    public static string DerivationVersion { get; } = $"{ReaderRules}+{Parsing.Countries.CountryRegistry.DataVersion}";

    /// <summary>
    /// Raised when a reader's rules change what a stored source gives (a new field, a rule that reads a file
    /// differently), so that archives derive their records again; 1 = non-voting members and data-quality flags.
    /// </summary>
    public const int ReaderRules = 1;

    /// <summary>
    /// Brings the schema of the database at <paramref name="path"/> (opened by <paramref name="context"/>) up to date:
    /// a new file gets every migration, an existing one only its pending migrations, and an up-to-date one is not
    /// written to (Migrate() takes a lock by writing even when nothing is pending). When the
    /// <see cref="CrossReferencesMigration"/> migration was applied to a file holding records, their references are
    /// rebuilt from their stored text (docs/references.md); likewise the full-text index after the
    /// <see cref="Search.SearchIndex.Migration"/> migration (docs/search.md §2) and the paragraph links after the
    /// <see cref="Lineage.LineageStore.Migration"/> migration (docs/lineage.md §2). When the archive's records were
    /// derived with another <see cref="DerivationVersion"/> (older readers or another country registry), they are all
    /// derived again from their sources (<see cref="Import.ResolutionImporter.RederiveAllAsync"/>). The site's start and
    /// the CLI both come through here.
    /// </summary>
    public static void Upgrade(ArchiveDbContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existed = File.Exists(path) && new FileInfo(path).Length > 0;
        var pending = existed ? context.Database.GetPendingMigrations().ToList() : [];
        if (!existed || pending.Count > 0)
        {
            context.Database.Migrate();
        }

        if (pending.Any(m => m.EndsWith("_" + CrossReferencesMigration, StringComparison.Ordinal)) && context.Resolutions.Any())
        {
            Queries.CrossReferences.RebuildAll(context);
        }

        if (pending.Any(m => m.EndsWith("_" + Search.SearchIndex.Migration, StringComparison.Ordinal)) && context.Resolutions.Any())
        {
            Search.SearchIndex.RebuildAsync(context).GetAwaiter().GetResult();
        }

        // The records were derived from their sources by some version of the readers and the registry: when the archive
        // says another one (an upgrade, a registry corrected: a state renamed, a Council term added), every record, its
        // flags and the lineage are derived again, in one transaction with the new version. The decision rests on the
        // archive's state, so a process killed during it leaves the old version and does it again on the next start.
        var derivedWith = context.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM ArchiveDerivation WHERE Id = 1").AsEnumerable().SingleOrDefault() ?? "";
        if (derivedWith != DerivationVersion)
        {
            new Import.ResolutionImporter(context).RederiveAllAsync(DerivationVersion).GetAwaiter().GetResult();
        }
        else if (pending.Any(m => m.EndsWith("_" + Lineage.LineageStore.Migration, StringComparison.Ordinal)) && context.Resolutions.Any())
        {
            Lineage.LineageStore.RebuildAsync(context).GetAwaiter().GetResult();
        }
    }
}

/// <summary>Used by <c>dotnet ef</c> at design time only: a database in the working folder.</summary>
internal sealed class DesignTimeArchiveDbContextFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) =>
        new(ArchiveDatabase.Options("design-time.sqlite"));
}

/// <summary>
/// Settings applied to each connection as it opens (SQLite keeps them per connection):
/// <c>PRAGMA synchronous = NORMAL</c>. The archive runs in WAL mode (set by the first migration), where NORMAL keeps
/// the database consistent after a crash or power loss and only the last commits before a power loss may be lost —
/// the SQLite documentation's recommended setting for WAL (https://www.sqlite.org/pragma.html#pragma_synchronous).
/// It spares one fsync per imported file (docs/performance.md).
/// </summary>
internal sealed class ArchiveConnectionSettings : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static ArchiveConnectionSettings Instance { get; } = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

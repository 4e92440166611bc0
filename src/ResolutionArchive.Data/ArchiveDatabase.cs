using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    /// <remarks>
    /// EF Core's warning 20410 (<see cref="RelationalEventId.NonTransactionalMigrationOperationWarning"/>) is not
    /// logged: it was the first thing a new user saw on the first start (issue 17), and it does not apply to SQLite's
    /// table rebuilds, the only non-transactional operations of the committed migrations (SourcesPartsAnnexes,
    /// RegistryOverTimeAndDataQuality). A rebuild is <c>PRAGMA foreign_keys = 0</c>, then the copy of the table in the
    /// migration's transaction, then <c>PRAGMA foreign_keys = 1</c>; the pragma must run outside a transaction (SQLite
    /// ignores it inside one) and is a setting of the connection, never written to the file. A start stopped at any
    /// point leaves the file either before the migration (its transaction rolled back, its history row not written,
    /// so the next start applies it again) or after it — never partly applied. docs/operations.md §2.
    /// </remarks>
    public static DbContextOptionsBuilder UseArchive(this DbContextOptionsBuilder builder, string path, bool readOnly) =>
        builder.UseSqlite(ConnectionString(path, readOnly))
            .AddInterceptors(ArchiveConnectionSettings.Instance)
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));

    /// <summary>Options for an <see cref="ArchiveDbContext"/> on the file at <paramref name="path"/>.</summary>
    public static DbContextOptions<ArchiveDbContext> Options(string path)
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        builder.UseArchive(path);
        return builder.Options;
    }

    /// <summary>
    /// Opens the database at <paramref name="path"/>, creating its folder and file when missing, and brings it up to date
    /// with <see cref="UpgradeAsync"/>: the committed migrations, then every record derived again when the archive says
    /// it was derived by other rules or for another schema.
    /// </summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The file is not a database, is locked, or cannot be written.</exception>
    public static async Task<ArchiveDbContext> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var context = new ArchiveDbContext(Options(path));
        try
        {
            await UpgradeAsync(context, path, cancellationToken);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }

        return context;
    }

    /// <summary>
    /// The id of the last committed migration (<c>20261204230437_RegistryOverTimeAndDataQuality</c>): part of
    /// <see cref="DerivationVersion"/>, so that a migration — which may add a derived table (the references, the
    /// full-text index, the paragraph links) or a derived column — is followed by a derivation of every record.
    /// </summary>
    /// <remarks>Declared before <see cref="DerivationVersion"/>, which static initialisation reads it for.</remarks>
    public static string SchemaVersion { get; } = LastMigration();

    /// <summary>
    /// The version of everything that derives a record from its sources: the readers' rules (<see cref="ReaderRules"/>),
    /// the country registry's data (<see cref="Parsing.Countries.CountryRegistry.DataVersion"/>) and the schema (the last
    /// committed migration, <see cref="SchemaVersion"/>), as <c>RULES+REGISTRY+MIGRATION</c>. Stored in the archive's
    /// <c>ArchiveDerivation</c> table by the derivation itself; <see cref="UpgradeAsync"/> derives every record again
    /// when they differ.
    /// </summary>
    public static string DerivationVersion { get; } = $"{ReaderRules}+{Parsing.Countries.CountryRegistry.DataVersion}+{SchemaVersion}";

    private static string LastMigration()
    {
        using var context = new ArchiveDbContext(new DbContextOptionsBuilder<ArchiveDbContext>().UseSqlite("Data Source=:memory:").Options);
        return context.Database.GetMigrations().Last();
    }

    /// <summary>
    /// Raised when a reader's rules change what a stored source gives (a new field, a rule that reads a file
    /// differently), so that archives derive their records again; 1 = non-voting members and data-quality flags; 2 = the
    /// UN Digital Library's voting data and its merge after the texts (input-formats §11); 3 = a draft's L-symbol from its
    /// masthead (input-formats §2.5); 4 = an adopted resolution's draft symbol (input-formats §7.7, §11.3) and a Main
    /// Committee's report in the Library's <c>draft</c> column.
    /// </summary>
    public const int ReaderRules = 4;

    /// <summary>
    /// Brings the database at <paramref name="path"/> (opened by <paramref name="context"/>) up to date, in two steps
    /// whose every decision is read from the archive itself, so that a process killed anywhere leaves an archive the
    /// next open completes (docs/operations.md §2):
    /// <list type="number">
    /// <item>The schema: a new file gets every migration, an existing one only its pending migrations (each applied in
    /// its own transaction), and an up-to-date one is not written to (Migrate() takes a lock by writing even when
    /// nothing is pending).</item>
    /// <item>The derived data: when the <c>ArchiveDerivation</c> table names another <see cref="DerivationVersion"/> than
    /// this build's — older readers, another country registry, or another schema (a migration that added the
    /// references, the full-text index or the paragraph links to records that existed before them) — every record is
    /// derived again from its stored sources with its references, search entries, flags and the lineage, and the new
    /// version is written in the same transaction (<see cref="Import.ResolutionImporter.RederiveAllAsync"/>). A new
    /// archive holds no record: only the version is written.</item>
    /// </list>
    /// The site's start and the CLI both come through here.
    /// </summary>
    public static async Task UpgradeAsync(ArchiveDbContext context, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existed = File.Exists(path) && new FileInfo(path).Length > 0;
        if (!existed || (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        var derivedWith = (await context.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM ArchiveDerivation WHERE Id = 1").ToListAsync(cancellationToken)).SingleOrDefault() ?? "";
        if (derivedWith != DerivationVersion)
        {
            await new Import.ResolutionImporter(context).RederiveAllAsync(DerivationVersion, cancellationToken);
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

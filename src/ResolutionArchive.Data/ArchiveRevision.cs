using Microsoft.EntityFrameworkCore;

namespace ResolutionArchive.Data;

/// <summary>
/// The archive's revision: one number in the one-row table <c>ArchiveRevision</c> (created by the FullTextSearch
/// migration) that every write to what readers see — an import, a deletion, an index rebuild, a lineage update — increases
/// in its own transaction, in whatever process. Readers key their caches by it (<see cref="RevisionCache{T}"/>, the
/// site's response cache) and drop them when it changes.
/// </summary>
public static class ArchiveRevision
{
    /// <summary>
    /// The SQL that reads the revision (one row, one column), for readers that do not go through EF Core: the site's
    /// response cache and health check, and the CLI's backup.
    /// </summary>
    public const string Sql = "SELECT Revision FROM ArchiveRevision WHERE Id = 1";

    /// <summary>The revision (<see cref="Sql"/>); 0 for a new archive.</summary>
    public static async Task<long> ReadAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database.SqlQueryRaw<long>($"SELECT Revision AS Value FROM ({Sql})").SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Increases the revision by one, in the caller's transaction when one is open.</summary>
    public static Task BumpAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync("UPDATE ArchiveRevision SET Revision = Revision + 1 WHERE Id = 1", cancellationToken);
    }
}

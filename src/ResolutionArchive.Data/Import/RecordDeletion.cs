using Microsoft.EntityFrameworkCore;

namespace ResolutionArchive.Data.Import;

/// <summary>Removing a record from the archive (the CLI's <c>delete</c>, docs/cli.md).</summary>
public static class RecordDeletion
{
    /// <summary>
    /// Deletes the record with key <paramref name="key"/> and every source file kept for it, in one transaction: its
    /// paragraphs, footnotes, votes, sponsors, references, paragraph links and full-text index entries go with it (the
    /// schema's cascades), and the archive's revision is bumped. Returns false (and changes nothing) when there is no
    /// such record.
    /// </summary>
    public static async Task<bool> DeleteAsync(ArchiveDbContext db, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Resolutions.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await db.Sources.Where(s => s.ResolutionKey == key).ExecuteDeleteAsync(cancellationToken);
        await ArchiveRevision.BumpAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

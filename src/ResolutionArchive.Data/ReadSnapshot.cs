using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ResolutionArchive.Data;

/// <summary>
/// Runs several reads against one committed state of the archive: inside one deferred (read) transaction, which in WAL
/// mode gives every statement the same snapshot. Without it each statement is its own implicit transaction, and an
/// import committing between two of them mixes two states — counts that disagree with the rows they count, or a vote
/// of a resolution the first read had not seen (a <see cref="KeyNotFoundException"/> and a 500 under load,
/// docs/performance.md "Load"). A deferred transaction takes no write lock, so an import is never blocked by it, and
/// it works on a read-only archive. Inside a caller's transaction (an import's own) that one is used.
/// </summary>
public static class ReadSnapshot
{
    /// <summary>Runs <paramref name="read"/> on <paramref name="db"/> inside one read snapshot.</summary>
    /// <typeparam name="T">What the reads give.</typeparam>
    /// <param name="db">A context on the archive; its connection is opened for the reads and closed after.</param>
    /// <param name="read">The reads; they must use <paramref name="db"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    public static async Task<T> RunAsync<T>(ArchiveDbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await read(cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var transaction = connection.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            try
            {
                return await read(cancellationToken);
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Data;

/// <summary>
/// One value built from the archive and kept until the archive's revision changes (<see cref="SearchIndex.RevisionAsync"/>:
/// every import, deletion, index rebuild and lineage update increases it, in its own transaction). Each call reads the
/// revision (one indexed row) and returns the kept value when it matches; otherwise one caller builds the value again
/// while the others wait. Thread-safe; used by the search, the voting records and the lineage graph, which the web keeps
/// one instance of each.
/// </summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="build">Builds the value for a revision from the database.</param>
public sealed class RevisionCache<T>(Func<ArchiveDbContext, long, CancellationToken, Task<T>> build)
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;

    /// <summary>The value as of the archive's current revision, and that revision.</summary>
    public async Task<(T Value, long Revision)> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revision = await SearchIndex.RevisionAsync(db, cancellationToken);
        if (_entry is { } current && current.Revision == revision)
        {
            return (current.Value, revision);
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_entry is { } loaded && loaded.Revision == revision)
            {
                return (loaded.Value, revision);
            }

            var value = await build(db, revision, cancellationToken);
            _entry = new Entry(revision, value);
            return (value, revision);
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Entry(long Revision, T Value);
}

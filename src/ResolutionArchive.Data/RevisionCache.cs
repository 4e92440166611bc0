namespace ResolutionArchive.Data;

/// <summary>
/// One value built from the archive and kept until the archive's revision changes (<see cref="ArchiveRevision.ReadAsync"/>:
/// every import, deletion, index rebuild and lineage update increases it, in its own transaction). Each call reads the
/// revision (one indexed row) and returns the kept value when it matches; otherwise one caller builds the value again
/// while the others wait, inside one read transaction so that the value is one committed state of the archive. Thread-safe; used by the search, the voting records and the lineage graph, which the web keeps
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
        var revision = await ArchiveRevision.ReadAsync(db, cancellationToken);
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

            var (built, value) = await BuildInOneSnapshotAsync(db, cancellationToken);
            _entry = new Entry(built, value);
            return (value, built);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Builds the value inside one read snapshot (<see cref="ReadSnapshot"/>), reading the revision in the same snapshot:
    /// every statement of the build sees one committed state of the archive, and the value is filed under exactly that
    /// state's revision. Without it, an import committing between two of the build's queries (recorded votes, then their
    /// resolutions) gave a value mixing two states — a <see cref="KeyNotFoundException"/> and a 500 under load
    /// (docs/performance.md "Load").
    /// </summary>
    private Task<(long Revision, T Value)> BuildInOneSnapshotAsync(ArchiveDbContext db, CancellationToken cancellationToken) =>
        ReadSnapshot.RunAsync(db, async token =>
        {
            var revision = await ArchiveRevision.ReadAsync(db, token);
            return (revision, await build(db, revision, token));
        }, cancellationToken);

    private sealed record Entry(long Revision, T Value);
}

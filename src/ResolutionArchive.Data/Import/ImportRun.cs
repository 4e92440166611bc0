using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResolutionArchive.Data.Lineage;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Data.Import;

/// <summary>
/// The one import workflow (docs/cli.md "import", docs/architecture.md): every file of a run in one write transaction,
/// a savepoint each (<see cref="ResolutionImporter"/>: a file that fails to store is rolled back alone), then the
/// paragraph lineage of the records the run changed, then the commit — the records, their index entries, the links and
/// the archive's revision become visible to readers together. The CLI's <c>import</c> and the site's seeding of a new
/// archive both run it. Disposing a run that was not completed rolls it all back.
/// </summary>
public sealed class ImportRun : IAsyncDisposable
{
    /// <summary>
    /// Up to this many changed records, the lineage is updated record by record (<see cref="LineageStore.UpdateAsync"/>);
    /// beyond, it is rebuilt for the whole archive once, which is then faster than many updates (docs/lineage.md §2).
    /// </summary>
    public const int IncrementalLineageLimit = 20;

    private readonly ArchiveDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly ResolutionImporter _importer;
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _completed;

    private ImportRun(ArchiveDbContext db, IDbContextTransaction transaction, TimeProvider? clock)
    {
        _db = db;
        _transaction = transaction;
        _importer = new ResolutionImporter(db, clock);
    }

    /// <summary>The keys of the records this run imported, replaced or enriched so far.</summary>
    public IReadOnlyCollection<string> Changed => _changed;

    /// <summary>
    /// Begins a run on <paramref name="db"/>: its write transaction (SQLite <c>BEGIN</c>; the first write takes the lock,
    /// waiting as long as the connection's timeout allows while another writer holds it).
    /// </summary>
    public static async Task<ImportRun> BeginAsync(ArchiveDbContext db, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new ImportRun(db, await db.Database.BeginTransactionAsync(cancellationToken), clock);
    }

    /// <summary>Stores one file the caller has parsed into <paramref name="parsed"/>, under its own savepoint.</summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database ended the run's transaction (a full disk, an
    /// I/O error): nothing of the run can be kept (<see cref="ResolutionImporter.ImportAsync(ImportSource, ParseResult, bool, CancellationToken)"/>).</exception>
    public async Task<ImportOutcome> AddAsync(ImportSource source, ParseResult parsed, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        var outcome = await _importer.ImportAsync(source, parsed, dryRun: false, cancellationToken);
        if (outcome.Status is ImportStatus.Imported or ImportStatus.Replaced or ImportStatus.Enriched && outcome.Key is not null)
        {
            _changed.Add(outcome.Key);
        }

        return outcome;
    }

    /// <summary>Reads and stores one file (<see cref="Parsing.ResolutionSourceReader"/>), under its own savepoint.</summary>
    public Task<ImportOutcome> AddAsync(ImportSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return AddAsync(source, Parsing.ResolutionSourceReader.Read(source.Bytes, source.Name), cancellationToken);
    }

    /// <summary>
    /// Links the changed records' paragraphs (record by record up to <see cref="IncrementalLineageLimit"/>, else the whole
    /// archive once) and commits; when nothing changed, rolls back instead, so the file is not written. Returns what the
    /// lineage step did, or null when nothing changed.
    /// </summary>
    public async Task<ImportRunLineage?> CompleteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        ImportRunLineage? lineage = null;
        if (_changed.Count == 0)
        {
            await _transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            var watch = Stopwatch.StartNew();
            if (_changed.Count > IncrementalLineageLimit)
            {
                var stats = await LineageStore.RebuildAsync(_db, cancellationToken);
                lineage = new ImportRunLineage(Rebuilt: true, stats.Links, stats.Paragraphs, _changed.Count, watch.Elapsed);
            }
            else
            {
                var links = 0;
                foreach (var key in _changed.Order(StringComparer.Ordinal))
                {
                    links += (await LineageStore.UpdateAsync(_db, key, cancellationToken))?.Links ?? 0;
                }

                lineage = new ImportRunLineage(Rebuilt: false, links, null, _changed.Count, watch.Elapsed);
            }

            await _transaction.CommitAsync(cancellationToken);
        }

        _completed = true;
        return lineage;
    }

    /// <summary>Rolls the run back unless it was completed.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        _completed = true;
    }
}

/// <summary>What the lineage step of a completed <see cref="ImportRun"/> did.</summary>
/// <param name="Rebuilt">True when the whole archive was linked again; false when the changed records were linked one by one.</param>
/// <param name="Links">Links stored: of the whole archive when rebuilt, else of the changed records.</param>
/// <param name="Paragraphs">Compared paragraphs of the whole archive when rebuilt; null otherwise.</param>
/// <param name="Records">How many records the run changed.</param>
/// <param name="Elapsed">Wall-clock time of the step.</param>
public sealed record ImportRunLineage(bool Rebuilt, int Links, int? Paragraphs, int Records, TimeSpan Elapsed);

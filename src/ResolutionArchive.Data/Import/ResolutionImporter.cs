using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Import;

/// <summary>One file to import: a name for messages and its bytes.</summary>
/// <param name="Name">Shown in diagnostics (<c>FILE:LINE: …</c>) and stored as the record's source.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record ImportSource(string Name, byte[] Bytes)
{
    /// <summary>Reads a file from disk; the name is the path as given.</summary>
    public static ImportSource FromFile(string path) => new(path, File.ReadAllBytes(path));
}

/// <summary>What happened to one file.</summary>
public enum ImportStatus
{
    /// <summary>A new record was stored.</summary>
    Imported,

    /// <summary>The record existed from another source file; this file was added to its sources and filled what they lacked.</summary>
    Enriched,

    /// <summary>
    /// A source of this record in the same format (the same file name, or another text of the same resolution) was
    /// imported before with other bytes; the new bytes took its place and the record was rebuilt.
    /// </summary>
    Replaced,

    /// <summary>The same bytes were imported before for this record: nothing changed.</summary>
    Unchanged,

    /// <summary>The file is not a valid resolution (see the diagnostics), or storing it failed: nothing changed.</summary>
    Failed,

    /// <summary>With <c>--dry-run</c>/validate: the file is valid; nothing was written.</summary>
    Valid,
}

/// <summary>The outcome of importing one file.</summary>
/// <param name="File">The source name.</param>
/// <param name="Status">What happened.</param>
/// <param name="Key">The record's key (its symbol for an adopted resolution); null when parsing failed.</param>
/// <param name="Diagnostics">Errors (when failed) and warnings.</param>
public sealed record ImportOutcome(string File, ImportStatus Status, string? Key, IReadOnlyList<ParseDiagnostic> Diagnostics);

/// <summary>
/// Parses files and stores them, one database transaction per file — or, when the caller has opened a transaction on
/// the context (the CLI's import run, docs/cli.md), one savepoint per file inside it, so that a file that fails to
/// store is rolled back alone and nothing is visible to readers before the caller commits. Every source file is kept whole (table
/// <c>Sources</c>) and a record is always rebuilt from all of its sources (<see cref="ResolutionMerger"/>), so: a file
/// that fails to parse or to store leaves the database exactly as it was; a file whose bytes were imported before for
/// the same record changes nothing; a changed file, or another file of the same resolution in the same format, replaces
/// the earlier version; a file in another format of a resolution already stored enriches that record and duplicates
/// nothing.
/// </summary>
public sealed class ResolutionImporter(ArchiveDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Parses (text or AKN XML, told apart by content) and, unless <paramref name="dryRun"/>, stores one file.</summary>
    public Task<ImportOutcome> ImportAsync(ImportSource source, bool dryRun = false, CancellationToken cancellationToken = default) =>
        ImportAsync(source, ResolutionSourceReader.Read(source.Bytes, source.Name), dryRun, cancellationToken);

    /// <summary>
    /// Stores one file that the caller has already parsed into <paramref name="result"/> (so that a caller can decide
    /// whether to open a database at all before anything needs storing).
    /// </summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">Inside the caller's transaction, when the database fails in a
    /// way that makes SQLite end that transaction itself (SQLite error 13 "database or disk is full", an I/O error, out of
    /// memory): the whole run is gone, so the error is the caller's to report (the CLI: docs/cli.md "Atomicity"). Any other
    /// refusal of the database rolls back this file alone and is returned as a failed outcome.</exception>
    public async Task<ImportOutcome> ImportAsync(ImportSource source, ParseResult result, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Resolution is not { } resolution)
        {
            return new ImportOutcome(source.Name, ImportStatus.Failed, null, result.Diagnostics);
        }

        var key = ResolutionMapper.KeyOf(resolution);
        if (dryRun)
        {
            return new ImportOutcome(source.Name, ImportStatus.Valid, key, result.Diagnostics);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(source.Bytes));
        db.ChangeTracker.Clear();
        // The caller's transaction when one is open (the CLI's import run: docs/cli.md), with a savepoint so that this
        // file alone can be rolled back; otherwise a transaction of its own (the site's seed import, tests).
        var ambient = db.Database.CurrentTransaction;
        var own = ambient is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (ambient is not null)
        {
            await ambient.CreateSavepointAsync(Savepoint, cancellationToken);
        }

        try
        {
            var known = await db.Sources.AsNoTracking().Where(s => s.ResolutionKey == key).Select(s => new { s.Id, s.FileName, s.Format, s.Sha256 }).ToListAsync(cancellationToken);
            if (known.Any(s => s.Sha256 == hash))
            {
                await CompleteAsync(ambient, own, cancellationToken);
                return new ImportOutcome(source.Name, ImportStatus.Unchanged, key, result.Diagnostics);
            }

            // A new version of this record's source in the same format (same file name, or another text of the same
            // resolution) supersedes the earlier one and takes its rank in the merge; another format enriches.
            var now = _clock.GetUtcNow().UtcDateTime;
            var format = ResolutionSourceReader.FormatOf(source.Bytes);
            var earlier = known.FirstOrDefault(s => s.FileName == source.Name) ?? known.FirstOrDefault(s => s.Format == format);
            var status = earlier is not null ? ImportStatus.Replaced : known.Count > 0 ? ImportStatus.Enriched : ImportStatus.Imported;
            var row = earlier is null ? new SourceEntity { ResolutionKey = key, FileName = source.Name, Format = "", Sha256 = "", Content = [] } : await db.Sources.SingleAsync(s => s.Id == earlier.Id, cancellationToken);
            row.FileName = source.Name;
            row.Format = format;
            row.Sha256 = hash;
            row.Content = source.Bytes;
            row.ImportedAtUtc = now;
            if (earlier is null)
            {
                db.Sources.Add(row);
            }

            await db.SaveChangesAsync(cancellationToken);
            // the source's warnings are its data-quality flags (a replaced source's old ones go); a new record has none
            // yet, nor conflicts nor a stored form, so those statements are skipped (docs/performance.md "Voting at scale")
            var isNew = known.Count == 0;
            await ReplaceFlagsAsync(row.Id, key, source.Name, result.Diagnostics, cancellationToken, deleteOld: earlier is not null);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            // the record is rebuilt from all its sources; only the other sources' bytes need reading back
            var sources = isNew
                ? [(row.Id, row.FileName, row.Sha256)]
                : (await db.Sources.AsNoTracking().Where(s => s.ResolutionKey == key).OrderBy(s => s.Id)
                    .Select(s => new { s.Id, s.FileName, s.Sha256 }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.FileName, s.Sha256)).ToList();
            var parsed = new List<(string File, ParsedResolution Resolution)>(sources.Count);
            foreach (var stored in sources)
            {
                var read = stored.Sha256 == hash
                    ? resolution
                    : ResolutionSourceReader.Read(await db.Sources.Where(s => s.Id == stored.Id).Select(s => s.Content).SingleAsync(cancellationToken), stored.FileName).Resolution;
                if (read is not null)
                {
                    parsed.Add((stored.FileName, read));
                }
            }

            var merged = ResolutionMerger.Merge(parsed);
            if (!isNew)
            {
                await ReplaceConflictsAsync(key, merged, sources.Select(s => (s.Id, s.FileName)).ToList(), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await db.Resolutions.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken);
            }

            var entity = ResolutionMapper.ToEntity(merged.Resolution, sources[0].FileName, sources[0].Sha256, now, merged.FieldSources);
            await AddRecordAsync(entity, cancellationToken);
            // the full-text index is written in the same transaction: a reader never sees the record without it
            await SearchIndex.AddAsync(db, entity, cancellationToken);
            await CompleteAsync(ambient, own, cancellationToken);
            return new ImportOutcome(source.Name, status, key, [.. result.Diagnostics, .. merged.Conflicts.Select(c => new ParseDiagnostic(c.File, 1, c.Message, DiagnosticSeverity.Warning))]);
        }
        catch (Exception ex) when ((ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException) && !IsBusy(ex))
        {
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
            }
            else if (TransactionLost(db))
            {
                // SQLite rolled the caller's whole transaction back itself (a full disk, an I/O error, out of memory:
                // https://www.sqlite.org/lang_transaction.html "Response To Errors Within A Transaction"): the run
                // cannot go on, and the reason is the database's, not "the transaction has completed"
                throw;
            }
            else
            {
                await ambient!.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                await ambient.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
            }

            var diagnostic = new ParseDiagnostic(source.Name, 1, $"expected to store the record, but the database refused it: {ex.InnerException?.Message ?? ex.Message}");
            return new ImportOutcome(source.Name, ImportStatus.Failed, key, [.. result.Diagnostics, diagnostic]);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Derives every record again and records <paramref name="version"/> as the one the archive is derived with, all in
    /// one transaction (<see cref="ArchiveDatabase.UpgradeAsync"/> calls it when the stored version differs: the readers
    /// or the country registry learnt something new — non-voting members, a state renamed — or a migration changed the
    /// schema):
    /// <list type="number">
    /// <item>every record with stored sources is rebuilt from them (<see cref="ResolutionMerger"/>), with its
    /// references and the data-quality flags of each source;</item>
    /// <item>a record whose source no longer reads, or that has no stored source (imported before the <c>Sources</c>
    /// table), keeps its stored form, and its references are rebuilt from its stored text (docs/references.md);</item>
    /// <item>the full-text index is rebuilt over every record (docs/search.md §2), and the paragraph lineage of the whole
    /// archive (docs/lineage.md §2).</item>
    /// </list>
    /// </summary>
    /// <param name="version">The <see cref="ArchiveDatabase.DerivationVersion"/> to record.</param>
    /// <param name="cancellationToken">Cancels; nothing is then changed.</param>
    /// <returns>The file names of the sources that failed to read.</returns>
    public async Task<IReadOnlyList<string>> RederiveAllAsync(string version, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var failed = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = await db.Sources.AsNoTracking().Select(s => s.ResolutionKey).Distinct().ToListAsync(cancellationToken);
        var rederived = new HashSet<string>(StringComparer.Ordinal);
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var key in keys)
        {
            var sources = await db.Sources.AsNoTracking().Where(s => s.ResolutionKey == key).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            var parsed = new List<(string File, ParsedResolution Resolution)>(sources.Count);
            foreach (var stored in sources)
            {
                var read = ResolutionSourceReader.Read(stored.Content, stored.FileName);
                if (read.Resolution is null)
                {
                    failed.Add(stored.FileName);
                    continue;
                }

                parsed.Add((stored.FileName, read.Resolution));
                await ReplaceFlagsAsync(stored.Id, key, stored.FileName, read.Diagnostics, cancellationToken);
            }

            if (parsed.Count < sources.Count)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            var merged = ResolutionMerger.Merge(parsed);
            await ReplaceConflictsAsync(key, merged, sources.Select(s => (s.Id, s.FileName)).ToList(), cancellationToken);
            await db.Resolutions.Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken);
            var entity = ResolutionMapper.ToEntity(merged.Resolution, sources[0].FileName, sources[0].Sha256, now, merged.FieldSources);
            await db.SaveChangesAsync(cancellationToken); // the flags
            await AddRecordAsync(entity, cancellationToken);
            db.ChangeTracker.Clear();
            rederived.Add(key);
        }

        // the records kept in their stored form: their references from their stored text
        var kept = (await db.Resolutions.AsNoTracking().Select(r => new { r.Id, r.Key }).ToListAsync(cancellationToken))
            .Where(r => !rederived.Contains(r.Key)).Select(r => r.Id).ToList();
        await Queries.CrossReferences.RebuildAsync(db, kept, cancellationToken);
        if (rederived.Count + kept.Count > 0)
        {
            // a new archive has nothing to derive: only its version is recorded, and its revision stays 0
            await SearchIndex.RebuildAsync(db, cancellationToken);
            await Lineage.LineageStore.RebuildAsync(db, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("UPDATE ArchiveDerivation SET Version = {0} WHERE Id = 1", [version], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    /// <summary>
    /// Replaces the data-quality flags of source <paramref name="sourceId"/> with the warnings among
    /// <paramref name="diagnostics"/> (added to the change tracker; the caller saves).
    /// </summary>
    private async Task ReplaceFlagsAsync(int sourceId, string key, string fileName, IEnumerable<ParseDiagnostic> diagnostics, CancellationToken cancellationToken, bool deleteOld = true)
    {
        if (deleteOld)
        {
            await db.DataQualityFlags.Where(f => f.SourceId == sourceId).ExecuteDeleteAsync(cancellationToken);
        }

        db.DataQualityFlags.AddRange(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => new DataQualityFlagEntity
        {
            SourceId = sourceId,
            ResolutionKey = key,
            FileName = fileName,
            Line = d.Line,
            Message = d.Message,
        }));
    }

    /// <summary>
    /// Stores a new record graph: the resolution and its children through EF Core (the change tracker's scan skipped:
    /// nothing to detect in a new graph), then its votes — up to 193 rows a record, 1.3 million in the General Assembly's
    /// history — through one prepared statement (<see cref="VoteRows"/>), which is several times faster than EF Core's
    /// batched inserts (docs/performance.md "Voting at scale").
    /// </summary>
    private async Task AddRecordAsync(ResolutionEntity entity, CancellationToken cancellationToken)
    {
        var votes = entity.Votes;
        entity.Votes = [];
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Resolutions.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        // not put back on the tracked entity: a later change scan would insert them again
        await VoteRows.InsertAsync(db, entity.Id, votes, cancellationToken);
    }

    /// <summary>
    /// Replaces the record's conflict flags (<see cref="MergedResolution.Conflicts"/>, input-formats §11.5) with those of
    /// this merge, each filed under the source that disagrees (added to the change tracker; the caller saves).
    /// </summary>
    private async Task ReplaceConflictsAsync(string key, MergedResolution merged, IReadOnlyList<(int Id, string FileName)> sources, CancellationToken cancellationToken)
    {
        await db.DataQualityFlags.Where(f => f.ResolutionKey == key && f.Message.StartsWith(MergedResolution.ConflictPrefix)).ExecuteDeleteAsync(cancellationToken);
        db.DataQualityFlags.AddRange(merged.Conflicts.Select(c => new DataQualityFlagEntity
        {
            SourceId = sources.Last(s => s.FileName == c.File).Id,
            ResolutionKey = key,
            FileName = c.File,
            Line = 1,
            Message = c.Message,
        }));
    }

    /// <summary>
    /// True when the connection of <paramref name="context"/> is no longer inside a transaction although one was begun:
    /// SQLite ends a transaction by itself on SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM and SQLITE_INTERRUPT
    /// (https://www.sqlite.org/lang_transaction.html, "Response To Errors Within A Transaction"), which
    /// <c>sqlite3_get_autocommit</c> reports (https://www.sqlite.org/c3ref/get_autocommit.html).
    /// </summary>
    private static bool TransactionLost(ArchiveDbContext context) =>
        context.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }
        && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0;

    /// <summary>The savepoint that brackets one file inside the caller's transaction.</summary>
    private const string Savepoint = "import_file";

    /// <summary>Commits this file: its own transaction, or its savepoint inside the caller's (which commits later).</summary>
    private static async Task CompleteAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? ambient, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? own, CancellationToken cancellationToken)
    {
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }
        else
        {
            await ambient!.ReleaseSavepointAsync(Savepoint, cancellationToken);
        }
    }

    /// <summary>
    /// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the write lock. That is not this file's fault, so it is
    /// not reported as a failed file but left to the caller (the CLI reports "another import is writing").
    /// </summary>
    public static bool IsBusy(Exception exception) =>
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } || exception.InnerException is { } inner && IsBusy(inner);
}

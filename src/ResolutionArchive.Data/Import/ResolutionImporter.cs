using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Diagnostics;

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

    /// <summary>A record with the same key existed with other source bytes and was replaced.</summary>
    Replaced,

    /// <summary>The same bytes were imported before: nothing changed.</summary>
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
/// Parses files and stores them, one database transaction per file: a file that fails to parse or to store leaves the
/// database exactly as it was; a file whose bytes were imported before (same key, same SHA-256) changes nothing; a
/// file with the key of an existing record but other bytes replaces that record whole.
/// </summary>
public sealed class ResolutionImporter(ArchiveDbContext db, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Parses and, unless <paramref name="dryRun"/>, stores one file.</summary>
    public Task<ImportOutcome> ImportAsync(ImportSource source, bool dryRun = false, CancellationToken cancellationToken = default) =>
        ImportAsync(source, ResolutionTextParser.Parse(source.Bytes, source.Name), dryRun, cancellationToken);

    /// <summary>
    /// Stores one file that the caller has already parsed into <paramref name="result"/> (so that a caller can decide
    /// whether to open a database at all before anything needs storing).
    /// </summary>
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var existing = await db.Resolutions.AsNoTracking().Where(r => r.Key == key).Select(r => new { r.Id, r.SourceSha256 }).SingleOrDefaultAsync(cancellationToken);
            if (existing is not null && existing.SourceSha256 == hash)
            {
                return new ImportOutcome(source.Name, ImportStatus.Unchanged, key, result.Diagnostics);
            }

            if (existing is not null)
            {
                await db.Resolutions.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
            }

            db.Resolutions.Add(ResolutionMapper.ToEntity(resolution, source.Name, hash, _clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportOutcome(source.Name, existing is null ? ImportStatus.Imported : ImportStatus.Replaced, key, result.Diagnostics);
        }
        catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            var diagnostic = new ParseDiagnostic(source.Name, 1, $"expected to store the record, but the database refused it: {ex.InnerException?.Message ?? ex.Message}");
            return new ImportOutcome(source.Name, ImportStatus.Failed, key, [.. result.Diagnostics, diagnostic]);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

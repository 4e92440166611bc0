using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Queries;

/// <summary>
/// Finds one stored resolution by what a user types: its key (the symbol <c>A/RES/76/159</c>, or a draft's key), or
/// its number (<c>76/159</c>) when that names exactly one record.
/// </summary>
public static class ResolutionLookup
{
    /// <summary>The record with this key, its children loaded, or null.</summary>
    public static Task<ResolutionEntity?> FindByKeyAsync(ArchiveDbContext db, string key, CancellationToken cancellationToken = default) =>
        db.Resolutions.AsNoTracking().AsSplitQuery()
            .Include(r => r.Paragraphs).Include(r => r.Footnotes).Include(r => r.Votes).Include(r => r.Sponsors)
            .Include(r => r.Parts).Include(r => r.Annexes).Include(r => r.FieldSources)
            .SingleOrDefaultAsync(r => r.Key == key, cancellationToken);

    /// <summary>The keys of the records whose number or symbol is <paramref name="numberOrSymbol"/> (0, 1 or more).</summary>
    public static Task<List<string>> KeysMatchingAsync(ArchiveDbContext db, string numberOrSymbol, CancellationToken cancellationToken = default) =>
        db.Resolutions.AsNoTracking().Where(r => r.Number == numberOrSymbol || r.Symbol == numberOrSymbol).Select(r => r.Key).ToListAsync(cancellationToken);

    /// <summary>
    /// The domain model of the record named by <paramref name="keyOrNumber"/>: by key first, else by a number that
    /// names one record. Null when nothing or several records match (see <see cref="KeysMatchingAsync"/>).
    /// </summary>
    public static async Task<ParsedResolution?> FindAsync(ArchiveDbContext db, string keyOrNumber, CancellationToken cancellationToken = default)
    {
        var entity = await FindByKeyAsync(db, keyOrNumber, cancellationToken);
        if (entity is null && await KeysMatchingAsync(db, keyOrNumber, cancellationToken) is [var only])
        {
            entity = await FindByKeyAsync(db, only, cancellationToken);
        }

        return entity is null ? null : ResolutionMapper.ToModel(entity);
    }
}

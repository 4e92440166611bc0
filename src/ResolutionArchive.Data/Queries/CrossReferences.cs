using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing.References;

namespace ResolutionArchive.Data.Queries;

/// <summary>A paragraph (or footnote) of a citing resolution that cites a given symbol.</summary>
/// <param name="Anchor">Its anchor on the citing resolution's page: <c>op36</c>, <c>pp8</c>, <c>fn2</c>.</param>
/// <param name="Text">Its full plain text (the page shortens it for display).</param>
public sealed record CitingParagraph(string Anchor, string Text);

/// <summary>An archived resolution that cites a given symbol, with the paragraphs that cite it.</summary>
/// <param name="Key">The citing record's key (its page is <c>/resolutions/{key}</c>).</param>
/// <param name="Symbol">Its symbol; null for a draft.</param>
/// <param name="Number">Its number as printed (<c>53/11</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Paragraphs">The citing paragraphs and footnotes, in document order, each once.</param>
public sealed record CitingResolution(string Key, string? Symbol, string Number, string Title, IReadOnlyList<CitingParagraph> Paragraphs);

/// <summary>One stored reference of a resolution, with the archived record it names when the archive holds it.</summary>
/// <param name="Anchor">The citing paragraph's or footnote's anchor.</param>
/// <param name="Start">Span start, UTF-16 code units into that text.</param>
/// <param name="Length">Span length in UTF-16 code units.</param>
/// <param name="Kind">Resolution number or document symbol.</param>
/// <param name="Target">The symbol referred to.</param>
/// <param name="ArchivedKey">The key of the archived record whose symbol is <paramref name="Target"/>, or null when the
/// archive does not hold it (the web then links to the UN's document system: docs/references.md).</param>
public sealed record ReferenceLink(string Anchor, int Start, int Length, ReferenceKind Kind, string Target, string? ArchivedKey)
{
    /// <summary>True when the archive holds the target.</summary>
    public bool InArchive => ArchivedKey is not null;
}

/// <summary>
/// Queries over the <c>References</c> table (docs/references.md): what a resolution cites, with the archived record each
/// reference names, and which archived resolutions cite a symbol ("cited by"). The URLs are the web's (ArchiveUrls).
/// </summary>
public static class CrossReferences
{
    /// <summary>
    /// The keys of the archived records whose symbol is one of <paramref name="symbols"/> (compared exactly), as
    /// symbol → key; symbols not archived are absent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ArchivedKeysAsync(ArchiveDbContext db, IEnumerable<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = symbols.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var rows = await db.Resolutions.AsNoTracking().Where(r => r.Symbol != null && wanted.Contains(r.Symbol))
            .OrderBy(r => r.Id).Select(r => new { Symbol = r.Symbol!, r.Key }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
    }

    /// <summary>
    /// The references of the record with key <paramref name="key"/>, in document order, each with its link; empty when
    /// there is no such record.
    /// </summary>
    public static async Task<IReadOnlyList<ReferenceLink>> LinksOfAsync(ArchiveDbContext db, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Resolutions.AsNoTracking().Where(r => r.Key == key).SelectMany(r => r.References)
            .OrderBy(x => x.Ordinal).ToListAsync(cancellationToken);
        var archived = await ArchivedKeysAsync(db, rows.Select(r => r.TargetSymbol), cancellationToken);
        return rows.Select(r =>
        {
            return new ReferenceLink(r.Anchor, r.Start, r.Length, r.Kind, r.TargetSymbol, archived.GetValueOrDefault(r.TargetSymbol));
        }).ToList();
    }

    /// <summary>
    /// The archived resolutions that cite <paramref name="symbol"/> (compared exactly with
    /// <see cref="ReferenceEntity.TargetSymbol"/>), each with its citing paragraphs and footnotes; a record never counts
    /// as citing itself. Ordered by adoption date, then key (drafts, with no date, first).
    /// </summary>
    public static async Task<IReadOnlyList<CitingResolution>> CitedByAsync(ArchiveDbContext db, string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hits = await db.Resolutions.AsNoTracking()
            .Where(r => r.Symbol != symbol)
            .SelectMany(r => r.References.Where(x => x.TargetSymbol == symbol), (r, x) => new { r.Id, r.Key, r.Symbol, r.Number, r.Title, r.AdoptionDate, x.Anchor, x.Ordinal })
            .ToListAsync(cancellationToken);
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).Distinct().ToList();
        var anchors = hits.Select(h => h.Anchor).Distinct().ToList();
        var paragraphs = await db.Paragraphs.AsNoTracking().Where(p => ids.Contains(p.ResolutionId) && anchors.Contains(p.Anchor))
            .Select(p => new { p.ResolutionId, p.Anchor, p.Text }).ToListAsync(cancellationToken);
        var footnotes = await db.Footnotes.AsNoTracking().Where(f => ids.Contains(f.ResolutionId) && anchors.Contains(f.Anchor))
            .Select(f => new { f.ResolutionId, f.Anchor, f.Text }).ToListAsync(cancellationToken);
        var texts = paragraphs.Concat(footnotes).ToDictionary(t => (t.ResolutionId, t.Anchor), t => t.Text);

        return hits.GroupBy(h => h.Id)
            .Select(g => g.OrderBy(h => h.Ordinal).ToList())
            .OrderBy(g => g[0].AdoptionDate).ThenBy(g => g[0].Key, StringComparer.Ordinal)
            .Select(g => new CitingResolution(
                g[0].Key,
                g[0].Symbol,
                g[0].Number,
                g[0].Title,
                g.Select(h => h.Anchor).Distinct(StringComparer.Ordinal)
                    .Select(a => new CitingParagraph(a, texts.GetValueOrDefault((g[0].Id, a), ""))).ToList()))
            .ToList();
    }

    /// <summary>
    /// Rebuilds the <c>References</c> rows of the records <paramref name="resolutionIds"/> from their stored text, in
    /// the caller's transaction (<see cref="Import.ResolutionImporter.RederiveAllAsync"/>: records kept in their stored
    /// form when an archive is derived again). Returns the number of rows written.
    /// </summary>
    public static async Task<int> RebuildAsync(ArchiveDbContext db, IReadOnlyCollection<int> resolutionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(resolutionIds);
        var count = 0;
        foreach (var id in resolutionIds)
        {
            await db.References.Where(r => r.ResolutionId == id).ExecuteDeleteAsync(cancellationToken);
            var entity = await db.Resolutions.AsNoTracking().AsSplitQuery()
                .Include(r => r.Paragraphs).Include(r => r.Footnotes).Include(r => r.Annexes)
                .SingleAsync(r => r.Id == id, cancellationToken);
            var rows = ResolutionMapper.ReferencesOf(ResolutionMapper.ToModel(entity)).ToList();
            rows.ForEach(r => r.ResolutionId = id);
            db.References.AddRange(rows);
            count += rows.Count;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return count;
    }

}

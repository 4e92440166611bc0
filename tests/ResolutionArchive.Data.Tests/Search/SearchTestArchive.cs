using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.Tests.Akn;

namespace ResolutionArchive.Data.Tests.Search;

/// <summary>
/// The test corpus of the search tests: the five seeds and the 17 vendored AKN files, imported into a fresh database,
/// and the brute-force reference — every indexed text in the normal form, scanned with an ordinal substring search.
/// </summary>
internal static class SearchTestArchive
{
    public static async Task<TestDatabase> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            (await database.ImportSeedAsync(prefix)).Status.Should().Be(ImportStatus.Imported);
        }

        foreach (var file in Directory.GetFiles(AknCorpus.SampleDirectory, "*.xml").Order(StringComparer.Ordinal))
        {
            (await database.Importer.ImportAsync(ImportSource.FromFile(file))).Status.Should().BeOneOf(ImportStatus.Imported, ImportStatus.Enriched);
        }

        return database;
    }

    /// <summary>Every search entry's id and its text in the normal form, read back from the stored paragraphs and footnotes.</summary>
    public static async Task<IReadOnlyList<(int Id, string Text)>> NormalizedTextsAsync(ArchiveDbContext db)
    {
        var paragraphs = await db.SearchEntries.AsNoTracking().Where(e => e.ParagraphId != null)
            .Join(db.Paragraphs, e => e.ParagraphId, p => p.Id, (e, p) => new { e.Id, p.Text }).ToListAsync();
        var footnotes = await db.SearchEntries.AsNoTracking().Where(e => e.FootnoteId != null)
            .Join(db.Footnotes, e => e.FootnoteId, f => f.Id, (e, f) => new { e.Id, f.Text }).ToListAsync();
        return paragraphs.Concat(footnotes).Select(x => (x.Id, SearchText.Normalize(x.Text))).OrderBy(x => x.Id).ToList();
    }

    /// <summary>The brute-force answer: the ids of the texts containing every required term and no excluded one.</summary>
    public static HashSet<int> BruteForce(IReadOnlyList<(int Id, string Text)> texts, SearchQuery query) =>
        texts.Where(t => query.Required.All(term => t.Text.Contains(term.Text, StringComparison.Ordinal))
                && !query.Excluded.Any(term => t.Text.Contains(term.Text, StringComparison.Ordinal)))
            .Select(t => t.Id).ToHashSet();
}

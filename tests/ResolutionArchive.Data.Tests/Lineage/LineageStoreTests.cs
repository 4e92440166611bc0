using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Lineage;
using ResolutionArchive.Data.Tests.Search;

namespace ResolutionArchive.Data.Tests.Lineage;

/// <summary>
/// Paragraph lineage (docs/lineage.md §1–§2): the prefix-filtered join finds exactly the pairs a brute-force comparison
/// of every pair finds; adding one record gives the same links as a rebuild; the seeds fall into the two series the
/// issue names; and each paragraph's origin is its counterpart in the most recent earlier record.
/// </summary>
public sealed class LineageStoreTests
{
    private static async Task<Dictionary<(int, int), double>> LinksAsync(ArchiveDbContext db) =>
        await db.ParagraphLinks.AsNoTracking().ToDictionaryAsync(l => (l.ParagraphId, l.CounterpartId), l => l.Score);

    [Fact]
    public async Task The_join_finds_exactly_the_pairs_a_comparison_of_every_pair_finds()
    {
        await using var database = await SearchTestArchive.CreateAsync();
        var db = database.Context;
        var stats = await LineageStore.RebuildAsync(db);

        var paragraphs = (await db.Paragraphs.AsNoTracking()
                .Where(p => p.Kind == ParagraphKind.Preamble || p.Kind == ParagraphKind.Operative || p.Kind == ParagraphKind.SubParagraph)
                .Select(p => new { p.Id, p.ResolutionId, p.Text }).ToListAsync())
            .Select(p => (p.Id, p.ResolutionId, Bigrams: ParagraphSimilarity.Bigrams(ParagraphSimilarity.Key(p.Text)), Length: ParagraphSimilarity.Key(p.Text).Length))
            .Where(p => p.Length >= LineageStore.MinLength).ToList();
        var expected = new List<(int From, int To, double Score)>();
        foreach (var a in paragraphs)
        {
            foreach (var b in paragraphs)
            {
                if (a.ResolutionId != b.ResolutionId && ParagraphSimilarity.Jaccard(a.Bigrams, b.Bigrams) is var score && score >= ParagraphSimilarity.Threshold)
                {
                    expected.Add((a.Id, b.Id, score));
                }
            }
        }

        var top = expected.GroupBy(e => e.From).SelectMany(g => g.OrderByDescending(e => e.Score).ThenBy(e => e.To).Take(LineageStore.TopK))
            .ToDictionary(e => (e.From, e.To), e => Math.Round(e.Score, 6));
        var stored = await LinksAsync(db);

        stats.Paragraphs.Should().Be(paragraphs.Count);
        stats.Candidates.Should().BeLessThan((long)paragraphs.Count * paragraphs.Count / 10, "the prefix filter rules out most pairs");
        stored.Should().BeEquivalentTo(top);
        top.Should().HaveCountGreaterThan(100);
    }

    [Fact]
    public async Task Records_of_many_identical_paragraphs_keep_each_paragraph_s_best_links_by_rebuild_and_by_update_alike()
    {
        // 3 records × 300 identical preambular paragraphs: 270,000 pairs at score 1, of which each paragraph keeps the
        // TopK with the lowest ids (issue 14 item 7: the join holds best lists, not pairs)
        await using var database = await TestDatabase.CreateAsync();
        var db = database.Context;
        var recalls = string.Concat(Enumerable.Repeat("回顾大会以往关于人权领域国际合作的各项决议，\n\n", 300));
        foreach (var number in new[] { 5001, 5002, 5003 })
        {
            var text = File.ReadAllText(Seeds.PathOf("000")).Replace("46/13.", $"46/{number}.", StringComparison.Ordinal).Replace("人权理事会，\n\n", "人权理事会，\n\n" + recalls, StringComparison.Ordinal);
            (await database.Importer.ImportAsync(new Data.Import.ImportSource($"{number}.txt", System.Text.Encoding.UTF8.GetBytes(text)))).Status.Should().Be(Data.Import.ImportStatus.Imported);
        }

        var paragraphs = (await db.Paragraphs.AsNoTracking()
                .Where(p => p.Kind == ParagraphKind.Preamble || p.Kind == ParagraphKind.Operative || p.Kind == ParagraphKind.SubParagraph)
                .Select(p => new { p.Id, p.ResolutionId, p.Text }).ToListAsync())
            .Select(p => (p.Id, p.ResolutionId, Bigrams: ParagraphSimilarity.Bigrams(ParagraphSimilarity.Key(p.Text)), Length: ParagraphSimilarity.Key(p.Text).Length))
            .Where(p => p.Length >= LineageStore.MinLength).ToList();
        var expected = paragraphs
            .SelectMany(a => paragraphs.Where(b => a.ResolutionId != b.ResolutionId).Select(b => (From: a.Id, To: b.Id, Score: ParagraphSimilarity.Jaccard(a.Bigrams, b.Bigrams))))
            .Where(e => e.Score >= ParagraphSimilarity.Threshold)
            .GroupBy(e => e.From).SelectMany(g => g.OrderByDescending(e => e.Score).ThenBy(e => e.To).Take(LineageStore.TopK))
            .ToDictionary(e => (e.From, e.To), e => Math.Round(e.Score, 6));

        await LineageStore.RebuildAsync(db);
        var rebuilt = await LinksAsync(db);
        // the third record again: deleted and imported anew (new paragraph ids, its links gone), then linked by update
        (await Data.Import.RecordDeletion.DeleteAsync(database.Context, "A/HRC/RES/46/5003")).Should().BeTrue();
        var third = File.ReadAllText(Seeds.PathOf("000")).Replace("46/13.", "46/5003.", StringComparison.Ordinal).Replace("人权理事会，\n\n", "人权理事会，\n\n" + recalls, StringComparison.Ordinal);
        (await database.Importer.ImportAsync(new Data.Import.ImportSource("5003.txt", System.Text.Encoding.UTF8.GetBytes(third)))).Status.Should().Be(Data.Import.ImportStatus.Imported);
        await LineageStore.UpdateAsync(db, "A/HRC/RES/46/5003");
        var updated = await LinksAsync(db);

        rebuilt.Should().BeEquivalentTo(expected);
        rebuilt.Keys.GroupBy(k => k.Item1).Count(g => g.Count() == LineageStore.TopK).Should().BeGreaterThanOrEqualTo(900, "each of the 900 repeated paragraphs has 600 counterparts and keeps 5");
        await LineageStore.RebuildAsync(db);
        updated.Should().BeEquivalentTo(await LinksAsync(db), "adding the third record gives what a rebuild gives");
    }

    [Fact]
    public async Task Adding_one_record_gives_the_links_a_rebuild_gives()
    {
        await using var database = await SearchTestArchive.CreateAsync();
        var db = database.Context;
        await LineageStore.RebuildAsync(db);
        var rebuilt = await LinksAsync(db);
        (await Data.Import.RecordDeletion.DeleteAsync(database.Context, "A/HRC/RES/53/11")).Should().BeTrue();
        (await database.ImportSeedAsync("002")).Status.Should().Be(Data.Import.ImportStatus.Imported);

        var stats = await LineageStore.UpdateAsync(db, "A/HRC/RES/53/11");
        var updated = await LinksAsync(db);
        await LineageStore.RebuildAsync(db);
        var again = await LinksAsync(db);

        stats!.Links.Should().BeGreaterThan(0);
        updated.Should().BeEquivalentTo(again);
        updated.Should().HaveCount(rebuilt.Count, "the record has the same paragraphs as before (with new ids)");
        (await LineageStore.UpdateAsync(db, "A/RES/99/999")).Should().BeNull();
    }

    [Fact]
    public async Task The_seeds_form_the_two_series_of_the_issue_and_each_paragraph_knows_its_origin()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        await LineageStore.RebuildAsync(database.Context);
        var graph = new LineageGraph();

        (await graph.SeriesOfAsync(database.Context, "A/HRC/RES/46/13")).Select(m => m.Number).Should().Equal("37/23", "43/...", "46/13");
        (await graph.SeriesOfAsync(database.Context, "A/HRC/RES/53/11")).Select(m => m.Number).Should().Equal("76/159", "53/11");
        (await graph.SeriesOfAsync(database.Context, "A/RES/76/159")).Select(m => m.Number).Should().Equal("76/159", "53/11");

        var origins = await graph.OriginsAsync(database.Context, "A/HRC/RES/46/13");
        // 46/13 pp1 "遵循《联合国宪章》的宗旨和原则，" comes from 43/... pp1 "遵循《联合国宪章》，", changed
        origins["pp1"].Source.Number.Should().Be("43/...");
        origins["pp1"].SourceAnchor.Should().Be("pp1");
        origins["pp1"].Identical.Should().BeFalse();
        origins.Values.Should().OnlyContain(o => o.Source.Number == "43/..." || o.Source.Number == "37/23", "only earlier records of the series are origins");
        (await graph.OriginsAsync(database.Context, "A/HRC/RES/37/23")).Should().BeEmpty("37/23 is the earliest record of the archive");
    }
}

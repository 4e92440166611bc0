using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Data.Tests.Search;

/// <summary>
/// The search is exact (docs/search.md §2): for every query, the set of matching paragraphs and footnotes equals a
/// brute-force ordinal substring scan over the same normalised texts — zero missing, zero extra — for every distinct
/// 1- and 2-character substring of a sample, the 200 most frequent two-character terms, random 3–8 character
/// substrings, mixed Latin and Chinese, digits, punctuation and repeats; and again after a re-import and a deletion.
/// </summary>
public sealed class SearchExactnessTests(CorpusArchive corpus)
{
    private static readonly string[] Hand =
    [
        "COVID-19 大流行", "COVID-19", "covid-19", "ＣＯＶＩＤ－１９", "2030 年", "2030年", "２０３０", "2030",
        "，", "。", "；", "、", "“", "”", "（", "）", "(", ")", "(a)", "《", "》", "-", "/", ".", ",", " ",
        "……", "...", "人权人权", "人人", "联合国联合国", "A/RES/", "a/hrc/res/46/13", "第 46/13 号决议", "46/13",
        "重申", "人权", "合作", "发展", "吁请", "决定", "人", "权", "的", "国", "\"", "'", "%", "_", "*", "NEAR(", "AND", "OR", "NOT",
        "'; DROP TABLE x; --", "不存在的词语XYZ", "𠀀", "\u3000", "ﬁ", "①", "\uFFFE", "\uFFFF人权",
    ];

    [Fact]
    public async Task Every_query_finds_exactly_what_a_brute_force_scan_finds()
    {
        await using var database = await SearchTestArchive.CreateAsync();
        var texts = await SearchTestArchive.NormalizedTextsAsync(database.Context);
        texts.Count.Should().BeGreaterThan(800, "the seeds and the 17 AKN files give that many paragraphs and footnotes");

        var queries = QueriesFor(texts);
        queries.Count.Should().BeGreaterThan(2000);
        var report = await CompareAsync(database.Context, texts, queries);
        report.Mismatches.Should().BeEmpty();
        report.NonEmpty.Should().BeGreaterThan(queries.Count / 2, "most queries are taken from the texts and must find them");

        // a re-import that changes a clause, and a deletion: the index follows
        (await database.Importer.ImportAsync(Seeds.Edited("001", "重申", "再次重申ＣＯＶＩＤ－１９"))).Status.Should().Be(ImportStatus.Replaced);
        (await RecordDeletion.DeleteAsync(database.Context, "A/HRC/RES/53/11")).Should().BeTrue();
        var after = await SearchTestArchive.NormalizedTextsAsync(database.Context);
        after.Count.Should().BeLessThan(texts.Count);
        var again = await CompareAsync(database.Context, after, QueriesFor(after));
        again.Mismatches.Should().BeEmpty();
        (await ArchiveSearch.MatchingEntryIdsAsync(database.Context, SearchQuery.Literal("再次重申covid-19"))).Should().NotBeEmpty();
        (await SearchIndex.CheckAsync(database.Context)).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Over_the_whole_corpus_every_query_finds_exactly_what_a_brute_force_scan_finds()
    {
        // the run's one import of the seeds and sessions 75–77, shared with the corpus import tests
        var imported = await corpus.ImportedAsync();
        imported.Failed.Should().OnlyContain(f => f.Contains("A_RES_77_336", StringComparison.Ordinal), "the one file refused for a documented defect");
        await using var context = imported.Database.OpenContext();

        var texts = await SearchTestArchive.NormalizedTextsAsync(context);
        texts.Count.Should().BeGreaterThan(30_000);
        var queries = QueriesFor(texts, sampleTexts: 12, randomSubstrings: 300);
        var report = await CompareAsync(context, texts, queries);

        report.Mismatches.Should().BeEmpty();
        report.NonEmpty.Should().BeGreaterThan(queries.Count / 2);
        (await SearchIndex.CheckAsync(context)).Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("人权 合作")]
    [InlineData("人权 -合作")]
    [InlineData("\"人权理事会\" 决定 -大会")]
    [InlineData("重申 -\"人权理事会\"")]
    [InlineData("COVID-19 大流行")]
    [InlineData("2030 年 -2030年")]
    [InlineData("AND OR NOT")]
    [InlineData("\"人权")]
    [InlineData("人 权 国 家 发 展 合 作 和 的")]
    public async Task Queries_with_several_terms_phrases_and_exclusions_equal_the_brute_force_answer(string input)
    {
        await using var database = await SearchTestArchive.CreateAsync();
        var texts = await SearchTestArchive.NormalizedTextsAsync(database.Context);
        var query = SearchQuery.Parse(input);
        query.Problem.Should().BeNull();
        var found = await ArchiveSearch.MatchingEntryIdsAsync(database.Context, query);
        found.Should().BeEquivalentTo(SearchTestArchive.BruteForce(texts, query));
    }

    private static async Task<(List<string> Mismatches, int NonEmpty)> CompareAsync(ArchiveDbContext db, IReadOnlyList<(int Id, string Text)> texts, IReadOnlyCollection<string> queries)
    {
        var mismatches = new List<string>();
        var nonEmpty = 0;
        foreach (var input in queries)
        {
            var query = SearchQuery.Literal(input);
            query.Problem.Should().BeNull($"\"{input}\" is a query");
            var expected = SearchTestArchive.BruteForce(texts, query);
            var found = await ArchiveSearch.MatchingEntryIdsAsync(db, query);
            nonEmpty += expected.Count > 0 ? 1 : 0;
            if (!found.SetEquals(expected))
            {
                mismatches.Add($"\"{input}\": {expected.Except(found).Count()} missing, {found.Except(expected).Count()} extra");
            }
        }

        return (mismatches, nonEmpty);
    }

    /// <summary>The query set: substrings of the texts (by character, i.e. rune) and the hand-written cases.</summary>
    private static List<string> QueriesFor(IReadOnlyList<(int Id, string Text)> texts, int sampleTexts = 60, int randomSubstrings = 400)
    {
        var queries = new HashSet<string>(StringComparer.Ordinal);
        var runes = texts.Select(t => t.Text.EnumerateRunes().Select(r => r.ToString()).ToArray()).ToList();

        // every distinct 1- and 2-character substring of a sample of texts spread over the corpus
        for (var i = 0; i < runes.Count; i += Math.Max(1, runes.Count / sampleTexts))
        {
            var r = runes[i];
            for (var k = 0; k < r.Length; k++)
            {
                queries.Add(r[k]);
                if (k + 1 < r.Length)
                {
                    queries.Add(r[k] + r[k + 1]);
                }
            }
        }

        // the 200 most frequent two-character terms of the whole corpus
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in runes)
        {
            for (var k = 0; k + 1 < r.Length; k++)
            {
                var bigram = r[k] + r[k + 1];
                frequency[bigram] = frequency.GetValueOrDefault(bigram) + 1;
            }
        }

        queries.UnionWith(frequency.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(200).Select(f => f.Key));

        // random 3–8 character substrings
        var random = new Random(20261124);
        var long3 = runes.Where(r => r.Length >= 8).ToList();
        for (var n = 0; n < randomSubstrings; n++)
        {
            var r = long3[random.Next(long3.Count)];
            var length = random.Next(3, 9);
            var start = random.Next(r.Length - length + 1);
            queries.Add(string.Concat(r.AsSpan(start, length).ToArray()));
        }

        queries.UnionWith(Hand.Select(SearchText.Normalize));
        return queries.Where(q => q.Length > 0).Order(StringComparer.Ordinal).ToList();
    }
}

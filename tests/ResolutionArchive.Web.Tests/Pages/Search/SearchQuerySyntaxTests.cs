using System.Net;
using AngleSharp.Html.Dom;
using ResolutionArchive.Web.Tests.Infrastructure;
using static ResolutionArchive.Web.Tests.Infrastructure.SearchPage;

namespace ResolutionArchive.Web.Tests.Pages.Search;

/// <summary>
/// The query syntax of <c>/search</c> (docs/search.md §1): full-width and case variants, exclusion, phrases,
/// several terms, and queries that cannot run, are too long or match nothing.
/// Expected results as <see cref="SearchSiteTests"/> says.
/// </summary>
[Collection(SearchSiteCollection.Name)]
public sealed class SearchQuerySyntaxTests(SearchArchive archive) : SearchSiteTests(archive)
{
    [Theory]
    [InlineData("ＣＯＶＩＤ", "COVID")]
    [InlineData("ｃｏｖｉｄ", "covid")]
    [InlineData("２０３０", "2030")]
    [InlineData("２０３０　年", "2030 年")] // the ideographic space is a space: two terms
    [InlineData("＂ＣＯＶＩＤ－１９ 大流行＂", "\"COVID-19 大流行\"")]
    public async Task AFullWidthQueryFindsWhatTheHalfWidthOneFinds(string fullWidth, string halfWidth)
    {
        // The seeds print Latin letters and digits half-width only (no U+FF10–FF5A in any seed), so a full-width query
        // can only match through the normal form.
        var wide = await SearchOracle.AllApiHitsAsync(App, "q=" + Uri.EscapeDataString(fullWidth));
        var narrow = await SearchOracle.AllApiHitsAsync(App, "q=" + Uri.EscapeDataString(halfWidth));

        narrow.Should().NotBeEmpty();
        Urls(wide).Should().Equal(Urls(narrow));

        var (_, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(fullWidth) + "&view=flat");
        FlatHrefs(document).Should().Equal(Urls(narrow).Take(20));
        var terms = halfWidth.StartsWith('"') ? [halfWidth.Trim('"')] : halfWidth.Split(' ');
        foreach (var snippet in document.QuerySelectorAll(".search-hit .snippet"))
        {
            AssertMarks(snippet, terms);
        }
    }

    [Fact]
    public async Task FullWidthAndCaseVariantsFindTheSameParagraphsAsTheOracle()
    {
        // COVID: four paragraphs of 46/13, five of 53/11 (seed 002 writes "COVID-19 疫情"); 2030: 53/11 pp2 and pp3, 76/159 pp2.
        var covid = await SearchOracle.AllApiHitsAsync(App, "q=ＣＯＶＩＤ");
        Urls(covid).Should().BeEquivalentTo(SearchOracle.Find(Oracle, ["covid"]).Select(e => e.Url));
        covid.GroupBy(h => h.GetProperty("key").GetString()).ToDictionary(g => g.Key!, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["A/HRC/RES/46/13"] = 4, ["A/HRC/RES/53/11"] = 5 });
        var year = await SearchOracle.AllApiHitsAsync(App, "q=２０３０");
        Urls(year).Should().BeEquivalentTo("/resolutions/A/HRC/RES/53/11#pp2", "/resolutions/A/HRC/RES/53/11#pp3", "/resolutions/A/RES/76/159#pp2");
        foreach (var hit in year)
        {
            MarkTexts(hit.GetProperty("snippet").GetString()!).Should().AllBe("2030", "the text as printed is marked");
        }
    }

    [Fact]
    public async Task ExcludesParagraphsWithAMinusTerm()
    {
        // 合作共赢 -请: the operative paragraphs 请…, 吁请…, 叼请… (46/13 op1's misprint) and 重申…请 go; six preamble clauses stay.
        var expected = new[]
        {
            "/resolutions/A/HRC/RES/37/23#pp8", "/resolutions/A/HRC/RES/37/23#pp12", "/resolutions/A/HRC/RES/37/23#pp13",
            "/resolutions/A/HRC/RES/37/23#pp15", "/resolutions/A/HRC/RES/46/13#pp14", "/resolutions/A/HRC/RES/46/13#pp16",
        };
        SearchOracle.Find(Oracle, [Cooperation], ["请"]).Select(e => e.Url).Should().BeEquivalentTo(expected);

        var (response, document) = await App.GetDocumentAsync($"/search?q={Uri.EscapeDataString(Cooperation + " -请")}&view=flat");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        FlatHrefs(document).Should().BeEquivalentTo(expected);
        SearchSummary(document).Should().Be((6, 2));
        foreach (var snippet in document.QuerySelectorAll(".snippet"))
        {
            AssertMarks(snippet, [Cooperation]);
            snippet.TextContent.Should().NotContain("请");
        }

        // an excluded phrase, and exclusions on the API
        Urls(await SearchOracle.AllApiHitsAsync(App, "q=" + Uri.EscapeDataString("人权 -\"人权理事会\" -大会")))
            .Should().BeEquivalentTo(SearchOracle.Find(Oracle, ["人权"], ["人权理事会", "大会"]).Select(e => e.Url));
    }

    [Fact]
    public async Task AQuotedPhraseMustOccurAsWrittenWhileTwoTermsMayBeApart()
    {
        // Seed 000 writes "COVID-19 大流行" in pp11, pp12, op6 and op7 of 46/13; seed 002 writes "大流行(COVID-19 疫情)" in
        // 53/11 pp11 and op28: both words, not the phrase.
        string[] phrase = ["/resolutions/A/HRC/RES/46/13#pp11", "/resolutions/A/HRC/RES/46/13#pp12", "/resolutions/A/HRC/RES/46/13#op6", "/resolutions/A/HRC/RES/46/13#op7"];
        string[] both = [.. phrase, "/resolutions/A/HRC/RES/53/11#pp11", "/resolutions/A/HRC/RES/53/11#op28"];
        SearchOracle.Find(Oracle, ["COVID-19 大流行"]).Select(e => e.Url).Should().BeEquivalentTo(phrase);
        SearchOracle.Find(Oracle, ["COVID-19", "大流行"]).Select(e => e.Url).Should().BeEquivalentTo(both);

        var (_, quoted) = await App.GetDocumentAsync("/search?view=flat&q=" + Uri.EscapeDataString("\"COVID-19 大流行\""));
        var (_, apart) = await App.GetDocumentAsync("/search?view=flat&q=" + Uri.EscapeDataString("COVID-19 大流行"));

        FlatHrefs(quoted).Should().BeEquivalentTo(phrase);
        FlatHrefs(apart).Should().BeEquivalentTo(both);
        foreach (var snippet in quoted.QuerySelectorAll(".snippet"))
        {
            AssertMarks(snippet, ["COVID-19 大流行"]);
        }

        foreach (var snippet in apart.QuerySelectorAll(".snippet"))
        {
            AssertMarks(snippet, ["COVID-19", "大流行"]);
        }
    }

    [Theory]
    [InlineData("人权 合作共赢", new[] { "人权", "合作共赢" })]
    [InlineData("合作 发展", new[] { "合作", "发展" })]
    [InlineData("人权 合作 发展 国际", new[] { "人权", "合作", "发展", "国际" })]
    [InlineData("发展权", new[] { "发展权" })]
    [InlineData("权", new[] { "权" })]
    [InlineData("A/HRC", new[] { "a/hrc" })]
    [InlineData("决议 决议 决议", new[] { "决议" })]
    public async Task SeveralTermsMustAllOccurInTheSameParagraph(string query, string[] terms)
    {
        var expected = SearchOracle.Find(Oracle, terms).Select(e => e.Url).ToList();
        expected.Should().NotBeEmpty();

        var hits = await SearchOracle.AllApiHitsAsync(App, "q=" + Uri.EscapeDataString(query));

        Urls(hits).Should().BeEquivalentTo(expected);
        var (_, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        SearchSummary(document).Should().Be((expected.Count, SearchOracle.Find(Oracle, terms).Select(e => e.Key).Distinct().Count()));
    }

    [Theory]
    [InlineData("-人权", "请至少输入一个要查找的词；以“-”开头的词只用于排除。")]
    [InlineData("a b c d e f g h i j k", "搜索词太多：最多 10 个。")]
    [InlineData("\u0007", "请输入要查找的词。")]
    public async Task AQueryThatCannotRunAnswers400WithThePageAndTheReason(string query, string message)
    {
        var (response, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        document.QuerySelector("p.problem[role=alert]")!.TextContent.Should().Be(message);
        document.QuerySelector("form.search").Should().NotBeNull("the user can correct the query");
        document.QuerySelector(".search-results").Should().BeNull();
    }

    [Fact]
    public async Task ATooLongQueryIsCutInTheBoxAndExplained()
    {
        var (response, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(new string('权', 201)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        document.QuerySelector("p.problem")!.TextContent.Should().Be("搜索词太长：最多 200 个字符。");
        var box = (IHtmlInputElement)document.QuerySelector("#search-q")!;
        box.Value.Should().Be(new string('权', 200));
        box.MaxLength.Should().Be(200);

        var (ok, exactly) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(new string('权', 200)));
        ok.StatusCode.Should().Be(HttpStatusCode.OK, "200 characters are allowed");
        SearchSummary(exactly).Should().Be((0, 0));
        exactly.QuerySelector(".search-summary")!.TextContent.Should().Contain($"没有找到含有“{new string('权', 200)}”的段落。");
    }

    [Fact]
    public async Task ANonMatchingQuerySaysSoWithoutFacets()
    {
        var (response, document) = await App.GetDocumentAsync("/search?q=%E9%87%8F%E5%AD%90%E8%AE%A1%E7%AE%97"); // 量子计算

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector(".search-summary")!.TextContent.Should().Contain("没有找到含有“量子计算”的段落。");
        document.QuerySelector("nav.facets").Should().BeNull();
        document.QuerySelectorAll("li.search-group").Should().BeEmpty();
        document.QuerySelector("nav.pagination").Should().BeNull();
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.Parsers;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The search page <c>/search</c> (docs/search.md) over the five seeds. Expected results come from reading the seeds
/// (hard-coded where a human can check them) and from <see cref="SearchOracle"/>, a brute-force ordinal scan of every
/// stored paragraph and footnote that uses neither the index nor the search code.
/// </summary>
public sealed partial class SearchPageTests(SearchArchive archive) : IClassFixture<SearchArchive>
{
    private const string Cooperation = "合作共赢";

    private ArchiveApplication App => archive.App;

    private IReadOnlyList<OracleEntry> Oracle => archive.Oracle;

    [Fact]
    public async Task WithoutAQueryShowsTheFormAndTheSyntaxHelp()
    {
        var (response, document) = await App.GetDocumentAsync("/search");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.Title.Should().Be("全文搜索 · 联合国决议档案");
        document.QuerySelector("h1")!.TextContent.Should().Be("全文搜索");
        var form = document.QuerySelector("form.search")!;
        form.GetAttribute("action").Should().Be("/search");
        form.GetAttribute("method").Should().Be("get");
        form.GetAttribute("role").Should().Be("search");
        var box = (IHtmlInputElement)form.QuerySelector("input[name=q]")!;
        box.Type.Should().Be("search");
        box.Value.Should().BeEmpty();
        document.QuerySelector($"label[for='{box.Id}']")!.TextContent.Should().Be("查找");
        form.QuerySelector("button[type=submit]")!.TextContent.Should().Be("搜索");
        form.QuerySelectorAll("select, input").Select(e => e.GetAttribute("name")).Distinct()
            .Should().BeEquivalentTo("q", "body", "session-from", "session-to", "year-from", "year-to", "kind", "mode", "verb", "view");

        var syntax = document.QuerySelector("details#search-syntax")!;
        syntax.HasAttribute("open").Should().BeTrue("the syntax is shown open while nothing was searched");
        syntax.QuerySelectorAll("code").Select(c => c.TextContent).Should().Equal("人权 合作", "\"COVID-19 大流行\"", "人权 -大会");
        syntax.TextContent.Should().Contain("２０３０ 与 2030 相同");
        document.QuerySelector(".search-summary").Should().BeNull();
        document.QuerySelector(".search-results").Should().BeNull();
        document.QuerySelector(".notice").Should().BeNull();
    }

    [Fact]
    public async Task TheHeaderLinksToTheSearchPage()
    {
        var (_, document) = await App.GetDocumentAsync("/");

        document.QuerySelectorAll(".site-header nav a").Should().ContainSingle(a => a.GetAttribute("href") == "/search" && a.TextContent == "全文搜索");
    }

    [Fact]
    public async Task FindsExactlyTheParagraphsThatContainTheQueryGroupedByResolution()
    {
        // Read from the seeds: 合作共赢 is in the titles of 46/13 (seed 000) and 37/23 (seed 004), in five paragraphs of
        // 46/13 and eight of 37/23 (one of them across a hard line break of the PDF text), nowhere in the other three.
        var expected = new Dictionary<string, string[]>
        {
            ["A/HRC/RES/46/13"] = ["pp14", "pp16", "op1", "op3", "op5"],
            ["A/HRC/RES/37/23"] = ["pp8", "pp12", "pp13", "pp15", "op1", "op2", "op4", "op5"],
        };
        SearchOracle.Find(Oracle, [Cooperation]).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Anchor).ToArray())
            .Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), "the brute-force scan agrees with the reading");

        var (response, document) = await App.GetDocumentAsync($"/search?q={Uri.EscapeDataString(Cooperation)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.Title.Should().Be("搜索：合作共赢 · 联合国决议档案");
        ((IHtmlInputElement)document.QuerySelector("#search-q")!).Value.Should().Be(Cooperation);
        document.QuerySelector("#search-syntax")!.HasAttribute("open").Should().BeFalse();
        SearchSummary(document).Should().Be((13, 2));
        document.QuerySelector(".search-summary")!.TextContent.Should().Contain("找到 13 个段落，分属 2 项决议。");

        var groups = document.QuerySelectorAll("ol.search-results.grouped > li.search-group").ToList();
        groups.Select(g => g.QuerySelector("h2 a")!.GetAttribute("href")).Should().BeEquivalentTo(expected.Keys.Select(k => "/resolutions/" + k));
        var pages = new Dictionary<string, IHtmlDocument>();
        foreach (var group in groups)
        {
            var link = group.QuerySelector("h2 a")!;
            var key = link.GetAttribute("href")!["/resolutions/".Length..];
            link.TextContent.Should().Be(key, "the group is headed by the symbol");
            group.QuerySelector("h2 span")!.TextContent.Should().Be("在人权领域促进合作共赢");
            group.QuerySelector("p.meta")!.TextContent.Should().EndWith($"· {expected[key].Length} 处匹配");

            var hits = group.QuerySelectorAll("ul.hits > li").ToList();
            hits.Should().HaveCount(3, "a group shows its three best matches");
            var anchors = hits.Select(h => h.QuerySelector("a.hit-label")!.GetAttribute("href")!).Select(h => AnchorOf(h, key)).ToList();
            anchors.Should().OnlyHaveUniqueItems().And.BeSubsetOf(expected[key]);
            anchors.Select(a => Array.IndexOf(expected[key], a)).Should().BeInAscendingOrder("a group's matches are in document order");

            var (pageResponse, page) = await App.GetDocumentAsync(link.GetAttribute("href")!);
            pageResponse.StatusCode.Should().Be(HttpStatusCode.OK);
            pages[key] = page;
            foreach (var (hit, anchor) in hits.Zip(anchors))
            {
                var target = page.GetElementById(anchor);
                target.Should().NotBeNull($"{key} has an element #{anchor}");
                SearchOracle.Fold(target!.TextContent).Should().Contain(Cooperation);
                AssertMarks(hit.QuerySelector(".snippet")!, [Cooperation]);
                AssertSnippetOf(hit.QuerySelector(".snippet")!.TextContent, Oracle.Single(e => e.Key == key && e.Anchor == anchor).Text);
            }

            hits.Select(h => h.QuerySelector("a.hit-label")!.TextContent).Should().AllSatisfy(t => t.Should().MatchRegex("^(序言部分|执行部分)第 \\d+ 段$"));

            // "all matches in this resolution": the flat list limited to it.
            var more = group.QuerySelector("p.more a")!;
            more.TextContent.Should().Be($"查看本决议全部 {expected[key].Length} 处匹配");
            more.GetAttribute("href").Should().Be($"/search?q={Uri.EscapeDataString(Cooperation)}&resolution={Uri.EscapeDataString(key)}&view=flat");
            var (_, all) = await App.GetDocumentAsync(more.GetAttribute("href")!);
            FlatHrefs(all).Select(h => AnchorOf(h, key)).Should().BeEquivalentTo(expected[key]);
            all.QuerySelector("p.scope")!.TextContent.Should().StartWith($"仅显示 {key} 中的匹配。");
            all.QuerySelector("p.scope a")!.GetAttribute("href").Should().Be($"/search?q={Uri.EscapeDataString(Cooperation)}&view=flat");
            ((IHtmlInputElement)all.QuerySelector("input[type=hidden][name=resolution]")!).Value.Should().Be(key, "a new query stays in the resolution");
        }

        pages.Should().HaveCount(2);
    }

    [Fact]
    public async Task EveryHitOfAFrequentQueryLinksToAnAnchorThatExistsOnItsResolutionPage()
    {
        var hits = await SearchOracle.AllApiHitsAsync(App, "q=人权");
        hits.Should().HaveCount(SearchOracle.Find(Oracle, ["人权"]).Count);
        var pages = new Dictionary<string, IHtmlDocument>();
        foreach (var hit in hits)
        {
            var url = hit.GetProperty("url").GetString()!;
            var key = hit.GetProperty("key").GetString()!;
            var anchor = hit.GetProperty("paragraphId").GetString()!;
            url.Should().Be($"/resolutions/{key}#{anchor}");
            if (!pages.TryGetValue(key, out var page))
            {
                var (response, document) = await App.GetDocumentAsync(url.Split('#')[0]);
                response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                pages[key] = page = document;
            }

            var target = page.GetElementById(anchor);
            target.Should().NotBeNull(url);
            SearchOracle.Fold(target!.TextContent).Should().Contain("人权", url);
        }

        pages.Keys.Should().HaveCount(5, "人权 is in every seed");
    }

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
    [InlineData("body=GA", new[] { "A/RES/76/159" })]
    [InlineData("body=hrc", new[] { "A/HRC/RES/53/11", "A/HRC/RES/46/13", "A/HRC/RES/37/23", "draft" })]
    [InlineData("session-from=46", new[] { "A/HRC/RES/53/11", "A/RES/76/159", "A/HRC/RES/46/13" })]
    [InlineData("session-to=43", new[] { "A/HRC/RES/37/23", "draft" })]
    [InlineData("session-from=46&session-to=53", new[] { "A/HRC/RES/53/11", "A/HRC/RES/46/13" })]
    [InlineData("year-from=2021&year-to=2021", new[] { "A/RES/76/159", "A/HRC/RES/46/13" })]
    [InlineData("year-from=2022", new[] { "A/HRC/RES/53/11" })]
    [InlineData("year-to=2020", new[] { "A/HRC/RES/37/23" })]
    [InlineData("mode=recorded", new[] { "A/HRC/RES/53/11", "A/HRC/RES/46/13", "A/HRC/RES/37/23" })]
    [InlineData("mode=not-stated", new[] { "A/RES/76/159", "draft" })]
    [InlineData("mode=without-vote", new string[0])]
    [InlineData("kind=footnote", new[] { "draft" })] // its footnote * 非人权理事会成员国
    [InlineData("kind=preamble&body=HRC&year-from=2021", new[] { "A/HRC/RES/53/11", "A/HRC/RES/46/13" })]
    [InlineData("kind=operative", new[] { "A/HRC/RES/53/11", "A/RES/76/159", "A/HRC/RES/46/13", "A/HRC/RES/37/23", "draft" })]
    [InlineData("kind=annex", new string[0])]
    [InlineData("verb=重申", new[] { "A/HRC/RES/53/11", "A/RES/76/159", "A/HRC/RES/46/13", "A/HRC/RES/37/23", "draft" })]
    [InlineData("verb=请&body=HRC&session-to=46", new[] { "A/HRC/RES/46/13", "A/HRC/RES/37/23", "draft" })]
    [InlineData("resolution=A/HRC/RES/53/11", new[] { "A/HRC/RES/53/11" })]
    [InlineData("resolution=A/RES/76/159&kind=preamble", new[] { "A/RES/76/159" })]
    [InlineData("resolution=A/RES/99/1", new string[0])]
    public async Task FiltersNarrowTheResultsToWhatTheOracleFinds(string filters, string[] resolutions)
    {
        var expected = SearchOracle.Find(Oracle, ["人权"]).Where(SearchOracle.Filter(filters)).ToList();
        expected.Select(e => e.Symbol ?? "draft").Distinct().Should().BeEquivalentTo(resolutions, "the oracle agrees with the seeds' metadata");

        var (response, document) = await App.GetDocumentAsync($"/search?q=%E4%BA%BA%E6%9D%83&{filters}");
        var hits = await SearchOracle.AllApiHitsAsync(App, $"q=%E4%BA%BA%E6%9D%83&{filters}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector(".notice").Should().BeNull("every filter was readable");
        Urls(hits).Should().BeEquivalentTo(expected.Select(e => e.Url));
        SearchSummary(document).Should().Be((expected.Count, resolutions.Length));
        document.QuerySelectorAll("li.search-group h2 a").Select(a => a.GetAttribute("href"))
            .Should().BeEquivalentTo(expected.Select(e => "/resolutions/" + e.Key).Distinct());
        document.QuerySelector(".facets > p > a")!.GetAttribute("href").Should().Be("/search?q=%E4%BA%BA%E6%9D%83", "清除全部筛选条件 keeps the query only");
        var (_, flat) = await App.GetDocumentAsync($"/search?q=%E4%BA%BA%E6%9D%83&{filters}&view=flat");
        FlatHrefs(flat).Should().Equal(Urls(hits).Take(20), "the page's flat list is the API's list");
    }

    [Fact]
    public async Task FilterValuesAreKeptInTheFormAndInTheLinks()
    {
        var (_, document) = await App.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83&body=HRC&session-from=40&session-to=53&year-from=2019&year-to=2023&kind=operative&mode=recorded&verb=%E9%87%8D%E7%94%B3");

        var form = document.QuerySelector("form.search")!;
        form.QuerySelector("details.filters")!.HasAttribute("open").Should().BeTrue("the filters in use are shown");
        ((IHtmlSelectElement)form.QuerySelector("#search-body")!).Value.Should().Be("HRC");
        ((IHtmlInputElement)form.QuerySelector("#search-session-from")!).Value.Should().Be("40");
        ((IHtmlInputElement)form.QuerySelector("#search-session-to")!).Value.Should().Be("53");
        ((IHtmlInputElement)form.QuerySelector("#search-year-from")!).Value.Should().Be("2019");
        ((IHtmlInputElement)form.QuerySelector("#search-year-to")!).Value.Should().Be("2023");
        ((IHtmlSelectElement)form.QuerySelector("#search-kind")!).Value.Should().Be("operative");
        ((IHtmlSelectElement)form.QuerySelector("#search-mode")!).Value.Should().Be("recorded");
        ((IHtmlInputElement)form.QuerySelector("#search-verb")!).Value.Should().Be("重申");
        document.QuerySelector(".view-switch a")!.GetAttribute("href")
            .Should().Be("/search?q=%E4%BA%BA%E6%9D%83&body=HRC&session-from=40&session-to=53&year-from=2019&year-to=2023&kind=operative&mode=recorded&verb=%E9%87%8D%E7%94%B3&view=flat");
        var expected = SearchOracle.Find(Oracle, ["人权"]).Where(SearchOracle.Filter("body=HRC&session-from=40&session-to=53&year-from=2019&year-to=2023&kind=operative&mode=recorded&verb=重申")).ToList();
        expected.Select(e => e.Key).Distinct().Should().BeEquivalentTo("A/HRC/RES/46/13", "A/HRC/RES/53/11");
        SearchSummary(document).Should().Be((expected.Count, 2));
    }

    [Fact]
    public async Task EachFacetCountIsWhatFollowingItsLinkFinds()
    {
        var (_, document) = await App.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83");
        var human = SearchOracle.Find(Oracle, ["人权"]);

        var verbs = FacetCounts(document, "facet-verb");
        verbs.Should().NotBeEmpty();
        verbs.Should().BeEquivalentTo(
            human.Where(e => e.Verb is not null).GroupBy(e => e.Verb!).ToDictionary(g => g.Key, g => g.Count()),
            "the verb facet counts the operative paragraphs with each leading verb");
        verbs.Values.Should().BeInDescendingOrder("the most frequent verb comes first");
        verbs.Should().ContainKey("重申");
        FacetCounts(document, "facet-kind").Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["序言部分"] = human.Count(e => e.Kind == SearchKindFilter.Preamble),
            ["执行部分"] = human.Count(e => e.Kind == SearchKindFilter.Operative),
            ["脚注"] = human.Count(e => e.Kind == SearchKindFilter.Footnote),
        });
        FacetCounts(document, "facet-body").Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["人权理事会"] = human.Count(e => e.Body == Body.HRC),
            ["大会"] = human.Count(e => e.Body == Body.GA),
        });

        var links = document.QuerySelectorAll("nav.facets section a").ToList();
        links.Should().HaveCount(verbs.Count + 3 + 2);
        foreach (var link in links)
        {
            var count = int.Parse(Regex.Match(link.TextContent, "（(\\d+)）$").Groups[1].Value, CultureInfo.InvariantCulture);
            var (response, followed) = await App.GetDocumentAsync(link.GetAttribute("href")!);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            SearchSummary(followed).Total.Should().Be(count, link.GetAttribute("href"));

            // the facet is now marked current, and its link takes the filter off again
            var current = followed.QuerySelectorAll("nav.facets a[aria-current=true]").Should().ContainSingle().Subject;
            current.TextContent.Should().Be(link.TextContent);
            current.GetAttribute("href").Should().Be("/search?q=%E4%BA%BA%E6%9D%83");
        }

        // the verb facet link of the verb filter
        var reaffirm = links.Single(a => a.TextContent.StartsWith("重申（", StringComparison.Ordinal));
        reaffirm.GetAttribute("href").Should().Be("/search?q=%E4%BA%BA%E6%9D%83&verb=%E9%87%8D%E7%94%B3");
        reaffirm.GetAttribute("lang").Should().Be("zh-Hans");
    }

    [Fact]
    public async Task TheFlatViewPagesThroughEveryHitTwentyAtATime()
    {
        var expected = SearchOracle.Find(Oracle, ["人权"]);
        expected.Count.Should().BeGreaterThan(40, "人权 fills more than two pages");
        var pageCount = (expected.Count + 19) / 20;
        var api = Urls(await SearchOracle.AllApiHitsAsync(App, "q=人权"));

        var (response, second) = await App.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83&view=flat&page=2");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Title.Should().Be("搜索：人权 · 联合国决议档案");
        second.QuerySelector("ol.search-results.flat")!.GetAttribute("start").Should().Be("21");
        FlatHrefs(second).Should().Equal(api.Skip(20).Take(20), "page 2 of the page is page 2 of the API");
        second.QuerySelector(".search-summary")!.TextContent.Should().Contain($"找到 {expected.Count} 个段落，分属 5 项决议。 本页为第 2 页，共 {pageCount} 页。");
        var pagination = second.QuerySelector("nav.pagination")!;
        pagination.QuerySelector("a[aria-current=page]")!.TextContent.Should().Be("2");
        pagination.QuerySelector("a[rel=prev]")!.GetAttribute("href").Should().Be("/search?q=%E4%BA%BA%E6%9D%83&view=flat");
        pagination.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/search?q=%E4%BA%BA%E6%9D%83&view=flat&page=3");
        second.QuerySelectorAll(".search-hit .hit-label").Select(a => a.TextContent)
            .Should().AllSatisfy(t => t.Should().MatchRegex("^(A/HRC/RES/\\d+/\\d+|A/RES/76/159|43/\\.\\.\\.) · (序言部分第 \\d+ 段|执行部分第 \\d+ 段|执行部分第 \\d+ 段\\(.+\\)|脚注 .+)$"));

        var seen = new List<string>();
        for (var page = 1; page <= pageCount; page++)
        {
            var (_, document) = await App.GetDocumentAsync($"/search?q=%E4%BA%BA%E6%9D%83&view=flat&page={page}");
            var hrefs = FlatHrefs(document);
            hrefs.Should().HaveCount(page < pageCount ? 20 : expected.Count - (20 * (pageCount - 1)));
            seen.AddRange(hrefs);
        }

        seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected.Select(e => e.Url));
        seen.Should().Equal(api);

        // past the end: the last page
        var (_, past) = await App.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83&view=flat&page=999");
        FlatHrefs(past).Should().Equal(api.Skip(20 * (pageCount - 1)));
        past.QuerySelector("nav.pagination a[aria-current=page]")!.TextContent.Should().Be(pageCount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ResultsAreRankedByScoreThenNewestFirstAndGroupsByTheirBestParagraph()
    {
        foreach (var query in new[] { "人权", Cooperation, "合作 发展", "国际合作" })
        {
            var hits = await SearchOracle.AllApiHitsAsync(App, "q=" + Uri.EscapeDataString(query));
            var ranked = hits.Select(h => (Score: h.GetProperty("score").GetDouble(), Date: h.GetProperty("adoptionDate").ValueKind == JsonValueKind.Null ? (DateOnly?)null : DateOnly.Parse(h.GetProperty("adoptionDate").GetString()!, CultureInfo.InvariantCulture))).ToList();
            ranked.Select(r => r.Score).Should().BeInAscendingOrder("BM25: lower is more relevant ({0})", query);
            foreach (var (a, b) in ranked.Zip(ranked.Skip(1)).Where(p => p.First.Score == p.Second.Score))
            {
                (a.Date is null ? b.Date is null : b.Date is null || b.Date <= a.Date).Should().BeTrue($"equal scores are ordered newest first, drafts last ({query}: {a.Date} then {b.Date})");
            }

            var (_, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
            document.QuerySelectorAll("li.search-group h2 a").Select(a => a.GetAttribute("href")!["/resolutions/".Length..])
                .Should().Equal(hits.Select(h => h.GetProperty("key").GetString()).Distinct(), "groups are ranked by their best paragraph ({0})", query);
        }

        // Ties are real: 46/13 pp14 and 37/23 pp12 are the same sentence, so they score the same; 46/13 (2021) comes first.
        var cooperation = await SearchOracle.AllApiHitsAsync(App, "q=" + Cooperation);
        var newer = cooperation.FindIndex(h => h.GetProperty("url").GetString() == "/resolutions/A/HRC/RES/46/13#pp14");
        var older = cooperation.FindIndex(h => h.GetProperty("url").GetString() == "/resolutions/A/HRC/RES/37/23#pp12");
        cooperation[newer].GetProperty("score").GetDouble().Should().Be(cooperation[older].GetProperty("score").GetDouble());
        newer.Should().BeLessThan(older);
    }

    [Fact]
    public async Task UnreadableFiltersAreListedInTheNoticeAndIgnored()
    {
        var (_, plain) = await App.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83");
        var (response, document) = await App.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83&body=XYZ&kind=foo&page=abc&mode=drop&session-from=0&session-to=abc&year-from=1800&year-to=99999999999&view=cards&verb=" + new string('重', 21));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var notice = document.QuerySelector(".notice[role=status]")!;
        notice.QuerySelector("p")!.TextContent.Should().Be("以下查询参数无效：");
        notice.QuerySelectorAll("ul.ignored li").Select(li => li.TextContent).Should().Equal(
            "机构“XYZ”无法识别（可用 HRC 或 GA），已忽略。",
            "届会“0”不是 1 至 999 之间的届会编号，已忽略。",
            "届会“abc”不是 1 至 999 之间的届会编号，已忽略。",
            "年份“1800”不是 1945 至 9998 之间的年份，已忽略。",
            "年份“99999999999”不是 1945 至 9998 之间的年份，已忽略。",
            "段落类型“foo”无法识别（可用 preamble、operative、footnote 或 annex），已忽略。",
            "通过方式“drop”无法识别（可用 recorded、without-vote 或 not-stated），已忽略。",
            $"执行部分动词“{new string('重', 21)}”无效，已忽略。",
            "显示方式“cards”无法识别（可用 grouped 或 flat），已忽略。",
            "页码“abc”无效，已显示第 1 页。");
        SearchSummary(document).Should().Be(SearchSummary(plain));
        document.QuerySelectorAll("li.search-group h2 a").Select(a => a.GetAttribute("href"))
            .Should().Equal(plain.QuerySelectorAll("li.search-group h2 a").Select(a => a.GetAttribute("href")));
        ((IHtmlSelectElement)document.QuerySelector("#search-body")!).Value.Should().BeEmpty();
        document.QuerySelector(".view-switch a")!.GetAttribute("href").Should().Be("/search?q=%E4%BA%BA%E6%9D%83&view=flat", "ignored values do not reach the links");
        document.QuerySelector(".problem").Should().BeNull();
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

    [Fact]
    public async Task TheEnglishInterfaceLabelsTheSearchInEnglish()
    {
        var (response, document) = await App.GetDocumentAsync("/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2&culture=en&kind=foo");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.DocumentElement.GetAttribute("lang").Should().Be("en");
        document.Title.Should().Be("Search: 合作共赢 · UN Resolution Archive");
        document.QuerySelector("h1")!.TextContent.Should().Be("Full-text search");
        document.QuerySelector("label[for=search-q]")!.TextContent.Should().Be("Find");
        document.QuerySelector("form.search button")!.TextContent.Should().Be("Search");
        document.QuerySelector("details.filters summary")!.TextContent.Should().Be("Filters");
        document.QuerySelector("#search-syntax summary")!.TextContent.Should().Be("Search syntax");
        document.QuerySelector(".notice p")!.TextContent.Should().Be("These query parameters are not valid:");
        document.QuerySelector(".notice li")!.TextContent.Should().Contain("“foo”");
        document.QuerySelector(".search-summary")!.TextContent.Should().Contain("Found 13 paragraphs in 2 resolutions.");
        document.QuerySelectorAll("nav.facets h2").Select(h => h.TextContent).Should().Equal("Paragraph kind", "Body", "Operative verb");
        document.QuerySelectorAll("li.search-group p.meta").Select(p => p.TextContent)
            .Should().Contain(m => m.StartsWith("Human Rights Council · Session 46 · 23 March 2021 · 5 matches", StringComparison.Ordinal));
        var group = document.QuerySelector("li.search-group")!;
        group.QuerySelector("h2 span")!.GetAttribute("lang").Should().Be("zh-Hans", "the title stays Chinese");
        group.QuerySelector(".snippet")!.GetAttribute("lang").Should().Be("zh-Hans");
        document.QuerySelectorAll("a.hit-label").Select(a => a.TextContent)
            .Should().AllSatisfy(t => t.Should().MatchRegex("^(preambular paragraph|Operative paragraph) \\d+$"));
        document.QuerySelector("p.more a")!.TextContent.Should().MatchRegex("^See all \\d+ matches in this resolution$");

        // The syntax help's Chinese examples are marked as Chinese (WCAG 3.1.2), so that a screen reader reads them as such.
        document.QuerySelectorAll("#search-syntax code").Should().HaveCount(3).And.AllSatisfy(c => c.GetAttribute("lang").Should().Be("zh-Hans"));

        // Nothing else of the search page is left in Chinese: the only Han characters are the query, titles, snippets,
        // verbs and the syntax help's examples (权, 人权 inside its sentences).
        var chrome = document.QuerySelector("main")!.Clone(deep: true) as IElement;
        foreach (var zh in chrome!.QuerySelectorAll("[lang=zh-Hans], datalist, input, #search-syntax"))
        {
            zh.Remove();
        }

        var leftover = Regex.Replace(chrome.TextContent, Cooperation, "");
        Regex.Matches(leftover, ".{0,20}\\p{IsCJKUnifiedIdeographs}+.{0,20}").Select(m => m.Value).Should().BeEmpty("every label is translated");

        // the cookie gives the same page
        using var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"en\">").And.Contain("<h1>Full-text search</h1>").And.Contain("Search syntax");
    }

    [Fact]
    public async Task AMarkupCharacterInTheQueryIsShownAsText()
    {
        var (response, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("<b>人权</b> & \"x"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("main b").Should().BeNull();
        ((IHtmlInputElement)document.QuerySelector("#search-q")!).Value.Should().Be("<b>人权</b> & \"x");
        document.QuerySelector(".search-summary")!.TextContent.Should().Contain("没有找到含有“<b>人权</b> & \"x”的段落。");
    }

    internal static (int Total, int Resolutions) SearchSummary(IHtmlDocument document)
    {
        var text = document.QuerySelector(".search-summary")?.TextContent ?? throw new InvalidOperationException("no search summary on the page");
        if (text.Contains("没有找到", StringComparison.Ordinal))
        {
            return (0, 0);
        }

        var match = SummaryPattern().Match(text);
        match.Success.Should().BeTrue(text);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    internal static List<string> FlatHrefs(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("ol.search-results.flat > li.search-hit a.hit-label").Select(a => a.GetAttribute("href")!)];

    internal static List<string> Urls(IEnumerable<JsonElement> hits) => [.. hits.Select(h => h.GetProperty("url").GetString()!)];

    /// <summary>Every &lt;mark&gt; of a snippet is exactly one of the terms (compared in the normal form), and there is one.</summary>
    internal static void AssertMarks(IElement snippet, IReadOnlyCollection<string> terms)
    {
        var marks = snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
        marks.Should().NotBeEmpty(snippet.TextContent);
        var folded = terms.Select(SearchOracle.Fold).ToList();
        foreach (var mark in marks)
        {
            // adjacent matches of different terms merge into one mark: it is then made of the terms
            var rest = SearchOracle.Fold(mark);
            while (rest.Length > 0)
            {
                var term = folded.Where(t => rest.StartsWith(t, StringComparison.Ordinal)).MaxBy(t => t.Length);
                term.Should().NotBeNull($"the mark “{mark}” is made of the searched terms {string.Join(", ", terms)}");
                rest = rest[term!.Length..];
            }
        }
    }

    internal static List<string> MarkTexts(string snippetHtml)
    {
        var body = SnippetBody(snippetHtml);
        return [.. body.QuerySelectorAll("mark").Select(e => e.TextContent)];
    }

    /// <summary>An HTML snippet parsed as the body of a document.</summary>
    internal static IElement SnippetBody(string snippetHtml)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><body>" + snippetHtml);
        return document.Body!;
    }

    private static string AnchorOf(string href, string key)
    {
        href.Should().StartWith($"/resolutions/{key}#");
        return href[($"/resolutions/{key}#".Length)..];
    }

    /// <summary>A paragraph of up to 140 characters is shown whole; a longer one as a 140-character window with ellipses.</summary>
    internal static void AssertSnippetOf(string shown, string text)
    {
        if (text.Length <= SearchSnippet.Width)
        {
            shown.Should().Be(text);
            return;
        }

        var window = shown.TrimStart('…').TrimEnd('…');
        window.Length.Should().BeInRange(SearchSnippet.Width - 1, SearchSnippet.Width);
        text.Should().Contain(window);
        shown.StartsWith('…').Should().Be(!text.StartsWith(window, StringComparison.Ordinal));
        shown.EndsWith('…').Should().Be(!text.EndsWith(window, StringComparison.Ordinal));
    }

    private static Dictionary<string, int> FacetCounts(IHtmlDocument document, string heading) =>
        document.QuerySelectorAll($"section[aria-labelledby={heading}] li a")
            .Select(a => Regex.Match(a.TextContent, "^(.+)（(\\d+)）$"))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("找到 (\\d+) 个段落，分属 (\\d+) 项决议。")]
    private static partial Regex SummaryPattern();
}

/// <summary>The site over the five seeds, with the oracle loaded once.</summary>
public sealed class SearchArchive : IAsyncLifetime
{
    /// <summary>The site.</summary>
    public ArchiveApplication App { get; } = new();

    /// <summary>Every stored paragraph and footnote.</summary>
    public IReadOnlyList<OracleEntry> Oracle { get; private set; } = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => Oracle = await SearchOracle.LoadAsync(App);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A stored paragraph or footnote with its resolution's facets, as the oracle sees it.</summary>
public sealed record OracleEntry(string Key, string? Symbol, Body Body, int? Session, DateOnly? AdoptionDate, VoteMode Mode, string Anchor, SearchKindFilter Kind, int Ordinal, string? Verb, string Text)
{
    /// <summary>The paragraph's URL: each segment of the key escaped (keys such as <c>A/RES/75/250 B</c> have spaces).</summary>
    public string Url => $"/resolutions/{string.Join('/', Key.Split('/').Select(Uri.EscapeDataString))}#{Uri.EscapeDataString(Anchor)}";
}

/// <summary>
/// The brute-force search the results are compared with: the stored texts (table <c>Paragraphs</c> and
/// <c>Footnotes</c>, not the search index) scanned with an ordinal <see cref="string.Contains(string, StringComparison)"/>
/// after NFKC of the whole string and lower-casing (the documented normal form, computed independently).
/// </summary>
public static class SearchOracle
{
    /// <summary>Reads every paragraph and footnote of <paramref name="app"/>'s archive, in document order.</summary>
    public static async Task<IReadOnlyList<OracleEntry>> LoadAsync(ArchiveApplication app)
    {
        _ = app.Server; // the site starts and imports its seeds first
        await using var db = app.CreateDbContext();
        var resolutions = await db.Resolutions.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var paragraphs = await db.Paragraphs.AsNoTracking().ToListAsync();
        var footnotes = await db.Footnotes.AsNoTracking().ToListAsync();
        var entries = paragraphs.Select(p =>
        {
            var r = resolutions[p.ResolutionId];
            var kind = p.Kind switch
            {
                ParagraphKind.Preamble => SearchKindFilter.Preamble,
                ParagraphKind.Annex => SearchKindFilter.Annex,
                _ => SearchKindFilter.Operative,
            };
            var verb = p.Kind == ParagraphKind.Operative ? OperativeVerbs.LeadingVerb(p.Text) : null;
            return new OracleEntry(r.Key, r.Symbol, r.Body, r.Session, r.AdoptionDate, r.VoteMode, p.Anchor, kind, p.Ordinal, verb, p.Text);
        }).Concat(footnotes.Select(f =>
        {
            var r = resolutions[f.ResolutionId];
            return new OracleEntry(r.Key, r.Symbol, r.Body, r.Session, r.AdoptionDate, r.VoteMode, f.Anchor, SearchKindFilter.Footnote, 100_000 + f.Ordinal, null, f.Text);
        }));
        return [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Ordinal)];
    }

    /// <summary>The normal form: NFKC, lower case.</summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The entries containing every one of <paramref name="required"/> and none of <paramref name="excluded"/>, in document order.</summary>
    public static List<OracleEntry> Find(IEnumerable<OracleEntry> entries, IReadOnlyCollection<string> required, IReadOnlyCollection<string>? excluded = null) =>
        [.. entries.Where(e =>
        {
            var text = Fold(e.Text);
            return required.All(t => text.Contains(Fold(t), StringComparison.Ordinal))
                && (excluded ?? []).All(t => !text.Contains(Fold(t), StringComparison.Ordinal));
        })];

    /// <summary>The filter of a query string such as <c>body=GA&amp;year-from=2021</c> (valid values only), written out by hand.</summary>
    public static Func<OracleEntry, bool> Filter(string filters)
    {
        var conditions = new List<Func<OracleEntry, bool>>();
        foreach (var pair in filters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            var value = Uri.UnescapeDataString(pair[(name.Length + 1)..]);
            int Number() => int.Parse(value, CultureInfo.InvariantCulture);
            conditions.Add(name switch
            {
                "body" => e => string.Equals(e.Body.ToString(), value, StringComparison.OrdinalIgnoreCase),
                "session-from" => e => e.Session >= Number(),
                "session-to" => e => e.Session <= Number(),
                "year-from" => e => e.AdoptionDate?.Year >= Number(),
                "year-to" => e => e.AdoptionDate?.Year <= Number(),
                "kind" => e => string.Equals(e.Kind.ToString(), value, StringComparison.OrdinalIgnoreCase),
                "mode" => e => e.Mode == value switch { "recorded" => VoteMode.Recorded, "without-vote" => VoteMode.WithoutVote, _ => VoteMode.NotStated },
                "verb" => e => e.Verb == value,
                "resolution" => e => e.Key == value,
                _ => throw new ArgumentException($"unknown filter {name}", nameof(filters)),
            });
        }

        return e => conditions.All(c => c(e));
    }

    /// <summary>Every hit of <c>/api/search?{query}</c>, all pages of 100, in order.</summary>
    public static async Task<List<JsonElement>> AllApiHitsAsync(ArchiveApplication app, string query)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var hits = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"/api/search?{query}&pageSize=100&page={page}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, query);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            hits.AddRange(root.GetProperty("hits").EnumerateArray().Select(h => h.Clone()));
            if (page >= root.GetProperty("pageCount").GetInt32())
            {
                root.GetProperty("total").GetInt32().Should().Be(hits.Count, query);
                return hits;
            }
        }
    }
}

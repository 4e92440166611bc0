using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Tests.Infrastructure;
using static ResolutionArchive.Web.Tests.Infrastructure.SearchPage;

namespace ResolutionArchive.Web.Tests.Pages.Search;

/// <summary>
/// The filters, facets and flat view of <c>/search</c> (docs/search.md §3–§4): each narrows to what the oracle
/// finds, is kept in the form and the links, and each facet count is what following its link finds.
/// Expected results as <see cref="SearchSiteTests"/> says.
/// </summary>
[Collection(SearchSiteCollection.Name)]
public sealed class SearchFilterTests(SearchArchive archive) : SearchSiteTests(archive)
{
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
            .Should().AllSatisfy(t => t.Should().MatchRegex("^(A/HRC/RES/\\d+/\\d+|A/RES/76/159|决议草案 · 第 43 届会议) · (序言部分第 \\d+ 段|执行部分第 \\d+ 段|执行部分第 \\d+ 段\\(.+\\)|脚注 .+)$"));

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
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionArchive.Web.Tests.Infrastructure;
using static ResolutionArchive.Web.Tests.Infrastructure.SearchPage;

namespace ResolutionArchive.Web.Tests.Pages.Search;

/// <summary>
/// The search page <c>/search</c> (docs/search.md) over the five seeds: the form, the grouped results and their
/// links, ranking, the English interface and escaping.
/// Expected results as <see cref="SearchSiteTests"/> says.
/// </summary>
[Collection(SearchSiteCollection.Name)]
public sealed class SearchPageTests(SearchArchive archive) : SearchSiteTests(archive)
{
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
            .Should().Contain(m => m.StartsWith("Human Rights Council · Session 46 · 23 March 2021 · Recorded vote 26–15–6 · 5 matches", StringComparison.Ordinal));
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
}

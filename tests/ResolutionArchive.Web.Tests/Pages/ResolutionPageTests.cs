using System.Net;
using System.Text;
using AngleSharp.Dom;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

public sealed class ResolutionPageTests : OwnSiteTests
{
    [Fact]
    public async Task Shows4613With17PreambleClauses8OperativeParagraphsAndThe26To15To6Lists()
    {
        var (response, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.Should().Be("46/13 在人权领域促进合作共赢");
        document.QuerySelectorAll("section.preamble p.clause").Should().HaveCount(17);
        document.QuerySelectorAll("ol.operative-paragraphs > li").Should().HaveCount(8);
        document.QuerySelectorAll("#vote-yes li").Should().HaveCount(26);
        document.QuerySelectorAll("#vote-no li").Should().HaveCount(15);
        document.QuerySelectorAll("#vote-abstain li").Should().HaveCount(6);
        Names(document, "#vote-yes").Should().StartWith(["阿根廷", "巴林", "孟加拉国", "多民族玻利维亚国"]).And.EndWith(["乌拉圭", "委内瑞拉玻利瓦尔共和国"]);
        Names(document, "#vote-no").Should().Contain("大不列颠及北爱尔兰联合王国").And.Contain("大韩民国");
        Names(document, "#vote-abstain").Should().Equal("亚美尼亚", "巴哈马", "斐济", "利比亚", "马拉维", "乌兹别克斯坦");
        document.QuerySelector("#vote-yes li[data-iso3='CHN']")!.TextContent.Should().Be("中国 China");
    }

    [Fact]
    public async Task ADraftWhoseMastheadPrintsItsSymbolIsNamedAndKeyedByIt()
    {
        // input-formats §2.5: the L-symbol of a draft
        const string text = "A/HRC/60/L.12\n\n人权理事会\n\n第六十届会议\n\n议程项目 2\n\n决议草案\n\n60/... 示例决议\n\n人权理事会，\n\n回顾其以往各项决议，\n\n1. 决定继续审议此事。\n";
        _ = App.Server;
        await using (var db = App.CreateDbContext())
        {
            (await new ResolutionImporter(db).ImportAsync(new ImportSource("draft.txt", Encoding.UTF8.GetBytes(text)))).Status.Should().Be(ImportStatus.Imported);
        }

        var (_, home) = await App.GetDocumentAsync("/?status=draft");
        var row = home.QuerySelectorAll("#resolution-list tbody tr").Single(tr => tr.TextContent.Contains("示例决议", StringComparison.Ordinal));
        row.QuerySelector("a")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/60/L.12");
        row.QuerySelector("a")!.TextContent.Should().Be("A/HRC/60/L.12");
        row.QuerySelector(".badge")!.TextContent.Should().Be("决议草案");

        var (response, page) = await App.GetDocumentAsync("/resolutions/A/HRC/60/L.12");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector(".symbol")!.TextContent.Should().Be("A/HRC/60/L.12");
        page.QuerySelector("dl.meta a.official")!.GetAttribute("href").Should().Be("https://undocs.org/zh/A/HRC/60/L.12");
    }

    [Fact]
    public async Task RendersEveryClauseTextExactlyAsParsed()
    {
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            var parsed = ResolutionTextParser.Parse(File.ReadAllBytes(seed), seed).Resolution!;
            var (_, document) = await App.GetDocumentAsync($"/resolutions/{ResolutionMapper.KeyOf(parsed)}");

            foreach (var clause in parsed.Preamble.Concat(parsed.Operative))
            {
                var element = document.GetElementById(clause.Id);
                element.Should().NotBeNull($"{seed} has {clause.Id}");
                TextWithoutMarkers(element!).Should().Be(clause.Text, $"{seed} {clause.Id}");
            }
        }
    }

    [Fact]
    public async Task EveryFootnoteLinkOf5311ResolvesBothWays()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");

        var markers = document.QuerySelectorAll("a.fnref");
        markers.Select(a => a.GetAttribute("href")).Should().Equal("#fn1", "#fn2", "#fn3", "#fn4", "#fn5");
        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
        {
            document.GetElementById(link.GetAttribute("href")![1..]).Should().NotBeNull($"{link.OuterHtml} points at an element");
        }

        document.QuerySelectorAll("a.backref").Should().HaveCount(5);
        document.GetElementById("fn4")!.TextContent.Should().Contain("A/HRC/52/80。");
        document.GetElementById("ref-op20-4")!.Closest("li")!.Id.Should().Be("op20");
        var ids = document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
        ids.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task ShowsTheDraftsSponsorsWithTheStarNoteLinked()
    {
        var (_, home) = await App.GetDocumentAsync("/");
        var draftUrl = home.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/draft/", StringComparison.Ordinal));

        var (_, document) = await App.GetDocumentAsync(draftUrl);

        document.QuerySelector(".symbol")!.TextContent.Should().Be("决议草案");
        var sponsors = document.QuerySelectorAll("#sponsors li").ToList();
        sponsors.Select(li => li.GetAttribute("data-iso3")).Should().Equal("BLR", "BDI", "CHN", "CUB", "IRN", "MYS", "MMR", "PAK", "RUS", "THA", "VEN", "YEM");
        sponsors.Where(li => li.QuerySelector("a[href='#fn-star']") is null).Select(li => li.GetAttribute("data-iso3")).Should().Equal("PAK", "VEN");
        document.GetElementById("fn-star")!.TextContent.Should().Contain("非人权理事会成员国。");
        document.QuerySelector("#vote-heading + p")!.TextContent.Should().Be("案文未说明通过方式。");
    }

    [Fact]
    public async Task ShowsTheGeneralAssemblyMetadataAndTheEmphasisedOperativeVerbs()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/RES/76/159");

        var meta = document.QuerySelectorAll(".meta dt").Zip(document.QuerySelectorAll(".meta dd"), (dt, dd) => (dt.TextContent, dd.TextContent.Trim())).ToDictionary();
        meta["机构"].Should().Be("大会");
        meta["议程项目"].Should().Be("74 (b)：促进和保护人权：人权问题，包括增进人权和基本自由切实享受的各种途径");
        meta["委员会报告"].Should().Be("第三委员会 A/76/462/Add.2，第 114 段");
        meta["会议"].Should().Be("第 53 次全体会议 逐字记录 A/76/PV.53", "the General Assembly's verbatim record of the plenary meeting, A/{session}/PV.{meeting}");
        document.QuerySelector("#op1 strong")!.TextContent.Should().Be("重申");
        document.QuerySelector("#op4 strong")!.TextContent.Should().Be("又重申");
        document.QuerySelectorAll("section.footnotes li").Should().HaveCount(6);
    }

    [Fact]
    public async Task RedirectsANumberToTheCanonicalSymbolUrl()
    {
        var (response, _) = await App.GetDocumentAsync("/resolutions/46/13");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.ToString().Should().Be("/resolutions/A/HRC/RES/46/13");
    }

    [Theory]
    [InlineData("/resolutions/A/HRC/RES/99/99")]
    [InlineData("/resolutions/")]
    [InlineData("/resolutions/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/resolutions/'%3B%20DROP%20TABLE%20Resolutions%3B%20--")]
    [InlineData("/resolutions/%E4%BA%BA%E6%9D%83")]
    [InlineData("/no-such-page")]
    public async Task AnswersAnUnknownAddressWithA404Page(string url)
    {
        var (response, document) = await App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        document.QuerySelector("h1")!.TextContent.Should().Be("未找到该页面");
    }

    [Fact]
    public async Task ShowsImportedMarkupAsTextNeverAsElements()
    {
        _ = App.Server; // start the site: it imports the seeds into its database
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fdbdfb9c0cd91f61.txt"));
        var hostile = seed
            .Replace("46/13. 在人权领域促进合作共赢", "46/99. <script>alert('title')</script>标题", StringComparison.Ordinal)
            .Replace("1. 叼请所有国家", "1. <img src=x onerror=alert(1)>[点此](javascript:alert(2))叼请所有国家", StringComparison.Ordinal);
        await using (var db = App.CreateDbContext())
        {
            var outcome = await new ResolutionImporter(db).ImportAsync(new ImportSource("hostile.txt", Encoding.UTF8.GetBytes(hostile)));
            outcome.Status.Should().Be(ImportStatus.Imported, string.Join('\n', outcome.Diagnostics));
        }

        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/99");

        document.QuerySelectorAll("main script, main img").Should().BeEmpty();
        document.QuerySelectorAll("a[href^='javascript']").Should().BeEmpty();
        document.QuerySelector("h1")!.TextContent.Should().Be("46/99 <script>alert('title')</script>标题");
        TextWithoutMarkers(document.GetElementById("op1")!).Should().StartWith("<img src=x onerror=alert(1)>点此叼请所有国家");
    }

    private static List<string> Names(IDocument document, string list) =>
        document.QuerySelectorAll($"{list} li span[lang='zh-Hans']").Select(span => span.TextContent).ToList();

    /// <summary>The text of a clause element without its number, footnote markers and sub-paragraphs.</summary>
    private static string TextWithoutMarkers(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var remove in copy.QuerySelectorAll("sup, .paragraph-number, ol.points, a.permalink, .origin").ToList())
        {
            remove.Remove();
        }

        return copy.TextContent.Trim();
    }
}

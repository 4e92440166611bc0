using System.Net;
using AngleSharp.Html.Dom;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The session pages, <c>/sessions</c> and <c>/sessions/{body}/{session}</c>, over the seeds and the AKN sample.</summary>
public sealed class SessionPageTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    private ArchiveApplication App => archive.App;

    [Fact]
    public async Task ListsEverySessionOfEachBodyWithItsCountsAndLinks()
    {
        var (response, document) = await App.GetDocumentAsync("/sessions");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.Should().Be("按届会浏览");
        var rows = document.QuerySelectorAll("table.sessions tbody tr")
            .Select(r => (
                Href: r.QuerySelector("th a")!.GetAttribute("href"),
                Label: r.QuerySelector("th")!.TextContent.Trim(),
                Adopted: r.QuerySelector(".adopted")!.TextContent,
                Drafts: r.QuerySelector(".drafts")!.TextContent,
                Recorded: r.QuerySelector(".recorded")!.TextContent))
            .ToList();
        rows.Should().Equal(
            ("/sessions/HRC/53", "第 53 届会议", "1", "0", "1"),
            ("/sessions/HRC/46", "第 46 届会议", "1", "0", "1"),
            ("/sessions/HRC/43", "第 43 届会议", "0", "1", "0"),
            ("/sessions/HRC/37", "第 37 届会议", "1", "0", "1"),
            ("/sessions/GA/76", "第 76 届会议", "4", "0", "1"),
            ("/sessions/GA/75", "第 75 届会议", "13", "0", "5"));
        document.QuerySelectorAll("section.sessions h2").Select(h => h.TextContent).Should().Equal("人权理事会", "大会");

        foreach (var (href, _, _, _, _) in rows)
        {
            var (page, _) = await App.GetDocumentAsync(href!);
            page.StatusCode.Should().Be(HttpStatusCode.OK, href);
        }
    }

    [Fact]
    public async Task ShowsWhatAGeneralAssemblySessionAdoptedInDateAndNumberOrder()
    {
        var (response, document) = await App.GetDocumentAsync("/sessions/GA/76");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.Should().Be("大会第 76 届会议");
        Links(document, "#adopted").Should().Equal(
            ("A/RES/76/54", "/resolutions/A/RES/76/54"),
            ("A/RES/76/57", "/resolutions/A/RES/76/57"),
            ("A/RES/76/159", "/resolutions/A/RES/76/159"),
            ("A/RES/76/304", "/resolutions/A/RES/76/304"));
        document.QuerySelector("#drafts").Should().BeNull();
        document.QuerySelector(".adopted-count")!.TextContent.Should().Be("4");
        document.QuerySelector("main p a[href='/?body=GA&session=76']").Should().NotBeNull("the session is one filter away on the home page");
        document.QuerySelector("nav.breadcrumbs a[aria-current='page']")!.GetAttribute("href").Should().Be("/sessions/GA/76");
    }

    [Fact]
    public async Task OrdersTheSeventyFifthSessionByDateThenNumber()
    {
        var (_, document) = await App.GetDocumentAsync("/sessions/GA/75");

        var symbols = Links(document, "#adopted").Select(l => l.Text).ToList();
        symbols.Should().HaveCount(13);
        symbols.Take(4).Should().Equal("A/RES/75/17", "A/RES/75/55", "A/RES/75/101 A-B", "A/RES/75/102");
        symbols.Should().ContainInOrder("A/RES/75/239", "A/RES/75/245", "A/RES/75/249", "A/RES/75/269", "A/RES/75/245 B", "A/RES/75/283");
        symbols[^1].Should().Be("A/RES/75/325");
    }

    [Fact]
    public async Task ShowsACouncilSessionAndASessionWithOnlyADraft()
    {
        var (_, hrc46) = await App.GetDocumentAsync("/sessions/HRC/46");
        var (_, hrc43) = await App.GetDocumentAsync("/sessions/HRC/43");

        hrc46.QuerySelector("h1")!.TextContent.Should().Be("人权理事会第 46 届会议");
        Links(hrc46, "#adopted").Should().Equal(("A/HRC/RES/46/13", "/resolutions/A/HRC/RES/46/13"));
        hrc46.QuerySelector("#adopted td.tally")!.TextContent.Should().Be("26/15/6");
        hrc46.QuerySelector("#adopted")!.ClassList.Should().Contain("list", "on a phone the resolutions are one block each (site.css)");
        hrc46.QuerySelectorAll("#adopted tbody tr").Should().OnlyContain(tr => tr.QuerySelector("td.title") != null);
        hrc43.QuerySelector("#adopted").Should().BeNull();
        var draft = Links(hrc43, "#drafts").Should().ContainSingle().Subject;
        draft.Text.Should().Be("决议草案 · 第 43 届会议");
        draft.Href.Should().StartWith("/resolutions/HRC/43/draft/");
        (await App.GetDocumentAsync(draft.Href)).Response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheResolutionPageLinksToItsSession()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/RES/76/54");

        var meta = document.QuerySelectorAll(".meta > dt").Zip(document.QuerySelectorAll(".meta > dd")).ToDictionary(p => p.First.TextContent, p => p.Second);
        meta["届会"].QuerySelector("a")!.GetAttribute("href").Should().Be("/sessions/GA/76");
        meta["届会"].TextContent.Should().Be("第 76 届会议");
        meta["文号"].QuerySelector(".symbol-value")!.TextContent.Should().Be("A/RES/76/54");
        meta["文号"].QuerySelector("a.official")!.GetAttribute("href").Should().Be("https://undocs.org/zh/A/RES/76/54");
    }

    [Theory]
    [InlineData("/sessions/HRC/99")]
    [InlineData("/sessions/GA/46")]
    [InlineData("/sessions/XX/1")]
    [InlineData("/sessions/0/76")]
    [InlineData("/sessions/GA/abc")]
    [InlineData("/sessions/GA/0")]
    [InlineData("/sessions/GA/-1")]
    [InlineData("/sessions/GA/99999999999")]
    [InlineData("/sessions/GA/76.5")]
    [InlineData("/sessions/GA")]
    [InlineData("/sessions/GA/76/extra")]
    [InlineData("/sessions/%3Cscript%3E/1")]
    public async Task AnswersAnUnknownSessionWithThe404Page(string url)
    {
        var (response, document) = await App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        document.QuerySelector("h1")!.TextContent.Should().Be("未找到该页面", url);
    }

    [Theory]
    [InlineData("/sessions/ga/76", "/sessions/GA/76")]
    [InlineData("/sessions/Hrc/46", "/sessions/HRC/46")]
    [InlineData("/sessions/GA/076", "/sessions/GA/76")]
    public async Task RedirectsAnotherSpellingToTheCanonicalUrl(string url, string canonical)
    {
        var (response, _) = await App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently, url);
        response.Headers.Location!.ToString().Should().Be(canonical);
    }

    private static List<(string Text, string Href)> Links(IHtmlDocument document, string table) =>
        document.QuerySelectorAll($"{table} tbody td:first-child a").Select(a => (a.TextContent, a.GetAttribute("href")!)).ToList();
}

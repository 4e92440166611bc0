using System.Net;
using AngleSharp.Html.Dom;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

public sealed class HomePagingTests : OwnSiteTests
{
    [Fact]
    public async Task ShowsOnePageAndNoPageLinksWhileTheArchiveFitsOnOnePage()
    {
        var (response, document) = await App.GetDocumentAsync("/?page=2");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelectorAll("table.resolutions tbody tr").Should().HaveCount(5);
        document.QuerySelector("nav[aria-label='分页']").Should().BeNull();
        document.QuerySelector(".total")!.TextContent.Should().Be("5");
    }

    [Fact]
    public async Task SplitsThe106RecordsIntoThreePagesOf50WithLinksBetweenThem()
    {
        await SeedCopies.ImportAsync(App, 101);

        var keys = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var (response, document) = await App.GetDocumentAsync(page == 1 ? "/" : $"/?page={page}");

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            document.QuerySelector(".total")!.TextContent.Should().Be("106");
            document.QuerySelector("main p")!.TextContent.Should().Contain($"第 {page} 页，共 3 页");
            keys.AddRange(Keys(document));
            var nav = document.QuerySelector("nav[aria-label='分页']");
            nav.Should().NotBeNull();
            var current = nav!.QuerySelectorAll("a[aria-current='page']");
            current.Should().ContainSingle().Which.TextContent.Should().Be($"{page}");
            current[0].GetAttribute("href").Should().Be(page == 1 ? "/" : $"/?page={page}");
            nav.QuerySelectorAll("a:not([rel])").Select(a => a.TextContent).Should().Equal("1", "2", "3");
            nav.QuerySelector("a[rel='prev']")?.GetAttribute("href").Should().Be(page switch { 2 => "/", 3 => "/?page=2", _ => null });
            nav.QuerySelector("a[rel='next']")?.GetAttribute("href").Should().Be(page < 3 ? $"/?page={page + 1}" : null);
            (nav.QuerySelector("a[rel='prev']") is null).Should().Be(page == 1);
            (nav.QuerySelector("a[rel='next']") is null).Should().Be(page == 3);
        }

        keys.Should().HaveCount(106).And.OnlyHaveUniqueItems();
        keys.Take(50).Should().Contain("/resolutions/A/HRC/RES/53/11").And.Contain("/resolutions/A/RES/76/159");
        keys[^1].Should().StartWith("/resolutions/HRC/43/draft/", "drafts come last");
        keys[^2].Should().Be("/resolutions/A/HRC/RES/37/23");
    }

    [Fact]
    public async Task FollowsEveryPageLinkTo200()
    {
        await SeedCopies.ImportAsync(App, 101);

        var (_, document) = await App.GetDocumentAsync("/?page=2");
        foreach (var href in document.QuerySelectorAll("nav[aria-label='分页'] a").Select(a => a.GetAttribute("href")!).Distinct())
        {
            var (response, page) = await App.GetDocumentAsync(href);
            response.StatusCode.Should().Be(HttpStatusCode.OK, href);
            page.QuerySelectorAll("table.resolutions tbody tr").Should().NotBeEmpty(href);
        }
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-1", 1)]
    [InlineData("abc", 1)]
    [InlineData("", 1)]
    [InlineData("1.5", 1)]
    [InlineData("%00", 1)]
    [InlineData("2&page=3", 2)]
    [InlineData("999999", 3)]
    [InlineData("2147483648", 3)]
    [InlineData("99999999999999999999999999999999", 3)]
    public async Task ShowsTheFirstOrLastPageGivenAnInvalidPageNumber(string value, int shown)
    {
        await SeedCopies.ImportAsync(App, 101);

        var (response, document) = await App.GetDocumentAsync($"/?page={value}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, value);
        document.QuerySelector("nav[aria-label='分页'] a[aria-current='page']")!.TextContent.Should().Be($"{shown}", value);
        document.QuerySelectorAll("table.resolutions tbody tr").Should().HaveCount(shown == 3 ? 6 : 50, value);
    }

    [Fact]
    public async Task ShowsAWindowOfPageLinksWithGapsWhenThereAreManyPages()
    {
        await SeedCopies.ImportAsync(App, 345); // 350 records: 7 pages

        (await LinksAsync("/")).Should().Equal("1", "2", "3", "…", "7", "下一页");
        (await LinksAsync("/?page=5")).Should().Equal(["上一页", "1", "2", "3", "4", "5", "6", "7", "下一页"], "a gap of one page shows the page");
        (await LinksAsync("/?page=6")).Should().Equal("上一页", "1", "…", "4", "5", "6", "7", "下一页");
        (await LinksAsync("/?page=7")).Should().Equal("上一页", "1", "…", "5", "6", "7");
    }

    private async Task<List<string>> LinksAsync(string url)
    {
        var (_, document) = await App.GetDocumentAsync(url);
        return document.QuerySelectorAll("nav[aria-label='分页'] li").Select(li => li.TextContent.Trim()).ToList();
    }

    private static IEnumerable<string> Keys(IHtmlDocument document) =>
        document.QuerySelectorAll("table.resolutions tbody td:first-child a").Select(a => a.GetAttribute("href")!);
}

using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

public sealed class HomePageTests : OwnSiteTests
{
    [Fact]
    public async Task ListsTheFiveSeedResolutionsWithTheirMetadata()
    {
        var (response, document) = await App.GetDocumentAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.DocumentElement.GetAttribute("lang").Should().Be("zh-Hans");
        var rows = document.QuerySelectorAll("table.resolutions tbody tr");
        rows.Should().HaveCount(5);
        var cells = rows.Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        cells.Select(c => c[0]).Should().Equal(
            "A/HRC/RES/53/11", "A/RES/76/159", "A/HRC/RES/46/13", "A/HRC/RES/37/23", "决议草案 · 第 43 届会议");
        cells[2].Should().Equal("A/HRC/RES/46/13", "在人权领域促进合作共赢", "人权理事会", "第 46 届", "2021 年 3 月 23 日", "经记录表决", "26/15/6");
        cells[1].Should().Equal("A/RES/76/159", "增进人权领域的国际合作", "大会", "第 76 届", "2021 年 12 月 16 日", "未说明", "—");
        cells[4][5].Should().Be("未说明");
    }

    [Fact]
    public async Task LinksEachResolutionToItsSymbolUrl()
    {
        var (_, document) = await App.GetDocumentAsync("/");

        var hrefs = document.QuerySelectorAll("table.resolutions tbody td:first-child a").Select(a => a.GetAttribute("href")).ToList();
        hrefs.Should().Contain(["/resolutions/A/HRC/RES/46/13", "/resolutions/A/RES/76/159", "/resolutions/A/HRC/RES/37/23", "/resolutions/A/HRC/RES/53/11"]);
        hrefs.Should().ContainSingle(h => h!.StartsWith("/resolutions/HRC/43/draft/", StringComparison.Ordinal));
        foreach (var href in hrefs)
        {
            var (response, _) = await App.GetDocumentAsync(href!);
            response.StatusCode.Should().Be(HttpStatusCode.OK, href);
        }
    }
}

using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The resolution page's lineage (docs/lineage.md §2): its series in date order with links, the "compare with the
/// previous in the series" button, and each paragraph's origin ("from 43/... ¶1, changed", linked to the compare view
/// at that paragraph) or "new".
/// </summary>
public sealed class LineagePageTests : OwnSiteTests
{
    [Fact]
    public async Task The_page_lists_its_series_in_date_order_and_links_the_previous_one_for_comparison()
    {
        var (response, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelectorAll("nav.series li").Select(li => li.GetAttribute("data-key"))
            .Should().Equal("A/HRC/RES/37/23", "HRC/43/draft/03955e30", "A/HRC/RES/46/13");
        document.QuerySelector("nav.series li [aria-current=page]")!.TextContent.Should().Be("A/HRC/RES/46/13");
        document.QuerySelector("#compare-previous")!.GetAttribute("href").Should().Be("/compare/HRC/43/draft/03955e30/A/HRC/RES/46/13");

        var (_, other) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");
        other.QuerySelectorAll("nav.series li").Select(li => li.GetAttribute("data-key")).Should().Equal("A/RES/76/159", "A/HRC/RES/53/11");
        other.QuerySelector("#compare-previous")!.GetAttribute("href").Should().Be("/compare/A/RES/76/159/A/HRC/RES/53/11");
    }

    [Fact]
    public async Task Each_paragraph_says_where_it_came_from_or_that_it_is_new()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var pp1 = document.QuerySelector("#pp1 .origin")!;
        pp1.GetAttribute("data-source").Should().Be("HRC/43/draft/03955e30");
        pp1.GetAttribute("data-source-anchor").Should().Be("pp1");
        pp1.GetAttribute("data-kind").Should().Be("changed", "43/... says 遵循《联合国宪章》， and 46/13 遵循《联合国宪章》的宗旨和原则，");
        pp1.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Equal(
            "/resolutions/HRC/43/draft/03955e30#pp1", "/compare/HRC/43/draft/03955e30/A/HRC/RES/46/13#b-pp1");
        document.QuerySelectorAll(".origin").Should().HaveCountGreaterThan(20);

        var (_, first) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/37/23");
        first.QuerySelectorAll(".origin").Should().NotBeEmpty().And.OnlyContain(o => o.GetAttribute("data-kind") == "new", "37/23 is the archive's earliest record");
    }
}

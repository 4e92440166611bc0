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
    public async Task Each_paragraph_says_where_it_came_from_and_the_new_ones_are_summed_up_once()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var pp1 = document.QuerySelector("#pp1 .origin")!;
        pp1.GetAttribute("data-source").Should().Be("HRC/43/draft/03955e30");
        pp1.GetAttribute("data-source-anchor").Should().Be("pp1");
        pp1.GetAttribute("data-kind").Should().Be("changed", "43/... says 遵循《联合国宪章》， and 46/13 遵循《联合国宪章》的宗旨和原则，");
        pp1.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Equal(
            "/resolutions/HRC/43/draft/03955e30#pp1", "/compare/HRC/43/draft/03955e30/A/HRC/RES/46/13#b-pp1");
        document.QuerySelectorAll(".origin").Should().HaveCount(20, "46/13 has 20 paragraphs with an earlier counterpart");
        document.QuerySelectorAll(".origin").Should().OnlyContain(o => o.GetAttribute("data-kind") == "changed" || o.GetAttribute("data-kind") == "identical",
            "a new paragraph has no note of its own (issue 17: quiet)");
        document.QuerySelectorAll(".origin[data-kind=identical] a").Should().HaveCount(document.QuerySelectorAll(".origin[data-kind=identical]").Length, "an unchanged paragraph links its source only");

        var (_, first) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/37/23");
        first.QuerySelectorAll(".origin").Should().BeEmpty("37/23 is the archive's earliest record: every paragraph is new");
        var summary = first.GetElementById("lineage-summary")!;
        summary.TextContent.Trim().Should().StartWith("段落来源：0 段沿用较早的决议，0 段有修改，");
        var linked = summary.QuerySelectorAll(".lineage-new a").Select(a => a.GetAttribute("href")!).ToList();
        linked.Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        linked.Should().AllSatisfy(href => first.GetElementById(href[1..]).Should().NotBeNull(href));
    }
}

using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

public sealed class PermalinkTests : OwnSiteTests
{
    [Theory]
    [InlineData("/resolutions/A/HRC/RES/53/11", 33 + 37 + 5)]
    [InlineData("/resolutions/A/RES/76/159", 15 + 17 + 6)]
    [InlineData("/resolutions/A/HRC/RES/46/13", 17 + 8)]
    public async Task EveryParagraphAndFootnoteHasOnePermalinkToItsOwnAnchor(string url, int anchored)
    {
        var (_, document) = await App.GetDocumentAsync(url);

        var targets = document.QuerySelectorAll("p.clause, ol.operative-paragraphs > li, ol.points > li, section.footnotes li").ToList();
        targets.Should().HaveCount(anchored);
        foreach (var element in targets)
        {
            var own = element.Children.Where(c => c.ClassList.Contains("permalink")).ToList();
            own.Should().ContainSingle($"{element.Id} has its own permalink");
            own[0].GetAttribute("href").Should().Be($"#{element.Id}");
            own[0].GetAttribute("aria-label").Should().Be($"复制链接：{element.Id}");
        }
    }
}

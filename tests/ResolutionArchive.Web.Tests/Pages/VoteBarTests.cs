using System.Globalization;
using AngleSharp.Dom;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The recorded vote drawn as an inline SVG bar (Infrastructure/VoteBarSvg.cs, Pages/Shared/_VoteBar.cshtml) and the vote lists.</summary>
public sealed class VoteBarTests : OwnSiteTests
{
    [Fact]
    public void TheSegmentsOf26To15To6AreProportionalToTheCountsAndFillTheBar()
    {
        var bar = VoteBarSvg.For(26, 15, 6)!;

        bar.Segments.Select(s => s.Name).Should().Equal("yes", "no", "abstain");
        bar.Segments.Select(s => s.Count).Should().Equal(26, 15, 6);
        bar.Segments[0].SegmentWidth.Should().BeApproximately(VoteBarSvg.Width * 26 / 47, 0.01);
        bar.Segments[1].SegmentWidth.Should().BeApproximately(VoteBarSvg.Width * 15 / 47, 0.01);
        bar.Segments[2].SegmentWidth.Should().BeApproximately(VoteBarSvg.Width * 6 / 47, 0.01);
        bar.Segments[0].X.Should().Be(0);
        bar.Segments[1].X.Should().BeApproximately(bar.Segments[0].SegmentWidth, 0.001);
        bar.Segments[2].X.Should().BeApproximately(bar.Segments[1].X + bar.Segments[1].SegmentWidth, 0.001);
        (bar.Segments[2].X + bar.Segments[2].SegmentWidth).Should().BeApproximately(VoteBarSvg.Width, 0.001);
        bar.Text.Should().Be("赞成 26 票，反对 15 票，弃权 6 票");
    }

    [Fact]
    public void DrawsNothingWithoutARecordedVoteWithCounts()
    {
        VoteBarSvg.For(Vote.WithoutVote).Should().BeNull();
        VoteBarSvg.For(Vote.NotStated).Should().BeNull();
        VoteBarSvg.For(new Vote(VoteMode.Recorded, null, null, null, [], [], [])).Should().BeNull();
        VoteBarSvg.For(0, 0, 0).Should().BeNull();
        VoteBarSvg.For(5, -1, 0).Should().BeNull();
        VoteBarSvg.For(new Vote(VoteMode.Recorded, 10, 0, 0, [], [], []))!.Segments.Select(s => s.SegmentWidth).Should().Equal(600, 0, 0);
    }

    [Fact]
    public async Task The4613PageDrawsTheBarWithATextAlternativeAndLabelledNumbers()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var svg = document.QuerySelector("section.vote svg.vote-bar");
        svg.Should().NotBeNull();
        svg!.GetAttribute("role").Should().Be("img");
        var title = document.GetElementById(svg.GetAttribute("aria-labelledby")!);
        title.Should().NotBeNull();
        title!.LocalName.Should().Be("title");
        title.ParentElement.Should().BeSameAs(svg);
        title.TextContent.Should().Be("赞成 26 票，反对 15 票，弃权 6 票");

        var widths = svg.QuerySelectorAll("rect.segment").Select(r => Number(r, "width")).ToList();
        widths.Should().HaveCount(3);
        widths.Sum().Should().BeApproximately(600, 0.01);
        widths[0].Should().BeApproximately(600.0 * 26 / 47, 0.01);
        widths[1].Should().BeApproximately(600.0 * 15 / 47, 0.01);
        widths[2].Should().BeApproximately(600.0 * 6 / 47, 0.01);
        (widths[0] / widths[1]).Should().BeApproximately(26.0 / 15, 0.001);
        (widths[1] / widths[2]).Should().BeApproximately(15.0 / 6, 0.001);

        document.QuerySelectorAll("ul.vote-bar-legend li.legend").Select(t => t.TextContent.Trim()).Should().Equal("赞成 26 票", "反对 15 票", "弃权 6 票");
        svg.QuerySelectorAll("text").Should().BeEmpty("the legend is HTML, so that it does not shrink with the bar");
        document.QuerySelector("#vote-heading + p")!.TextContent.Should().StartWith("经记录表决");
    }

    [Fact]
    public async Task ColourIsNotTheOnlyCueEachPartHasItsOwnPattern()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var fills = document.QuerySelectorAll("svg.vote-bar rect.segment").Select(r => r.GetAttribute("fill")!).ToList();
        fills.Should().OnlyHaveUniqueItems();
        foreach (var pattern in fills.Where(f => f.StartsWith("url(#", StringComparison.Ordinal)).Select(f => f[5..^1]))
        {
            document.GetElementById(pattern)!.LocalName.Should().Be("pattern");
        }

        fills.Count(f => f.StartsWith("url(#", StringComparison.Ordinal)).Should().Be(2, "against is hatched and abstaining dotted");
        document.QuerySelectorAll("ul.vote-bar-legend rect.swatch").Select(r => r.GetAttribute("fill")).Should().Equal(fills, "the legend shows the same fills");
    }

    [Theory]
    [InlineData("/resolutions/A/RES/76/159")]
    [InlineData("/resolutions/HRC/43/draft")]
    public async Task ThereIsNoBarWithoutARecordedVote(string url)
    {
        if (url.EndsWith("/draft", StringComparison.Ordinal))
        {
            var (_, home) = await App.GetDocumentAsync("/?status=draft");
            url = home.QuerySelector("table.resolutions tbody a")!.GetAttribute("href")!;
        }

        var (_, document) = await App.GetDocumentAsync(url);

        document.QuerySelector("svg").Should().BeNull(url);
        document.QuerySelector("section.vote").Should().NotBeNull(url);
    }

    [Fact]
    public async Task EachVotingStateIsListedWithItsChineseAndEnglishNames()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var china = document.QuerySelector("#vote-yes li[data-iso3='CHN']")!;
        china.QuerySelector("span[lang='zh-Hans']")!.TextContent.Should().Be("中国");
        china.QuerySelector("span[lang='en']")!.TextContent.Should().Be("China");
        var uk = document.QuerySelector("#vote-no li[data-iso3='GBR']")!;
        uk.QuerySelector("span[lang='zh-Hans']")!.TextContent.Should().Be("大不列颠及北爱尔兰联合王国");
        uk.QuerySelector("span[lang='en']")!.TextContent.Should().Contain("United Kingdom");
        foreach (var id in new[] { "vote-yes", "vote-no", "vote-abstain" })
        {
            document.QuerySelectorAll($"#{id} li").Should().AllSatisfy(li =>
            {
                li.GetAttribute("data-iso3").Should().MatchRegex("^[A-Z]{3}$");
                li.QuerySelectorAll("span[lang]").Select(s => s.GetAttribute("lang")).Should().Equal("zh-Hans", "en");
            });
        }
    }

    private static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
}

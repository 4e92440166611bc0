using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>Real UN documents read from AKN4UN: parts, annexes, sponsors, and symbols that contain a space.</summary>
public sealed class AknDocumentPageTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    // The tests only read: one site over the sample for the class.
    private readonly ArchiveApplication _app = archive.App;

    [Fact]
    public async Task EveryDocumentOfTheSampleIsLinkedFromTheHomePageAndAnswers200()
    {
        var (_, home) = await _app.GetDocumentAsync("/");
        var links = home.QuerySelectorAll("table.resolutions tbody td:first-child a").Select(a => a.GetAttribute("href")!).ToList();

        links.Should().HaveCount(5 + 17 - 1, "the five seeds and 17 AKN files, of which 76/159 is the record of seed 003");
        links.Should().Contain("/resolutions/A/RES/75/250%20B", "a space in a symbol is escaped in the link");
        foreach (var link in links)
        {
            var (response, document) = await _app.GetDocumentAsync(link);
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
            document.QuerySelector("h1").Should().NotBeNull(link);
        }
    }

    [Fact]
    public async Task AResolutionInTwoPartsShowsEachPartWithItsOwnParagraphs()
    {
        var (response, document) = await _app.GetDocumentAsync("/resolutions/A/RES/75/101%20A-B");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelectorAll("h2.part-heading").Select(h => h.Id).Should().Equal("part-A", "part-B");
        document.QuerySelectorAll("[id^='A-op']").Should().NotBeEmpty();
        document.QuerySelectorAll("[id^='B-op']").Should().NotBeEmpty();
        document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task AnAnnexIsShownApartFromTheOperativeParagraphs()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/75/249");

        var annex = document.QuerySelector("section.annex");
        annex.Should().NotBeNull();
        annex!.QuerySelectorAll("p.annex-paragraph").Should().NotBeEmpty();
        annex.Closest("ol.operative-paragraphs").Should().BeNull();
    }

    [Fact]
    public async Task The76159RecordShowsTheSponsorsAndTheAdoptionWithoutAVoteFromTheXml()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/76/159");

        document.QuerySelectorAll("#sponsors li").Select(li => li.GetAttribute("data-iso3")).Should().Equal("CUB", "RUS");
        document.QuerySelectorAll("#additional-sponsors li").Select(li => li.GetAttribute("data-iso3")).Should().Equal("CHN", "SLV", "URY");
        document.QuerySelector("#vote-heading + p")!.TextContent.Should().Be("未经表决获得通过。");
        document.QuerySelectorAll("section.preamble p.clause").Should().HaveCount(15);
    }
}

using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The country page that vote lists link to (the fuller voting record is issue 6).</summary>
public sealed class CountryPageTests : IDisposable
{
    private readonly ArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Dictionary<string, string>> PositionsAsync(string iso3)
    {
        var (response, document) = await _app.GetDocumentAsync($"/countries/{iso3}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return document.QuerySelectorAll("#country-votes tbody tr")
            .ToDictionary(tr => tr.GetAttribute("data-symbol")!, tr => tr.QuerySelector("td.position")!.GetAttribute("data-position")!);
    }

    [Fact]
    public async Task ChinaVotedInFavourOfTheThreeRecordedSeedVotes()
    {
        (await PositionsAsync("CHN")).Should().Equal(new Dictionary<string, string>
        {
            ["A/HRC/RES/53/11"] = "InFavour",
            ["A/HRC/RES/46/13"] = "InFavour",
            ["A/HRC/RES/37/23"] = "InFavour",
        });
    }

    [Fact]
    public async Task TheUnitedStatesVotedAgainst5311And3723AndIsNotListedFor4613()
    {
        (await PositionsAsync("USA")).Should().Equal(new Dictionary<string, string>
        {
            ["A/HRC/RES/53/11"] = "Against",
            ["A/HRC/RES/37/23"] = "Against",
        });
    }

    [Fact]
    public async Task EveryCountryInAVoteListLinksToItsPage()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var items = document.QuerySelectorAll("#vote-yes li, #vote-no li, #vote-abstain li").ToList();
        items.Should().HaveCount(47);
        foreach (var li in items)
        {
            li.QuerySelector("a")!.GetAttribute("href").Should().Be($"/countries/{li.GetAttribute("data-iso3")}");
        }
    }

    [Fact]
    public async Task ShowsTheNamesAndCodesAndRedirectsALowerCaseCode()
    {
        var (_, document) = await _app.GetDocumentAsync("/countries/BOL");
        var (redirect, _) = await _app.GetDocumentAsync("/countries/bol");

        document.QuerySelector("h1")!.TextContent.Should().Be("多民族玻利维亚国 Bolivia (Plurinational State of)");
        document.QuerySelector(".meta")!.TextContent.Should().Contain("BOL / BO").And.Contain("068").And.Contain("玻利维亚多民族国");
        redirect.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        redirect.Headers.Location!.ToString().Should().Be("/countries/BOL");
    }

    [Theory]
    [InlineData("/countries/XXX")]
    [InlineData("/countries/%3Cscript%3E")]
    [InlineData("/countries/'%3B--")]
    public async Task AnswersAnUnknownCodeWithA404Page(string url)
    {
        var (response, document) = await _app.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        document.QuerySelector("h1")!.TextContent.Should().Be("未找到该页面");
    }
}

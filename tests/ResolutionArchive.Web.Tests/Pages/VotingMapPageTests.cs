using System.Globalization;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Undl;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// <c>/countries/map</c> (issue 16 item 3, docs/voting.md §11): the states of a body and period drawn as SVG on the
/// server, each a point coloured by its UN regional group and linking to its page, with a table of the same points;
/// a period with too few votes says so; a value that cannot be read is ignored with a notice.
/// </summary>
public sealed class VotingMapPageTests : OwnSiteTests
{
    private static readonly string[] East = ["CHN", "CUB", "IRN", "RUS"];
    private static readonly string[] West = ["DEU", "FRA", "GBR", "USA"];

    private async Task ImportTwoBlocsAsync()
    {
        _ = App.Server;
        var rows = new List<string> { "resolution,ms_code,ms_name,ms_vote,date" };
        for (var n = 1; n <= 12; n++)
        {
            rows.AddRange(East.Select(s => $"A/RES/70/{n},{s},,Y,2015-12-{n:00}"));
            rows.AddRange(West.Select(s => $"A/RES/70/{n},{s},,{(n == 1 ? "A" : "N")},2015-12-{n:00}"));
        }

        await using var db = App.CreateDbContext();
        var importer = new ResolutionImporter(db);
        foreach (var vote in UndlVotingData.Read(new StringReader(string.Join('\n', rows) + "\n"), "votes.csv"))
        {
            (await importer.ImportAsync(new ImportSource("votes.csv", vote.Excerpt), vote.Result)).Status.Should().Be(ImportStatus.Imported);
        }
    }

    [Fact]
    public async Task EachStateIsAPointColouredByItsGroupAndLinkingToItsPage()
    {
        await ImportTwoBlocsAsync();

        var (response, page) = await App.GetDocumentAsync("/countries/map?body=GA&from=2015&to=2015");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var points = page.QuerySelectorAll("svg#voting-map a.point").ToList();
        points.Select(p => p.GetAttribute("data-iso3")).Should().BeEquivalentTo(East.Concat(West));
        foreach (var point in points)
        {
            var iso3 = point.GetAttribute("data-iso3")!;
            point.GetAttribute("href").Should().Be("/countries/" + iso3);
            point.ClassList.Should().Contain("group-" + CountryRegistry.Default.FindByIso3(iso3)!.RegionalGroup);
            // each bloc voted alike: its four states are drawn at one place under one label, "CHN +3"
            if (point.QuerySelector("text") is { } label)
            {
                label.TextContent.Should().MatchRegex($"^{iso3} \\+3$");
                point.QuerySelector("title")!.TextContent.Should().Contain("同一位置：");
            }
            var x = double.Parse(point.QuerySelector("circle")!.GetAttribute("cx")!, CultureInfo.InvariantCulture);
            x.Should().BeInRange(0, 760);
        }

        double X(string iso3) => double.Parse(points.Single(p => p.GetAttribute("data-iso3") == iso3).QuerySelector("circle")!.GetAttribute("cx")!, CultureInfo.InvariantCulture);
        Math.Sign(X("CHN") - 380).Should().Be(-Math.Sign(X("USA") - 380), "the two blocs fall on either side");
        page.QuerySelectorAll("#map-points tbody tr").Should().HaveCount(8);
        page.QuerySelectorAll("svg#voting-map text").Should().HaveCount(2, "one label for each bloc's place");
        page.GetElementById("map-labels")!.TextContent.Should().Contain("共用一个标签");
        page.QuerySelector("#map-summary")!.TextContent.Should().Contain("12");
    }

    [Fact]
    public async Task APeriodWithTooFewVotesSaysSoAndABadValueIsIgnoredWithANotice()
    {
        var (_, page) = await App.GetDocumentAsync("/countries/map?body=HRC&from=abc");

        page.QuerySelector("#map-empty").Should().NotBeNull("the seeds hold three Council votes");
        page.QuerySelector("svg#voting-map").Should().BeNull();
        page.QuerySelectorAll("p.notice").Select(p => p.TextContent).Should().ContainSingle(t => t.Contains("abc"));
        var (_, countries) = await App.GetDocumentAsync("/countries");
        countries.QuerySelector("a#voting-map-link")!.GetAttribute("href").Should().Be("/countries/map");
    }
}

using System.Globalization;
using System.Text;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing.Undl;
using ResolutionArchive.Web.Pages.Countries;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Issue 16 item 2 on the site: records of the UN Digital Library's voting data (input-formats §11). A vote without a
/// text is shown as a vote alone, with its English title marked so and a link to the official document; its stored rows
/// are readable on its source page; a vote of a resolution whose text is in the archive fills that record's vote; a
/// country page with the whole history lists the newest votes and says where the rest are.
/// </summary>
public sealed class VotingDataPageTests : OwnSiteTests
{
    private const string Header = "resolution,ms_code,ms_name,ms_vote,date,session,meeting,title,agenda_title";

    private static string Row(string symbol, string code, string name, string vote, string date, int session = 75) =>
        $"{symbol},{code},{name},{vote},{date},{session},A/{session}/PV.21,Special session in response to the COVID-19 pandemic,Strengthening of the United Nations system";

    private async Task ImportAsync(params string[] rows)
    {
        _ = App.Server; // the site starts and imports its seeds first
        await using var db = App.CreateDbContext();
        var importer = new ResolutionImporter(db);
        foreach (var vote in UndlVotingData.Read(new StringReader(Header + "\n" + string.Join('\n', rows) + "\n"), "votes.csv"))
        {
            (await importer.ImportAsync(new ImportSource("votes.csv", vote.Excerpt), vote.Result)).Status.Should().BeOneOf(ImportStatus.Imported, ImportStatus.Enriched);
        }
    }

    [Fact]
    public async Task AVoteWithoutTextIsShownAsAVoteAloneWithItsEnglishTitleAndTheOfficialDocument()
    {
        await ImportAsync(
            Row("A/RES/75/4", "CHN", "CHINA", "Y", "2020-11-05"),
            Row("A/RES/75/4", "USA", "UNITED STATES", "N", "2020-11-05"),
            Row("A/RES/75/4", "FRA", "FRANCE", "A", "2020-11-05"));

        var (response, page) = await App.GetDocumentAsync("/resolutions/A/RES/75/4");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var title = page.QuerySelector("h1 .title")!;
        title.TextContent.Should().Be("Special session in response to the COVID-19 pandemic");
        title.GetAttribute("lang").Should().Be("en");
        var section = page.QuerySelector("section#vote-only");
        section.Should().NotBeNull();
        section!.QuerySelector("a[href='https://undocs.org/zh/A/RES/75/4']").Should().NotBeNull();
        page.QuerySelector("section.preamble").Should().BeNull();
        page.QuerySelector("section.operative").Should().BeNull();
        var groups = page.QuerySelector("table#vote-regional-groups")!;
        groups.QuerySelectorAll("td.yes").Sum(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)).Should().Be(1);
        groups.QuerySelectorAll("td.no").Sum(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)).Should().Be(1);
        groups.QuerySelectorAll("td.abstain").Sum(td => int.Parse(td.TextContent, CultureInfo.InvariantCulture)).Should().Be(1);
    }

    [Fact]
    public async Task TheSourcePageShowsTheStoredRowsOfTheVote()
    {
        await ImportAsync(Row("A/RES/75/4", "CHN", "CHINA", "Y", "2020-11-05"));
        await using var db = App.CreateDbContext();
        var id = db.Sources.Single(s => s.ResolutionKey == "A/RES/75/4").Id;

        var (response, page) = await App.GetDocumentAsync($"/sources/{id}");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var text = page.Body!.TextContent;
        text.Should().Contain(Header).And.Contain(Row("A/RES/75/4", "CHN", "CHINA", "Y", "2020-11-05"));
    }

    [Fact]
    public async Task AVoteOfAResolutionWhoseTextIsInTheArchiveFillsItsVoteAndKeepsItsText()
    {
        // seed 003 is A/RES/76/159, a General Assembly text that does not state how it was adopted
        var (_, before) = await App.GetDocumentAsync("/resolutions/A/RES/76/159");
        var clauses = before.QuerySelectorAll("p.clause").Length;
        before.QuerySelector("table#vote-regional-groups").Should().BeNull();

        await ImportAsync(
            Row("A/RES/76/159", "CHN", "CHINA", "Y", "2021-12-16", 76),
            Row("A/RES/76/159", "USA", "UNITED STATES", "N", "2021-12-16", 76));
        var (_, after) = await App.GetDocumentAsync("/resolutions/A/RES/76/159");

        after.QuerySelectorAll("p.clause").Length.Should().Be(clauses);
        after.QuerySelector("section#vote-only").Should().BeNull();
        after.QuerySelector("h1 .title")!.GetAttribute("lang").Should().NotBe("en", "the text's Chinese title is kept");
        after.QuerySelector("h1 .title")!.TextContent.Should().NotContain("COVID");
        after.QuerySelector("table#vote-regional-groups").Should().NotBeNull();
    }

    [Fact]
    public async Task ACountryPageListsTheNewestVotesAndSaysWhereTheRestAre()
    {
        var rows = new List<string>();
        for (var i = 1; i <= ShowModel.RecordLimit + 5; i++)
        {
            rows.Add(Row($"A/RES/10/{i}", "CHN", "CHINA", i % 3 == 0 ? "N" : "Y", new DateOnly(1955, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 10));
        }

        await ImportAsync([.. rows]);
        var (_, page) = await App.GetDocumentAsync("/countries/CHN");

        page.QuerySelectorAll("table#country-votes tbody tr").Should().HaveCount(ShowModel.RecordLimit);
        page.QuerySelector("#record-limited a[href='/data/votes.csv']").Should().NotBeNull();
        var keys = page.QuerySelectorAll("table#country-votes tbody tr").Select(tr => tr.GetAttribute("data-key")).ToList();
        keys.Should().Contain("A/RES/10/205", "the newest are listed").And.NotContain("A/RES/10/1", "the oldest are not");

        var (_, year) = await App.GetDocumentAsync("/countries/CHN?year=1955");
        year.QuerySelectorAll("table#country-votes tbody tr").Should().HaveCount(ShowModel.RecordLimit + 5, "a year lists all of its votes");
        year.QuerySelector("#record-limited").Should().BeNull();
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Agreement between states, the compare view and the sponsorship flag (docs/voting.md §3–§4), against figures worked
/// out by hand from the three recorded seed votes (46/13, 53/11, 37/23):
/// <code>
///        46/13    53/11    37/23
/// CHN    yes      yes      yes
/// MEX    yes      abstain  yes      → with CHN: 3 shared, 2 same = 67%
/// GBR    no       no       abstain  → with CHN: 3 shared, 0 same = 0%;  with DEU: 3/3 = 100%
/// DEU    no       no       abstain
/// IND    no       yes      –        → with CHN: 2 shared, 1 same = 50%
/// USA    –        no       no       → with CHN: 2 shared, 0 same = 0%;  with GBR: 2 shared, 1 same = 50%
/// </code>
/// The site runs with <c>Voting:MinSharedVotes</c> = 2 (the default, 10, would hide every pair of three votes).
/// </summary>
public sealed class AgreementTests : IDisposable
{
    private readonly SmallThresholdApplication _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Dictionary<string, (string Share, string Counts)>> AgreementsAsync(string iso3, string table = "agreement-all")
    {
        var (response, document) = await _app.GetDocumentAsync($"/countries/{iso3}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return document.QuerySelectorAll($"#{table} tbody tr").ToDictionary(
            tr => tr.GetAttribute("data-iso3")!,
            tr => (tr.QuerySelector("td.share")!.TextContent, tr.QuerySelectorAll("td")[1].TextContent));
    }

    [Fact]
    public async Task The_agreement_on_the_page_equals_the_figures_worked_out_by_hand()
    {
        var china = await AgreementsAsync("CHN");
        var britain = await AgreementsAsync("GBR");

        china["MEX"].Should().Be(("67%", "2/3"));
        china["GBR"].Should().Be(("0%", "0/3"));
        china["IND"].Should().Be(("50%", "1/2"));
        china["USA"].Should().Be(("0%", "0/2"));
        china["CUB"].Should().Be(("100%", "3/3"));
        britain["DEU"].Should().Be(("100%", "3/3"));
        britain["USA"].Should().Be(("50%", "1/2"));
    }

    [Fact]
    public async Task The_closest_and_farthest_tables_hold_ten_each_in_order()
    {
        var closest = await AgreementsAsync("CHN", "agreement-closest");
        var farthest = await AgreementsAsync("CHN", "agreement-farthest");

        closest.Should().HaveCount(10);
        closest.Values.Should().AllSatisfy(a => a.Share.Should().Be("100%"));
        farthest.Should().HaveCount(10);
        farthest.Values.Should().AllSatisfy(a => a.Share.Should().Be("0%"));
        farthest.Keys.Should().Contain("GBR").And.Contain("USA");
    }

    [Fact]
    public async Task The_compare_view_lists_every_vote_side_by_side_with_the_same_figure()
    {
        var (response, document) = await _app.GetDocumentAsync("/countries/CHN/compare/USA");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelectorAll("#compare-votes tbody tr").Select(tr => (
                tr.GetAttribute("data-key"),
                tr.QuerySelectorAll("td.position")[0].GetAttribute("data-position"),
                tr.QuerySelectorAll("td.position")[1].GetAttribute("data-position"),
                tr.GetAttribute("data-outcome")))
            .Should().Equal(
                ("A/HRC/RES/53/11", "yes", "no", "different"),
                ("A/HRC/RES/46/13", "yes", "not-listed", "not-shared"),
                ("A/HRC/RES/37/23", "yes", "no", "different"));
        document.QuerySelector("#compare-summary")!.TextContent.Should().Contain("共 2 次").And.Contain("相同 0 次").And.Contain("0%");
        (await _app.GetDocumentAsync("/countries/chn/compare/usa")).Response.Headers.Location!.ToString().Should().Be("/countries/CHN/compare/USA");
        (await _app.GetDocumentAsync("/countries/CHN/compare/XXX")).Response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_sponsor_that_voted_against_its_own_text_is_flagged()
    {
        _ = _app.Services;
        await using (var db = _app.CreateDbContext())
        {
            // a fixture: the United Kingdom (which voted against 46/13) and China (in favour) as its sponsors
            var id = await db.Resolutions.Where(r => r.Key == "A/HRC/RES/46/13").Select(r => r.Id).SingleAsync();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Sponsors (ResolutionId, Ordinal, CountryIso3, Name, Additional) VALUES ({0}, 0, 'GBR', '大不列颠及北爱尔兰联合王国', 0), ({0}, 1, 'CHN', '中国', 1); UPDATE ArchiveRevision SET Revision = Revision + 1;", id);
        }

        var (_, britain) = await _app.GetDocumentAsync("/countries/GBR");
        var (_, china) = await _app.GetDocumentAsync("/countries/CHN");

        var row = britain.QuerySelector("#country-sponsorships tr[data-key='A/HRC/RES/46/13']")!;
        row.ClassList.Should().Contain("flagged");
        row.TextContent.Should().Contain("反对").And.Contain("提案国却未投赞成票");
        var chinaRows = china.QuerySelectorAll("#country-sponsorships tbody tr").ToList();
        chinaRows.Select(tr => tr.GetAttribute("data-key")).Should().Contain("A/HRC/RES/46/13");
        chinaRows.Should().AllSatisfy(tr => tr.ClassList.Should().NotContain("flagged"));
        chinaRows.Single(tr => tr.GetAttribute("data-key") == "A/HRC/RES/46/13").TextContent.Should().Contain("附加提案国");
    }

    private sealed class SmallThresholdApplication : ArchiveApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Voting:MinSharedVotes", "2");
        }
    }
}

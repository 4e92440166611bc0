using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The grid of states by UN regional group under a recorded vote (docs/voting.md §5), and absences from General Assembly votes on
/// the country pages (§1), over the seeds and the vendored AKN sample (A/RES/75/102: 175 in favour, 2 against,
/// 3 abstaining, so 13 of the 193 member states absent).
/// </summary>
public sealed class VoteGridTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    // The tests only read: one site over the sample for the class.
    private readonly ArchiveApplication _app = archive.App;

    [Fact]
    public async Task A_Council_vote_shows_the_listed_states_by_regional_group_each_by_name_with_its_vote()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        var cells = document.QuerySelectorAll("#vote-grid li.cell").ToList();
        cells.Should().HaveCount(47);
        var lists = new[] { ("vote-yes", "yes"), ("vote-no", "no"), ("vote-abstain", "abstain") }
            .SelectMany(x => document.QuerySelectorAll($"#{x.Item1} li").Select(li => (li.GetAttribute("data-iso3"), x.Item2)));
        cells.Select(c => (c.GetAttribute("data-iso3"), c.GetAttribute("data-position"))).Should().BeEquivalentTo(lists);
        cells.Should().AllSatisfy(c => c.QuerySelector("a")!.GetAttribute("href").Should().Be($"/countries/{c.GetAttribute("data-iso3")}"));
        document.QuerySelectorAll("#vote-grid section.grid-region").Select(s => s.GetAttribute("data-group")).Should()
            .Equal("African", "AsiaPacific", "EasternEuropean", "LatinAmericanAndCaribbean", "WesternEuropeanAndOther");
        document.QuerySelectorAll("#vote-grid section.grid-region h3").Select(h => h.TextContent).Should()
            .Equal(["非洲国家组（13）", "亚洲－太平洋国家组（13）", "东欧国家组（6）", "拉丁美洲和加勒比国家组（8）", "西欧和其他国家组（7）"], "the Council's 47 seats by group");
        foreach (var section in document.QuerySelectorAll("#vote-grid section.grid-region"))
        {
            section.QuerySelectorAll("li.cell").Should().AllSatisfy(c =>
                Parsing.Countries.CountryRegistry.Default.FindByIso3(c.GetAttribute("data-iso3")!)!.RegionalGroup.ToString().Should().Be(section.GetAttribute("data-group")));
        }

        var china = cells.Single(c => c.GetAttribute("data-iso3") == "CHN").QuerySelector("a")!;
        china.TextContent.Trim().Should().Be("✓ 中国", "the name, not the code");
        china.GetAttribute("aria-label").Should().Be("中国：赞成", "the accessible name starts with the visible name");
        var asia = document.QuerySelectorAll("#vote-grid section[data-group=AsiaPacific] li.cell a").Select(a => a.TextContent.Trim()[2..]).ToList();
        asia.Should().BeInAscendingOrder(System.StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false), "Chinese names in pinyin order");
    }

    [Fact]
    public async Task In_English_the_grid_names_the_states_in_English_in_alphabetical_order()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/75/102?culture=en");

        var weog = document.QuerySelectorAll("#vote-grid section[data-group=WesternEuropeanAndOther] li.cell a").Select(a => a.TextContent.Trim()[2..]).ToList();
        weog.Should().Contain(["United States of America", "Germany"]).And.BeInAscendingOrder(System.StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en"), false));
        document.QuerySelector("#vote-grid section[data-group=EasternEuropean] li.cell[data-iso3=GEO]").Should().NotBeNull("Georgia sits in the Eastern European group, not under Western Asia");
        document.QuerySelector("#vote-grid section[data-group=EasternEuropean] h3")!.TextContent.Should().StartWith("Eastern European");
    }

    [Fact]
    public async Task A_General_Assembly_vote_shows_every_member_state_and_those_in_no_list_as_absent()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/75/102");

        var cells = document.QuerySelectorAll("#vote-grid li.cell").ToList();
        cells.Should().HaveCount(193);
        cells.GroupBy(c => c.GetAttribute("data-position")).ToDictionary(g => g.Key!, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["yes"] = 175, ["no"] = 2, ["abstain"] = 3, ["absent"] = 13 });
        cells.Select(c => c.GetAttribute("data-iso3")).Should().NotContain(["VAT", "PSE"]);
    }

    [Fact]
    public async Task An_absent_member_state_is_absent_on_its_country_page_and_in_its_totals()
    {
        await using var db = _app.CreateDbContext();
        var rows = await (from v in db.Votes join r in db.Resolutions on v.ResolutionId equals r.Id where r.Key == "A/RES/75/102" select new { v.CountryIso3, v.Position }).ToListAsync();
        var listed = rows.Where(v => v.Position != VotePosition.NonVoting).Select(v => v.CountryIso3).ToList();
        var (_, grid) = await _app.GetDocumentAsync("/resolutions/A/RES/75/102");
        var absent = grid.QuerySelectorAll("#vote-grid li.cell[data-position=absent]").Select(c => c.GetAttribute("data-iso3")!).ToList();
        absent.Should().HaveCount(13).And.NotIntersectWith(listed);
        absent.Should().BeEquivalentTo(rows.Where(v => v.Position == VotePosition.NonVoting).Select(v => v.CountryIso3), "the grid's absent members are the stored non-voting members");

        var (response, page) = await _app.GetDocumentAsync($"/countries/{absent[0]}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("#country-votes tr[data-key='A/RES/75/102'] td.position")!.GetAttribute("data-position").Should().Be("absent");
        page.QuerySelector("#country-totals tr[data-position=absent]").Should().NotBeNull();
    }
}

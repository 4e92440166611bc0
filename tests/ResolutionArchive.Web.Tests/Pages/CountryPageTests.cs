using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The country page (docs/voting.md): every vote of the three recorded seed votes on the right pages, absent and "not
/// listed" told apart from against, totals and the majority, and the vote lists linking here.
/// </summary>
public sealed class CountryPageTests : OwnSiteTests
{
    private async Task<Dictionary<string, string>> PositionsAsync(string iso3)
    {
        var (response, document) = await App.GetDocumentAsync($"/countries/{iso3}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return document.QuerySelectorAll("#country-votes tbody tr")
            .ToDictionary(tr => tr.GetAttribute("data-key")!, tr => tr.QuerySelector("td.position")!.GetAttribute("data-position")!);
    }

    [Fact]
    public async Task ChinaVotedInFavourOfTheThreeRecordedSeedVotes()
    {
        (await PositionsAsync("CHN")).Should().Equal(new Dictionary<string, string>
        {
            ["A/HRC/RES/53/11"] = "yes",
            ["A/HRC/RES/46/13"] = "yes",
            ["A/HRC/RES/37/23"] = "yes",
        });
    }

    [Fact]
    public async Task TheUnitedStatesVotedAgainst5311And3723AndIsNotListedFor4613()
    {
        (await PositionsAsync("USA")).Should().Equal(new Dictionary<string, string>
        {
            ["A/HRC/RES/53/11"] = "no",
            ["A/HRC/RES/46/13"] = "not-listed",
            ["A/HRC/RES/37/23"] = "no",
        });
    }

    [Fact]
    public async Task Every_vote_of_the_three_recorded_seed_votes_appears_on_the_right_country_page()
    {
        await using var db = App.CreateDbContext();
        _ = App.Services; // the site imports the seeds on start
        var listed = await (from v in db.Votes
                            join r in db.Resolutions on v.ResolutionId equals r.Id
                            select new { r.Key, v.CountryIso3, v.Position }).ToListAsync();
        listed.Select(v => v.Key).Distinct().Should().BeEquivalentTo("A/HRC/RES/46/13", "A/HRC/RES/53/11", "A/HRC/RES/37/23");
        listed.Should().HaveCount(141, "26 + 15 + 6 for 46/13, 28 + 14 + 5 for 53/11 and 28 + 8 + 11 for 37/23, and Tunisia, the Council member that did not vote on 37/23");

        foreach (var country in listed.GroupBy(v => v.CountryIso3))
        {
            var page = await PositionsAsync(country.Key);
            page.Should().HaveCount(3, $"{country.Key}'s page lists every recorded vote of the archive");
            foreach (var vote in country)
            {
                page[vote.Key].Should().Be(vote.Position switch { VotePosition.InFavour => "yes", VotePosition.Against => "no", VotePosition.NonVoting => "absent", _ => "abstain" }, $"{country.Key} on {vote.Key}");
            }

            page.Where(p => !country.Any(v => v.Key == p.Key)).Select(p => p.Value).Should().AllBe("not-listed", "a state that was not on the Council that year is not in its vote");
        }
    }

    [Fact]
    public async Task Totals_shares_and_the_majority_are_counted_from_the_record()
    {
        var (_, document) = await App.GetDocumentAsync("/countries/MEX");

        var totals = document.QuerySelectorAll("#country-totals tbody tr")
            .ToDictionary(tr => tr.GetAttribute("data-position")!, tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        totals["yes"].Should().Equal("2", "67%");
        totals["abstain"].Should().Equal("1", "33%");
        totals["no"].Should().Equal("0", "0%");
        document.QuerySelector("#with-majority")!.TextContent.Should().Contain("3 次").And.Contain("有 2 次").And.Contain("67%");
        document.QuerySelectorAll("svg.year-chart g.year").Select(g => g.GetAttribute("data-year") + ":" + g.GetAttribute("data-total"))
            .Should().Equal("2018:1", "2021:1", "2023:1");
    }

    [Fact]
    public async Task The_chart_draws_the_votes_the_state_took_part_in_and_not_the_years_off_the_Council()
    {
        // the United States was not on the Council in 2018 and 2021 (37/23, 46/13): not listed, so not drawn
        var (_, document) = await App.GetDocumentAsync("/countries/USA");

        var positions = document.QuerySelectorAll("#country-votes tbody tr").Select(tr => (
            Year: tr.QuerySelector("time")!.GetAttribute("datetime")![..4],
            Position: tr.QuerySelector("td.position")!.GetAttribute("data-position"))).ToList();
        positions.Should().Contain(p => p.Position == "not-listed");
        var expected = positions.Where(p => p.Position != "not-listed").GroupBy(p => p.Year).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}");
        document.QuerySelectorAll("svg.year-chart g.year").Select(g => g.GetAttribute("data-year") + ":" + g.GetAttribute("data-total")).Should().Equal(expected);
        document.QuerySelectorAll("svg.year-chart rect.part.not-listed").Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "赞成", "弃权")]
    [InlineData("?culture=en", "In favour", "Abstaining")]
    public async Task The_charts_legend_is_text_under_its_scroll_region_naming_the_parts_drawn(string culture, string yes, string abstain)
    {
        // Mexico voted in favour twice and abstained once: the legend names those two, in the page's language, as HTML
        // that wraps on a phone (as SVG text it was cut off at 320 px with the drawing's 640 px)
        var (_, document) = await App.GetDocumentAsync("/countries/MEX" + culture);

        var scroll = document.QuerySelector("figure.year-chart > .chart-scroll[role=region]")!;
        scroll.QuerySelector("svg.year-chart").Should().NotBeNull();
        scroll.QuerySelectorAll("text").Select(t => t.TextContent).Should().NotContain([yes, abstain]);
        var legend = document.QuerySelectorAll("figure.year-chart > ul.year-chart-legend > li").ToList();
        legend.Select(li => li.TextContent.Trim()).Should().Equal(yes, abstain);
        legend.Select(li => li.QuerySelector("rect")!.GetAttribute("fill"))
            .Should().Equal(scroll.QuerySelector("rect.part.yes")!.GetAttribute("fill"), scroll.QuerySelector("rect.part.abstain")!.GetAttribute("fill"));
    }

    [Fact]
    public async Task The_header_names_the_regional_group_and_the_picker_leads_to_the_comparison()
    {
        var (_, document) = await App.GetDocumentAsync("/countries/CHN");

        document.QuerySelector("dl.country-meta")!.TextContent.Should().Contain("亚洲－太平洋国家组");
        var options = document.QuerySelectorAll("#compare-with option").Select(o => o.GetAttribute("value")).ToList();
        options.Should().HaveCount(194).And.Contain("USA").And.NotContain("CHN");
        document.GetElementById("compare-picker")!.GetAttribute("action").Should().Be("/countries/CHN/compare");

        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (url, target) in new[] { ("/countries/CHN/compare?with=usa", "/countries/CHN/compare/USA"), ("/countries/chn/compare?with=CHN", "/countries/CHN"), ("/countries/CHN/compare?with=%3Cx%3E", "/countries/CHN"), ("/countries/XXX/compare?with=USA", "/countries") })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.Should().Be(target, url);
        }
    }

    [Fact]
    public async Task The_record_filters_by_body_and_year_and_lists_what_it_ignored()
    {
        var (_, byYear) = await App.GetDocumentAsync("/countries/CHN?year=2021");
        var (_, byBody) = await App.GetDocumentAsync("/countries/CHN?body=GA");
        var (response, bad) = await App.GetDocumentAsync("/countries/CHN?body=UN&year=abc");

        byYear.QuerySelectorAll("#country-votes tbody tr").Select(tr => tr.GetAttribute("data-key")).Should().Equal("A/HRC/RES/46/13");
        byBody.QuerySelector("#country-votes").Should().BeNull("the archive's seeds have no recorded GA vote");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        bad.QuerySelectorAll(".ignored li").Should().HaveCount(2);
        bad.QuerySelectorAll("#country-votes tbody tr").Should().HaveCount(3);
    }

    [Fact]
    public async Task EveryCountryInAVoteListLinksToItsPage()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

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
        var (_, document) = await App.GetDocumentAsync("/countries/BOL");
        var (redirect, _) = await App.GetDocumentAsync("/countries/bol");

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
        var (response, document) = await App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        document.QuerySelector("h1")!.TextContent.Should().Be("未找到该页面");
    }
}

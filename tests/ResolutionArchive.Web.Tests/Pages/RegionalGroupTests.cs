using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Issue 16 item 3, "regional groups": every recorded vote broken down by UN regional group (not M49 geography), each
/// cell equal to a count of the stored votes by the registry's group, each column summing to the vote's list, over the
/// seeds and the vendored AKN sample (Council and Assembly votes, with non-voting members).
/// </summary>
public sealed class RegionalGroupTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    [Theory]
    [InlineData("A/HRC/RES/46/13")]
    [InlineData("A/HRC/RES/37/23")]
    [InlineData("A/HRC/RES/53/11")]
    [InlineData("A/RES/75/102")]
    public async Task EachCellIsTheStoredVotesOfThatGroupAndEachColumnSumsToTheList(string key)
    {
        await using var db = archive.App.CreateDbContext();
        var votes = await (from v in db.Votes join r in db.Resolutions on v.ResolutionId equals r.Id where r.Key == key select new { v.CountryIso3, v.Position }).ToListAsync();
        var (_, page) = await archive.App.GetDocumentAsync("/resolutions/" + key);

        var table = page.QuerySelector("table#vote-regional-groups");
        table.Should().NotBeNull();
        var rows = table!.QuerySelectorAll("tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-group")).Should().StartWith(Enum.GetNames<RegionalGroup>());
        foreach (var (position, column) in new[] { (VotePosition.InFavour, "yes"), (VotePosition.Against, "no"), (VotePosition.Abstaining, "abstain"), (VotePosition.NonVoting, "non-voting") })
        {
            foreach (var row in rows)
            {
                var group = row.GetAttribute("data-group");
                var expected = votes.Count(v => v.Position == position
                    && (CountryRegistry.Default.FindByIso3(v.CountryIso3)?.RegionalGroup?.ToString() ?? "none") == group);
                int.Parse(row.QuerySelector("td." + column)!.TextContent).Should().Be(expected, "{0}, {1}, {2}", key, group, column);
            }

            rows.Sum(r => int.Parse(r.QuerySelector("td." + column)!.TextContent)).Should().Be(votes.Count(v => v.Position == position), "{0}: the {1} column sums to the list", key, column);
        }
    }

    [Fact]
    public async Task AVoteAdoptedWithoutAVoteHasNoBreakdown()
    {
        var (_, page) = await archive.App.GetDocumentAsync("/resolutions/A/RES/76/159");

        page.QuerySelector("table#vote-regional-groups").Should().BeNull();
    }
}

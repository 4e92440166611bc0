using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Who switched (issue 16 item 3, docs/voting.md §10): the compare view of two recorded votes shows both tallies and
/// every state whose stored position differs, from → to, equal to the stored votes compared by hand; the series box
/// shows each version's tally and how many states switched since the previous version.
/// </summary>
public sealed class WhoSwitchedTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    private static readonly Dictionary<VotePosition, string> Values = new()
    {
        [VotePosition.InFavour] = "yes", [VotePosition.Against] = "no", [VotePosition.Abstaining] = "abstain", [VotePosition.NonVoting] = "absent",
    };

    private async Task<Dictionary<string, string>> StoredAsync(string key)
    {
        await using var db = archive.App.CreateDbContext();
        return await (from v in db.Votes join r in db.Resolutions on v.ResolutionId equals r.Id where r.Key == key && v.CountryIso3 != null select new { v.CountryIso3, v.Position })
            .ToDictionaryAsync(v => v.CountryIso3!, v => Values[v.Position], StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("A/HRC/RES/37/23", "A/HRC/RES/46/13")]
    [InlineData("A/HRC/RES/46/13", "A/HRC/RES/53/11")]
    [InlineData("A/RES/75/102", "A/HRC/RES/53/11")]
    public async Task TheCompareViewListsEveryStateWhoseVoteChanged(string a, string b)
    {
        var (before, after) = (await StoredAsync(a), await StoredAsync(b));
        var expected = before.Keys.Union(after.Keys)
            .Where(iso3 => before.GetValueOrDefault(iso3) != after.GetValueOrDefault(iso3))
            .ToDictionary(iso3 => iso3, iso3 => (before.GetValueOrDefault(iso3) ?? "none", after.GetValueOrDefault(iso3) ?? "none"));

        var (response, page) = await archive.App.GetDocumentAsync($"/compare/{a}/{b}");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("#vote-change-list tbody tr").ToDictionary(r => r.GetAttribute("data-iso3")!, r => (r.GetAttribute("data-from")!, r.GetAttribute("data-to")!));
        rows.Should().BeEquivalentTo(expected);
        expected.Should().NotBeEmpty("these votes differ");
        var tallies = page.QuerySelector("#vote-tallies")!;
        int Cell(string position, int column) => int.Parse(tallies.QuerySelector($"tr[data-position='{position}']")!.QuerySelectorAll("td")[column].TextContent, CultureInfo.InvariantCulture);
        Cell("yes", 0).Should().Be(before.Count(v => v.Value == "yes"));
        Cell("no", 1).Should().Be(after.Count(v => v.Value == "no"));
        Cell("non-voting", 1).Should().Be(after.Count(v => v.Value == "absent"));
    }

    [Fact]
    public async Task AVoteComparedWithItselfChangesNothingAndAVoteWithoutARecordedVoteHasNoSection()
    {
        var (_, same) = await archive.App.GetDocumentAsync("/compare/A/HRC/RES/46/13/A/HRC/RES/46/13");
        same.QuerySelector("#no-vote-changes").Should().NotBeNull();

        var (_, unvoted) = await archive.App.GetDocumentAsync("/compare/A/RES/76/159/A/HRC/RES/46/13");
        unvoted.QuerySelector("#vote-changes").Should().BeNull("A/RES/76/159 was not adopted by a recorded vote");
    }

    [Fact]
    public async Task TheSeriesBoxShowsEachVersionsTallyAndHowManySwitched()
    {
        // seed 000 (46/13, 2021) adopted again a year later as 49/13, China moved from in favour to abstaining: one series
        using var app = new ArchiveApplication();
        _ = app.Server;
        var text = SeedCopies.Seed000AdoptedAgain();
        await using (var db = app.CreateDbContext())
        {
            // an import run, which links the new record's paragraphs into their series
            await using var run = await Data.Import.ImportRun.BeginAsync(db);
            var outcome = await run.AddAsync(new Data.Import.ImportSource("49-13.txt", System.Text.Encoding.UTF8.GetBytes(text)));
            outcome.Status.Should().Be(Data.Import.ImportStatus.Imported, string.Join("\n", outcome.Diagnostics));
            await run.CompleteAsync();
        }

        var (_, page) = await app.GetDocumentAsync("/resolutions/A/HRC/RES/49/13");

        var link = page.QuerySelector("#series-switched");
        link.Should().NotBeNull("49/13 follows 46/13 in a series and both were adopted by a recorded vote");
        var previous = page.QuerySelector("#compare-previous")!.GetAttribute("href")!;
        link!.GetAttribute("href").Should().Be(previous + "#vote-changes");
        var (_, compare) = await app.GetDocumentAsync(previous);
        var rows = compare.QuerySelectorAll("#vote-change-list tbody tr").ToList();
        link.TextContent.Should().Contain(rows.Count.ToString(CultureInfo.InvariantCulture));
        rows.Single(r => r.GetAttribute("data-iso3") == "CHN").GetAttribute("data-to").Should().Be("abstain");
        rows.Single(r => r.GetAttribute("data-iso3") == "CHN").GetAttribute("data-from").Should().Be("yes");
        page.QuerySelectorAll("nav.series .series-tally").Select(t => t.TextContent).Should().EndWith(["26–15–6", "25–15–7"]);
    }
}

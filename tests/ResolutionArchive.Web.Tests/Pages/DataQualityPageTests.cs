using System.Net;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The data-quality report (<c>/data-quality</c>), the source view (<c>/sources/{id}</c>) it links to, and the
/// non-voting members on a resolution page (docs/input-formats.md §4.5, §6 "Warnings"), over the seeds and the AKN sample.
/// </summary>
public sealed class DataQualityPageTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    private ArchiveApplication App => archive.App;

    [Fact]
    public async Task ListsEveryStoredFlagWithLinksToItsRecordAndItsSourceLine()
    {
        await using var db = App.CreateDbContext();
        var flags = await db.DataQualityFlags.AsNoTracking().ToListAsync();
        flags.Should().NotBeEmpty("the AKN sample has known defects, such as 75/269's cover symbol");

        var (response, page) = await App.GetDocumentAsync("/data-quality");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = page.QuerySelectorAll("section.flags li").ToList();
        items.Should().HaveCount(flags.Count);
        foreach (var flag in flags)
        {
            var section = page.QuerySelectorAll("section.flags").Single(s => s.QuerySelector("h2 a")!.GetAttribute("href") == $"/resolutions/{flag.ResolutionKey}");
            section.QuerySelectorAll("li a").Should().Contain(a => a.GetAttribute("href") == $"/sources/{flag.SourceId}#L{flag.Line}" && a.TextContent == $"{flag.FileName}:{flag.Line}");
        }
    }

    [Fact]
    public async Task TheSourceLineALinkNamesIsOnTheSourcePage()
    {
        await using var db = App.CreateDbContext();
        var flag = await db.DataQualityFlags.AsNoTracking().OrderBy(f => f.Id).FirstAsync();
        var source = await db.Sources.AsNoTracking().SingleAsync(s => s.Id == flag.SourceId);
        var lines = System.Text.Encoding.UTF8.GetString(source.Content).Split('\n');

        var (response, page) = await App.GetDocumentAsync($"/sources/{flag.SourceId}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("ol.source-lines li").Should().HaveCount(lines.Length);
        page.GetElementById($"L{flag.Line}")!.TextContent.Should().Be(lines[flag.Line - 1].TrimEnd('\r'));
        page.QuerySelector("main a[href^='/resolutions/']")!.GetAttribute("href").Should().Be($"/resolutions/{flag.ResolutionKey}");
    }

    [Fact]
    public async Task AnUnknownSourceIsNotFound()
    {
        var (response, _) = await App.GetDocumentAsync("/sources/999999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OneRecordsFlagsAreOneKeyAway()
    {
        await using var db = App.CreateDbContext();
        var key = await db.DataQualityFlags.AsNoTracking().Select(f => f.ResolutionKey).FirstAsync();

        var (_, page) = await App.GetDocumentAsync($"/data-quality?key={Uri.EscapeDataString(key)}");

        page.QuerySelectorAll("section.flags h2 a").Select(a => a.GetAttribute("href")).Should().Equal($"/resolutions/{key}");
    }

    [Fact]
    public async Task AResolutionPageListsItsNonVotingMembersAndEveryMemberIsInExactlyOneList()
    {
        await using var db = App.CreateDbContext();
        var nonVoting = await (from v in db.Votes join r in db.Resolutions on v.ResolutionId equals r.Id
                               where r.Key == "A/RES/75/102" && v.Position == VotePosition.NonVoting select v.CountryIso3).ToListAsync();

        var (_, page) = await App.GetDocumentAsync("/resolutions/A/RES/75/102");

        var listed = page.QuerySelectorAll("#vote-non-voting li").Select(li => li.GetAttribute("data-iso3")).ToList();
        listed.Should().HaveCount(13).And.BeEquivalentTo(nonVoting);
        page.GetElementById("vote-non-voting-heading")!.TextContent.Should().Be("未参加表决（13）");
        var everyone = page.QuerySelectorAll("#vote-yes li, #vote-no li, #vote-abstain li, #vote-non-voting li").Select(li => li.GetAttribute("data-iso3")).ToList();
        everyone.Should().HaveCount(193).And.OnlyHaveUniqueItems("in favour + against + abstaining + non-voting = the 193 members");
    }
}

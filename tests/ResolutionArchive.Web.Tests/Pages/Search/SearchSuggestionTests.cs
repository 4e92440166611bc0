using ResolutionArchive.Web.Pages.Search;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages.Search;

/// <summary>
/// What a search that finds nothing offers (issue 17: nothing): the same words without the filters, or nearby queries
/// that find something — each count equal to the oracle's; and each group of results names its adoption and tally.
/// </summary>
[Collection(SearchSiteCollection.Name)]
public sealed class SearchSuggestionTests(SearchArchive archive) : SearchSiteTests(archive)
{
    [Theory]
    [InlineData("合作共赢促进量子", new[] { "合作共赢" })]
    [InlineData("人权 量子计算", new[] { "人权" })]
    [InlineData("量子计算", new[] { "量子", "计算", "子计算", "量子计" })]
    public void NearbyQueriesAreTheWordsOrTheCompoundsParts(string query, string[] mustInclude)
    {
        var nearby = IndexModel.NearbyQueries(query);

        nearby.Should().Contain(mustInclude).And.NotContain(query).And.OnlyHaveUniqueItems().And.OnlyContain(q => q.Length >= 2);
    }

    [Fact]
    public async Task ANearbyQueryIsOfferedWithItsCount()
    {
        var (_, document) = await App.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("合作共赢促进量子"));

        document.QuerySelector(".search-summary")!.TextContent.Should().Contain("没有找到");
        var suggestions = document.QuerySelectorAll("#search-suggestions li").ToList();
        suggestions.Should().NotBeEmpty();
        foreach (var li in suggestions)
        {
            var term = li.QuerySelector("a.search-suggestion")!.TextContent;
            var count = Oracle.Count(e => e.Text.Contains(term, StringComparison.Ordinal));
            count.Should().BePositive(term);
            li.TextContent.Should().Contain($"（{count} 个段落）", term);
        }

        suggestions.Select(li => li.QuerySelector("a")!.TextContent).Should().Contain("合作共赢");
    }

    [Fact]
    public async Task AFilterThatLeavesNothingIsOfferedToBeDropped()
    {
        var (_, document) = await App.GetDocumentAsync("/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2&body=GA");

        var drop = document.GetElementById("search-without-filters")!;
        drop.GetAttribute("href").Should().Be("/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2");
        drop.TextContent.Should().Contain($"{Oracle.Count(e => e.Text.Contains("合作共赢", StringComparison.Ordinal))} 个段落");
        document.QuerySelectorAll("a.search-suggestion").Should().BeEmpty("the words are in the archive: only the filter is in the way");
    }

    [Fact]
    public async Task ASearchThatFindsSomethingOffersNothingAndEachGroupNamesItsAdoption()
    {
        var (_, document) = await App.GetDocumentAsync("/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2");

        document.GetElementById("search-suggestions").Should().BeNull();
        var adoption = document.QuerySelectorAll(".search-group").Select(g => (
            Symbol: g.QuerySelector("h2 a")!.TextContent,
            Adoption: g.QuerySelector(".adoption")!.TextContent.Trim())).ToList();
        adoption.Should().Contain(("A/HRC/RES/46/13", "经记录表决 26–15–6"));
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

/// <summary>
/// Phrase × vote (issue 16 item 3, docs/voting.md §9) over the seeds and the vendored AKN sample (9 recorded votes of
/// both bodies): <c>/api/search/votes</c> equals a brute-force count — the stored texts scanned for the terms
/// (<see cref="SearchOracle"/>), then the stored votes of those records counted by state — and the page and the CSV
/// say the same as the API.
/// </summary>
public sealed class SearchVotesTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    public static TheoryData<string, string[], string[], string> Searches() => new()
    {
        { "q=%E4%BA%BA%E6%9D%83", ["人权"], [], "" },
        { "q=%E5%8D%95%E6%96%B9%E9%9D%A2%E5%BC%BA%E5%88%B6%E6%80%A7%E6%8E%AA%E6%96%BD", ["单方面强制性措施"], [], "" },
        { "q=%E5%86%B3%E5%AE%9A+-%E5%A6%87%E5%A5%B3", ["决定"], ["妇女"], "" },
        { "q=%E4%BA%BA%E6%9D%83&body=GA", ["人权"], [], "body=GA" },
        { "q=%E4%BA%BA%E6%9D%83&body=HRC&kind=operative", ["人权"], [], "body=HRC&kind=operative" },
        { "q=%E8%BF%99%E4%B8%AA%E8%AF%8D%E4%B8%8D%E5%AD%98%E5%9C%A8", ["这个词不存在"], [], "" },
    };

    /// <summary>What the brute force says: ISO3 → (yes, no, abstain, non-voting), and the keys of the recorded votes.</summary>
    private async Task<(Dictionary<string, int[]> States, HashSet<string> Votes, int Matched)> BruteForceAsync(string[] required, string[] excluded, string filters)
    {
        var oracle = await SearchOracle.LoadAsync(archive.App);
        var filter = SearchOracle.Filter(filters);
        var keys = SearchOracle.Find(oracle.Where(filter), required, excluded).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        await using var db = archive.App.CreateDbContext();
        var rows = await (from v in db.Votes
                          join r in db.Resolutions on v.ResolutionId equals r.Id
                          where r.VoteMode == VoteMode.Recorded
                          select new { r.Key, v.CountryIso3, v.Position }).ToListAsync();
        var counted = rows.Where(r => keys.Contains(r.Key) && r.CountryIso3 != null).ToList();
        var states = counted.GroupBy(r => r.CountryIso3!).ToDictionary(g => g.Key, g => new[]
        {
            g.Count(r => r.Position == VotePosition.InFavour), g.Count(r => r.Position == VotePosition.Against),
            g.Count(r => r.Position == VotePosition.Abstaining), g.Count(r => r.Position == VotePosition.NonVoting),
        }, StringComparer.Ordinal);
        return (states, counted.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), keys.Count);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task TheApiEqualsABruteForceCountOverTheArchive(string query, string[] required, string[] excluded, string filters)
    {
        var (states, votes, matched) = await BruteForceAsync(required, excluded, filters);
        using var client = archive.App.CreateClient();

        using var response = await client.GetAsync("/api/search/votes?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("matched").GetInt32().Should().Be(matched);
        root.GetProperty("resolutions").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Should().BeEquivalentTo(votes);
        var actual = root.GetProperty("states").EnumerateArray().ToDictionary(
            s => s.GetProperty("iso3").GetString()!,
            s => new[] { s.GetProperty("yes").GetInt32(), s.GetProperty("no").GetInt32(), s.GetProperty("abstain").GetInt32(), s.GetProperty("nonVoting").GetInt32() });
        actual.Should().BeEquivalentTo(states, query);
        root.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("iso3").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        if (required[0] == "人权" && filters.Length == 0)
        {
            votes.Should().HaveCountGreaterThan(3, "the sample's recorded votes of both bodies mention human rights");
            actual.Values.Sum(v => v[1]).Should().BePositive("someone voted against");
        }
    }

    [Fact]
    public async Task ThePageGroupsTheStatesByRegionalGroupSortsThemAndSaysWhatTheApiSays()
    {
        using var client = archive.App.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search/votes?q=%E4%BA%BA%E6%9D%83"));
        var api = json.RootElement.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("iso3").GetString()!, s => s.GetProperty("no").GetInt32());

        var (response, page) = await archive.App.GetDocumentAsync("/search/votes?q=%E4%BA%BA%E6%9D%83");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var groups = page.QuerySelectorAll("table#search-votes tbody").ToList();
        groups.Select(g => g.GetAttribute("data-group")).Should().StartWith(Enum.GetNames<RegionalGroup>().Where(n => groups.Any(g => g.GetAttribute("data-group") == n)));
        foreach (var group in groups)
        {
            var rows = group.QuerySelectorAll("tr[data-iso3]").ToList();
            rows.Select(r => CountryRegistry.Default.FindByIso3(r.GetAttribute("data-iso3")!)!.RegionalGroup?.ToString() ?? "none").Should().AllBe(group.GetAttribute("data-group"));
            var against = rows.Select(r => int.Parse(r.QuerySelector("td.no")!.TextContent, CultureInfo.InvariantCulture)).ToList();
            against.Should().BeInDescendingOrder("the default sort is by votes against");
            against.Should().Equal(rows.Select(r => api[r.GetAttribute("data-iso3")!]));
        }

        page.QuerySelectorAll("table#search-votes tr[data-iso3]").Should().HaveCount(api.Count);
        page.QuerySelector("th[aria-sort='descending'] a")!.GetAttribute("href").Should().Contain("/search/votes?q=");

        var (_, byName) = await archive.App.GetDocumentAsync("/search/votes?q=%E4%BA%BA%E6%9D%83&sort=name");
        var names = byName.QuerySelectorAll("table#search-votes tbody").First().QuerySelectorAll("tr[data-iso3] th").Select(th => th.TextContent).ToList();
        names.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task TheCsvHasTheSameCountsAndABadQueryIsA400()
    {
        using var client = archive.App.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search/votes?q=%E4%BA%BA%E6%9D%83"));
        var api = json.RootElement.GetProperty("states").EnumerateArray().Select(s => $"{s.GetProperty("iso3").GetString()},{s.GetProperty("yes").GetInt32()},{s.GetProperty("no").GetInt32()},{s.GetProperty("abstain").GetInt32()},{s.GetProperty("nonVoting").GetInt32()}").ToList();

        using var csv = await client.GetAsync("/search/votes.csv?q=%E4%BA%BA%E6%9D%83");
        using var reader = new CsvReader(new StringReader(await csv.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => $"{r["country_iso3"]},{r["yes"]},{r["no"]},{r["abstain"]},{r["non_voting"]}").ToList();

        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        rows.Should().Equal(api);
        (await client.GetAsync("/api/search/votes?q=")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/search/votes?q=a&body=XX")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/search/votes.csv?q=a&bom=2")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/search/votes?q=")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

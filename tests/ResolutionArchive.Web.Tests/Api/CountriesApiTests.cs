using System.Net;
using System.Text.Json;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

public sealed class CountriesApiTests : OwnSiteTests
{
    [Fact]
    public async Task ListsEveryStateOfTheRegistryWithItsCodesNamesRegionAndRecordedVotes()
    {
        var (response, root) = await GetJsonAsync("/api/countries");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        root.GetProperty("total").GetInt32().Should().Be(195);
        root.GetProperty("recordedVotes").GetInt32().Should().Be(3);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCount(195);
        items.Select(i => i.GetProperty("iso3").GetString()).Should().Equal(CountryRegistry.Default.Countries.Select(c => c.Iso3));
        items.Where(i => !i.GetProperty("memberState").GetBoolean()).Select(i => i.GetProperty("iso3").GetString())
            .Should().BeEquivalentTo("VAT", "PSE");
        items.Should().OnlyContain(i => i.GetProperty("region").ValueKind == JsonValueKind.Object && i.GetProperty("subregion").ValueKind == JsonValueKind.Object);

        var chn = items.Single(i => i.GetProperty("iso3").GetString() == "CHN");
        chn.GetProperty("iso2").GetString().Should().Be("CN");
        chn.GetProperty("m49").GetString().Should().Be("156");
        chn.GetProperty("nameZh").GetString().Should().Be("中国");
        chn.GetProperty("nameEn").GetString().Should().Be("China");
        chn.GetProperty("aliasesZh").EnumerateArray().Select(a => a.GetString()).Should().Equal("中华人民共和国");
        chn.GetProperty("memberState").GetBoolean().Should().BeTrue();
        chn.GetProperty("region").GetProperty("m49").GetString().Should().Be("142");
        chn.GetProperty("region").GetProperty("nameZh").GetString().Should().Be("亚洲");
        chn.GetProperty("region").GetProperty("nameEn").GetString().Should().Be("Asia");
        chn.GetProperty("subregion").GetProperty("m49").GetString().Should().Be("030");
        chn.GetProperty("subregion").GetProperty("nameEn").GetString().Should().Be("Eastern Asia");
        chn.GetProperty("recordedVotes").GetInt32().Should().Be(3);
        chn.GetProperty("url").GetString().Should().Be("/countries/CHN");
        chn.GetProperty("votesUrl").GetString().Should().Be("/api/countries/CHN/votes");

        var usa = items.Single(i => i.GetProperty("iso3").GetString() == "USA");
        usa.GetProperty("recordedVotes").GetInt32().Should().Be(2);
        var vat = items.Single(i => i.GetProperty("iso3").GetString() == "VAT");
        vat.GetProperty("recordedVotes").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task EveryListedVotesUrlAnswers200()
    {
        var (_, root) = await GetJsonAsync("/api/countries");

        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            var url = item.GetProperty("votesUrl").GetString()!;
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task GivesAStatesPartInEveryRecordedVoteWithItsTotals()
    {
        var (response, root) = await GetJsonAsync("/api/countries/USA/votes");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        root.GetProperty("country").GetProperty("iso3").GetString().Should().Be("USA");
        root.GetProperty("country").GetProperty("nameZh").GetString().Should().Be("美利坚合众国");
        root.GetProperty("filters").GetProperty("body").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("filters").GetProperty("year").ValueKind.Should().Be(JsonValueKind.Null);

        var votes = root.GetProperty("votes").EnumerateArray().ToList();
        votes.Select(v => v.GetProperty("key").GetString()).Should().Equal("A/HRC/RES/37/23", "A/HRC/RES/46/13", "A/HRC/RES/53/11");
        votes.Select(v => v.GetProperty("vote").GetString()).Should().Equal("no", "not-listed", "no");
        var hrc46 = votes[1];
        hrc46.GetProperty("symbol").GetString().Should().Be("A/HRC/RES/46/13");
        hrc46.GetProperty("number").GetString().Should().Be("46/13");
        hrc46.GetProperty("body").GetString().Should().Be("HRC");
        hrc46.GetProperty("session").GetInt32().Should().Be(46);
        hrc46.GetProperty("date").GetString().Should().Be("2021-03-23");
        hrc46.GetProperty("title").GetString().Should().Be("在人权领域促进合作共赢");
        hrc46.GetProperty("majority").GetString().Should().Be("yes");
        hrc46.GetProperty("counts").GetProperty("yes").GetInt32().Should().Be(26);
        hrc46.GetProperty("counts").GetProperty("no").GetInt32().Should().Be(15);
        hrc46.GetProperty("counts").GetProperty("abstain").GetInt32().Should().Be(6);
        hrc46.GetProperty("url").GetString().Should().Be("/resolutions/A/HRC/RES/46/13");

        var totals = root.GetProperty("totals");
        totals.GetProperty("votes").GetInt32().Should().Be(3);
        totals.GetProperty("inFavour").GetInt32().Should().Be(0);
        totals.GetProperty("against").GetInt32().Should().Be(2);
        totals.GetProperty("abstaining").GetInt32().Should().Be(0);
        totals.GetProperty("absent").GetInt32().Should().Be(0);
        totals.GetProperty("notListed").GetInt32().Should().Be(1);
        totals.GetProperty("cast").GetInt32().Should().Be(2);
        totals.GetProperty("withMajority").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task ChinaVotedYesOnEveryRecordedSeedVote()
    {
        var (_, root) = await GetJsonAsync("/api/countries/CHN/votes");

        root.GetProperty("votes").EnumerateArray().Select(v => v.GetProperty("vote").GetString()).Should().Equal("yes", "yes", "yes");
        root.GetProperty("totals").GetProperty("inFavour").GetInt32().Should().Be(3);
        root.GetProperty("totals").GetProperty("withMajority").GetInt32().Should().Be(3);
    }

    [Theory]
    [InlineData("usa")]
    [InlineData("Usa")]
    public async Task ReadsTheCodeInAnyLetterCase(string iso3)
    {
        var (response, root) = await GetJsonAsync($"/api/countries/{iso3}/votes");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        root.GetProperty("country").GetProperty("iso3").GetString().Should().Be("USA");
        root.GetProperty("votes").GetArrayLength().Should().Be(3);
    }

    [Theory]
    [InlineData("body=HRC", 3, null)]
    [InlineData("body=hrc", 3, null)]
    [InlineData("body=GA", 0, null)]
    [InlineData("year=2021", 1, "A/HRC/RES/46/13")]
    [InlineData("body=HRC&year=2023", 1, "A/HRC/RES/53/11")]
    [InlineData("year=2022", 0, null)]
    [InlineData("year=&body=", 3, null)]
    public async Task FiltersByBodyAndYear(string query, int count, string? only)
    {
        var (response, root) = await GetJsonAsync($"/api/countries/CHN/votes?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, query);
        var votes = root.GetProperty("votes").EnumerateArray().ToList();
        votes.Should().HaveCount(count, query);
        root.GetProperty("totals").GetProperty("votes").GetInt32().Should().Be(count);
        if (only is not null)
        {
            votes.Single().GetProperty("key").GetString().Should().Be(only);
        }
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("CN")]
    [InlineData("CHINA")]
    [InlineData("156")]
    public async Task AnswersAProblemDocumentForAnUnknownCode(string iso3)
    {
        var (response, root) = await GetJsonAsync($"/api/countries/{iso3}/votes");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, iso3);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        root.GetProperty("status").GetInt32().Should().Be(404);
        root.GetProperty("detail").GetString().Should().Contain(iso3);
    }

    [Theory]
    [InlineData("year=abc", "year")]
    [InlineData("year=20x1", "year")]
    [InlineData("year=1800", "year")]
    [InlineData("year=99999", "year")]
    [InlineData("year=-2021", "year")]
    [InlineData("year=2021&year=2023", "year")]
    [InlineData("body=UNGA", "body")]
    [InlineData("body=HRC,GA", "body")]
    public async Task AnswersAProblemDocumentForAnUnreadableFilter(string query, string parameter)
    {
        var (response, root) = await GetJsonAsync($"/api/countries/CHN/votes?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        root.GetProperty("status").GetInt32().Should().Be(400);
        root.GetProperty("detail").GetString().Should().StartWith(parameter);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesBothCountryEndpointsAndTheCsv()
    {
        var (_, root) = await GetJsonAsync("/openapi/v1.json");

        var paths = root.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().Contain(["/api/countries", "/api/countries/{iso3}/votes", "/data/votes.csv"]);
        var csv = paths.GetProperty("/data/votes.csv").GetProperty("get");
        csv.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Equal("text/csv");
        csv.GetProperty("description").GetString().Should().Contain("bom=1").And.Contain("resolution");
        var list = paths.GetProperty("/api/countries").GetProperty("get");
        list.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        var votes = paths.GetProperty("/api/countries/{iso3}/votes").GetProperty("get");
        votes.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        votes.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "404"]);
        var parameters = votes.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters.Keys.Should().BeEquivalentTo("iso3", "body", "year");
        parameters["year"].GetProperty("schema").GetProperty("type").GetString().Should().Be("integer");
    }

    private async Task<(HttpResponseMessage Response, JsonElement Root)> GetJsonAsync(string url)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}

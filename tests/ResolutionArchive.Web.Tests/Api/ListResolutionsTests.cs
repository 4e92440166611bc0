using System.Net;
using System.Text.Json;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

public sealed class ListResolutionsTests : OwnSiteTests
{
    [Fact]
    public async Task ListsTheFiveSeedsNewestFirstWithTheirFields()
    {
        var (response, root) = await GetJsonAsync("/api/resolutions");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        root.GetProperty("total").GetInt32().Should().Be(5);
        root.GetProperty("page").GetInt32().Should().Be(1);
        root.GetProperty("pageSize").GetInt32().Should().Be(100);
        root.GetProperty("pageCount").GetInt32().Should().Be(1);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("number").GetString()).Should().Equal("53/11", "76/159", "46/13", "37/23", "43/...");

        var hrc = items[2];
        hrc.GetProperty("key").GetString().Should().Be("A/HRC/RES/46/13");
        hrc.GetProperty("symbol").GetString().Should().Be("A/HRC/RES/46/13");
        hrc.GetProperty("body").GetString().Should().Be("HRC");
        hrc.GetProperty("session").GetInt32().Should().Be(46);
        hrc.GetProperty("title").GetString().Should().Be("在人权领域促进合作共赢");
        hrc.GetProperty("adoptionDate").GetString().Should().Be("2021-03-23");
        hrc.GetProperty("status").GetString().Should().Be("adopted");
        hrc.GetProperty("url").GetString().Should().Be("/resolutions/A/HRC/RES/46/13");

        var ga = items[1];
        ga.GetProperty("symbol").GetString().Should().Be("A/RES/76/159");
        ga.GetProperty("body").GetString().Should().Be("GA");
        ga.GetProperty("adoptionDate").GetString().Should().Be("2021-12-16");

        var draft = items[4];
        draft.GetProperty("symbol").ValueKind.Should().Be(JsonValueKind.Null);
        draft.GetProperty("status").GetString().Should().Be("draft");
        draft.GetProperty("adoptionDate").ValueKind.Should().Be(JsonValueKind.Null);
        draft.GetProperty("key").GetString().Should().StartWith("HRC/43/draft/");
        draft.GetProperty("url").GetString().Should().Be("/resolutions/" + draft.GetProperty("key").GetString());
    }

    [Fact]
    public async Task EveryListedUrlAndKeyAnswers200()
    {
        var (_, root) = await GetJsonAsync("/api/resolutions");

        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            var url = item.GetProperty("url").GetString()!;
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);
            var api = $"/api/resolutions/{item.GetProperty("key").GetString()}";
            (await client.GetAsync(api)).StatusCode.Should().Be(HttpStatusCode.OK, api);
        }
    }

    [Fact]
    public async Task PagesThroughEveryRecordWithoutOverlapInTheDocumentedOrder()
    {
        await SeedCopies.ImportAsync(App, 101);

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 3; page++)
        {
            var (response, root) = await GetJsonAsync($"/api/resolutions?page={page}&pageSize=50");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            root.GetProperty("total").GetInt32().Should().Be(106);
            root.GetProperty("page").GetInt32().Should().Be(page);
            root.GetProperty("pageSize").GetInt32().Should().Be(50);
            root.GetProperty("pageCount").GetInt32().Should().Be(3);
            pages.Add(root);
        }

        pages.Select(p => p.GetProperty("items").GetArrayLength()).Should().Equal(50, 50, 6);
        var items = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        items.Select(i => i.GetProperty("key").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(106);
        var order = items.Select(i => (Date: i.GetProperty("adoptionDate").GetString(), Number: i.GetProperty("number").GetString()!)).ToList();
        order.Select(o => o.Date ?? "").Should().BeInDescendingOrder(StringComparer.Ordinal);
        foreach (var sameDay in order.GroupBy(o => o.Date))
        {
            sameDay.Select(o => o.Number).Should().BeInAscendingOrder(StringComparer.Ordinal);
        }

        items[^1].GetProperty("status").GetString().Should().Be("draft");
        var (_, all) = await GetJsonAsync("/api/resolutions?pageSize=500");
        all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString())
            .Should().Equal(items.Select(i => i.GetProperty("key").GetString()));
        var (_, past) = await GetJsonAsync("/api/resolutions?page=4&pageSize=50");
        past.GetProperty("items").GetArrayLength().Should().Be(0);
        past.GetProperty("total").GetInt32().Should().Be(106);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page=1.5")]
    [InlineData("page=+2")]
    [InlineData("page=%201")]
    [InlineData("page=99999999999999999999")]
    [InlineData("page=2147483648")]
    [InlineData("page=1&page=2")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=-5")]
    [InlineData("pageSize=501")]
    [InlineData("pageSize=abc")]
    [InlineData("pageSize=1e3")]
    [InlineData("pageSize=99999999999999999999")]
    public async Task AnswersAProblemDocumentGivenAnInvalidPagingValue(string query)
    {
        var (response, root) = await GetJsonAsync($"/api/resolutions?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        root.GetProperty("status").GetInt32().Should().Be(400);
        root.GetProperty("detail").GetString().Should().Contain(query.StartsWith("pageSize", StringComparison.Ordinal) ? "pageSize" : "page");
    }

    [Theory]
    [InlineData("page=999999", 0)]
    [InlineData("page=2147483647&pageSize=500", 0)]
    [InlineData("page=", 5)]
    [InlineData("pageSize=", 5)]
    [InlineData("pageSize=500", 5)]
    [InlineData("pageSize=1&page=5", 1)]
    [InlineData("pageSize=2&page=3", 1)]
    public async Task AnswersAPageGivenValidExtremeValues(string query, int count)
    {
        var (response, root) = await GetJsonAsync($"/api/resolutions?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, query);
        root.GetProperty("items").GetArrayLength().Should().Be(count, query);
        root.GetProperty("total").GetInt32().Should().Be(5);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Root)> GetJsonAsync(string url)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}

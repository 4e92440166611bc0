using System.Net;
using System.Text.Json;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

public sealed class GetResolutionTests : OwnSiteTests
{
    [Fact]
    public async Task Answers76159AsTheBytesResolutionJsonWritesForTheParsedSeed003()
    {
        var seed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "003_*.txt").Single();
        var parsed = ResolutionTextParser.Parse(File.ReadAllBytes(seed), seed).Resolution!;
        parsed.Symbol.Should().Be("A/RES/76/159");
        using var client = App.CreateClient();

        var response = await client.GetAsync("/api/resolutions/A/RES/76/159");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Should().Equal(System.Text.Encoding.UTF8.GetBytes(ResolutionJson.Serialize(parsed)));
    }

    [Fact]
    public async Task AnswersEverySeedIncludingTheDraftByItsKeyInTheJsonFormat()
    {
        using var client = App.CreateClient();
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            var parsed = ResolutionTextParser.Parse(File.ReadAllBytes(seed), seed).Resolution!;
            var url = $"/api/resolutions/{ResolutionMapper.KeyOf(parsed)}";

            var response = await client.GetAsync(url);

            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            var json = await response.Content.ReadAsStringAsync();
            json.Should().Be(ResolutionJson.Serialize(parsed), url);
            ResolutionJson.Serialize(ResolutionJson.Deserialize(json)).Should().Be(json, url);
        }
    }

    [Fact]
    public async Task Answers4613WithItsVoteAndClauses()
    {
        using var client = App.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/resolutions/A/HRC/RES/46/13"));

        var root = document.RootElement;
        root.GetProperty("symbol").GetString().Should().Be("A/HRC/RES/46/13");
        root.GetProperty("body").GetString().Should().Be("HRC");
        root.GetProperty("preamble").GetArrayLength().Should().Be(17);
        root.GetProperty("operative").GetArrayLength().Should().Be(8);
        root.GetProperty("vote").GetProperty("yesCount").GetInt32().Should().Be(26);
    }

    [Fact]
    public async Task RedirectsANumberThatNamesOneRecordToItsKey()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/resolutions/76/159");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be("/api/resolutions/A/RES/76/159");
    }

    [Theory]
    [InlineData("/api/resolutions/A/RES/99/999")]
    [InlineData("/api/resolutions/A/HRC/RES/46/13/extra")]
    [InlineData("/api/resolutions/HRC/43/draft/00000000")]
    [InlineData("/api/resolutions/%E4%B8%AD%E6%96%87")]
    [InlineData("/api/resolutions/A%2FRES%2F99%2F999")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/")]
    public async Task AnswersAProblemDocumentGivenAnUnknownKey(string url)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", url);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(404);
        problem.RootElement.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
    }
}

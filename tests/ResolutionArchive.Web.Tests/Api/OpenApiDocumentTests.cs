using System.Net;
using System.Text.Json;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

public sealed class OpenApiDocumentTests : OwnSiteTests
{
    [Fact]
    public async Task DescribesEveryJsonEndpointInAnOpenApi3Document()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        root.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = root.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "/api/resolutions", "/api/resolutions/{symbol}", "/api/resolutions/{symbol}.akn.xml", "/api/search", "/api/search/votes", "/api/countries", "/api/countries/{iso3}/votes", "/data/votes.csv");
        paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name} {p.Name}")).Should().AllSatisfy(
            operation => operation.Should().StartWith("get ", "HEAD is answered but not described twice"));

        var list = paths.GetProperty("/api/resolutions").GetProperty("get");
        list.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        list.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400"]);
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters.Keys.Should().BeEquivalentTo("page", "pageSize");
        parameters["pageSize"].GetProperty("schema").GetProperty("type").GetString().Should().Be("integer");
        parameters["pageSize"].GetProperty("schema").GetProperty("maximum").GetInt32().Should().Be(500);

        var one = paths.GetProperty("/api/resolutions/{symbol}").GetProperty("get");
        one.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        one.GetProperty("parameters").EnumerateArray().Single().GetProperty("in").GetString().Should().Be("path");
        var responses = one.GetProperty("responses");
        responses.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Contain("application/json");
        responses.GetProperty("404").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Contain("application/problem+json");

        var akn = paths.GetProperty("/api/resolutions/{symbol}.akn.xml").GetProperty("get");
        akn.GetProperty("summary").GetString().Should().NotBeNullOrEmpty();
        akn.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Should().Equal("application/akn+xml");
        var problemSchema = akn.GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
        problemSchema.Should().Be("#/components/schemas/ProblemDetails");
        root.GetProperty("components").GetProperty("schemas").TryGetProperty("ProblemDetails", out _).Should().BeTrue();
    }
}

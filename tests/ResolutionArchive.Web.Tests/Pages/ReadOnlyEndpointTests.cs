using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>Only GET and HEAD: the site has no endpoint that writes (docs/operations.md).</summary>
public sealed class ReadOnlyEndpointTests : IDisposable
{
    private static readonly string[] ReadMethods = ["GET", "HEAD"];

    private readonly ArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void EveryMappedEndpointAcceptsOnlyGetAndHead()
    {
        _ = _app.Server;
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Select(e => e.RoutePattern.RawText).Should().Contain(
            ["search", "resolutions/{**key}", "countries/{iso3}", "/api/search", "/data/votes.csv", "/healthz", "/language", "/api/{**rest}", "/openapi/{documentName}.json", "Error"],
            "the pages, the API, the open data, the health check, the language switch and the error page are all listed");
        var offending = endpoints
            .Select(e => (Pattern: e.RoutePattern.RawText, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is null || e.Methods.Count == 0 || e.Methods.Except(ReadMethods, StringComparer.OrdinalIgnoreCase).Any())
            .Select(e => $"{e.Pattern}: {(e.Methods is null ? "any method" : string.Join(", ", e.Methods))}")
            .ToList();
        offending.Should().BeEmpty();
    }

    public static TheoryData<string, string> Writes()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH" })
        {
            foreach (var url in new[]
            {
                "/", "/search?q=%E4%BA%BA%E6%9D%83", "/resolutions/A/HRC/RES/53/11", "/countries/CHN", "/Error",
                "/api/resolutions", "/api/resolutions/A/HRC/RES/53/11", "/api/search?q=x", "/api/no-such-endpoint",
                "/data/votes.csv", "/healthz", "/language?culture=en", "/css/site.css", "/no-such-page",
            })
            {
                data.Add(method, url);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task AWriteMethodIsRefusedWith405Or404(string method, string url)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") };

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().BeOneOf([HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound], $"{method} {url}");
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/resolutions/A/HRC/RES/53/11")]
    [InlineData("/search?q=%E4%BA%BA%E6%9D%83")]
    [InlineData("/css/site.css")]
    [InlineData("/healthz")]
    [InlineData("/api/resolutions")]
    [InlineData("/api/resolutions/A/HRC/RES/53/11")]
    [InlineData("/api/search?q=%E4%BA%BA%E6%9D%83")]
    [InlineData("/api/countries/CHN/votes")]
    [InlineData("/data/votes.csv")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/language?culture=en&returnUrl=%2Fsessions")]
    public async Task HeadIsAnsweredLikeGet(string url)
    {
        // issue 14 item 9: every endpoint, the OpenAPI document and the language switch included, answers HEAD as GET
        using var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var get = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Head, url);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(get.StatusCode).And.BeOneOf(HttpStatusCode.OK, HttpStatusCode.Found);
        response.Headers.Location.Should().Be(get.Headers.Location);
        response.Headers.Contains("Content-Security-Policy").Should().BeTrue();
    }
}

using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// A symbol sent as one percent-encoded segment, as an OpenAPI client generated from the document sends it, reaches the
/// same record on every route that takes one (issue 17); and the 404 page offers a search and, for a symbol the archive
/// does not hold, the UN's own document.
/// </summary>
public sealed class EncodedSymbolAndNotFoundTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    [Theory]
    [InlineData("/resolutions/A%2FRES%2F76%2F159", "text/html")]
    [InlineData("/resolutions/A%2fHRC%2fRES%2f46%2f13", "text/html")]
    [InlineData("/api/resolutions/A%2FRES%2F76%2F159", "application/json")]
    [InlineData("/api/resolutions/A%2FRES%2F76%2F159.akn.xml", "application/akn+xml")]
    [InlineData("/compare/A%2FHRC%2FRES%2F37%2F23/A%2FHRC%2FRES%2F46%2F13", "text/html")]
    public async Task AnEncodedSymbolIsTheSameRecord(string url, string mediaType)
    {
        using var client = archive.App.CreateClient();
        var encoded = await client.GetAsync(url);
        var plain = await client.GetAsync(url.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));

        encoded.StatusCode.Should().Be(HttpStatusCode.OK, url);
        encoded.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await encoded.Content.ReadAsStringAsync()).Length.Should().Be((await plain.Content.ReadAsStringAsync()).Length, "the same answer as the slashed form");
    }

    [Fact]
    public async Task TheNotFoundPageOfAnUnknownSymbolLinksTheUnsDocumentAndOffersASearch()
    {
        var (response, document) = await archive.App.GetDocumentAsync("/resolutions/A/RES/99/999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        document.QuerySelectorAll("#not-found-official a").Select(a => a.GetAttribute("href")).Should()
            .Equal("https://undocs.org/zh/A/RES/99/999", "https://undocs.org/en/A/RES/99/999");
        var form = document.GetElementById("not-found-search")!;
        form.GetAttribute("action").Should().Be("/search");
        form.QuerySelector("input[name=q]").Should().NotBeNull();
    }

    [Theory]
    [InlineData("/resolutions/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/no-such-page")]
    public async Task AnythingElseGetsTheSearchButNoLinkOut(string url)
    {
        var (response, document) = await archive.App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        document.GetElementById("not-found-official").Should().BeNull();
        document.GetElementById("not-found-search").Should().NotBeNull();
        document.QuerySelectorAll("script").Should().OnlyContain(s => (s.GetAttribute("src") ?? "").StartsWith("/js/", StringComparison.Ordinal));
    }
}

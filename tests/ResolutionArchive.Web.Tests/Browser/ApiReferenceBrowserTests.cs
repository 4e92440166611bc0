using Microsoft.Playwright;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// The rendered API reference (issue 17): Swagger UI, served from its package, draws every operation of
/// <c>/openapi/v1.json</c> under the site's own Content-Security-Policy (no inline script or style is allowed, and a
/// blocked one shows as a console error), and the footer of every page leads to it.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ApiReferenceBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheFooterLeadsToTheReferenceWhichDrawsEveryOperationUnderTheSitesPolicy()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, errors) = await fixture.NewPageAsync(1280, 900);
        await page.GotoAsync(fixture.BaseUrl + "/");

        await page.ClickAsync("#api-reference-link");
        await page.WaitForSelectorAsync(".opblock-summary-path");

        var paths = await page.Locator(".opblock-summary-path").AllTextContentsAsync();
        paths.Select(p => p.Replace("\u200b", "", StringComparison.Ordinal).Trim()).Should().Contain(
            ["/api/resolutions", "/api/resolutions/{symbol}", "/api/search", "/api/search/votes", "/api/countries/{iso3}/votes", "/data/votes.csv"]);
        (await page.TitleAsync()).Should().Be("ResolutionArchive API");
        errors.Should().BeEmpty("nothing the reference needs is refused by the Content-Security-Policy");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "api-reference-1280.png") });
        await page.CloseAsync();
    }
}

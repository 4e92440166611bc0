using Microsoft.Playwright;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// A long resolution in pages (docs/browse.md "Long documents") in real Chromium: a link to a paragraph made without its
/// page lands on the page that holds it, and the pager walks the pages.
/// </summary>
public sealed class LongDocumentBrowserTests(LongDocumentBrowserTests.LongDocumentFixture fixture) : IClassFixture<LongDocumentBrowserTests.LongDocumentFixture>
{
    /// <summary>The seeds and 46/2000, seed 000 with 2,500 more preambular paragraphs: three pages.</summary>
    public sealed class LongDocumentFixture(Chromium chromium) : BrowserFixture(chromium)
    {
        protected override Task ArrangeAsync(ArchiveApplication app) => SeedCopies.ImportLongAsync(app, 2000, 2_500);
    }

    [Fact]
    public async Task ALinkToAParagraphOnALaterPageLandsOnThatPageAtTheParagraph()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, errors) = await fixture.NewPageAsync(390, 844);

        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/2000#op3");
        await page.ArriveAsync("/resolutions/A/HRC/RES/46/2000?page=3#op3");

        var paragraph = page.Locator("#op3");
        (await paragraph.EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();
        (await paragraph.IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("nav.document-pages a[aria-current=page]").First.InnerTextAsync()).Should().Be("3");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "long-document-page-3-390.png") });

        await page.Locator("nav.document-pages a[rel=prev]").First.ClickAsync();
        await page.ArriveAsync("/resolutions/A/HRC/RES/46/2000?page=2");
        (await page.Locator(".preamble .clause").First.GetAttributeAsync("id")).Should().Be("pp1001");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "long-document-page-2-390.png") });
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task AMiddlePageHasNoAxeViolations()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var missing = AccessibilityTests.AxeMissingReason();
        CiEnvironment.SkipWith(missing);
        var page = await fixture.Browser!.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/2000?page=2");

        var (passes, violations) = await AccessibilityTests.RunAxeAsync(page);

        passes.Should().BeGreaterThan(10, "axe really ran");
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task ALinkToAParagraphOnTheFirstPageStaysThere()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var page = await fixture.Browser!.NewPageAsync();

        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/2000#pp5");

        page.Url.Should().EndWith("/resolutions/A/HRC/RES/46/2000#pp5");
        (await page.Locator("#pp5").EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();
    }
}

using Microsoft.Playwright;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>A reader's path through the site in real Chromium.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ReadingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OpensTheHomePageClicksThrough5311AndFollowsAFootnoteMarker()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, errors) = await fixture.NewPageAsync(1280, 900);

        await page.GotoAsync($"{fixture.BaseUrl}/");
        (await page.TitleAsync()).Should().Contain("全部决议");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "A/HRC/RES/53/11", Exact = true }).ClickAsync();
        await page.ArriveAsync("/resolutions/A/HRC/RES/53/11");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("53/11 加强人权领域的国际合作");

        await page.Locator("#op20 a.fnref").ClickAsync();
        await page.ArriveAsync("/resolutions/A/HRC/RES/53/11#fn4");
        page.Url.Should().EndWith("#fn4");
        var footnote = page.Locator("#fn4");
        (await footnote.IsVisibleAsync()).Should().BeTrue();
        (await footnote.InnerTextAsync()).Should().Contain("A/HRC/52/80。");
        (await footnote.EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "resolution-53-11-footnote.png") });

        await footnote.Locator("a.backref").ClickAsync();
        await page.ArriveAsync("/resolutions/A/HRC/RES/53/11#ref-op20-4");
        page.Url.Should().EndWith("#ref-op20-4");
        (await page.Locator("#op20").IsVisibleAsync()).Should().BeTrue();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task FollowsTheReferenceIn5311Paragraph36ToTheCitedResolutionAndSeesItCitedBack()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var page = await fixture.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/53/11#op36");

        await page.Locator("#op36 a", new() { HasText = "76/159" }).ClickAsync();
        await page.ArriveAsync("/resolutions/A/RES/76/159");

        (await page.Locator("h1").InnerTextAsync()).Should().Be("76/159 增进人权领域的国际合作");
        var citedBy = page.Locator("a[href$='/resolutions/A/HRC/RES/53/11#op36']");
        (await citedBy.CountAsync()).Should().Be(1, "the cited page lists 53/11 ¶36 as citing it");
        await citedBy.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "resolution-76-159-cited-by.png") });

        await citedBy.ClickAsync();
        await page.ArriveAsync("/resolutions/A/HRC/RES/53/11#op36");
        (await page.Locator("#op36").EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();
    }

    [Fact]
    public async Task APermalinkClickCopiesTheParagraphsFullUrl()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/13");

        await page.Locator("#op3 > a.permalink").ClickAsync();

        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        copied.Should().Be($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/13#op3");
        page.Url.Should().EndWith("#op3");
    }

    [Fact]
    public async Task SwitchesTo5311InEnglishAndStaysOnThePage()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/53/11");
        (await page.Locator("#vote-heading").InnerTextAsync()).Should().Be("表决记录");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        // the switch goes through /language and back to the same address: what changes is the page's language
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en", new() { Timeout = Arrival.Timeout });
        await page.ArriveAsync("/resolutions/A/HRC/RES/53/11");

        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("en");
        (await page.Locator("#vote-heading").InnerTextAsync()).Should().Be("Voting record");
        (await page.Locator("#preamble-heading").InnerTextAsync()).Should().Be("Preamble");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("53/11 加强人权领域的国际合作", "the document text stays Chinese");
        (await page.Locator("#language-switch").InnerTextAsync()).Should().Be("中文");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "resolution-53-11-english.png"), FullPage = true });

        // The cookie keeps English on the next page; the switch back returns to Chinese.
        await page.GotoAsync($"{fixture.BaseUrl}/");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("All resolutions");
        await page.Locator("#language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans", new() { Timeout = Arrival.Timeout });
        await page.ArriveAsync($"{fixture.BaseUrl}/");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("全部决议");
    }

    [Fact]
    public async Task TheKeyboardReachesTheSkipLinkFirstAndThenTheDocument()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var page = await fixture.Browser!.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/53/11");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).Should().Be("skip-link");
        await page.Keyboard.PressAsync("Enter");
        // the fragment navigation completes asynchronously: on a loaded machine the URL was read before it did
        await page.ArriveAsync("#main");
        page.Url.Should().EndWith("#main");

        // every link of the page can be reached with Tab: none is taken out of the order
        (await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a[href]')].filter(a => a.tabIndex < 0).length")).Should().Be(0);
    }

    [Fact]
    public async Task PrintsTheDocumentWithoutTheSitesControls()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var page = await fixture.Browser!.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/53/11");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var hidden in new[] { ".site-header nav", ".skip-link", "a.permalink", "a.backref", ".language" })
        {
            (await page.Locator(hidden).First.IsVisibleAsync()).Should().BeFalse($"{hidden} is not printed");
        }

        (await page.Locator("#op36").IsVisibleAsync()).Should().BeTrue();
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "resolution-53-11-print.pdf") });
        pdf.Length.Should().BeGreaterThan(10_000);
    }
}

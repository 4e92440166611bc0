using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>A reader searching the archive in real Chromium (docs/search.md).</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SearchesFromTheHeaderSeesMarkedGroupedResultsAndOpensAHit()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, errors) = await fixture.NewPageAsync(1280, 900);

        await page.GotoAsync($"{fixture.BaseUrl}/");
        await page.Locator(".site-header nav").GetByRole(AriaRole.Link, new() { Name = "全文搜索", Exact = true }).ClickAsync();
        await page.ArriveAsync($"{fixture.BaseUrl}/search");
        (await page.TitleAsync()).Should().Be("全文搜索 · 联合国决议档案");
        (await page.Locator("#search-syntax").GetAttributeAsync("open")).Should().NotBeNull("the syntax help is open before a search");

        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "查找" });
        await box.FillAsync("人权");
        await box.PressAsync("Enter");
        await page.ArriveAsync(new Regex("/search\\?q=%E4%BA%BA%E6%9D%83&")); // the form sends its empty filters too

        (await page.TitleAsync()).Should().Be("搜索：人权 · 联合国决议档案");
        (await page.Locator(".search-summary").InnerTextAsync()).Should().MatchRegex("找到 \\d+ 个段落，分属 5 项决议。");
        var groups = page.Locator("ol.search-results.grouped > li.search-group");
        (await groups.CountAsync()).Should().Be(5, "人权 is in every seed");
        var marks = page.Locator("ol.search-results mark");
        (await marks.CountAsync()).Should().BeGreaterThanOrEqualTo(5);
        (await marks.AllInnerTextsAsync()).Should().AllBe("人权");
        (await marks.First.IsVisibleAsync()).Should().BeTrue();

        // A mark stands out by more than its colour: it is bold on a yellow ground.
        var style = await marks.First.EvaluateAsync<string[]>("m => { const s = getComputedStyle(m); return [s.backgroundColor, s.fontWeight]; }");
        style[0].Should().NotBe("rgba(0, 0, 0, 0)", "a mark has a background");
        int.Parse(style[1], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(600, "a mark is bold");

        // The Chinese text is drawn with a CJK font, not as boxes: 人 is about as wide as the font size.
        var width = await marks.First.EvaluateAsync<double>("m => { const r = document.createRange(); r.setStart(m.firstChild, 0); r.setEnd(m.firstChild, 1); return r.getBoundingClientRect().width / parseFloat(getComputedStyle(m).fontSize); }");
        width.Should().BeInRange(0.8, 1.2);

        // The search box is one line: as tall as the button beside it, and wide.
        var boxSize = await box.BoundingBoxAsync();
        var buttonSize = await page.Locator("form.search button[type=submit]").BoundingBoxAsync();
        boxSize!.Height.Should().BeLessThan(buttonSize!.Height * 1.5f, "the box is a single line");
        boxSize.Width.Should().BeGreaterThan(300);
        boxSize.Y.Should().BeApproximately(buttonSize.Y, 8, "the button is beside the box");

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsFolder, "search-renquan.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = 1400 },
        });

        var hit = groups.First.Locator("ul.hits a.hit-label").First;
        var href = (await hit.GetAttributeAsync("href"))!;
        href.Should().MatchRegex("^/resolutions/.+#(pp|op|fn)[-\\w]+$");
        var anchor = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
        await hit.ClickAsync();
        await page.ArriveAsync($"{fixture.BaseUrl}{href}");

        (await page.EvaluateAsync<string>("() => location.hash")).Should().Be("#" + anchor);
        var target = page.Locator($"[id='{anchor}']");
        (await target.CountAsync()).Should().Be(1);
        (await target.IsVisibleAsync()).Should().BeTrue();
        (await target.EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();
        (await target.InnerTextAsync()).Should().Contain("人权");
        (await target.EvaluateAsync<double>("e => e.getBoundingClientRect().top")).Should().BeInRange(-1, 900, "the browser scrolled to the paragraph");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "search-renquan-hit.png") });
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task NarrowsASearchWithTheFormsFiltersAndSwitchesToTheFlatList()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var page = await fixture.Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync($"{fixture.BaseUrl}/search?q=%E4%BA%BA%E6%9D%83");

        await page.Locator("details.filters > summary").ClickAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "机构", Exact = true }).SelectOptionAsync("GA");
        await page.GetByRole(AriaRole.Radio, new() { Name = "逐段列出" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await page.ArriveAsync(new Regex("[?&]body=GA(&|$)"));

        var hits = page.Locator("ol.search-results.flat > li.search-hit a.hit-label");
        (await hits.CountAsync()).Should().BeGreaterThan(0);
        (await hits.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).Should().AllSatisfy(h => h.Should().StartWith("/resolutions/A/RES/76/159#"));
        (await page.Locator("#search-body").InputValueAsync()).Should().Be("GA");

        // the view switch goes back to the grouped list, keeping the filter
        await page.Locator(".view-switch a").ClickAsync();
        await page.ArriveAsync("/search?q=%E4%BA%BA%E6%9D%83&body=GA");
        (await page.Locator("li.search-group h2 a").AllInnerTextsAsync()).Should().Equal("A/RES/76/159");
    }
}

using Microsoft.Playwright;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>The compare view (docs/lineage.md §4) in real Chromium: the marks are visible without colour, and a screenshot.</summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class CompareBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Opens3723Against4613AndSeesTheChangesMarkedByLineAsWellAsColour()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, errors) = await fixture.NewPageAsync(1280, 1000);

        await page.GotoAsync($"{fixture.BaseUrl}/compare/A/HRC/RES/37/23/A/HRC/RES/46/13");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("比较 A/HRC/RES/37/23 与 A/HRC/RES/46/13");
        (await page.Locator("#summary-preamble").InnerTextAsync()).Should().Be("序言部分：相同 4，修改 7，移动 1，新增 5，删除 3");

        // A changed row: 37/23 op4 → 46/13 op5. What is seen is the text, the hidden words are not.
        var deleted = page.Locator("#a-op4 del");
        var inserted = page.Locator("#b-op5 ins");
        const string Marked = "e => [...e.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('')";
        (await deleted.EvaluateAsync<string>(Marked)).Should().Be("的");
        (await inserted.EvaluateAsync<string>(Marked)).Should().Be("的重要性");
        (await deleted.InnerTextAsync()).Should().Contain("（删除开始）", "a screen reader hears what the mark means");
        (await deleted.IsVisibleAsync()).Should().BeTrue();
        (await inserted.IsVisibleAsync()).Should().BeTrue();
        (await deleted.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine")).Should().Contain("line-through");
        (await inserted.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine")).Should().Contain("underline");
        (await deleted.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).Should().NotBe(
            await inserted.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        (await page.Locator("#b-op5 ins .visually-hidden").First.EvaluateAsync<double>("e => e.getBoundingClientRect().width")).Should().BeLessThanOrEqualTo(1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "compare-37-23-46-13.png") });
        await page.Locator("#operative").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "compare-37-23-46-13-operative.png") });

        // The label of a paragraph leads to it on its resolution's page.
        await page.Locator("#a-op4 a.paragraph-label").ClickAsync();
        await page.ArriveAsync("/resolutions/A/HRC/RES/37/23#op4");
        (await page.Locator("#op4").EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();

        // A link from a resolution page to one row of the view lands on that row.
        await page.GotoAsync($"{fixture.BaseUrl}/compare/A/HRC/RES/37/23/A/HRC/RES/46/13#b-op3");
        (await page.Locator("#b-op3").EvaluateAsync<bool>("e => e.matches(':target')")).Should().BeTrue();
        (await page.Locator("#b-op3").IsVisibleAsync()).Should().BeTrue();
        errors.Should().BeEmpty();
    }
}

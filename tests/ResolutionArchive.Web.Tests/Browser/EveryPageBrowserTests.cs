using Microsoft.Playwright;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// Every page type of the site in real Chromium at 320, 390 and 1280 px wide, in Chinese and in English (issue 17,
/// "Must show"), over <see cref="VotingBrowserFixture"/>'s archive (the seeds, a series with a switch, records of a vote
/// alone). Each page: no sideways scrolling of the page (<c>scrollWidth ≤ innerWidth</c>: WCAG 2.2 1.4.10 reflow at 320
/// CSS px; wide tables and drawings scroll in their own named regions), every SVG text at least 12 CSS px as drawn,
/// axe-core 0 violations; a resolution page shows its vote summary within the first screen; on a phone each record's
/// title in a list of records has a line of its own the width of the page. Each is saved as a
/// screenshot in tests/artifacts (<c>page-NAME-WIDTH.png</c>; looked at: the closing note of issue 17).
/// </summary>
public sealed class EveryPageBrowserTests(VotingBrowserFixture fixture, ITestOutputHelper output) : IClassFixture<VotingBrowserFixture>
{
    /// <summary>One URL of each page type (the routes of Pages/ and a 404).</summary>
    public static IReadOnlyList<(string Name, string Path)> PageTypes { get; } =
    [
        ("home", "/"),
        ("sessions", "/sessions"),
        ("session", "/sessions/HRC/46"),
        ("resolution", "/resolutions/A/HRC/RES/53/11"),
        ("resolution-series", "/resolutions/A/HRC/RES/49/13"),
        ("vote-only", "/resolutions/A/RES/70/3"),
        ("compare", "/compare/A/HRC/RES/46/13/A/HRC/RES/49/13"),
        ("search", "/search?q=%E4%BA%BA%E6%9D%83"),
        ("search-empty", "/search?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D%E8%AF%AD"),
        ("search-votes", "/search/votes?q=%E4%BA%BA%E6%9D%83"),
        ("countries", "/countries"),
        ("country", "/countries/CHN"),
        ("country-compare", "/countries/CHN/compare/USA"),
        ("map", "/countries/map?body=GA"),
        ("data-quality", "/data-quality"),
        ("source", "/sources/1"),
        ("not-found", "/resolutions/A/RES/99/999"),
    ];

    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (name, path) in PageTypes)
        {
            foreach (var width in new[] { 320, 390, 1280 })
            {
                data.Add(name, path, width);
                data.Add(name + "-en", path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en", width);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThePageFitsTheScreenItsDrawingsAreReadableAndItPassesAxe(string name, string path, int width)
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        CiEnvironment.SkipWith(AccessibilityTests.AxeMissingReason());
        var height = width < 500 ? 800 : 900;
        var (page, errors) = await fixture.NewPageAsync(width, height);
        var response = await page.GotoAsync(fixture.BaseUrl + path);

        var notFound = name.StartsWith("not-found", StringComparison.Ordinal);
        response!.Status.Should().Be(notFound ? 404 : 200);
        // the one console error of a 404 page is its own status
        errors.Where(e => !(notFound && e.Contains("status of 404", StringComparison.Ordinal))).Should().BeEmpty();
        var (scrollWidth, innerWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        if (scrollWidth > innerWidth)
        {
            // what sticks out, for the reader of the failure
            output.WriteLine(await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, .map-scroll, .chart-scroll')).slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('\\n')"));
        }

        scrollWidth.Should().BeLessThanOrEqualTo(innerWidth, "the page does not scroll sideways at {0} px", width);
        var small = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('svg text')).map(t => { const svg = t.ownerSVGElement; const box = svg.getBoundingClientRect(); const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? box.width / svg.viewBox.baseVal.width : 1; return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]; }).filter(p => p[1] < 11.95).slice(0, 5).map(p => p[0] + ' ' + p[1].toFixed(1) + ' px')");
        small.Should().BeEmpty("SVG text is drawn at 12 CSS px or more");
        if (name.StartsWith("resolution", StringComparison.Ordinal))
        {
            var bottom = await page.EvaluateAsync<double>("document.getElementById('vote-summary').getBoundingClientRect().bottom");
            bottom.Should().BeLessThanOrEqualTo(height, "the vote summary is within the first screen");
        }

        if (name.StartsWith("compare", StringComparison.Ordinal) && width < 500)
        {
            // on a phone the two texts are stacked, each the width of the page (side by side: about six characters a line)
            var cell = await page.EvaluateAsync<double>("document.querySelector('table.paragraph-compare td').getBoundingClientRect().width");
            cell.Should().BeGreaterThan(innerWidth * 0.75);
        }

        if (width < 500)
        {
            // a list of records (home, session, a country's votes and sponsorships) is one block per record on a phone:
            // each title has a line of its own, the width of the page, not a column scrolled out of sight to the right
            var titles = await page.EvaluateAsync<double[][]>("Array.from(document.querySelectorAll('table.resolutions.list td.title')).map(td => { const r = td.getBoundingClientRect(); return [r.left, r.right, r.width]; })");
            titles.Where(t => !(t[0] >= 0 && t[1] <= innerWidth && t[2] > innerWidth * 0.75))
                .Select(t => $"{t[0]:0}–{t[1]:0} px").Should().BeEmpty("a record's title is read whole on a phone");
            if (name is "home" or "session" or "country")
            {
                titles.Should().NotBeEmpty();
            }
        }

        var (passes, violations) = await AccessibilityTests.RunAxeAsync(page);
        violations.ForEach(output.WriteLine);
        violations.Should().BeEmpty();
        passes.Should().BeGreaterThan(10);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"page-{name}-{width}.png"), FullPage = true });
        await page.CloseAsync();
    }
}

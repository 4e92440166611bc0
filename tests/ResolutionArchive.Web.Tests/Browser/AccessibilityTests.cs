using System.Text.Json;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// axe-core (npm, installed under <c>tests/tools</c> by <c>.ci/run</c>) run inside real Chromium on every page type,
/// with the WCAG 2.0/2.1 A and AA rules and axe's best practices: missing labels, alt texts, contrast, heading order,
/// landmarks, duplicate ids, language. Zero violations are allowed. Skipped with the reason where Chromium or axe-core is
/// missing on a developer machine; under CI (<c>CI=true</c>) that is a failure.
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string AxePath = Path.Combine(ResolutionArchive.Testing.RepositoryPaths.Root, "tests", "tools", "node_modules", "axe-core", "axe.min.js");

    public static TheoryData<string> Pages() => new()
    {
        "/",
        "/resolutions/A/HRC/RES/53/11",
        "/resolutions/A/RES/76/159",
        "/resolutions/A/HRC/RES/37/23",
        "/resolutions/A/HRC/RES/46/13",
        "/no-such-page",
        "/?body=HRC&sort=number-asc",
        "/sessions",
        "/data-quality",
        "/sources/1",
        "/countries/CHN",
        "/countries",
        "/countries/CHN/compare/USA",
        "/countries/USA?culture=en",
        "/sessions/HRC/53",
        "/?culture=en",
        "/resolutions/A/HRC/RES/53/11?culture=en",
        "/resolutions/A/HRC/RES/46/13?culture=en",
        "/sessions?culture=en",
        "/search",
        "/search?q=%E4%BA%BA%E6%9D%83",
        "/search?q=%E4%BA%BA%E6%9D%83&view=flat&page=2",
        "/search?q=" + new string('x', 201),
        "/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2&body=XYZ&kind=foo&verb=%E9%87%8D%E7%94%B3&culture=en",
        "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13",
        "/compare/A/RES/76/159/A/HRC/RES/53/11",
        "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13?culture=en",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task HasNoAxeViolations(string path)
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var missing = AxeMissingReason();
        CiEnvironment.SkipWith(missing);
        var page = await fixture.Browser!.NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}{path}");

        var (passes, violations) = await RunAxeAsync(page);

        output.WriteLine($"{path}: {passes} axe rules passed, {violations.Count} violated");
        violations.ForEach(output.WriteLine);
        passes.Should().BeGreaterThan(10, "axe really ran");
        violations.Should().BeEmpty();
        await page.CloseAsync();
    }

    /// <summary>
    /// Runs axe-core on <paramref name="page"/> with the rules above; returns how many passed and each violation as one
    /// line. Throws under <c>CI=true</c> when axe-core is not installed; the caller skips otherwise
    /// (<see cref="AxeMissingReason"/>).
    /// </summary>
    internal static async Task<(int Passes, List<string> Violations)> RunAxeAsync(Microsoft.Playwright.IPage page)
    {
        // Evaluated through the DevTools protocol, not added as a <script> element: the site's Content-Security-Policy
        // refuses inline scripts (docs/operations.md), and the pages are tested under it.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxePath));
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });"
            + " return { passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })) }; }");
        var violations = json.GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact")}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
        return (json.GetProperty("passes").GetInt32(), violations);
    }

    /// <summary>Why axe cannot run here (not installed), or null; under <c>CI=true</c> a missing axe-core throws instead.</summary>
    internal static string? AxeMissingReason()
    {
        return ResolutionArchive.Testing.CiEnvironment.Missing(File.Exists(AxePath) ? null : $"axe-core is not installed at {AxePath} (npm ci --prefix tests/tools; .ci/run does it)");
    }
}

using System.Diagnostics;
using System.Text.Json;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Every page type is checked by the W3C Nu HTML Checker (npm <c>vnu-jar</c>, installed under <c>tests/tools</c> by
/// <c>.ci/run</c>; Java runs it). Where the checker or Java is missing the test is skipped with that reason, except
/// under CI (<c>CI=true</c>), where it fails.
/// </summary>
public sealed class HtmlValidityTests(ITestOutputHelper output) : IDisposable
{
    private readonly ArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryPageTypeIsValidHtmlForTheNuChecker()
    {
        var vnu = Path.Combine(ResolutionArchive.Testing.RepositoryPaths.Root, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        ResolutionArchive.Testing.CiEnvironment.SkipIfMissing(!File.Exists(vnu) ? $"the Nu HTML Checker is not installed at {vnu} (npm install --prefix tests/tools; .ci/run does it)" : null);
        var folder = Directory.CreateTempSubdirectory("archive-vnu-").FullName;
        try
        {
            var pages = new[] { "/", "/resolutions/A/HRC/RES/46/13", "/resolutions/A/HRC/RES/53/11", "/resolutions/A/RES/76/159", "/resolutions/A/HRC/RES/37/23", "/no-such-page" }.ToList();
            // a resolution long enough to be shown in pages (docs/browse.md "Long documents"): a middle page
            await SeedCopies.ImportLongAsync(_app, 2000, 2_500);
            pages.Add("/resolutions/A/HRC/RES/46/2000?page=2");
            var (_, home) = await _app.GetDocumentAsync("/");
            pages.Add(home.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/draft/", StringComparison.Ordinal)));

            // Browsing (docs/browse.md): filtered and sorted, with invalid values reported, with no match; the session pages.
            pages.AddRange([
                "/?body=GA&session=76&year=2021&mode=not-stated&status=adopted&sort=number-asc",
                "/?body=XYZ&session=abc&year=99999999999&mode=x&status=y&sort=drop",
                "/?session=99",
                "/sessions",
                "/countries/CHN",
                "/countries/USA?culture=en",
                "/countries",
                "/countries?q=%E4%B8%AD%E5%9B%BD",
                "/countries?q=nothing-matches",
                "/countries/CHN?year=2021&body=UN",
                "/countries/CHN/compare/USA",
                "/countries/GBR/compare/CHN?culture=en",
                "/sessions/GA/76",
                "/sessions/HRC/46",
                "/sessions/HRC/43",
                "/sessions/HRC/999",
                "/data-quality",
                "/data-quality?key=A%2FHRC%2FRES%2F46%2F13&culture=en",
                "/sources/1",
            ]);

            // The English interface (docs/localization.md).
            pages.AddRange(["/?culture=en", "/resolutions/A/HRC/RES/53/11?culture=en", "/resolutions/A/HRC/RES/46/13?culture=en", "/sessions?culture=en", "/sessions/HRC/46?culture=en", "/no-such-page?culture=en"]);

            // Full-text search (docs/search.md): the form, grouped and flat results, a filter and a notice, the English
            // interface, no match, one resolution's matches, and a query that cannot run (too long: 400 with the page).
            // Fetched after the copies below are imported, so the grouped results are paged too.
            pages.AddRange([
                "/search",
                "/search?q=%E4%BA%BA%E6%9D%83",
                "/search?q=%E4%BA%BA%E6%9D%83&view=flat&page=2",
                "/search?q=%E4%BA%BA%E6%9D%83&page=3",
                "/search?q=" + new string('x', 201),
                "/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2&body=XYZ&kind=foo&page=abc&verb=%E9%87%8D%E7%94%B3",
                "/search?q=%E5%90%88%E4%BD%9C%E5%85%B1%E8%B5%A2&culture=en",
                "/search?q=%E9%87%8F%E5%AD%90%E8%AE%A1%E7%AE%97",
                "/search?q=COVID&resolution=A%2FHRC%2FRES%2F53%2F11&view=flat",
            ]);

            // The compare view (docs/lineage.md §4): two pairs of seeds, a draft, and the English interface.
            pages.AddRange([
                "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13",
                "/compare/A/RES/76/159/A/HRC/RES/53/11",
                "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13?culture=en",
                "/compare/A/HRC/RES/46/13/A/HRC/RES/46/13",
            ]);
            pages.Add("/compare/" + pages.Single(h => h.Contains("/draft/", StringComparison.Ordinal))["/resolutions/".Length..] + "/A/HRC/RES/46/13");

            // The home page's other variants: paged (first, middle with gaps, last) once the archive needs 7 pages.
            await SeedCopies.ImportAsync(_app, 345);
            pages.AddRange(["/?page=1", "/?page=4", "/?page=7", "/?body=HRC&session=46&sort=number-desc&page=3"]);
            var files = new List<string>();
            using var client = _app.CreateClient();
            foreach (var (url, i) in pages.Select((u, i) => (u, i)))
            {
                var response = await client.GetAsync(url);
                var file = Path.Combine(folder, $"page{i}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files.Add(file);
            }

            var start = new ProcessStartInfo("java", ["-jar", vnu, "--format", "json", "--also-check-css", .. files])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var json = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            var messages = JsonDocument.Parse(json).RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error" || m.TryGetProperty("subType", out var sub) && sub.GetString() == "warning")
                .Select(m => $"{PageOf(m.GetProperty("url").GetString()!)}: {m.GetProperty("message").GetString()} {(m.TryGetProperty("extract", out var e) ? e.GetString() : "")}")
                .ToList();
            messages.ForEach(output.WriteLine);

            // the checker names files as file:/tmp/…; a name it cannot be matched back to is shown as given
            string PageOf(string url)
            {
                var path = Uri.UnescapeDataString(url.StartsWith("file:", StringComparison.Ordinal) ? url["file:".Length..] : url);
                var index = files.FindIndex(f => f == path || f.EndsWith(path.TrimStart('/'), StringComparison.Ordinal));
                return index >= 0 ? pages[index] : url;
            }
            output.WriteLine($"checked {files.Count} pages");
            messages.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

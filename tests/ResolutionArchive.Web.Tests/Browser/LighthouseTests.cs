using System.Diagnostics;
using System.Text.Json;
using ResolutionArchive.Testing;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>The Lighthouse runs, alone: nothing else of this assembly runs beside them, so that the timings are the site's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LighthouseCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser: Lighthouse, alone";
}

/// <summary>
/// Lighthouse (npm <c>lighthouse</c> 12.2.3 under <c>tests/tools</c>, installed by <c>.ci/run</c>; Debian's Chromium at
/// <c>CHROME_PATH=/usr/bin/chromium</c>) on the main page types, in both languages (issue 17: every category ≥ 95).
/// Run with the desktop preset and <c>--throttling-method=provided</c>: the site is measured as this machine serves
/// it, without Lighthouse's simulated slow network and CPU, whose estimate moved by ten points with the load of the
/// other tests (docs/performance.md "Lighthouse"). Each report is saved as tests/artifacts/lighthouse-NAME.json, and
/// the audits that lost points are written to the test output.
/// </summary>
[Collection(LighthouseCollection.Name)]
public sealed class LighthouseTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("home", "/")]
    [InlineData("resolution", "/resolutions/A/HRC/RES/53/11")]
    [InlineData("resolution-en", "/resolutions/A/HRC/RES/46/13?culture=en")]
    [InlineData("search", "/search?q=%E4%BA%BA%E6%9D%83")]
    [InlineData("countries", "/countries")]
    [InlineData("country", "/countries/CHN")]
    [InlineData("sessions-en", "/sessions?culture=en")]
    public async Task EveryCategoryScoresAtLeast95(string name, string path)
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var cli = Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "lighthouse", "cli", "index.js");
        CiEnvironment.SkipIfMissing(!File.Exists(cli) ? $"Lighthouse is not installed at {cli} (npm ci --prefix tests/tools; .ci/run does it)" : null);
        var report = Path.Combine(BrowserFixture.ArtifactsFolder, $"lighthouse-{name}.json");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                cli, fixture.BaseUrl + path, "--quiet", "--preset=desktop", "--throttling-method=provided",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync",
                "--output=json", "--output-path=" + report,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["CHROME_PATH"] = "/usr/bin/chromium";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, await stderr + await stdout);

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var root = document.RootElement;
        var scores = root.GetProperty("categories").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("score").GetDouble());
        output.WriteLine($"{path}: " + string.Join(", ", scores.Select(s => $"{s.Key} {s.Value * 100:0}")));
        foreach (var category in root.GetProperty("categories").EnumerateObject())
        {
            foreach (var audit in category.Value.GetProperty("auditRefs").EnumerateArray().Where(r => r.GetProperty("weight").GetDouble() > 0))
            {
                var result = root.GetProperty("audits").GetProperty(audit.GetProperty("id").GetString()!);
                if (result.GetProperty("score") is { ValueKind: JsonValueKind.Number } score && score.GetDouble() < 1)
                {
                    output.WriteLine($"  {category.Name}: {audit.GetProperty("id").GetString()} {score.GetDouble():0.00} {(result.TryGetProperty("displayValue", out var shown) ? shown.GetString() : "")}");
                }
            }
        }

        scores.Keys.Should().BeEquivalentTo(["performance", "accessibility", "best-practices", "seo"]);
        scores.Should().AllSatisfy(s => s.Value.Should().BeGreaterThanOrEqualTo(0.95, s.Key));
    }
}

using Microsoft.Playwright;
using ResolutionArchive.Web.Hosting;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// The pages under their Content-Security-Policy in real Chromium on real Kestrel: nothing they need is refused, and
/// what the policy forbids (inline script and style) really is refused (docs/operations.md).
/// </summary>
[Collection(BrowserSiteCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    /// <summary>Collects the page's <c>securitypolicyviolation</c> events before any of its own script runs.</summary>
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e =>
            window.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/resolutions/A/HRC/RES/53/11")]
    [InlineData("/search?q=%E4%BA%BA%E6%9D%83")]
    [InlineData("/countries/CHN")]
    [InlineData("/no-such-page")]
    public async Task ThePageLoadsItsStylesheetAndScriptWithoutAnyViolation(string path)
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, console) = await NewPageAsync();

        var response = await page.GotoAsync($"{fixture.BaseUrl}{path}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var headers = await response!.AllHeadersAsync();
        headers.Should().ContainKey("content-security-policy").WhoseValue.Should().Be(SecurityHeaders.ContentSecurityPolicy);
        headers.Should().ContainKey("x-content-type-options").WhoseValue.Should().Be("nosniff");
        headers.Should().ContainKey("referrer-policy").WhoseValue.Should().Be("strict-origin-when-cross-origin");
        headers.Should().NotContainKey("server", "Kestrel's banner is off");
        headers.Should().NotContainKey("strict-transport-security", "the test site is plain HTTP");
        headers.Should().ContainKey("x-request-id");

        // The site's own stylesheet and script are allowed and in effect.
        (await page.EvaluateAsync<int>("() => document.styleSheets.length")).Should().BeGreaterThan(0);
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.skip-link')).position")).Should().NotBe("static", "site.css is applied");
        (await page.EvaluateAsync<bool>(@"() => performance.getEntriesByType('resource').some(r => /^\/js\/permalink(\.\w+)?\.js$/.test(new URL(r.name).pathname))")).Should().BeTrue();

        await page.WaitForTimeoutAsync(200); // violation events are dispatched asynchronously
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Should().BeEmpty();
        console.Where(m => !(response.Status == 404 && m.Contains("status of 404", StringComparison.Ordinal)))
            .Should().BeEmpty("the 404 page's own status is the only error Chromium may report");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InlineScriptAndStyleAreRefused()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, _) = await NewPageAsync();
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/53/11");

        await page.EvaluateAsync("""
            () => {
                const script = document.createElement("script");
                script.textContent = "window.__inlineRan = true;";
                document.body.append(script);
                document.querySelector("h1").setAttribute("style", "color: rgb(255, 0, 0)");
            }
            """);
        await page.WaitForFunctionAsync("() => window.__cspViolations.length >= 2");

        (await page.EvaluateAsync<bool>("() => window.__inlineRan === true")).Should().BeFalse();
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color")).Should().NotBe("rgb(255, 0, 0)");
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        violations.Should().Contain(v => v.StartsWith("script-src-elem", StringComparison.Ordinal))
            .And.Contain(v => v.StartsWith("style-src-attr", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePermalinkScriptStillCopiesUnderThePolicy()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var (page, console) = await NewPageAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/13");

        await page.Locator("#op3 > a.permalink").ClickAsync();

        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).Should().Be($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/13#op3");
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Should().BeEmpty();
        console.Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    /// <summary>A page in a new context, recording violations and console errors and warnings about the policy.</summary>
    private async Task<(IPage Page, List<string> Console)> NewPageAsync(IEnumerable<string>? permissions = null)
    {
        var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Permissions = permissions });
        await context.AddInitScriptAsync(ViolationRecorder);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add($"{message.Type}: {message.Text}");
            }
        };
        return (page, console);
    }
}

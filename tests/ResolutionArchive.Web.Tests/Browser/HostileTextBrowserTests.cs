using System.Text;
using Microsoft.Playwright;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Lineage;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// A resolution whose text carries <c>&lt;script&gt;</c>, <c>&lt;img onerror&gt;</c>, <c>&lt;svg onload&gt;</c>, an
/// <c>&lt;iframe&gt;</c> and <c>javascript:</c> links (markdown and raw HTML) is imported and read in real Chromium: no
/// dialog opens, no handler runs, no element of the payload exists in the DOM, and the payload is shown as text (issue 8,
/// "hostile input"). Each page is read twice — under the site's Content-Security-Policy and with the policy bypassed —
/// so that the escaping alone is shown to hold, not only the policy behind it.
/// </summary>
public sealed class HostileTextBrowserTests(HostileArchiveFixture fixture) : IClassFixture<HostileArchiveFixture>
{
    /// <summary>The pages that show the hostile record's text: its page, the list, search hits, the compare view.</summary>
    public static TheoryData<string, bool> Pages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in new[]
        {
            "/resolutions/A/HRC/RES/46/99",
            "/",
            "/search?q=onerror",
            "/search?q=script&view=flat",
            "/search?q=%3Cscript%3Ealert(7)%3C%2Fscript%3E",
            "/compare/A/HRC/RES/46/13/A/HRC/RES/46/99",
        })
        {
            data.Add(path, false);
            data.Add(path, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task NoScriptOfTheTextRunsAndTheTextIsShownAsText(string path, bool bypassPolicy)
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { BypassCSP = bypassPolicy });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };

        var response = await page.GotoAsync($"{fixture.BaseUrl}{path}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        response!.Status.Should().Be(200, path);
        await page.WaitForTimeoutAsync(300); // an image's error event and a dialog would have fired by now

        dialogs.Should().BeEmpty($"nothing of the imported text may run on {path}");
        var injected = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("script:not([src]), main script, [onerror], [onload], [onclick], iframe, main svg[onload], main img[src='x'], a[href^='javascript:' i]")]
                .map(e => e.outerHTML.slice(0, 80))
            """);
        injected.Should().BeEmpty($"the payload must be text, not elements, on {path}");
        var text = await page.Locator("main").InnerTextAsync();
        text.Should().ContainAny(["<script>", "onerror=alert", "javascript:alert"], $"the hostile text is shown as text on {path}");
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheTitleAndTheParagraphReadExactlyAsImported()
    {
        CiEnvironment.SkipWith(fixture.MissingReason);
        var page = await fixture.Browser!.NewPageAsync(new BrowserNewPageOptions { BypassCSP = true });

        await page.GotoAsync($"{fixture.BaseUrl}/resolutions/A/HRC/RES/46/99");

        (await page.Locator("h1").InnerTextAsync()).Should().Be("46/99 <script>alert('title')</script>标题");
        var op1 = await page.Locator("#op1").InnerTextAsync();
        op1.Should().Contain("<img src=x onerror=alert(1)>点此").And.Contain("<svg onload=alert(3)>").And.Contain("<iframe src=javascript:alert(4)>");
        (await page.Locator("#op1 a[href*='javascript' i]").CountAsync()).Should().Be(0, "a javascript: link becomes its text");
        await page.Context.CloseAsync();
    }
}

/// <summary>
/// The site on real Kestrel with the seeds and one hostile record, <c>A/HRC/RES/46/99</c>: seed 000 (46/13) with a
/// <c>&lt;script&gt;</c> title and an operative paragraph 1 full of HTML and <c>javascript:</c> links, linked into the
/// paragraph lineage so that the compare view shows it too; and Debian's Chromium (as <see cref="BrowserFixture"/>).
/// </summary>
public sealed class HostileArchiveFixture(Chromium chromium) : BrowserFixture(chromium)
{
    /// <inheritdoc />
    protected override async Task ArrangeAsync(ArchiveApplication app)
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fdbdfb9c0cd91f61.txt"));
        var hostile = seed
            .Replace("46/13. 在人权领域促进合作共赢", "46/99. <script>alert('title')</script>标题", StringComparison.Ordinal)
            .Replace("1. 叼请所有国家", "1. <img src=x onerror=alert(1)>[点此](javascript:alert(2))<svg onload=alert(3)><iframe src=javascript:alert(4)></iframe><a href=\"javascript:alert(5)\">链接</a>叼请所有国家", StringComparison.Ordinal);
        hostile.Should().Contain("46/99").And.Contain("onerror");
        await using var db = app.CreateDbContext();
        var outcome = await new ResolutionImporter(db).ImportAsync(new ImportSource("hostile.txt", Encoding.UTF8.GetBytes(hostile)));
        outcome.Status.Should().Be(ImportStatus.Imported, string.Join('\n', outcome.Diagnostics));
        await LineageStore.UpdateAsync(db, outcome.Key!);
    }
}

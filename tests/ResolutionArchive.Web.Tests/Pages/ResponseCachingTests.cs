using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The output cache, ETags and compression of the pages and the API (<see cref="ResponseCaching"/>, docs/performance.md
/// "Load"): never the wrong query, language or revision; 304 for a matching If-None-Match; the same bytes compressed;
/// the security headers, the request id and the rate limit on cached answers too.
/// </summary>
public sealed class ResponseCachingTests : IDisposable
{
    private const string Page = "/resolutions/A/HRC/RES/46/13";
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    private readonly ArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task APageComesFromTheCacheUntilTheArchiveRevisionChanges()
    {
        using var client = _app.CreateClient();
        (await TitleAsync(client, Page)).Should().NotContain("CACHE-PROBE");

        // A change behind the revision's back (no import bumps it): the cached page is still served…
        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Resolutions SET Title = Title || ' CACHE-PROBE' WHERE Key = 'A/HRC/RES/46/13'");
        }

        (await TitleAsync(client, Page)).Should().NotContain("CACHE-PROBE", "the page is served from the cache of the same revision");

        // …until the revision moves, as every import, deletion and index rebuild does in its transaction.
        await using (var db = _app.CreateDbContext())
        {
            await Data.ArchiveRevision.BumpAsync(db);
        }

        (await TitleAsync(client, Page)).Should().Contain("CACHE-PROBE", "a new revision is a new cache key");
    }

    [Fact]
    public async Task AnImportShowsOnTheNextRequestOfACachedPage()
    {
        using var client = _app.CreateClient();
        var before = await client.GetStringAsync("/");
        (await client.GetStringAsync("/")).Should().Be(before, "the second answer is the cached first one");
        before.Should().NotContain("46/1000");

        await SeedCopies.ImportAsync(_app, 1);

        (await client.GetStringAsync("/")).Should().Contain("A/HRC/RES/46/1000", "the default checks the revision on every request");
        (await client.GetStringAsync("/api/resolutions")).Should().Contain("A/HRC/RES/46/1000");
    }

    [Fact]
    public async Task WithACheckIntervalAnImportShowsWithinTheIntervalOrAtOnceOnRefresh()
    {
        using var app = new CachingApplication(("ResponseCaching:RevisionCheckInterval", "00:00:00.200"));
        using var client = app.CreateClient();
        (await client.GetStringAsync("/")).Should().NotContain("46/1000");

        await SeedCopies.ImportAsync(app, 1);

        // Within the interval the page may still be the cached one; after it, the next request reads the new revision.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string html;
        do
        {
            html = await client.GetStringAsync("/");
        }
        while (!html.Contains("A/HRC/RES/46/1000", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Pause());
        html.Should().Contain("A/HRC/RES/46/1000");

        await ImportCopyAsync(app, 1001);
        var refreshed = await app.Services.GetRequiredService<RevisionMonitor>().RefreshAsync();
        refreshed.Should().NotBeNull();
        (await client.GetStringAsync("/")).Should().Contain("A/HRC/RES/46/1001", "a refresh reads the revision at once");

        static async Task<bool> Pause()
        {
            await Task.Delay(50);
            return true;
        }
    }

    [Fact]
    public async Task ACachedPageIsNeverServedForAnotherQuery()
    {
        using var client = _app.CreateClient();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var y2021 = await SymbolsAsync(client, "/?year=2021");
            var y2018 = await SymbolsAsync(client, "/?year=2018");
            y2018.Should().Equal("A/HRC/RES/37/23");
            y2021.Should().NotContain("A/HRC/RES/37/23").And.NotBeEmpty();
            (await SymbolsAsync(client, "/?year=1999")).Should().BeEmpty();
        }

        // A repeated parameter: the page reads the first value, cached or not (the output cache's own query key would
        // sort the values in place).
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var repeated = await client.GetStringAsync("/?body=XYZ&body=GA");
            repeated.Should().Contain("XYZ", "the first value, XYZ, is reported as ignored");
            var reversed = await client.GetStringAsync("/?body=GA&body=XYZ");
            reversed.Should().NotContain("“XYZ”");
        }

        var first = await client.GetStringAsync("/search?q=%E4%BA%BA%E6%9D%83");
        var other = await client.GetStringAsync("/search?q=%E9%9C%8D%E4%B9%B1");
        var again = await client.GetStringAsync("/search?q=%E4%BA%BA%E6%9D%83");
        Heading(other).Should().NotBe(Heading(first));
        again.Should().Be(first);
        (await client.GetStringAsync("/api/search?q=%E9%9C%8D%E4%B9%B1")).Should().NotBe(await client.GetStringAsync("/api/search?q=%E4%BA%BA%E6%9D%83"));
    }

    [Fact]
    public async Task AHeadRequestIsNeverServedForAGet()
    {
        using var client = _app.CreateClient();
        foreach (var url in new[] { "/sessions", "/api/countries" })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            head.StatusCode.Should().Be(HttpStatusCode.OK);

            var body = await client.GetStringAsync(url);
            body.Should().NotBeEmpty(url);
            body.Should().Be(await client.GetStringAsync(url));
        }
    }

    [Fact]
    public async Task ACachedPageIsNeverServedInAnotherLanguage()
    {
        using var client = _app.CreateClient();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            (await LangAsync(client, Page)).Should().Be("zh-Hans");
            (await LangAsync(client, Page, EnglishCookie)).Should().Be("en", "the culture cookie asks for English");
            (await LangAsync(client, Page + "?culture=en")).Should().Be("en");
            (await LangAsync(client, Page + "?culture=zh-Hans", EnglishCookie)).Should().Be("zh-Hans", "the query string comes before the cookie");
            (await LangAsync(client, "/countries/CHN", EnglishCookie)).Should().Be("en");
            (await LangAsync(client, "/countries/CHN")).Should().Be("zh-Hans");
        }
    }

    [Fact]
    public async Task TheETagOfACachedPageAnswersIfNoneMatchWith304AndNoBody()
    {
        using var client = _app.CreateClient();
        foreach (var url in new[] { Page, "/", "/api/resolutions/A/HRC/RES/46/13", "/data/votes.csv", "/search?q=%E4%BA%BA%E6%9D%83" })
        {
            using var first = await client.GetAsync(url);
            first.StatusCode.Should().Be(HttpStatusCode.OK, url);
            var etag = first.Headers.ETag;
            etag.Should().NotBeNull(url);
            etag!.IsWeak.Should().BeTrue();
            first.Headers.CacheControl!.NoCache.Should().BeTrue();
            first.Headers.CacheControl.Private.Should().BeTrue();

            using var second = await client.GetAsync(url);
            second.Headers.ETag.Should().Be(etag, "the same revision, language and URL");

            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag);
            using var notModified = await client.SendAsync(conditional);
            notModified.StatusCode.Should().Be(HttpStatusCode.NotModified, url);
            (await notModified.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
            notModified.Headers.ETag.Should().Be(etag);
            notModified.Headers.GetValues("Content-Security-Policy").Should().ContainSingle();
        }

        using var page = await client.GetAsync(Page);
        using var english = new HttpRequestMessage(HttpMethod.Get, Page + "?culture=en");
        english.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        (await client.SendAsync(english)).StatusCode.Should().Be(HttpStatusCode.OK, "another language is another representation");

        await SeedCopies.ImportAsync(_app, 1);
        using var stale = new HttpRequestMessage(HttpMethod.Get, Page);
        stale.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var changed = await client.SendAsync(stale);
        changed.StatusCode.Should().Be(HttpStatusCode.OK, "an import changes every ETag");
        changed.Headers.ETag.Should().NotBe(page.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task CompressedAnswersDecompressToTheSameBytes(string encoding)
    {
        using var client = _app.CreateClient();
        foreach (var url in new[] { Page, "/?culture=en", "/api/resolutions", "/data/votes.csv", "/api/resolutions/A/HRC/RES/46/13.akn.xml" })
        {
            var plain = await client.GetByteArrayAsync(url);
            foreach (var _ in Enumerable.Range(0, 2)) // rendered, then cached
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                using var response = await client.SendAsync(request);
                response.StatusCode.Should().Be(HttpStatusCode.OK, url);
                response.Content.Headers.ContentEncoding.Should().Equal([encoding], url);
                response.Headers.Vary.Should().Contain("Accept-Encoding");
                var compressed = await response.Content.ReadAsByteArrayAsync();
                compressed.Length.Should().BeLessThan(plain.Length, url);
                Decompress(compressed, encoding).Should().Equal(plain, url);
            }
        }
    }

    [Fact]
    public async Task ACachedAnswerHasTheSecurityHeadersAndItsOwnRequestId()
    {
        using var client = _app.CreateClient();
        foreach (var (url, i) in new[] { Page, Page, Page, "/api/countries", "/api/countries" }.Select((u, i) => (u, i)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var id = "cache-test-" + i.ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(RequestLogging.HeaderName, id);
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.GetValues(RequestLogging.HeaderName).Should().Equal([id], "each answer, cached or not, carries its own request's id");
            response.Headers.GetValues("Content-Security-Policy").Should().Equal([SecurityHeaders.ContentSecurityPolicy]);
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"]);
            response.Headers.GetValues("X-Frame-Options").Should().Equal(["DENY"]);
            response.Headers.GetValues("Referrer-Policy").Should().Equal([SecurityHeaders.ReferrerPolicy]);
        }
    }

    [Fact]
    public async Task TheRateLimitStillAppliesToCachedAnswersAnd304s()
    {
        const int permits = 3;
        using var app = new CachingApplication((ArchiveRateLimiting.PermitsPerMinuteKey, permits.ToString(CultureInfo.InvariantCulture)));
        using var client = app.CreateClient();
        using var first = await client.GetAsync("/api/resolutions");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 1; i < permits; i++)
        {
            using var cached = await client.GetAsync("/api/resolutions");
            cached.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var limited = await client.GetAsync("/api/resolutions");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.CacheControl!.NoStore.Should().BeTrue();

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/resolutions");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        (await client.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await client.GetAsync(Page)).StatusCode.Should().Be(HttpStatusCode.OK, "the pages are not limited");
    }

    [Fact]
    public async Task ErrorsRedirectsCookiesAndStaticFilesAreNotCachedByTheSite()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var missing = await client.GetAsync("/resolutions/A/HRC/RES/99/99");
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
            missing.Headers.ETag.Should().BeNull();
            using var error = await client.GetAsync("/Error?status=404");
            error.Headers.ETag.Should().BeNull();
            using var redirect = await client.GetAsync("/resolutions/46/13");
            redirect.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
            using var language = await client.GetAsync("/language?culture=en&returnUrl=/");
            language.Headers.Contains("Set-Cookie").Should().BeTrue("the switch sets its cookie every time");
            using var health = await client.GetAsync("/healthz");
            health.Headers.ETag.Should().BeNull();
        }

        // A missing record that an import then adds is found at once: the 404 was not kept.
        await SeedCopies.ImportAsync(_app, 1);
        (await client.GetAsync("/resolutions/A/HRC/RES/46/1000")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var css = await client.GetAsync("/css/site.css");
        css.StatusCode.Should().Be(HttpStatusCode.OK);
        css.Headers.CacheControl?.Private.Should().NotBe(true, "static files keep their own caching headers");
    }

    [Fact]
    public async Task WithTheCacheTurnedOffEveryRequestIsFreshAndHasNoETag()
    {
        using var app = new CachingApplication(("ResponseCaching:Enabled", "false"));
        using var client = app.CreateClient();
        using var response = await client.GetAsync(Page);
        response.Headers.ETag.Should().BeNull();
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE Resolutions SET Title = Title || ' FRESH-PROBE' WHERE Key = 'A/HRC/RES/46/13'");
        }

        (await TitleAsync(client, Page)).Should().Contain("FRESH-PROBE");
    }

    [Theory]
    [InlineData("/resolutions/A/RES/99/999", HttpStatusCode.NotFound)]
    [InlineData("/api/resolutions?page=abc", HttpStatusCode.BadRequest)]
    [InlineData(Page, HttpStatusCode.NotModified)]
    [InlineData("/api/resolutions", HttpStatusCode.NotModified)]
    public async Task IfNoneMatchStarMatchesOnlyACurrentRepresentation(string path, HttpStatusCode expected)
    {
        // RFC 9110 §13.1.2 (issue 14 item 8): "*" is false only where a current representation exists
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.NotModified)
        {
            response.Headers.ETag.Should().NotBeNull();
            (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        }
        else
        {
            (await response.Content.ReadAsByteArrayAsync()).Should().NotBeEmpty("the error page or problem is sent whole");
        }
    }

    /// <summary>Imports seed 000 renumbered 46/<paramref name="number"/> through the real importer.</summary>
    private static async Task ImportCopyAsync(ArchiveApplication app, int number)
    {
        var copy = SeedCopies.Seed000Text().Replace("46/13.", $"46/{number}.", StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var outcome = await new ResolutionImporter(db).ImportAsync(new ImportSource($"copy-46-{number}.txt", Encoding.UTF8.GetBytes(copy)));
        outcome.Status.Should().Be(ImportStatus.Imported, string.Join("; ", outcome.Diagnostics));
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    private static async Task<string> TitleAsync(HttpClient client, string url) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(url)).QuerySelector("h1")!.TextContent;

    private static string Heading(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("main")!.TextContent;

    private static async Task<List<string>> SymbolsAsync(HttpClient client, string url) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(url))
            .QuerySelectorAll("table.resolutions tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();

    private static async Task<string?> LangAsync(HttpClient client, string url, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        var html = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        return new HtmlParser().ParseDocument(html).DocumentElement.GetAttribute("lang");
    }

    /// <summary>The site with settings of its own, set as an operator would.</summary>
    private sealed class CachingApplication(params (string Key, string Value)[] settings) : ArchiveApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

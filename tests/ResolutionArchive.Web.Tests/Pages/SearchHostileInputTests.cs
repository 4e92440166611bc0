using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Hostile query strings sent to <c>/search</c> and <c>/api/search</c> (docs/search.md §8): never a 500; the page
/// answers 200 or 400 with a visible message, the API 200 or 400 with a problem document; the query is shown as
/// escaped text; and afterwards the archive answers a normal search exactly as before. Each query string is sent as
/// written (percent-encoding included), and the test checks that the server received it byte for byte.
/// </summary>
public sealed class SearchHostileInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly RecordingArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Raw query strings (without the <c>?</c>), percent-encoding as sent on the wire.</summary>
    public static IEnumerable<(string Name, string Query)> HostileQueries()
    {
        static string Q(string value) => "q=" + Uri.EscapeDataString(value);
        yield return ("no q at all", "");
        yield return ("empty q", "q=");
        yield return ("only spaces", "q=%20%20%E3%80%80%20");
        yield return ("10,000 ASCII characters", "q=" + new string('a', 10_000));
        yield return ("10,000 Chinese characters", Q(new string('权', 10_000)));
        yield return ("10,001 characters, cut at 200 inside a surrogate pair", Q("a" + string.Concat(Enumerable.Repeat("𠀀", 5_000))));
        yield return ("unbalanced quote", Q("\"人权"));
        yield return ("unbalanced full-width quote", Q("＂人权"));
        yield return ("AND OR NOT", Q("AND OR NOT"));
        yield return ("FTS5 operators", Q("人权 AND 合作 OR NOT 发展"));
        yield return ("star", Q("*"));
        yield return ("prefix star", Q("人*"));
        yield return ("NEAR(", Q("NEAR("));
        yield return ("人权 NEAR(合作", Q("人权 NEAR(合作"));
        yield return ("FTS5 column filter", Q("uni:4eba bi : \"4ebax6743\" {uni bi}: ^x"));
        yield return ("SQL", Q("'; DROP TABLE x; --"));
        yield return ("SQL on the archive's tables", Q("'); DROP TABLE Resolutions; DELETE FROM SearchIndex; --"));
        yield return ("NUL", "q=%00");
        yield return ("BEL", "q=%07");
        yield return ("ESC", "q=%1b");
        yield return ("DEL", "q=%7F");
        yield return ("control characters between terms", "q=%E4%BA%BA%00%E6%9D%83%07%1B%7F%E5%90%88%E4%BD%9C");
        yield return ("lone high surrogate, UTF-8 encoded", "q=%ED%A0%80");
        yield return ("lone low surrogate after a term", "q=%E4%BA%BA%E6%9D%83%ED%B0%80");
        yield return ("truncated UTF-8", "q=%E4%BA");
        yield return ("overlong UTF-8 NUL", "q=%C0%80");
        yield return ("code point above U+10FFFF", "q=%F4%90%80%80");
        yield return ("invalid percent-encoding", "q=%ZZ");
        yield return ("lone percent sign", "q=%");
        yield return ("percent sign after a term", "q=%E4%BA%BA%E6%9D%83%");
        yield return ("percent in a parameter name", "q%ZZ=1&%=%&q=%E4%BA%BA%E6%9D%83");
        yield return ("script element", Q("<script>alert(1)</script>"));
        yield return ("attribute breakout", Q("\" autofocus onfocus=\"alert(1)"));
        yield return ("very many terms", Q(string.Join(' ', Enumerable.Range(0, 99).Select(i => (char)('一' + i)))));
        yield return ("very many terms, too long", Q(string.Join(' ', Enumerable.Range(0, 3000).Select(i => (char)('一' + i)))));
        yield return ("the same term many times", Q(string.Join(' ', Enumerable.Repeat("人权", 60))));
        yield return ("minus", "q=-");
        yield return ("two minuses", "q=--");
        yield return ("minus and space", "q=-%20");
        yield return ("empty quotes", "q=%22%22");
        yield return ("excluded empty quotes", "q=%E4%BA%BA%E6%9D%83%20-%22%22");
        yield return ("q twice", "q=%E4%BA%BA%E6%9D%83&q=%E5%90%88%E4%BD%9C");
        yield return ("q twice, the second empty", "q=%E4%BA%BA%E6%9D%83&q=");
        yield return ("huge page", "q=%E4%BA%BA%E6%9D%83&page=99999999999");
        yield return ("largest int page", "q=%E4%BA%BA%E6%9D%83&view=flat&page=2147483647");
        yield return ("negative page", "q=%E4%BA%BA%E6%9D%83&page=-1");
        yield return ("zero page", "q=%E4%BA%BA%E6%9D%83&page=0");
        yield return ("negative numbers everywhere", "q=%E4%BA%BA%E6%9D%83&session-from=-5&session-to=-1&year-from=-2021&year-to=-0&pageSize=-20");
        yield return ("huge numbers everywhere", "q=%E4%BA%BA%E6%9D%83&session-from=99999999999999999999&year-to=1e9&pageSize=99999999999");
        yield return ("control characters in filters", "q=%E4%BA%BA%E6%9D%83&verb=%00&resolution=%1B&body=%07&kind=%7F");
        yield return ("long filter values", "q=%E4%BA%BA%E6%9D%83&verb=" + new string('x', 5_000) + "&resolution=" + new string('y', 5_000) + "&body=" + new string('z', 5_000));
        yield return ("SQL in the resolution filter", "q=%E4%BA%BA%E6%9D%83&resolution=" + Uri.EscapeDataString("' OR 1=1 --"));
    }

    [Fact]
    public async Task NoHostileQueryStringGetsA500AndTheArchiveAnswersAsBeforeAfterAllOfThem()
    {
        var before = await NormalSearchAsync();
        var counts = await CountRowsAsync();
        var failures = new List<string>();

        foreach (var (name, query) in HostileQueries())
        {
            foreach (var path in new[] { "/search", "/api/search" })
            {
                _app.Received.Clear();
                var (status, mediaType, body) = await SendRawAsync(path, query);
                var received = _app.Received.TryDequeue(out var r) ? r : null;
                output.WriteLine($"{path} {name}: {(int)status} {mediaType} {body.Length} chars");
                if (received != (query.Length == 0 ? "" : "?" + query))
                {
                    failures.Add($"{path} {name}: the server received “{Shorten(received)}”, not the query string sent");
                }

                failures.AddRange(Check(path, name, status, mediaType, body).Select(f => $"{path} {name}: {f}"));
            }
        }

        failures.ForEach(output.WriteLine);
        failures.Should().BeEmpty();
        (await CountRowsAsync()).Should().Equal(counts, "no table lost a row");
        (await NormalSearchAsync()).Should().Be(before, "the archive answers a normal search exactly as before");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\" autofocus onfocus=\"alert(1)")]
    [InlineData("</title><script>alert(1)</script>")]
    [InlineData("人权 <img src=x onerror=alert(1)>")]
    public async Task TheQueryIsShownAsTextNeverAsMarkup(string query)
    {
        var (status, _, html) = await SendRawAsync("/search", "q=" + Uri.EscapeDataString(query));

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelectorAll("script").Should().ContainSingle("only the site's own script").Which.HasAttribute("src").Should().BeTrue();
        document.QuerySelectorAll("img, [onerror], [onfocus], [autofocus]").Should().BeEmpty();
        document.Title.Should().Be($"搜索：{query} · 联合国决议档案");
        ((IHtmlInputElement)document.QuerySelector("#search-q")!).Value.Should().Be(query);
        document.QuerySelector(".search-summary")!.TextContent.Should().Contain(query);
        html.Should().NotContain("<script>alert").And.NotContain("<img");

        var (apiStatus, _, json) = await SendRawAsync("/api/search", "q=" + Uri.EscapeDataString(query));
        apiStatus.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(json).RootElement.GetProperty("query").GetString().Should().Be(query);
        json.Should().NotContain("<");
    }

    [Theory]
    [InlineData("q=%00", "请输入要查找的词。")]
    [InlineData("q=%07%1B%7F", "请输入要查找的词。")]
    [InlineData("q=-%E4%BA%BA%E6%9D%83%00%07", "请至少输入一个要查找的词；以“-”开头的词只用于排除。")]
    public async Task ControlCharactersAreNotWrittenIntoThePage(string query, string message)
    {
        var (status, _, html) = await SendRawAsync("/search", query);

        status.Should().Be(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("p.problem")!.TextContent.Should().Be(message);
        html.Should().NotContainAny("&#x0;", "&#x7;", "&#x1B;", "&#x7F;", "\u0000", "\u0007", "\u001b", "\u007f");
        ((IHtmlInputElement)document.QuerySelector("#search-q")!).Value.Should().NotContainAny("\u0000", "\u0007", "\u001b", "\u007f");
    }

    [Fact]
    public async Task AQueryGivenTwiceIsReportedNotMerged()
    {
        var (status, _, html) = await SendRawAsync("/search", "q=%E4%BA%BA%E6%9D%83&q=%E5%90%88%E4%BD%9C");
        var document = new HtmlParser().ParseDocument(html);

        status.Should().Be(HttpStatusCode.OK);
        ((IHtmlInputElement)document.QuerySelector("#search-q")!).Value.Should().Be("人权", "the first q is searched for");
        document.QuerySelector(".notice ul.ignored li")!.TextContent.Should().Be("参数“q”出现了不止一次，只用了第一个值。");
        var (_, plain) = await _app.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83");
        SearchPage.SearchSummary(document).Should().Be(SearchPage.SearchSummary(plain));

        var (apiStatus, mediaType, json) = await SendRawAsync("/api/search", "q=%E4%BA%BA%E6%9D%83&q=%E5%90%88%E4%BD%9C");
        apiStatus.Should().Be(HttpStatusCode.BadRequest);
        mediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(json).RootElement.GetProperty("detail").GetString().Should().Contain("q is given more than once");
    }

    private static IEnumerable<string> Check(string path, string name, HttpStatusCode status, string? mediaType, string body)
    {
        if (status is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
        {
            yield return $"status {(int)status}";
            yield break;
        }

        if (path == "/search")
        {
            if (mediaType != "text/html")
            {
                yield return $"content type {mediaType}";
                yield break;
            }

            var document = new HtmlParser().ParseDocument(body);
            if (document.QuerySelector("form.search input[name=q]") is null)
            {
                yield return "no search form";
            }

            if (document.QuerySelectorAll("script").Any(s => !s.HasAttribute("src")))
            {
                yield return "an inline script";
            }

            if (status == HttpStatusCode.BadRequest && string.IsNullOrWhiteSpace(document.QuerySelector("p.problem[role=alert]")?.TextContent))
            {
                yield return "400 without a visible message";
            }

            if (status == HttpStatusCode.OK && document.QuerySelector(".search-summary") is null && document.QuerySelector("#search-syntax[open]") is null)
            {
                yield return "200 with neither results nor the form's help";
            }

            yield break;
        }

        JsonElement root;
        string? parseError = null;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            root = default;
            parseError = e.Message;
        }

        if (parseError is not null)
        {
            yield return $"not JSON: {parseError}";
            yield break;
        }

        if (status == HttpStatusCode.BadRequest)
        {
            if (mediaType != "application/problem+json" || root.GetProperty("status").GetInt32() != 400 || string.IsNullOrWhiteSpace(root.GetProperty("detail").GetString()))
            {
                yield return $"400 without a problem document: {mediaType} {Shorten(body)}";
            }
        }
        else if (mediaType != "application/json" || root.GetProperty("hits").ValueKind != JsonValueKind.Array || root.GetProperty("total").GetInt32() < 0)
        {
            yield return $"200 without results: {mediaType} {Shorten(body)}";
        }
    }

    /// <summary>A normal search, page and API, with the page's timing taken out.</summary>
    private async Task<string> NormalSearchAsync()
    {
        using var client = _app.CreateClient();
        var api = await client.GetStringAsync("/api/search?q=%E4%BA%BA%E6%9D%83%20%E5%90%88%E4%BD%9C&pageSize=100");
        var (_, page) = await _app.GetDocumentAsync("/search?q=%E4%BA%BA%E6%9D%83%20%E5%90%88%E4%BD%9C");
        page.QuerySelector(".elapsed")!.Remove();
        JsonDocument.Parse(api).RootElement.GetProperty("total").GetInt32().Should().BeGreaterThan(0);
        return api + "\n" + page.QuerySelector("main")!.InnerHtml;
    }

    private async Task<int[]> CountRowsAsync()
    {
        await using var db = _app.CreateDbContext();
        return
        [
            await db.Resolutions.CountAsync(),
            await db.Paragraphs.CountAsync(),
            await db.Footnotes.CountAsync(),
            await db.SearchEntries.CountAsync(),
            await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM SearchIndex_docsize").SingleAsync(),
            await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master").SingleAsync(),
        ];
    }

    /// <summary>
    /// GETs <paramref name="path"/> with <paramref name="query"/> exactly as written. Not through HttpClient: its
    /// <see cref="Uri"/> re-escapes an invalid escape (<c>%ZZ</c> arrives as <c>%25ZZ</c>, the recorder showed), so the
    /// request is built on the test server's <see cref="HttpContext"/> with the raw query string; the recorder checks
    /// what arrived.
    /// </summary>
    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendRawAsync(string path, string query)
    {
        var context = await _app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.QueryString = query.Length == 0 ? QueryString.Empty : new QueryString("?" + query);
        });
        using var reader = new StreamReader(context.Response.Body);
        var mediaType = context.Response.ContentType is { } type ? MediaTypeHeaderValue.Parse(type).MediaType : null;
        return ((HttpStatusCode)context.Response.StatusCode, mediaType, await reader.ReadToEndAsync());
    }

    private static string Shorten(string? text) => text is null ? "(nothing)" : text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>The site, recording the raw query string of every request as the server saw it.</summary>
    private sealed class RecordingArchiveApplication : ArchiveApplication
    {
        public ConcurrentQueue<string> Received { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Recorder(Received)));
        }

        private sealed class Recorder(ConcurrentQueue<string> received) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    if (context.Request.Path.StartsWithSegments("/search") || context.Request.Path.StartsWithSegments("/api/search"))
                    {
                        received.Enqueue(context.Request.QueryString.Value ?? "");
                    }

                    await following();
                });
                next(app);
            };
        }
    }
}

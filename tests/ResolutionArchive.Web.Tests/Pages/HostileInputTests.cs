using System.Collections.Concurrent;
using System.Diagnostics;
using ResolutionArchive.Web.Tests.Infrastructure;
using static ResolutionArchive.Web.Tests.Infrastructure.HostileAnswers;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Over 200 hostile strings on every query parameter of every route, and as path segments (the issue: "200 hostile
/// strings on every query parameter of every route, zero 5xx"). The site runs on real Kestrel (not the test server),
/// so that the server's own parsing of the request target and its checks on response headers are part of the test, and
/// each request target is sent exactly as written: the client's URI canonicalisation is switched off, so invalid
/// percent-encoding (<c>%ZZ</c>, <c>%E4%BA</c>, <c>%</c>), encoded lone surrogates and overlong UTF-8 reach the
/// server unchanged (a recorder echoes a hash of the raw target the server saw, and the test compares). Every answer
/// must be below 500 (an exception the site logs is printed with the failures); an HTML answer to a target that could
/// inject anything (<see cref="HostileAnswers.CouldInject"/>) is parsed with AngleSharp and must hold no script but the site's own
/// <c>/js/…</c> files, no <c>on…</c> attribute, no <c>javascript:</c>/<c>data:</c> URL and no payload as markup; a JSON
/// answer must be JSON; and a redirect must stay on the site (<c>Location</c> starting with one <c>/</c>, in printable
/// ASCII). The counts of requests and statuses, and the time per route, are written to the test output.
/// </summary>
public sealed class HostileInputTests(RawKestrelArchive app, ITestOutputHelper output) : IClassFixture<RawKestrelArchive>
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
}

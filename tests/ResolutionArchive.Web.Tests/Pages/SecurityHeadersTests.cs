using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The security headers of every kind of response, HSTS over HTTPS only, and the request id (docs/operations.md).</summary>
public sealed class SecurityHeadersTests : OwnSiteTests
{
    public static TheoryData<string, HttpStatusCode> Responses() => new()
    {
        { "/", HttpStatusCode.OK },
        { "/resolutions/A/HRC/RES/53/11", HttpStatusCode.OK },
        { "/search?q=%E4%BA%BA%E6%9D%83", HttpStatusCode.OK },
        { "/countries/CHN", HttpStatusCode.OK },
        { "/api/resolutions", HttpStatusCode.OK },
        { "/api/no-such-endpoint", HttpStatusCode.NotFound },
        { "/data/votes.csv", HttpStatusCode.OK },
        { "/openapi/v1.json", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/js/permalink.js", HttpStatusCode.OK },
        { "/favicon.svg", HttpStatusCode.OK },
        { "/healthz", HttpStatusCode.OK },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/resolutions/A/HRC/RES/99/99", HttpStatusCode.NotFound },
        { "/language?culture=en&returnUrl=/", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponseCarriesTheSecurityHeadersButNoHstsOverHttp(string url, HttpStatusCode status)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(status);
        ShouldHaveTheSecurityHeaders(response);
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is sent over HTTPS only");
    }

    [Fact]
    public void TheContentSecurityPolicyAllowsNoInlineScriptOrStyle()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);

        SecurityHeaders.ContentSecurityPolicy.Should().NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        directives["default-src"].Should().Equal("'self'");
        directives["script-src"].Should().Equal("'self'");
        directives["style-src"].Should().Equal("'self'");
        directives["object-src"].Should().Equal("'none'");
        directives["frame-ancestors"].Should().Equal("'none'");
        directives["form-action"].Should().Equal("'self'");
        directives["base-uri"].Should().Equal("'self'");
    }

    [Fact]
    public async Task HstsIsSentOverHttpsForTheSitesHost()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://archive.example.org"), AllowAutoRedirect = false });

        foreach (var url in new[] { "/", "/api/resolutions", "/css/site.css", "/no-such-page" })
        {
            using var response = await client.GetAsync(url);
            response.Headers.GetValues("Strict-Transport-Security").Should().Equal(["max-age=31536000"], url);
            ShouldHaveTheSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task HstsIsNotSentToLocalhostEvenOverHttps()
    {
        // UseHsts's default exclusions: a browser must not pin HTTPS for localhost, where other sites run too.
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        ShouldHaveTheSecurityHeaders(response);
    }

    [Fact]
    public async Task AnUnhandledErrorStillCarriesTheSecurityHeadersHstsAndTheRequestId()
    {
        using var app = new BrokenSearchApplication();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://archive.example.org"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=%E4%BA%BA%E6%9D%83");
        request.Headers.Add(RequestLogging.HeaderName, "error-page-1");

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().NotContain(BrokenSearchApplication.Message);
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("h1")!.TextContent.Should().Be("出错了（500）");
        ShouldHaveTheSecurityHeaders(response);
        response.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000");
        response.Headers.GetValues(RequestLogging.HeaderName).Should().Equal("error-page-1");
    }

    [Fact]
    public void KestrelSendsNoServerHeader()
    {
        // The in-memory test server never sends one; the browser tests check a real Kestrel response.
        App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.Should().BeFalse();
    }

    [Theory]
    [InlineData("abc-123")]
    [InlineData("0HN7.Q_2-x")]
    [InlineData("0HNH4K1J5G3TM:00000001")]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234")]
    public async Task ASaneIncomingRequestIdIsEchoed(string id)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/resolutions");
        request.Headers.Add(RequestLogging.HeaderName, id);

        using var response = await client.SendAsync(request);

        response.Headers.GetValues(RequestLogging.HeaderName).Should().Equal(id);
    }

    [Theory]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    [InlineData("with space")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("中文")]
    public async Task AnInsaneIncomingRequestIdIsReplacedByTheServersOwn(string id)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation(RequestLogging.HeaderName, id).Should().BeTrue();

        using var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues(RequestLogging.HeaderName).Should().ContainSingle().Subject;
        echoed.Should().NotBeNullOrWhiteSpace().And.NotBe(id).And.NotContainAny(" ", ";", "<", "中");
    }

    [Fact]
    public async Task EachRequestGetsItsOwnIdWhenNoneIsSent()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var ids = new List<string>();
        foreach (var url in new[] { "/", "/", "/no-such-page", "/api/resolutions" })
        {
            using var response = await client.GetAsync(url);
            ids.Add(response.Headers.GetValues(RequestLogging.HeaderName).Single());
        }

        ids.Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().NotBeNullOrEmpty());
    }

    [Fact]
    public async Task EachRequestIsLoggedOnceWithItsIdInAScopeAndMicrosoftsInformationStaysFiltered()
    {
        var logs = new LogCollector();
        using var app = new LoggingApplication(logs);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page?secret=1");
        request.Headers.Add(RequestLogging.HeaderName, "log-test-42");
        logs.Entries.Clear();

        using var response = await client.SendAsync(request);
        using var ok = await client.GetAsync("/api/resolutions");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var okId = ok.Headers.GetValues(RequestLogging.HeaderName).Single();
        var lines = await RequestLinesAsync(logs, 2);
        lines.Should().HaveCount(2);
        var line = lines.Should().ContainSingle(l => Equals(l.Properties["RequestId"], "log-test-42")).Subject;
        line.Level.Should().Be(LogLevel.Information);
        line.Message.Should().StartWith("GET /no-such-page responded 404 in ").And.EndWith(" ms [log-test-42]").And.NotContain("secret");
        line.Properties.Should().Contain(new KeyValuePair<string, object?>("Method", "GET"))
            .And.Contain(new KeyValuePair<string, object?>("Path", "/no-such-page"))
            .And.Contain(new KeyValuePair<string, object?>("StatusCode", 404))
            .And.Contain(new KeyValuePair<string, object?>("RequestId", "log-test-42"))
            .And.ContainKey("ElapsedMilliseconds");
        line.Scopes.Should().Contain(new KeyValuePair<string, object?>(RequestLogging.ScopeProperty, "log-test-42"));
        lines.Should().ContainSingle(l => Equals(l.Properties["RequestId"], okId))
            .Which.Message.Should().StartWith("GET /api/resolutions responded 200 in ").And.EndWith($" ms [{okId}]");

        logs.Entries.Should().NotContain(
            e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning,
            "Program.cs keeps ASP.NET Core at Warning");
    }

    /// <summary>The request lines logged so far, once there are <paramref name="count"/> (the line is written as the response ends).</summary>
    private static async Task<List<CollectedLogEntry>> RequestLinesAsync(LogCollector logs, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lines = logs.Entries.Where(e => e.Category == RequestLogging.Category).ToList();
            if (lines.Count >= count || attempt == 100)
            {
                return lines;
            }

            await Task.Delay(50);
        }
    }

    private static void ShouldHaveTheSecurityHeaders(HttpResponseMessage response)
    {
        var url = response.RequestMessage?.RequestUri?.ToString();
        response.Headers.GetValues("Content-Security-Policy").Should().Equal([SecurityHeaders.ContentSecurityPolicy], url);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], url);
        response.Headers.GetValues("Referrer-Policy").Should().Equal(["strict-origin-when-cross-origin"], url);
        response.Headers.GetValues("X-Frame-Options").Should().Equal(["DENY"], url);
        response.Headers.Contains("Server").Should().BeFalse(url);
        response.Headers.Contains(RequestLogging.HeaderName).Should().BeTrue(url);
    }

    /// <summary>The site with a search service that cannot be built: the search page fails with an unhandled exception.</summary>
    private sealed class BrokenSearchApplication : ArchiveApplication
    {
        public const string Message = "the search is broken for this test";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ArchiveSearch>(_ => throw new InvalidOperationException(Message)));
        }
    }

    /// <summary>The site with every log entry collected.</summary>
    private sealed class LoggingApplication(LogCollector logs) : ArchiveApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}

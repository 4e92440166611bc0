using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

/// <summary>The per-client rate limit of <c>/search</c>, <c>/api</c> and <c>/data</c> (docs/operations.md).</summary>
public sealed class RateLimitTests
{
    private const int Permits = 3;

    [Theory]
    [InlineData("/api/resolutions")]
    [InlineData("/api/search?q=%E4%BA%BA%E6%9D%83")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/data/votes.csv")]
    public async Task TheApiAndTheOpenDataAnswer429InProblemJsonWithRetryAfterOnceTheLimitIsSpent(string url)
    {
        using var app = new LimitedArchiveApplication(Permits);
        using var client = app.CreateClient();

        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await client.GetAsync(url);
            allowed.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, $"request {i + 1} of {Permits} is allowed");
        }

        using var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(response).Should().BeInRange(1, 60);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetInt32().Should().Be(429);
        json.RootElement.GetProperty("title").GetString().Should().Be("Too many requests");
        json.RootElement.GetProperty("detail").GetString().Should().Contain($"at most {Permits} a minute");
    }

    [Fact]
    public async Task TheSearchPageAnswers429AsAShortHtmlPageWithRetryAfter()
    {
        using var app = new LimitedArchiveApplication(Permits);
        using var client = app.CreateClient();
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await client.GetAsync("/search?q=%E4%BA%BA%E6%9D%83");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await client.GetAsync("/search?q=%E4%BA%BA%E6%9D%83");

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var seconds = RetryAfterSeconds(response);
        seconds.Should().BeInRange(1, 60);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        document.DocumentElement.GetAttribute("lang").Should().Be("zh-Hans");
        document.Title.Should().Be("搜索过于频繁 · 联合国决议档案");
        document.QuerySelector("h1")!.TextContent.Should().Be("搜索过于频繁");
        document.QuerySelector("main p")!.TextContent.Should().Contain($"请在 {seconds} 秒后重试");
        document.QuerySelectorAll("script, [style], style").Should().BeEmpty("the page keeps to the Content-Security-Policy");

        using var english = await client.GetAsync("/search?q=%E4%BA%BA%E6%9D%83&culture=en");
        english.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var englishDocument = new HtmlParser().ParseDocument(await english.Content.ReadAsStringAsync());
        englishDocument.DocumentElement.GetAttribute("lang").Should().Be("en");
        englishDocument.Title.Should().Be("Too many searches · UN Resolution Archive");
    }

    [Fact]
    public async Task TheLimitIsSharedByTheLimitedPathsAndNeverAppliesToThePagesStaticFilesOrHealth()
    {
        using var app = new LimitedArchiveApplication(Permits);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/api/resolutions", "/search", "/data/votes.csv" })
        {
            using var allowed = await client.GetAsync(url);
            allowed.StatusCode.Should().Be(HttpStatusCode.OK, url);
        }

        foreach (var url in new[] { "/api/resolutions", "/API/countries", "/search", "/data/votes.csv", "/api/resolutions/A/HRC/RES/53/11" })
        {
            using var limited = await client.GetAsync(url);
            limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, url);
        }

        foreach (var url in new[] { "/", "/", "/", "/", "/resolutions/A/HRC/RES/53/11", "/countries/CHN", "/sessions", "/css/site.css", "/js/permalink.js", "/favicon.svg", "/healthz", "/healthz", "/healthz", "/healthz", "/openapi/v1.json", "/searching" })
        {
            using var open = await client.GetAsync(url);
            open.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, url);
            open.Headers.Contains("Retry-After").Should().BeFalse(url);
        }
    }

    [Fact]
    public async Task EachClientAddressHasItsOwnLimit()
    {
        using var app = new LimitedArchiveApplication(Permits, fakeClientAddresses: true);
        using var first = app.CreateClient();
        first.DefaultRequestHeaders.Add(FakeClientAddress.Header, "203.0.113.7");
        using var second = app.CreateClient();
        second.DefaultRequestHeaders.Add(FakeClientAddress.Header, "198.51.100.20");
        for (var i = 0; i < Permits; i++)
        {
            (await first.GetAsync("/api/countries")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await first.GetAsync("/api/countries")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await second.GetAsync("/api/countries")).StatusCode.Should().Be(HttpStatusCode.OK, "another address has its own budget");
    }

    [Fact]
    public void TheDefaultLimitIsGenerous()
    {
        using var app = new ArchiveApplication();
        _ = app.Server;

        ArchiveRateLimiting.PermitsPerMinute(app.Services.GetRequiredService<IConfiguration>()).Should().Be(600);
        ArchiveRateLimiting.PermitsPerMinute(new ConfigurationBuilder().Build()).Should().Be(ArchiveRateLimiting.DefaultPermitsPerMinute);
        ArchiveRateLimiting.DefaultPermitsPerMinute.Should().BeGreaterThanOrEqualTo(600);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("1.5")]
    public void ALimitThatIsNotAPositiveWholeNumberIsAnError(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ArchiveRateLimiting.PermitsPerMinuteKey, value)]).Build();

        var read = () => ArchiveRateLimiting.PermitsPerMinute(configuration);

        read.Should().Throw<InvalidOperationException>().WithMessage($"*{ArchiveRateLimiting.PermitsPerMinuteKey}*{value}*");
    }

    [Theory]
    [InlineData("/search", true)]
    [InlineData("/Search", true)]
    [InlineData("/api", true)]
    [InlineData("/api/resolutions/A/RES/76/159", true)]
    [InlineData("/data/votes.csv", true)]
    [InlineData("/", false)]
    [InlineData("/searching", false)]
    [InlineData("/resolutions/A/RES/76/159", false)]
    [InlineData("/healthz", false)]
    [InlineData("/css/site.css", false)]
    [InlineData("/openapi/v1.json", false)]
    public void OnlySearchApiAndDataAreLimited(string path, bool limited) =>
        ArchiveRateLimiting.IsLimited(new PathString(path)).Should().Be(limited);

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientsArePartitionedByIpv4AddressOrIpv6Network(string? address, string key) =>
        ArchiveRateLimiting.ClientKey(address is null ? null : IPAddress.Parse(address)).Should().Be(key);

    private static int RetryAfterSeconds(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("Retry-After").Single(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The site with a tiny limit, set as an operator would (<c>RateLimiting:PermitsPerMinute</c>).</summary>
    private sealed class LimitedArchiveApplication(int permits, bool fakeClientAddresses = false) : ArchiveApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(ArchiveRateLimiting.PermitsPerMinuteKey, permits.ToString(CultureInfo.InvariantCulture));
            if (fakeClientAddresses)
            {
                builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FakeClientAddress()));
            }
        }
    }

    /// <summary>Gives each in-memory request the client address of its test header (the test server has none).</summary>
    private sealed class FakeClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following();
            });
            next(app);
        };
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// The rate limit of the costly paths — the search page <c>/search</c>, the API <c>/api/…</c> and the open data
/// <c>/data/…</c> — per client address (docs/operations.md): a fixed window of one minute holding
/// <c>RateLimiting:PermitsPerMinute</c> requests (<see cref="DefaultPermitsPerMinute"/> when not set). Beyond it the
/// site answers 429 with <c>Retry-After</c> (seconds): a short HTML page for <c>/search</c>, <c>application/problem+json</c>
/// elsewhere. Every other path (the pages, static files, <c>/healthz</c>) is never limited.
/// </summary>
internal static class ArchiveRateLimiting
{
    /// <summary>The configuration key of the number of requests a client may make per minute on the limited paths.</summary>
    public const string PermitsPerMinuteKey = "RateLimiting:PermitsPerMinute";

    /// <summary>The limit when <see cref="PermitsPerMinuteKey"/> is not set: ten requests a second, sustained for a minute.</summary>
    public const int DefaultPermitsPerMinute = 600;

    /// <summary>The length of the window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const string NotLimited = "(not limited)";

    private static readonly string[] LimitedPrefixes = ["/search", "/api", "/data"];

    /// <summary>
    /// Registers the limiter. The limit is read from configuration when the limiter is built as the site starts (after
    /// every configuration source, a test host's settings included, has been added); an invalid value stops the start.
    /// </summary>
    public static IServiceCollection AddArchiveRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = PermitsPerMinute(configuration);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(NotLimited));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>The configured limit per client and minute; a value that is not a positive whole number is an error.</summary>
    public static int PermitsPerMinute(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[PermitsPerMinuteKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultPermitsPerMinute;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) && permits > 0
            ? permits
            : throw new InvalidOperationException($"{PermitsPerMinuteKey} must be a positive whole number, not “{value}”.");
    }

    /// <summary>True for the limited paths: <c>/search</c>, <c>/api</c>, <c>/data</c> and everything under them.</summary>
    public static bool IsLimited(PathString path) =>
        LimitedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The partition of a client: its IPv4 address, or the /64 network of an IPv6 address (one host usually holds a
    /// whole /64); <c>unknown</c> when the server knows no address (the in-memory test server).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";

        if (context.Request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(TooManyRequestsPage(seconds), cancellationToken);
            return;
        }

        await TypedResults.Problem(
                detail: $"Too many requests from this address: at most {PermitsPerMinute(context.RequestServices.GetRequiredService<IConfiguration>())} a minute. Retry after {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests")
            .ExecuteAsync(context);
    }

    /// <summary>The short page of a limited search, in the interface's language (the request culture is already set).</summary>
    private static string TooManyRequestsPage(int seconds)
    {
        var english = UiCulture.IsEnglish;
        var lang = english ? UiCulture.English : UiCulture.Chinese;
        var title = english ? "Too many searches" : "搜索过于频繁";
        var text = english
            ? $"This address has sent too many requests in the last minute. Please try again in {seconds} seconds."
            : $"此地址在一分钟内发出的请求过多。请在 {seconds} 秒后重试。";
        var home = english ? "All resolutions" : "全部决议";
        var site = english ? "UN Resolution Archive" : "联合国决议档案";
        return $"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title} · {site}</title>
                <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
                <main id="main">
                    <h1>{title}</h1>
                    <p>{text}</p>
                    <p><a href="/">{home}</a></p>
                </main>
            </body>
            </html>

            """;
    }
}

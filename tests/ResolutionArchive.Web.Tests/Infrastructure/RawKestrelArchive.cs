using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResolutionArchive.Web.Hosting;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// One answer: status, media type, Location, the hash of the raw target the site saw (null when the site did not see
/// it), body, and the site's time to the answer's first byte.
/// </summary>
public sealed record RawResponse(HttpStatusCode Status, string? MediaType, string? Location, string? RawTargetHash, string Body, TimeSpan ServerTime);

/// <summary>
/// The site on Kestrel for <see cref="Pages.HostileInputTests"/> (one for all the tests of the class), with a recorder that echoes a hash of each request's raw
/// target in a response header, a logger that keeps the exceptions the site logs (and nothing else: no console line
/// per request), and a client that sends targets exactly as written (no URI canonicalisation, no redirects followed,
/// no cookies kept).
/// </summary>
public sealed class RawKestrelArchive : ArchiveApplication
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

    public RawKestrelArchive()
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

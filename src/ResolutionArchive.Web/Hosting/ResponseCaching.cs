using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// The settings of the response cache (configuration section <c>ResponseCaching</c>; docs/performance.md, "Load").
/// </summary>
internal sealed class ResponseCachingSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ResponseCaching";

    /// <summary>
    /// True (the default) to keep the pages and the API's answers in the output cache and to answer
    /// <c>If-None-Match</c> with 304; false serves every request fresh and sends no ETag (for measuring).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How old the archive revision that keys the cache may be. Zero (the default) reads the revision (one indexed row
    /// of <c>ArchiveRevision</c>, a few microseconds on a connection kept open) for every cacheable request, so a page is
    /// never served from the cache after an import has committed. A positive value reads it at most once per interval
    /// (by the first request after the interval has passed), so a page may be served up to that long after the import
    /// that changed it.
    /// </summary>
    public TimeSpan RevisionCheckInterval { get; set; } = TimeSpan.Zero;

    /// <summary>True (the default) to compress responses with Brotli or gzip (<c>ResponseCompression</c>).</summary>
    public bool Compression { get; set; } = true;

    /// <summary>How long an entry stays in the output cache at most, whatever the revision; 10 minutes by default.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The response cache of the site (docs/performance.md, "Load"). For a cacheable request — GET or HEAD of a Razor page
/// (except <c>/Error</c>) or of <c>/api</c>, <c>/data</c> or <c>/openapi</c> — it:
/// <list type="bullet">
/// <item>keys the response by the archive's revision (<see cref="RevisionMonitor"/>), the culture and UI culture (from
/// the query string or the culture cookie, so a page is never served in another language), the path (case-sensitive),
/// the raw query string (as sent: another order or case of the parameters is another entry) and <c>Accept-Encoding</c>;</item>
/// <item>sends <c>ETag: W/"revision-hash"</c> (the hash covers the cultures, the path and the query) and
/// <c>Cache-Control: private, no-cache</c> with each 200, and answers a matching <c>If-None-Match</c> with 304 and no
/// body before any page runs;</item>
/// <item>keeps 200 responses without <c>Set-Cookie</c> in the ASP.NET Core output cache (compressed: the compression
/// runs inside the cache), so a page is rendered and compressed once per revision, culture and encoding.</item>
/// </list>
/// It runs after the rate limiter, which therefore still counts and refuses cached answers, and inside the request log
/// and the security headers, which are added to every answer as it starts, cached or not.
/// </summary>
internal static class ResponseCaching
{
    /// <summary>The <c>Cache-Control</c> of cacheable 200 responses: browsers keep them but ask again (with the ETag) each time.</summary>
    public const string CacheControl = "private, no-cache";

    /// <summary>The MIME types compressed besides ASP.NET Core's defaults (HTML, CSS, JS, JSON, XML, plain text).</summary>
    public static readonly IReadOnlyList<string> ExtraCompressedTypes = ["text/csv", "application/akn+xml", "application/problem+json", "image/svg+xml"];

    private static readonly string[] CachedPrefixes = ["/api", "/data", "/openapi"];

    /// <summary>
    /// Registers the settings (section <see cref="ResponseCachingSettings.Section"/>), the output cache (size limit
    /// 256 MB, case-sensitive paths), the revision reader and Brotli/gzip compression (also over HTTPS: the site's
    /// answers hold no secret and no per-user data, so BREACH has nothing to find).
    /// </summary>
    public static IServiceCollection AddArchiveResponseCaching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ResponseCachingSettings>(configuration.GetSection(ResponseCachingSettings.Section));
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            options.UseCaseSensitivePaths = true;
            options.AddBasePolicy(new ArchiveOutputCachePolicy());
        });
        services.AddSingleton<RevisionMonitor>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, .. ExtraCompressedTypes];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// The validators (ETag, 304), the output cache and the compression, in that order. Call it after the request
    /// culture and the rate limiter, before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseArchiveResponseCaching(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.ApplicationServices.GetRequiredService<IOptions<ResponseCachingSettings>>().Value;
        if (settings.Enabled)
        {
            var revision = app.ApplicationServices.GetRequiredService<RevisionMonitor>();
            app.Use((context, next) => ValidateAsync(context, next, revision));
            app.UseOutputCache();
        }

        if (settings.Compression)
        {
            app.UseResponseCompression();
        }

        return app;
    }

    /// <summary>
    /// True for the requests whose answers are cached: GET or HEAD of a Razor page other than <c>/Error</c>, or of a
    /// path under <c>/api</c>, <c>/data</c> or <c>/openapi</c>. Static files (they have their own ETags and precompressed
    /// copies), <c>/healthz</c> and the language switch are not.
    /// </summary>
    public static bool IsCacheable(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }

        // while the UN corpus loads, the home page says how far it has gone: each answer is fresh
        if (request.Path == "/" && context.RequestServices.GetService<CorpusProgress>() is { IsLoading: true })
        {
            return false;
        }

        if (request.Path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null
            || CachedPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The weak ETag of a response: <c>W/"{revision}-{16 hex digits}"</c>, the digits the start of the SHA-256 of the
    /// culture, the UI culture, the path and the query string. The content is a function of these (docs/performance.md).
    /// </summary>
    public static string ETag(long revision, string culture, string uiCulture, string path, string query)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', culture, uiCulture, path, query)));
        return $"W/\"{revision.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}\"";
    }

    /// <summary>True when an <c>If-None-Match</c> header lists <paramref name="etag"/> (weak comparison) or is <c>*</c>.</summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    private static async Task ValidateAsync(HttpContext context, RequestDelegate next, RevisionMonitor revisions)
    {
        if (!IsCacheable(context) || await revisions.CurrentAsync(context.RequestAborted) is not { } revision)
        {
            await next(context);
            return;
        }

        var state = new CacheState(revision, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        context.Features.Set(state);
        var etag = ETag(revision, state.Culture, state.UiCulture, context.Request.PathBase + context.Request.Path, context.Request.QueryString.Value ?? "");
        if (IsAny(context.Request.Headers.IfNoneMatch))
        {
            await ValidateAnyAsync(context, next, etag);
            return;
        }

        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = CacheControl;
            return;
        }

        context.Response.OnStarting(static s =>
        {
            var (response, tag) = ((HttpResponse, string))s;
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                response.Headers.ETag = tag;
                response.Headers.CacheControl = CacheControl;
            }

            return Task.CompletedTask;
        }, (context.Response, etag));
        await next(context);
    }

    /// <summary>True when <c>If-None-Match</c> is <c>*</c> (alone or in a list).</summary>
    private static bool IsAny(StringValues ifNoneMatch) =>
        !StringValues.IsNullOrEmpty(ifNoneMatch) && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags) && tags.Any(t => t.Equals(EntityTagHeaderValue.Any));

    /// <summary>
    /// <c>If-None-Match: *</c> (RFC 9110 §13.1.2): the condition is false — 304 — only when a current representation
    /// exists, which only the handler knows. So the handler runs with its body held back: a 200 becomes a 304 with the
    /// ETag and no body; any other answer (404, 400, a redirect) is sent as it is (issue 14 item 8). Clients send this
    /// rarely, so holding one answer in memory costs little.
    /// </summary>
    private static async Task ValidateAnyAsync(HttpContext context, RequestDelegate next, string etag)
    {
        var original = context.Response.Body;
        await using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = CacheControl;
            context.Response.Headers.ContentLength = null;
            context.Response.Headers.ContentType = default;
            context.Response.Headers.ContentEncoding = default;
            return;
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>What the validator found for a cacheable request, for the output cache policy.</summary>
    internal sealed record CacheState(long Revision, string Culture, string UiCulture);

    /// <summary>
    /// The output cache policy: cache what <see cref="ValidateAsync"/> marked cacheable, keyed as described on
    /// <see cref="ResponseCaching"/>; store only 200 responses that set no cookie.
    /// </summary>
    private sealed class ArchiveOutputCachePolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var state = context.HttpContext.Features.Get<CacheState>();
            var cacheable = state is not null && IsCacheable(context.HttpContext);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = cacheable;
            if (!cacheable)
            {
                return ValueTask.CompletedTask;
            }

            var settings = context.HttpContext.RequestServices.GetRequiredService<IOptions<ResponseCachingSettings>>().Value;
            // The raw query string, not QueryKeys = "*": the output cache's key builder sorts the values of a repeated
            // parameter in place, which would change what the page reads (?body=XYZ&body=GA would read GA first), and
            // pages may answer differently to another order of the same values.
            context.CacheVaryByRules.VaryByValues["query"] = context.HttpContext.Request.QueryString.Value ?? "";
            context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
            context.CacheVaryByRules.VaryByValues["revision"] = state!.Revision.ToString(CultureInfo.InvariantCulture);
            context.CacheVaryByRules.VaryByValues["culture"] = state.Culture;
            context.CacheVaryByRules.VaryByValues["ui-culture"] = state.UiCulture;
            context.Tags.Add(RevisionMonitor.Tag(state.Revision));
            context.ResponseExpirationTimeSpan = settings.Expiration;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// The security headers of every response — pages, the API, static files, error pages and the rate limiter's 429s
/// (docs/operations.md). They are added when the response starts, so that the exception handler clearing the headers
/// of a failed response does not lose them. HSTS is added to HTTPS responses only, outside Development.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The Content-Security-Policy: everything from the site itself, no inline script or style (no
    /// <c>'unsafe-inline'</c>), images also as <c>data:</c> URLs, no plugins, no framing, forms only to the site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The path of the rendered API reference (Swagger UI, served from its package: Program.cs, docs/api.md).
    /// </summary>
    public const string ApiReferencePath = "/api-reference";

    /// <summary>
    /// The Content-Security-Policy of the API reference: the site's, and the hash of the one <c>&lt;style&gt;</c> element
    /// Swagger UI 5.34.1 (Swashbuckle.AspNetCore.SwaggerUI 11.0.1) writes into its page — the exact text, nothing else
    /// inline. Its script and its other styles are files of the site. <c>ApiReferenceBrowserTests</c> fails when an
    /// upgrade of the package writes another style (the console names the new hash).
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
        + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Referrer-Policy: the full URL within the site, only the origin elsewhere, nothing to HTTP from HTTPS.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>How long browsers remember to use HTTPS only (the <c>max-age</c> of Strict-Transport-Security).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// Registers the HSTS options (one year, without subdomains or preload; the default exclusion of <c>localhost</c>,
    /// <c>127.0.0.1</c> and <c>[::1]</c> stays) and turns off Kestrel's <c>Server</c> header.
    /// </summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHsts(options => options.MaxAge = HstsMaxAge);
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Adds the headers to every response. Call it first, before the exception handler; HSTS comes after the exception
    /// handler (<see cref="UseStrictTransportSecurity"/>).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                headers.ContentSecurityPolicy = response.HttpContext.Request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
                    ? ApiReferenceContentSecurityPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.XFrameOptions = "DENY";
                headers.Remove("Server");
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Strict-Transport-Security on HTTPS responses outside Development (<c>UseHsts</c>). Call it after the exception
    /// handler and the status code pages: they clear a failed response's headers and run the rest of the pipeline
    /// again for the error page, which then gets the header too.
    /// </summary>
    public static WebApplication UseStrictTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}

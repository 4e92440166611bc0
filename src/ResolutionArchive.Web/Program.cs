using ResolutionArchive.Data;
using ResolutionArchive.Web.Api;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Pages.Countries;
using ResolutionArchive.Web.Presentation;

// `--seeds-only` is a switch: the configuration's command line takes values, so it is given its value here.
var builder = WebApplication.CreateBuilder([.. args.Select(a => a == "--seeds-only" ? $"--{ArchiveOptions.SeedsOnlyKey}=true" : a)]);

// Static assets are served from the build's manifest in every environment, so `dotnet run` works from any folder.
builder.WebHost.UseStaticWebAssets();

// The log levels live here, not only in appsettings.json: `dotnet run` starts the site in the caller's folder, where
// the project's appsettings.json is not the content root's.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
// Razor writes text as it is, escaping only what HTML needs (< > & " ' and the characters the encoder always refuses):
// the default encoder allows Basic Latin only and sent every Chinese character as &#x…; (117 kB for 53/11 instead of
// 74 kB, and a page source nobody could read). docs/performance.md "Page bytes".
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages().AddViewLocalization();
builder.Services.AddArchiveApi();
// One search service for the site: it keeps the ranked lists and facets in memory until an import changes the archive.
builder.Services.AddSingleton<ResolutionArchive.Data.Search.ArchiveSearch>();
// Likewise the recorded votes for the country pages and the open data (docs/voting.md).
builder.Services.AddSingleton<ResolutionArchive.Data.Voting.VotingRecords>();
// And the paragraph lineage's series and origins (docs/lineage.md).
builder.Services.AddSingleton<ResolutionArchive.Data.Lineage.LineageGraph>();
// The UN corpus shipped with the site, loaded in the background on the first start (docs/operations.md §8).
builder.Services.AddSingleton<CorpusProgress>();
// And the home list's orders and facet groups (docs/browse.md; docs/performance.md "Voting at scale").
builder.Services.AddSingleton<ResolutionArchive.Web.Pages.BrowseIndex>();
builder.Services.AddHostedService<CorpusLoader>();
// Where the archive is and how it is opened: bound once, validated before the site serves (ArchiveOptions).
builder.Services.AddArchiveOptions();
builder.Services.AddDbContext<ArchiveDbContext>((services, options) =>
{
    var archive = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArchiveOptions>>().Value;
    options.UseArchive(archive.DatabasePath, archive.ReadOnly);
});
// Production readiness (docs/operations.md): security headers and HSTS, no Server banner, a per-client rate limit on
// /search, /api and /data, the /healthz endpoint, and one log line per request with its X-Request-Id.
builder.AddSecurityHeaders();
builder.Services.AddArchiveRateLimiting();
builder.Services.AddArchiveHealthChecks();
// Behind a reverse proxy (docs/operations.md §1) the client's address and scheme come from X-Forwarded-For and
// X-Forwarded-Proto, trusted from the loopback proxy and from the addresses listed in ForwardedHeaders:KnownProxies.
builder.Services.AddArchiveForwardedHeaders(builder.Configuration);
// The output cache, ETags and compression of the pages and the API, keyed by the archive's revision (docs/performance.md, "Load").
builder.Services.AddArchiveResponseCaching(builder.Configuration);

var app = builder.Build();

// A database that cannot be opened (missing folder rights, read-only and out of date, corrupt, locked) stops the start
// with one clear log line and exit code 1, never a stack trace (docs/operations.md §4).
if (!await ArchiveStartup.TryPrepareAsync(app.Services, app.Logger))
{
    Environment.ExitCode = 1;
    // Disposing the app flushes the console logger's queue: without it the process could end before the critical
    // line is written, and the operator would see no reason (StartupFaultTests caught it on a loaded machine).
    await app.DisposeAsync();
    return;
}

// The client's real address first: the rate limiter and the request log use it.
app.UseForwardedHeaders();

// The request log and the security headers come first, so that they see every response, the error pages' included.
app.UseRequestLogging();
app.UseSecurityHeaders();
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseStrictTransportSecurity();
app.UseRequestLocalization(UiCulture.Options());
// A symbol sent as one encoded segment (/api/resolutions/A%2FRES%2F76%2F159, as generated OpenAPI clients send it) is
// the same record as its slashed form (docs/api.md "Symbols in paths").
app.UseEncodedSymbolPaths();
// The API reference, rendered from /openapi/v1.json by Swagger UI served from its package (docs/api.md).
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "api-reference";
    options.SwaggerEndpoint("/openapi/v1.json", "ResolutionArchive API");
    options.DocumentTitle = "ResolutionArchive API";
});
app.UseRouting();
// After the request culture, so that the 429 page of /search speaks the reader's language.
app.UseRateLimiter();
// After the rate limiter, so that cached answers and 304s still count against the limit.
app.UseArchiveResponseCaching();
app.MapStaticAssets();
// The site only reads: its pages answer GET and HEAD, and any other method 405 (docs/operations.md).
app.MapRazorPages().WithStaticAssets().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
app.MapArchiveApi();
app.MapLanguageSwitch();
app.MapComparePicker();
app.MapArchiveHealthChecks();

await app.RunAsync();

/// <summary>The web application's entry point (public so that tests can host it with WebApplicationFactory).</summary>
public partial class Program;

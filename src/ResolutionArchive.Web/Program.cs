using ResolutionArchive.Data;
using ResolutionArchive.Web.Api;
using ResolutionArchive.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Static assets are served from the build's manifest in every environment, so `dotnet run` works from any folder.
builder.WebHost.UseStaticWebAssets();

// The log levels live here, not only in appsettings.json: `dotnet run` starts the site in the caller's folder, where
// the project's appsettings.json is not the content root's.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorPages().AddViewLocalization();
builder.Services.AddArchiveApi();
// One search service for the site: it keeps the ranked lists and facets in memory until an import changes the archive.
builder.Services.AddSingleton<ResolutionArchive.Data.Search.ArchiveSearch>();
// Likewise the recorded votes for the country pages and the open data (docs/voting.md).
builder.Services.AddSingleton<ResolutionArchive.Data.Voting.VotingRecords>();
// And the paragraph lineage's series and origins (docs/lineage.md).
builder.Services.AddSingleton<ResolutionArchive.Data.Lineage.LineageGraph>();
builder.Services.AddDbContext<ArchiveDbContext>((services, options) =>
    options.UseArchive(ArchiveLocation.DatabasePath(services.GetRequiredService<IConfiguration>())));

var app = builder.Build();

await ArchiveStartup.PrepareAsync(app.Services, app.Logger);

app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseRequestLocalization(UiCulture.Options());
app.UseRouting();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapArchiveApi();
app.MapLanguageSwitch();

await app.RunAsync();

/// <summary>The web application's entry point (public so that tests can host it with WebApplicationFactory).</summary>
public partial class Program;

using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ResolutionArchive.Data;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// The real site over its own temporary SQLite file (davidfowl/TodoApi's TodoApplication, with a file instead of
/// :memory: because the site opens its own connections). The file is deleted on dispose.
/// </summary>
public class ArchiveApplication : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("archive-web-").FullName;

    /// <summary>A site over a new database file in a new temporary folder, or over <paramref name="databasePath"/>.</summary>
    public ArchiveApplication(string? databasePath = null) =>
        DatabasePath = databasePath ?? Path.Combine(_folder, "archive.db");

    /// <summary>The database file this application uses (set through the <c>db</c> setting, as <c>--db</c> does).</summary>
    public string DatabasePath { get; }

    /// <summary>A new context on the application's database, for arranging data and checking it.</summary>
    public ArchiveDbContext CreateDbContext() => new(ArchiveDatabase.Options(DatabasePath));

    /// <summary>GETs <paramref name="url"/> without following redirects and parses the HTML with AngleSharp.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetDocumentAsync(string url)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return (response, document);
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", DatabasePath);
        // the seeds only: a test that needs the UN corpus loaded says so (CorpusLoadingTests)
        builder.UseSetting("SeedsOnly", "true");
        builder.UseEnvironment("Production");
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow machine: the temp folder is cleaned by the OS
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Faults;

/// <summary>
/// Issue 8, "concurrency" and "faults", where the site serves (WebApplicationFactory): its database is in WAL mode; a
/// corruption found only while serving gives the site's error page, never details; the read-only mode serves an
/// up-to-date archive without writing to it.
/// </summary>
public sealed class ServingFaultTests
{
    [Fact]
    public async Task TheSitesDatabaseIsInWalMode()
    {
        using var app = new ArchiveApplication();
        _ = app.Server;

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        (await command.ExecuteScalarAsync()).Should().Be("wal");
    }

    [Fact]
    public async Task CorruptionFoundWhileServingGivesTheErrorPageWithoutDetails()
    {
        using var archive = new FaultyArchive();
        var path = await archive.SeededAsync();
        using var app = new ArchiveApplication(path);
        (await app.GetDocumentAsync("/resolutions/A/RES/76/159")).Response.StatusCode.Should().Be(HttpStatusCode.OK, "the archive was sound at the start");

        FaultyArchive.Scramble(path, offset: 4096);
        var (response, document) = await app.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        document.QuerySelector("h1")!.TextContent.Should().Contain("出错了", "the site's own error page");
        var html = document.DocumentElement.OuterHtml;
        html.Should().NotContain("SqliteException").And.NotContain("malformed").And.NotContain(" at ResolutionArchive", "no details reach the reader");
    }

    [Fact]
    public async Task ReadOnlyModeServesAnUpToDateArchiveWithoutWritingIt()
    {
        using var archive = new FaultyArchive();
        var path = await archive.SeededAsync();
        var before = await File.ReadAllBytesAsync(path);
        using (var app = new ReadOnlyApplication(path))
        {
            var (response, document) = await app.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            document.QuerySelector("h1")!.TextContent.Should().NotBeEmpty();
            (await app.GetDocumentAsync("/search?q=人权")).Response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await File.ReadAllBytesAsync(path)).Should().Equal(before, "read-only mode neither migrates, nor seeds, nor writes");
    }

    private sealed class ReadOnlyApplication(string path) : ArchiveApplication(path)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReadOnly", "true");
        }
    }
}

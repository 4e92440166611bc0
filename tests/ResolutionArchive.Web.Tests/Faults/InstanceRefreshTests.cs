using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Faults;

/// <summary>
/// The refresh of a read-only instance (docs/operations.md §2): the instance serves a rollback-journal copy of the
/// master with <c>ReadOnly=true</c>; a new copy, made after a change to the master, is renamed over the served one while
/// the site runs; the next requests show the new archive — pages, cached pages (the output cache keys by the revision,
/// read through connections that notice the new file) and the API — without a restart.
/// </summary>
public sealed class InstanceRefreshTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("archive-refresh-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ACopyRenamedOverTheServedOneIsServedOnTheNextRequest()
    {
        var master = Path.Combine(_folder, "master", "archive.db");
        using (var seeding = new ArchiveApplication(master))
        {
            _ = seeding.Server; // the site's start imports the seeds into the master
        }

        var served = Path.Combine(_folder, "instance-1", "archive.db");
        await CopyForInstanceAsync(master, served);
        using var instance = new ReadOnlyInstance(served);
        using var client = instance.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync("/resolutions/A/HRC/RES/46/13")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/resolutions/A/HRC/RES/46/13")).StatusCode.Should().Be(HttpStatusCode.OK, "now from the output cache");
        var listBefore = await client.GetStringAsync("/api/resolutions");
        listBefore.Should().Contain("A/HRC/RES/46/13");

        await using (var db = new ArchiveDbContext(ArchiveDatabase.Options(master)))
        {
            (await RecordDeletion.DeleteAsync(db, "A/HRC/RES/46/13")).Should().BeTrue();
        }

        await CopyForInstanceAsync(master, served);

        (await client.GetAsync("/resolutions/A/HRC/RES/46/13")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the next request reads the new copy");
        var listAfter = await client.GetStringAsync("/api/resolutions");
        listAfter.Should().NotContain("A/HRC/RES/46/13").And.Contain("A/HRC/RES/53/11");
        (await client.GetAsync("/resolutions/A/HRC/RES/53/11")).StatusCode.Should().Be(HttpStatusCode.OK);
        Directory.GetFiles(Path.GetDirectoryName(served)!).Should().Equal([served], "a read-only instance leaves no -wal or -shm beside its copy");
    }

    /// <summary>What <c>backup --for-instance</c> does (the CLI's BackupVerb, tested in the CLI's tests): online backup, rollback journal, rename.</summary>
    private static async Task CopyForInstanceAsync(string master, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".next";
        await using (var from = new SqliteConnection(ArchiveDatabase.ConnectionString(master, readOnly: true)))
        await using (var to = new SqliteConnection(ArchiveDatabase.ConnectionString(temporary)))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
            await using var journal = to.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = DELETE";
            (await journal.ExecuteScalarAsync()).Should().Be("delete");
        }

        File.Move(temporary, target, overwrite: true);
    }

    private sealed class ReadOnlyInstance(string path) : ArchiveApplication(path)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReadOnly", "true");
        }
    }
}

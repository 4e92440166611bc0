using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

public sealed class StartupTests
{
    [Fact]
    public async Task CreatesTheDatabaseAtTheDbSettingAndFillsItWithTheSeeds()
    {
        using var app = new ArchiveApplication();
        File.Exists(app.DatabasePath).Should().BeFalse();

        _ = app.Server;

        File.Exists(app.DatabasePath).Should().BeTrue();
        await using var db = app.CreateDbContext();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Resolutions.Select(r => r.Key).OrderBy(k => k).ToListAsync()).Should().HaveCount(5).And.Contain(["A/HRC/RES/37/23", "A/HRC/RES/46/13", "A/HRC/RES/53/11", "A/RES/76/159"]);
        (await db.Resolutions.Select(r => r.SourceFile).ToListAsync()).Should().OnlyContain(f => f.StartsWith("seeds/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeavesADatabaseThatHoldsResolutionsAsItIs()
    {
        using var first = new ArchiveApplication();
        _ = first.Server;
        await using (var db = first.CreateDbContext())
        {
            await db.Resolutions.Where(r => r.Key == "A/HRC/RES/37/23").ExecuteDeleteAsync();
        }

        // a second start on the same file must neither re-import nor touch it
        using var second = new ArchiveApplication(first.DatabasePath);
        _ = second.Server;

        await using var check = first.CreateDbContext();
        (await check.Resolutions.CountAsync()).Should().Be(4);
    }
}
